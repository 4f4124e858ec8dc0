-- Deliveries are sent after the consumer's transaction, on mail threads: each notice keeps the W3C traceparent of
-- the event it came from, so the sends and their delivery events continue that trace.
ALTER TABLE publication_notice ADD COLUMN traceparent VARCHAR(64);
ALTER TABLE edition_notice ADD COLUMN traceparent VARCHAR(64);
