-- v2: full-text search with PostgreSQL's own tsvector + GIN (generated columns stay in sync by construction).
-- Bodies are capped at 400k characters for indexing (a tsvector holds at most 1 MB).
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', left(body, 400000))
) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('english', text || ' ' || speaker)
) STORED;
CREATE INDEX quotes_tsv ON quotes USING gin (tsv);
ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('english', text || ' ' || source_name)
) STORED;
CREATE INDEX claims_tsv ON claims USING gin (tsv);
