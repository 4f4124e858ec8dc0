-- The snapshot of an edition as announced on news.publications (news.edition.published.v1): the event data is kept
-- as JSON and rendered per reader at send time (the footer links carry each reader's token).
CREATE TABLE edition_notice (
    edition_id   UUID PRIMARY KEY,
    url          VARCHAR(2000) NOT NULL,
    title        VARCHAR(500)  NOT NULL,
    sections     TEXT          NOT NULL DEFAULT '',
    data         TEXT          NOT NULL,
    published_at TIMESTAMPTZ   NOT NULL,
    received_at  TIMESTAMPTZ   NOT NULL
);

-- A delivery is about exactly one publication or one edition; once per subscriber each.
ALTER TABLE delivery ALTER COLUMN publication_id DROP NOT NULL;
ALTER TABLE delivery ADD COLUMN edition_id UUID REFERENCES edition_notice (edition_id);
ALTER TABLE delivery ADD CONSTRAINT delivery_edition_once UNIQUE (subscriber_id, edition_id);
ALTER TABLE delivery ADD CONSTRAINT delivery_one_subject CHECK (num_nonnulls(publication_id, edition_id) = 1);
CREATE INDEX delivery_edition ON delivery (edition_id, status);
