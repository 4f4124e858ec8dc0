-- Creates the four service databases (DESIGN.md §2: each service owns its own database).
-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d).
-- Each service creates its own schema with Flyway on start.
CREATE DATABASE newsroom_ingest;
CREATE DATABASE newsroom_editorial;
CREATE DATABASE newsroom_publish;
CREATE DATABASE newsroom_notify;
