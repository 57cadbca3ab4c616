-- v5: indexes in the exact order of the paginated listings (keyset pagination, store/paging.py), so that any
-- page is one index seek. SQLite puts NULLs first in an ascending index, so a DESC column lists them last, as
-- "published DESC NULLS LAST" asks. pk is the rowid (implicit in every index; named here for clarity).
-- Numbered 0005 (0004 is tracker_items).
CREATE INDEX quotes_keyset ON quotes (published DESC, article_id, pk);
CREATE INDEX claims_keyset ON claims (published DESC, article_id, pk);
CREATE INDEX clusters_keyset ON clusters (n_claims DESC, pk);
-- quotes_keyset leads with published, so it also serves "published >= since": the v1 index is redundant
DROP INDEX quotes_published;
-- the equality filters (--status, --kind) get the same order after their column, so a filtered page is a seek too;
-- claims_status_keyset supersedes the v1 index on status alone
CREATE INDEX claims_status_keyset ON claims (status, published DESC, article_id, pk);
DROP INDEX claims_status;
CREATE INDEX quotes_kind_keyset ON quotes (speaker_kind, published DESC, article_id, pk);
