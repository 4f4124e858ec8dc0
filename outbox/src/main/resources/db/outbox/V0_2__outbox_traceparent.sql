-- The trace that produced an event travels with it to Kafka (W3C traceparent header); see TraceContext.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(64);
