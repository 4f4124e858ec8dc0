-- A source update of a story a chief editor approved (or later) no longer replaces its copy: the update waits here
-- until an editor applies or discards it, and the story is flagged. One per story: a newer update replaces it.
ALTER TABLE story ADD COLUMN source_update_pending BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE held_source_update (
    story_id       UUID         PRIMARY KEY REFERENCES story (id),
    source_version INTEGER,
    -- The news.item.updated.v1 payload as it arrived.
    payload        TEXT         NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL
);

-- The queue's flag= filter gains sourceUpdatePending (see V8).
DROP INDEX story_attention;
CREATE INDEX story_attention ON story (created_at, id)
    WHERE source_changed OR source_update_pending OR kill_proposed OR withdrawn_at IS NOT NULL;
