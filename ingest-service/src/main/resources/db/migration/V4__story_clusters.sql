-- Story clusters (issue 3): the same event reported by several sources shares one cluster id, the id of the
-- cluster's first item. Items stored before clustering existed are each their own cluster.
ALTER TABLE item ADD COLUMN cluster_id UUID;
UPDATE item SET cluster_id = id;
ALTER TABLE item ALTER COLUMN cluster_id SET NOT NULL;
-- GET /api/items?cluster=: the items of one cluster, in keyset order.
CREATE INDEX item_cluster_keyset ON item (cluster_id, ingested_at, id);

-- What near-duplicate candidates are verified against: the item's word and name hashes (sorted), and its LSH
-- bands (kept so that a new version can take exactly its old bands out of the index).
CREATE TABLE item_fingerprint (
    item_id     UUID        PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    features    BIGINT[]    NOT NULL,
    names       BIGINT[]    NOT NULL,
    bands       BIGINT[]    NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL
);

-- The LSH index: one row per band of each item. Candidates are found by band equality through the primary key's
-- btree, never by scanning the items. No foreign key: items are never deleted, and checking one per row would
-- double the cost of indexing an item.
CREATE TABLE item_band (
    band    BIGINT NOT NULL,
    item_id UUID   NOT NULL,
    PRIMARY KEY (band, item_id)
);
