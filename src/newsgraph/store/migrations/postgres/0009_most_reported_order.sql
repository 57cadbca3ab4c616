-- v9: tracked propositions are listed the most reported first: by distinct articles, then distinct sources, then
-- stances (store/paging.py CLUSTERS; rule most_reported_first). Indexes in that exact order, so a page is one seek;
-- they replace the v5/v6 indexes on n_claims.
CREATE INDEX clusters_reported ON clusters (n_articles DESC, n_sources DESC, n_claims DESC, pk);
CREATE INDEX clusters_disputed_reported ON clusters (disputed, n_articles DESC, n_sources DESC, n_claims DESC, pk);
DROP INDEX clusters_keyset;
DROP INDEX clusters_disputed_keyset;
