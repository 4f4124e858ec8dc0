-- The relay no longer holds a transaction open while Kafka acknowledges: a claimed row is leased instead (see
-- OutboxRelay), and an expired lease lets another relay (or this one after a failure) send the row again.
ALTER TABLE outbox_event ADD COLUMN claimed_until TIMESTAMPTZ;
