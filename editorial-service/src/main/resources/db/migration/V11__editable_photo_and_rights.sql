-- Editors edit a photo's caption and credit and the rights line (the desk's edit form): the story's columns become
-- the edited copy, and the source's own values are kept apart like its headline and summary (source_*), so that a
-- source update no longer overwrites an editor's caption.
ALTER TABLE story
    ADD COLUMN source_image_caption text,
    ADD COLUMN source_image_credit varchar(500),
    ADD COLUMN source_rights text;
UPDATE story SET source_image_caption = image_caption, source_image_credit = image_credit, source_rights = rights;
