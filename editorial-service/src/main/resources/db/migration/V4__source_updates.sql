-- The source moves on after ingest: updates (versioned), withdrawals, embargoes.
ALTER TABLE story
    ADD COLUMN source_version   INTEGER,
    ADD COLUMN source_changed   BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN embargoed_until  TIMESTAMPTZ,
    ADD COLUMN withdrawn_at     TIMESTAMPTZ,
    ADD COLUMN withdrawn_reason TEXT,
    ADD COLUMN kill_proposed    BOOLEAN     NOT NULL DEFAULT FALSE;
