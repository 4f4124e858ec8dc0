-- Creates one login role per service and the database it owns (docs/architecture.md, "1. Services and what each
-- owns": each service owns its own database):
-- a service logs in as its role, which can create tables in its own database only, never as the superuser.
-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d), with psql: the
-- passwords come from the container's environment (docker-compose.yml); an unset one stops the script.
-- Each service creates its own schema with Flyway on start.
\set ON_ERROR_STOP on

\getenv ingest_password NEWSROOM_INGEST_DB_PASSWORD
\getenv editorial_password NEWSROOM_EDITORIAL_DB_PASSWORD
\getenv publish_password NEWSROOM_PUBLISH_DB_PASSWORD
\getenv notify_password NEWSROOM_NOTIFY_DB_PASSWORD

CREATE ROLE newsroom_ingest LOGIN PASSWORD :'ingest_password';
CREATE ROLE newsroom_editorial LOGIN PASSWORD :'editorial_password';
CREATE ROLE newsroom_publish LOGIN PASSWORD :'publish_password';
CREATE ROLE newsroom_notify LOGIN PASSWORD :'notify_password';

-- The owner also owns the public schema there (PostgreSQL 15: pg_database_owner), so Flyway can migrate.
CREATE DATABASE newsroom_ingest OWNER newsroom_ingest;
CREATE DATABASE newsroom_editorial OWNER newsroom_editorial;
CREATE DATABASE newsroom_publish OWNER newsroom_publish;
CREATE DATABASE newsroom_notify OWNER newsroom_notify;

-- Only its owner (and the superuser) may connect to a service's database.
REVOKE CONNECT, TEMPORARY ON DATABASE newsroom_ingest, newsroom_editorial, newsroom_publish, newsroom_notify
    FROM PUBLIC;
