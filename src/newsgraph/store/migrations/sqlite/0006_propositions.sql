-- v6: propositions across articles: the stances of distinct sources, with their dates (issue 13).
CREATE TABLE stances (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    proposition_id TEXT NOT NULL,            -- the Proposition's id in its article (backfill: the cluster id)
    cluster_id TEXT,                         -- the tracked proposition (clusters.id)
    statement TEXT NOT NULL,                 -- the proposition's canonical clause
    claim_id TEXT,                           -- the Claim that carries the stance
    source_name TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_key TEXT,                         -- cross-article entity key of the source, when linked
    source_id TEXT NOT NULL,                 -- who, for counting: source_key, else the folded name; writer:<article>
    status TEXT NOT NULL,
    cue TEXT,
    sentence TEXT NOT NULL,                  -- the sentence of the claim, from the article body
    writer INTEGER NOT NULL DEFAULT 0,       -- 1: the writer's own framing ("allegedly deployed")
    date TEXT NOT NULL,                      -- the article's published date, else its ingest time
    UNIQUE (article_id, proposition_id, source_id, status)
);
CREATE INDEX stances_cluster ON stances (cluster_id, date);

-- counts by distinct source and distinct article; n_claims becomes the number of (article, source) pairs (a source
-- repeating itself counts once); disputed: one source asserts or confirms, another denies. A source may hold two
-- stances in one article ("denied" and "has not confirmed"): two rows, one report.
ALTER TABLE clusters ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX clusters_disputed_keyset ON clusters (disputed, n_claims DESC, pk);

-- backfill: a store written before propositions tracked claims; each tracked claim's cluster is its proposition,
-- one stance per source per article (the first claim of a source that repeats itself)
INSERT INTO stances (article_id, proposition_id, cluster_id, statement, claim_id, source_name, source_kind,
                     source_key, source_id, status, cue, sentence, writer, date)
    SELECT c.article_id, c.cluster_id, c.cluster_id, c.text, c.id, c.source_name, c.source_kind, c.source_key,
           coalesce(c.source_key, lower(c.source_name)), c.status, c.cue, c.text, 0,
           coalesce(c.published, a.ingested_at)
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.cluster_id IS NOT NULL
    ORDER BY c.pk
    ON CONFLICT DO NOTHING;
UPDATE clusters SET
    n_claims = (SELECT count(DISTINCT s.article_id || ' ' || s.source_id) FROM stances s WHERE s.cluster_id = clusters.id),
    n_sources = (SELECT count(DISTINCT s.source_id) FROM stances s WHERE s.cluster_id = clusters.id),
    n_articles = (SELECT count(DISTINCT s.article_id) FROM stances s WHERE s.cluster_id = clusters.id),
    first_date = (SELECT min(s.date) FROM stances s WHERE s.cluster_id = clusters.id),
    last_date = (SELECT max(s.date) FROM stances s WHERE s.cluster_id = clusters.id),
    disputed = CASE WHEN EXISTS (
        SELECT 1 FROM stances p JOIN stances n ON n.cluster_id = p.cluster_id AND n.source_id <> p.source_id
        WHERE p.cluster_id = clusters.id AND p.status IN ('asserted', 'confirmed') AND n.status = 'denied'
    ) THEN 1 ELSE 0 END
WHERE EXISTS (SELECT 1 FROM stances s WHERE s.cluster_id = clusters.id);
