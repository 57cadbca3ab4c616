-- v8 (issue 17): a per-store secret for API page-cursor checksums, and the merge of articles stored twice.
-- Before v8 the plain-text cleaner dropped lines that repeated across a run, so one file could be stored under
-- two ids (its body differed with the rest of the run). Articles seen at the same source (path and URL) are
-- merged into the one with the longest body (the per-document cleaning only ever keeps more), ties by pk:
-- the others' sources move to it, their rows go (cascade), and cluster and entity counts are recomputed.
INSERT INTO meta (key, value) VALUES ('cursor_secret', lower(hex(randomblob(32)))) ON CONFLICT (key) DO NOTHING;

CREATE TEMP TABLE merge_rank AS
SELECT s.path, s.url, s.article_id,
       first_value(s.article_id) OVER (PARTITION BY s.path, s.url ORDER BY length(a.body) DESC, a.pk) AS keep
FROM (SELECT DISTINCT article_id, path, url FROM article_sources WHERE path <> '' OR url <> '') s
JOIN articles a ON a.id = s.article_id;

CREATE TEMP TABLE merge_map AS
SELECT article_id AS loser, min(keep) AS winner FROM merge_rank
WHERE article_id <> keep AND article_id NOT IN (SELECT keep FROM merge_rank)
GROUP BY article_id;

INSERT INTO article_sources (article_id, path, url, format, warc_record_id, seen_at)
SELECT m.winner, s.path, s.url, s.format, s.warc_record_id, s.seen_at
FROM article_sources s JOIN merge_map m ON m.loser = s.article_id
WHERE true ON CONFLICT DO NOTHING;

CREATE TEMP TABLE merge_clusters AS
SELECT DISTINCT cluster_id FROM claims WHERE article_id IN (SELECT loser FROM merge_map) AND cluster_id IS NOT NULL
UNION SELECT DISTINCT cluster_id FROM stances WHERE article_id IN (SELECT loser FROM merge_map) AND cluster_id IS NOT NULL;
CREATE TEMP TABLE merge_keys AS
SELECT key, count(DISTINCT article_id) AS n FROM entities
WHERE article_id IN (SELECT loser FROM merge_map) AND key IS NOT NULL GROUP BY key;

DELETE FROM articles WHERE id IN (SELECT loser FROM merge_map);

-- the counts of v6 (stances): (article, source) pairs, distinct sources and articles, disputed
UPDATE clusters SET
    n_claims = (SELECT count(DISTINCT s.article_id || ' ' || s.source_id) FROM stances s WHERE s.cluster_id = clusters.id),
    n_sources = (SELECT count(DISTINCT s.source_id) FROM stances s WHERE s.cluster_id = clusters.id),
    n_articles = (SELECT count(DISTINCT s.article_id) FROM stances s WHERE s.cluster_id = clusters.id),
    disputed = CASE WHEN EXISTS (
        SELECT 1 FROM stances p JOIN stances n ON n.cluster_id = p.cluster_id AND n.source_id <> p.source_id
        WHERE p.cluster_id = clusters.id AND p.status IN ('asserted', 'confirmed') AND n.status = 'denied'
    ) THEN 1 ELSE 0 END
WHERE id IN (SELECT cluster_id FROM merge_clusters);
DELETE FROM clusters WHERE n_claims = 0 AND id IN (SELECT cluster_id FROM merge_clusters);
UPDATE global_entities SET n_articles = max(0, n_articles - (SELECT n FROM merge_keys k WHERE k.key = global_entities.key))
WHERE key IN (SELECT key FROM merge_keys);

DROP TABLE merge_keys;
DROP TABLE merge_clusters;
DROP TABLE merge_map;
DROP TABLE merge_rank;

-- Prefix indexes (2 and 3 characters) for the full-text tables, so a bounded prefix query (`th*`) reads one
-- precomputed list instead of merging every token that starts with it (issue 17: search as a CPU weapon).
-- The triggers of v2 keep writing to the recreated tables (same names and columns).
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content = 'articles', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, speaker, content = 'quotes', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, source_name, content = 'claims', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
