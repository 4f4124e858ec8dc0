-- Confirmation links are signed, expiring tokens now (nothing stored); readers can leave and choose topics.
ALTER TABLE subscriber DROP COLUMN confirm_token;
ALTER TABLE subscriber DROP CONSTRAINT subscriber_status_check;
ALTER TABLE subscriber ADD CONSTRAINT subscriber_status_check CHECK (status IN ('PENDING', 'ACTIVE', 'UNSUBSCRIBED'));
ALTER TABLE subscriber ADD COLUMN unsubscribed_at TIMESTAMPTZ;
-- When the last confirmation email went out: re-sends to one address are spaced out (no mail-bombing a stranger).
ALTER TABLE subscriber ADD COLUMN confirmation_sent_at TIMESTAMPTZ;
-- Topics/sections the reader wants; empty means everything.
ALTER TABLE subscriber ADD COLUMN topics TEXT NOT NULL DEFAULT '';

-- Addresses that must never be mailed again: hard bounces and complaints reported by the mail provider.
CREATE TABLE suppression (
    email      VARCHAR(320) PRIMARY KEY,
    reason     VARCHAR(32)  NOT NULL CHECK (reason IN ('HARD_BOUNCE', 'COMPLAINT')),
    detail     TEXT,
    created_at TIMESTAMPTZ  NOT NULL
);

-- SUPPRESSED: not mailed on purpose (suppressed address, or the reader left before the send).
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'));

-- Partner endpoints receiving every publish event, signed with their own secret (Standard Webhooks).
CREATE TABLE webhook_endpoint (
    id          UUID PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(100)  NOT NULL,
    event_types TEXT          NOT NULL DEFAULT '',
    status      VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED', 'DELETED')),
    disabled_reason TEXT,
    created_at  TIMESTAMPTZ   NOT NULL
);

-- One delivery per event per endpoint, ever: the unique constraint is the guarantee.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID         NOT NULL REFERENCES webhook_endpoint (id),
    event_id         VARCHAR(100) NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_status_code INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_once UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
