-- The queue's flag= filter (sourceChanged, killProposed, withdrawn) lists a handful of stories among all of them:
-- a small partial index in keyset order instead of a scan of the whole desk. (Keyset pages and full text use
-- story_created and story_search from V2; bench editorial.QueueListing measures them at 1,000,000 stories.)
CREATE INDEX story_attention ON story (created_at, id)
    WHERE source_changed OR kill_proposed OR withdrawn_at IS NOT NULL;
