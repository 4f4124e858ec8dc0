CREATE TABLE story (
    id          UUID PRIMARY KEY,
    item_id     UUID          NOT NULL UNIQUE,
    source      VARCHAR(64)   NOT NULL,
    url         VARCHAR(2000),
    headline    VARCHAR(500)  NOT NULL,
    summary     TEXT,
    byline      VARCHAR(300),
    outlet      VARCHAR(200)  NOT NULL,
    outlet_url  VARCHAR(2000),
    status      VARCHAR(20)   NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    approved_at TIMESTAMPTZ,
    approved_by VARCHAR(200)
);
-- The editors' queue: stories of one status, oldest first.
CREATE INDEX story_status_created ON story (status, created_at, id);

-- Audit trail: who moved a story from which status to which, and when.
CREATE TABLE story_transition (
    id          BIGSERIAL PRIMARY KEY,
    story_id    UUID         NOT NULL REFERENCES story (id),
    from_status VARCHAR(20),
    to_status   VARCHAR(20)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX story_transition_story ON story_transition (story_id, at);
