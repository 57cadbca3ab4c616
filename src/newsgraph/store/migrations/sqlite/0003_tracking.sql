-- v3: cross-article tracking: global entities (one row per cross-article key), their names, tracked claims.
CREATE TABLE global_entities (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    n_articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_aliases (
    key TEXT NOT NULL REFERENCES global_entities (key) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (key, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases (alias);

CREATE TABLE clusters (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,                     -- text of the first claim seen
    n_claims INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT
);

-- the claim clusterer's index (ClaimClusterer.state()), versioned so writers reload it only when it changed
CREATE TABLE tracker_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    state BLOB
);

-- backfill from v1 data
INSERT INTO global_entities (key, name, type, n_articles)
    SELECT key, min(name), min(type), count(DISTINCT article_id) FROM entities GROUP BY key;
INSERT INTO entity_aliases (key, alias) SELECT DISTINCT key, name FROM entities;
INSERT INTO clusters (id, label, n_claims, first_date, last_date)
    SELECT cluster_id, min(text), count(*), min(published), max(published)
    FROM claims WHERE cluster_id IS NOT NULL GROUP BY cluster_id;
