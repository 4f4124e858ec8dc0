-- A row Kafka can never accept (too large, unserializable) is parked with its reason instead of blocking the rows
-- behind it; ops retry it after a fix (docs/operations.md, "A parked outbox row").
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN park_reason TEXT;
-- The order rows were written in, from the database rather than a replica's clock: the relay sends one aggregate's
-- events in this order (see OutboxRelay).
ALTER TABLE outbox_event ADD COLUMN seq BIGSERIAL;
DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_unsent_by_aggregate ON outbox_event (aggregate_id, seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (parked_at) WHERE parked_at IS NOT NULL;
