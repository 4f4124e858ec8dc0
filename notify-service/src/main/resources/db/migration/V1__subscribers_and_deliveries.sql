-- Readers of the newsletter. Double opt-in: PENDING until the emailed confirmation link is followed.
CREATE TABLE subscriber (
    id            UUID PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    name          VARCHAR(200),
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'ACTIVE')),
    confirm_token VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    CONSTRAINT subscriber_email UNIQUE (email),
    CONSTRAINT subscriber_confirm_token UNIQUE (confirm_token)
);
-- Fan-out selects active subscribers only.
CREATE INDEX subscriber_active ON subscriber (id) WHERE status = 'ACTIVE';

-- The snapshot of a publication as announced on news.publications: what the emails are made of.
CREATE TABLE publication_notice (
    publication_id UUID PRIMARY KEY,
    slug           VARCHAR(500)  NOT NULL,
    url            VARCHAR(2000) NOT NULL,
    headline       VARCHAR(500)  NOT NULL,
    summary        TEXT,
    byline         VARCHAR(300),
    outlet         VARCHAR(200)  NOT NULL,
    outlet_url     VARCHAR(2000),
    version        INT           NOT NULL,
    published_at   TIMESTAMPTZ   NOT NULL,
    received_at    TIMESTAMPTZ   NOT NULL
);

-- One email per subscriber per publication, ever: the unique constraint is the guarantee.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    subscriber_id   UUID         NOT NULL REFERENCES subscriber (id),
    publication_id  UUID         NOT NULL REFERENCES publication_notice (publication_id),
    channel         VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (subscriber_id, publication_id)
);
-- The sender only ever looks for due pending rows.
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_publication ON delivery (publication_id, status);
