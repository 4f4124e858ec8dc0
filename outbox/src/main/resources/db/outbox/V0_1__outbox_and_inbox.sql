-- Shared by every service (flyway location db/outbox): events waiting to be relayed to Kafka,
-- and the ids of events a consumer has already applied.
CREATE TABLE outbox_event (
    id           UUID PRIMARY KEY,
    type         VARCHAR(120) NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    aggregate_id VARCHAR(200) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    sent_at      TIMESTAMPTZ
);
-- The relay only ever looks for unsent rows, oldest first.
CREATE INDEX outbox_event_unsent ON outbox_event (created_at) WHERE sent_at IS NULL;

CREATE TABLE inbox_event (
    consumer     VARCHAR(120) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    type         VARCHAR(120),
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
