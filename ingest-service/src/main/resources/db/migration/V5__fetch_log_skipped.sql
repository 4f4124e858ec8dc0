-- Entries a fetch did not take in (no link or title, or a body too large to announce), and why the first was not.
ALTER TABLE fetch_log ADD COLUMN items_skipped INT NOT NULL DEFAULT 0;
ALTER TABLE fetch_log ADD COLUMN skip_reason TEXT;
