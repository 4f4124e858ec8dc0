-- An edition (or breaking publication) is fanned out to its readers page by page, keyset-ordered by subscriber id,
-- in short transactions of its own: the consumer only records that it is due. The cursor survives a restart.
CREATE TABLE fanout (
    subject_id       UUID        PRIMARY KEY,
    kind             VARCHAR(16) NOT NULL CHECK (kind IN ('EDITION', 'PUBLICATION')),
    sections         TEXT        NOT NULL DEFAULT '',
    after_subscriber UUID        NOT NULL,
    done             BOOLEAN     NOT NULL DEFAULT false,
    pages            INT         NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX fanout_due ON fanout (created_at) WHERE NOT done;

-- The sender claims edition and publication deliveries separately: each claim gets an index holding only its kind,
-- instead of walking past 100,000 due rows of the other kind.
CREATE INDEX delivery_due_edition ON delivery (next_attempt_at) WHERE status = 'PENDING' AND edition_id IS NOT NULL;
CREATE INDEX delivery_due_publication ON delivery (next_attempt_at)
    WHERE status = 'PENDING' AND publication_id IS NOT NULL;
DROP INDEX delivery_due;
