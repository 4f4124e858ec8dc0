-- An edition shows its stories, so it is never published before every one of them is public (embargo or schedule):
-- publish keeps which stories an edition holds, taken from its snapshot, to find editions that may go out.
ALTER TABLE edition ADD COLUMN story_ids UUID[];
UPDATE edition SET story_ids = ARRAY(
    SELECT CAST(snapshot::jsonb -> 'lead' ->> 'storyId' AS UUID)
    UNION
    SELECT CAST(brief ->> 'storyId' AS UUID) FROM jsonb_array_elements(snapshot::jsonb -> 'briefs') AS brief);
ALTER TABLE edition ALTER COLUMN story_ids SET NOT NULL;
