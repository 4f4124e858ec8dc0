-- Editing, the full workflow and the field-level audit (issue 4).

-- The source copy as ingest sent it stays apart from the editors' copy (headline, summary, byline, outlet, outlet_url).
ALTER TABLE story
    ADD COLUMN source_headline   VARCHAR(500),
    ADD COLUMN source_summary    TEXT,
    ADD COLUMN source_byline     VARCHAR(300),
    ADD COLUMN source_outlet     VARCHAR(200),
    ADD COLUMN source_outlet_url VARCHAR(2000),
    ADD COLUMN editors_note      TEXT,
    ADD COLUMN sections          TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN assignee          VARCHAR(200),
    ADD COLUMN edited            BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN updated_at        TIMESTAMPTZ,
    ADD COLUMN updated_by        VARCHAR(200),
    ADD COLUMN published_at      TIMESTAMPTZ,
    ADD COLUMN publication_id    UUID,
    ADD COLUMN publication_url   VARCHAR(2000),
    ADD COLUMN correction_note   TEXT,
    ADD COLUMN kill_reason       TEXT;

UPDATE story SET source_headline = headline, source_summary = summary, source_byline = byline,
                 source_outlet = outlet, source_outlet_url = outlet_url, updated_at = created_at;
ALTER TABLE story ALTER COLUMN source_headline SET NOT NULL,
                  ALTER COLUMN source_outlet SET NOT NULL,
                  ALTER COLUMN updated_at SET NOT NULL;

-- Free text over the editors' copy (headline weighs most), for the queue's q= filter.
ALTER TABLE story ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(editors_note, '')), 'C')) STORED;
CREATE INDEX story_search ON story USING GIN (search);
CREATE INDEX story_sections ON story USING GIN (sections);
-- Keyset pagination over everything (no status filter) and per assignee / source.
CREATE INDEX story_created ON story (created_at, id);
CREATE INDEX story_assignee_created ON story (assignee, created_at, id) WHERE assignee IS NOT NULL;
CREATE INDEX story_source_created ON story (source, created_at, id);

-- The audit trail records every change, not only status moves: what was done, the field-level diff, the reason.
ALTER TABLE story_transition
    ADD COLUMN action  VARCHAR(20) NOT NULL DEFAULT 'APPROVE',
    ADD COLUMN changes JSONB,
    ADD COLUMN reason  TEXT;
ALTER TABLE story_transition ALTER COLUMN action DROP DEFAULT;
