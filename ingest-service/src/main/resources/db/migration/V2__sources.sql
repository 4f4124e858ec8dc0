-- Sources: feeds polled on a schedule and partners that push (issue 3).
CREATE TABLE source (
    id                    UUID PRIMARY KEY,
    name                  VARCHAR(64)   NOT NULL,
    kind                  VARCHAR(16)   NOT NULL,
    url                   VARCHAR(2000),
    format                VARCHAR(16)   NOT NULL DEFAULT 'auto',
    poll_interval_seconds INT           NOT NULL DEFAULT 900,
    default_sections      TEXT[]        NOT NULL DEFAULT '{}',
    attribution_name      VARCHAR(200),
    attribution_url       VARCHAR(2000),
    enabled               BOOLEAN       NOT NULL DEFAULT TRUE,
    identity              VARCHAR(16)   NOT NULL DEFAULT 'guid',
    api_key_hash          VARCHAR(128),
    -- Polite fetching state and health.
    etag                  VARCHAR(1000),
    last_modified         VARCHAR(200),
    next_fetch_at         TIMESTAMPTZ,
    last_fetch_at         TIMESTAMPTZ,
    last_success_at       TIMESTAMPTZ,
    last_error            TEXT,
    last_error_at         TIMESTAMPTZ,
    consecutive_failures  INT           NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    CONSTRAINT source_name UNIQUE (name),
    CONSTRAINT source_kind CHECK (kind IN ('feed', 'partner')),
    CONSTRAINT source_feed_has_url CHECK (kind <> 'feed' OR url IS NOT NULL)
);
-- The poller's question: which enabled feeds are due?
CREATE INDEX source_due ON source (next_fetch_at) WHERE enabled AND kind = 'feed';

CREATE TABLE fetch_log (
    id               UUID PRIMARY KEY,
    source_id        UUID         NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    started_at       TIMESTAMPTZ  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    http_status      INT,
    items_new        INT          NOT NULL DEFAULT 0,
    items_updated    INT          NOT NULL DEFAULT 0,
    items_unchanged  INT          NOT NULL DEFAULT 0,
    duration_ms      BIGINT       NOT NULL,
    error            TEXT,
    next_fetch_at    TIMESTAMPTZ
);
CREATE INDEX fetch_log_source ON fetch_log (source_id, started_at DESC, id);
