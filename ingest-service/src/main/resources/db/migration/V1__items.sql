CREATE TABLE item (
    id           UUID PRIMARY KEY,
    source       VARCHAR(64)   NOT NULL,
    external_id  VARCHAR(500)  NOT NULL,
    url          VARCHAR(2000) NOT NULL,
    headline     VARCHAR(500)  NOT NULL,
    summary      TEXT,
    byline       VARCHAR(300),
    outlet       VARCHAR(200)  NOT NULL,
    outlet_url   VARCHAR(2000),
    published_at TIMESTAMPTZ,
    ingested_at  TIMESTAMPTZ   NOT NULL,
    -- De-duplication: an item is known by its source's own id for it.
    CONSTRAINT item_source_external_id UNIQUE (source, external_id)
);
