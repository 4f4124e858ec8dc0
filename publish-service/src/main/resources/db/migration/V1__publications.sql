-- A story as readers see it. One publication per story (story_id), addressed by its slug.
-- Free-form texts come from editorial's event, which sets no length limits: TEXT, so a long one is never refused.
CREATE TABLE publication (
    id           UUID PRIMARY KEY,
    story_id     UUID         NOT NULL,
    slug         VARCHAR(80)  NOT NULL,
    headline     TEXT         NOT NULL,
    summary      TEXT,
    byline       TEXT,
    outlet       TEXT         NOT NULL,
    outlet_url   TEXT,
    version      INT          NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT publication_story_id UNIQUE (story_id),
    CONSTRAINT publication_slug UNIQUE (slug)
);
-- The public list is read newest first.
CREATE INDEX publication_published_at ON publication (published_at DESC, id DESC);
