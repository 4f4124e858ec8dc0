-- Editions: a lead story with its editor's note and an ordered list of briefs, approved by a chief editor.
CREATE TABLE edition (
    id           UUID PRIMARY KEY,
    title        VARCHAR(300) NOT NULL,
    edition_date DATE         NOT NULL,
    lead_story   UUID         NOT NULL REFERENCES story (id),
    lead_note    TEXT,
    briefs       UUID[]       NOT NULL DEFAULT '{}',
    sections     TEXT[]       NOT NULL DEFAULT '{}',
    status       VARCHAR(20)  NOT NULL,
    publish_at   TIMESTAMPTZ,
    approved_at  TIMESTAMPTZ,
    approved_by  VARCHAR(200),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(200) NOT NULL
);
CREATE INDEX edition_date ON edition (edition_date DESC, id);
