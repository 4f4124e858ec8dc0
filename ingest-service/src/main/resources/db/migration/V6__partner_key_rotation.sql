-- Authenticated ingest (issue 12). Key rotation: the previous partner key (its SHA-256 hash only, like the current
-- one) keeps working until previous_key_expires_at.
ALTER TABLE source
    ADD COLUMN previous_api_key_hash   VARCHAR(128),
    ADD COLUMN previous_key_expires_at TIMESTAMPTZ,
    -- The last manual fetch (POST /api/sources/{id}/fetch): at most one per newsroom.fetch.manual-min-interval.
    ADD COLUMN manual_fetch_at         TIMESTAMPTZ;

-- Who pushed a version through POST /api/items (the token's subject); NULL for feed and partner items, whose
-- source says where they came from.
ALTER TABLE item_version ADD COLUMN pushed_by VARCHAR(255);
