-- What a webhook delivery is about (the publication or edition of its event): a dead-lettered delivery is announced
-- as news.delivery.failed.v1 naming it.
ALTER TABLE webhook_delivery ADD COLUMN subject_id UUID;
UPDATE webhook_delivery
   SET subject_id = COALESCE(body::jsonb -> 'data' ->> 'publicationId', body::jsonb -> 'data' ->> 'editionId')::uuid;
ALTER TABLE webhook_delivery ALTER COLUMN subject_id SET NOT NULL;

-- Every call of a webhook delivery, as the endpoint answered it (or did not): what an admin reads before a replay.
-- A redelivery counts its attempts afresh, so the attempt number alone does not identify a call.
CREATE TABLE webhook_attempt (
    id           BIGSERIAL   PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id),
    attempt      INT         NOT NULL,
    status_code  INT,
    error        TEXT,
    attempted_at TIMESTAMPTZ NOT NULL,
    duration_ms  BIGINT      NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
