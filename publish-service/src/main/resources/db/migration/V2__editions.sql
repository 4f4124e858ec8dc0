-- An approved edition, kept as its approval snapshot; published at once or at publish_at.
CREATE TABLE edition (
    id           UUID PRIMARY KEY,
    slug         VARCHAR(100) NOT NULL UNIQUE,
    title        TEXT         NOT NULL,
    edition_date DATE         NOT NULL,
    snapshot     TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    publish_at   TIMESTAMPTZ,
    published_at TIMESTAMPTZ
);
-- The scheduler looks only for due scheduled editions.
CREATE INDEX edition_scheduled ON edition (publish_at) WHERE status = 'SCHEDULED';
CREATE INDEX edition_published ON edition (published_at DESC) WHERE status = 'PUBLISHED';
