-- newsgraph store v1: articles, their sources, and the per-article records (entities, quotes, claims, events).
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('application', 'newsgraph');

CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,                  -- stable rowid for the FTS external-content index
    id TEXT NOT NULL UNIQUE,                 -- content hash of the normalised body
    title TEXT,
    published TEXT,
    language TEXT,
    url TEXT,
    body TEXT NOT NULL,
    record TEXT NOT NULL,                    -- the full Article record (JSON)
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    path TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT 'text',
    warc_record_id TEXT NOT NULL DEFAULT '',
    seen_at TEXT NOT NULL,
    PRIMARY KEY (article_id, path, url, warc_record_id)
);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    key TEXT NOT NULL,                       -- cross-article key (newsgraph.track.link.entity_key)
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX entities_key ON entities (key);

CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT NOT NULL,
    speaker_kind TEXT NOT NULL,
    speaker_key TEXT,
    speaker_entity TEXT,
    cue TEXT,
    published TEXT,
    UNIQUE (article_id, id)
);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);
CREATE INDEX quotes_published ON quotes (published);

CREATE TABLE claims (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    polarity TEXT NOT NULL,
    source_name TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_key TEXT,
    quote_id TEXT,
    writer_stance TEXT,
    cue TEXT,
    published TEXT,
    cluster_id TEXT,                         -- tracked claim (newsgraph.track.cluster)
    UNIQUE (article_id, id)
);
CREATE INDEX claims_source_key ON claims (source_key);
CREATE INDEX claims_status ON claims (status);
CREATE INDEX claims_cluster ON claims (cluster_id, published);

-- which entities a quote or claim mentions (mention spans inside the quote/claim span)
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('quote', 'claim')),
    item_id TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    PRIMARY KEY (article_id, item_kind, item_id, entity_key)
);
CREATE INDEX mentions_key ON mentions (entity_key);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    score REAL,
    source_actor TEXT,
    target_actor TEXT,
    date TEXT,
    claim_id TEXT,
    status TEXT,
    text TEXT NOT NULL,
    published TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type ON events (type, date);
