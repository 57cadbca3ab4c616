-- v4: the claim tracker's index as append-only rows (one per tracked claim), so that an ingest batch writes
-- only the claims it added instead of rewriting the whole index. A store that still holds the v3 whole-index
-- blob (tracker_state.state) is converted to rows by the first write after this migration.
CREATE TABLE tracker_items (
    seq BIGINT PRIMARY KEY,                  -- position in the index (0, 1, ...): insertion order
    key TEXT NOT NULL,                       -- claim key <article id>#<claim id>
    cluster INTEGER NOT NULL,                -- cluster number (clusters are numbered in founding order)
    cluster_id TEXT NOT NULL,                -- the cluster's stable id
    vec BYTEA NOT NULL,                      -- the claim's embedding: 384 little-endian float16
    ents TEXT NOT NULL,                      -- JSON arrays (sorted): entity keys, event types, numbers
    events TEXT NOT NULL,
    nums TEXT NOT NULL
);
-- params: the clusterer's parameters (JSON); n_items: how many tracker_items rows make up the index
ALTER TABLE tracker_state ADD COLUMN params TEXT;
ALTER TABLE tracker_state ADD COLUMN n_items BIGINT NOT NULL DEFAULT 0;
