-- A publication now carries the whole approved story, can be held until its embargo ends, corrected (new versions)
-- and retracted. The publication row is its current version; every version, the first included, is kept as it was.
ALTER TABLE publication
    ADD COLUMN status            VARCHAR(20) NOT NULL DEFAULT 'PUBLISHED',
    ADD COLUMN editors_note      TEXT,
    ADD COLUMN sections          TEXT[]      NOT NULL DEFAULT '{}',
    -- Section slugs, as they appear in /sections/{section}: what the section filters match.
    ADD COLUMN section_keys      TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN body_html         TEXT,
    ADD COLUMN dateline          TEXT,
    ADD COLUMN image_url         TEXT,
    ADD COLUMN image_caption     TEXT,
    ADD COLUMN image_credit      TEXT,
    ADD COLUMN rights            TEXT,
    ADD COLUMN author_bio        TEXT,
    ADD COLUMN correction_note   TEXT,
    ADD COLUMN updated_at        TIMESTAMPTZ,
    ADD COLUMN embargoed_until   TIMESTAMPTZ,
    ADD COLUMN retraction_reason TEXT,
    ADD COLUMN retracted_at      TIMESTAMPTZ,
    ALTER COLUMN published_at DROP NOT NULL;
ALTER TABLE publication ALTER COLUMN status DROP DEFAULT;

-- The embargo scheduler looks only for held publications.
CREATE INDEX publication_embargoed ON publication (embargoed_until) WHERE status = 'EMBARGOED';
CREATE INDEX publication_section_keys ON publication USING GIN (section_keys);

CREATE TABLE publication_version (
    id              UUID PRIMARY KEY,
    publication_id  UUID        NOT NULL REFERENCES publication (id),
    version         INT         NOT NULL,
    headline        TEXT        NOT NULL,
    summary         TEXT,
    byline          TEXT,
    outlet          TEXT        NOT NULL,
    outlet_url      TEXT,
    editors_note    TEXT,
    sections        TEXT[]      NOT NULL,
    body_html       TEXT,
    dateline        TEXT,
    image_url       TEXT,
    image_caption   TEXT,
    image_credit    TEXT,
    rights          TEXT,
    author_bio      TEXT,
    correction_note TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT publication_version_number UNIQUE (publication_id, version)
);

INSERT INTO publication_version (id, publication_id, version, headline, summary, byline, outlet, outlet_url, sections,
                                 created_at)
SELECT gen_random_uuid(), id, version, headline, summary, byline, outlet, outlet_url, '{}', published_at FROM publication;
