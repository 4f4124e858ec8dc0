-- Normalized, sanitized items with versions (issue 3).
ALTER TABLE item
    ADD COLUMN version         INT           NOT NULL DEFAULT 1,
    ADD COLUMN canonical_url   VARCHAR(2000),
    ADD COLUMN content_hash    VARCHAR(64),
    ADD COLUMN body_html       TEXT,
    ADD COLUMN body_text       TEXT,
    ADD COLUMN language        VARCHAR(35),
    ADD COLUMN sections        TEXT[]        NOT NULL DEFAULT '{}',
    ADD COLUMN image_url       VARCHAR(2000),
    ADD COLUMN image_caption   TEXT,
    ADD COLUMN image_credit    VARCHAR(500),
    ADD COLUMN rights          TEXT,
    ADD COLUMN embargoed_until TIMESTAMPTZ,
    ADD COLUMN updated_at      TIMESTAMPTZ,
    ADD COLUMN withdrawn_at    TIMESTAMPTZ;

UPDATE item SET canonical_url = url WHERE canonical_url IS NULL;

-- Same story under the same source, found by its canonical URL when the id changed.
CREATE INDEX item_source_canonical_url ON item (source, canonical_url);
-- Keyset paging: GET /api/items?source=&after=
CREATE INDEX item_keyset ON item (ingested_at, id);
CREATE INDEX item_source_keyset ON item (source, ingested_at, id);

CREATE TABLE item_version (
    item_id      UUID          NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    version      INT           NOT NULL,
    content_hash VARCHAR(64)   NOT NULL,
    headline     VARCHAR(500)  NOT NULL,
    summary      TEXT,
    byline       VARCHAR(300),
    body_html    TEXT,
    url          VARCHAR(2000) NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (item_id, version)
);
