-- The full copy a publication needs (DESIGN §1: body, dateline, photo, rights, author bio), the item's cluster
-- and a scheduled approval.

-- As the source sent them; editors do not change these.
ALTER TABLE story
    ADD COLUMN body_html     TEXT,
    ADD COLUMN image_url     VARCHAR(2000),
    ADD COLUMN image_caption TEXT,
    ADD COLUMN image_credit  VARCHAR(500),
    ADD COLUMN rights        TEXT,
-- Written by editors.
    ADD COLUMN dateline      VARCHAR(200),
    ADD COLUMN author_bio    TEXT,
-- Stories of items ingest found to report the same news; the earliest is the primary.
    ADD COLUMN cluster_id    UUID,
-- Approved for publication at this instant (not before the embargo).
    ADD COLUMN publish_at    TIMESTAMPTZ;

CREATE INDEX story_cluster_created ON story (cluster_id, created_at, id) WHERE cluster_id IS NOT NULL;
