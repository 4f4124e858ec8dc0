-- Feeds as they are in the wild (issue 18).
-- Source health: how the latest fetch went (ok, malformed, not-modified, failed) and, as of the latest read of the
-- feed, the first error a malformed feed was read despite and the entries it could not use.
ALTER TABLE source ADD COLUMN last_status VARCHAR(16);
ALTER TABLE source ADD COLUMN malformation TEXT;
ALTER TABLE source ADD COLUMN items_skipped INT NOT NULL DEFAULT 0;
ALTER TABLE source ADD COLUMN skip_reason TEXT;
-- An entry without a link is still news: it is identified by its guid or a content hash and has no URL.
ALTER TABLE item ALTER COLUMN url DROP NOT NULL;
ALTER TABLE item_version ALTER COLUMN url DROP NOT NULL;
