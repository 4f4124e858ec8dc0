-- An editor may choose which story leads its cluster; the latest choice wins, and without one the earliest story
-- leads. A story that moves to another cluster loses its choice (the application clears it).
ALTER TABLE story ADD COLUMN primary_chosen_at TIMESTAMPTZ;
