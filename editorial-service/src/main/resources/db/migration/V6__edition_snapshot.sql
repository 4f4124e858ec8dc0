-- What a chief editor approved, frozen: later corrections of its stories do not change an approved edition.
ALTER TABLE edition ADD COLUMN approved_snapshot TEXT;
