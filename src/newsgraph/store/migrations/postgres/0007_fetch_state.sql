-- v7: what `newsgraph collect` / `watch` fetched. One row per URL (the normalised URL: courlan), so a re-run
-- fetches only what is new, revalidates feeds with a conditional GET (etag, last_modified) and retries what failed.
-- A page is 'queued' when found and 'stored' only after its article is committed: a run killed in between
-- refetches it. (Numbered 0007: 0006 is reserved for another change.)
CREATE TABLE fetch_state (
    url TEXT PRIMARY KEY,                    -- normalised URL (page, feed or sitemap)
    source TEXT NOT NULL,                    -- the SOURCE it was found through (feed, sitemap, site or URL file)
    kind TEXT NOT NULL DEFAULT 'page',       -- page | feed | sitemap | site
    status TEXT NOT NULL,                    -- queued | stored | unchanged | duplicate | skipped | failed
    http_status INTEGER,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT,                         -- ISO-8601 UTC of the last response
    content_hash TEXT,                       -- sha256 of the (decoded) response body
    article_id TEXT,                         -- the stored article (status stored or duplicate)
    error TEXT,                              -- the last one-line error
    attempts INTEGER NOT NULL DEFAULT 0,     -- failed attempts so far (reset when a fetch succeeds)
    published TEXT,                          -- date the feed or sitemap gave the page (for --since)
    discovered_at TEXT NOT NULL
);
CREATE INDEX fetch_state_source ON fetch_state (source, status);
CREATE INDEX fetch_state_hash ON fetch_state (content_hash);

-- the sources a user follows (added by `collect`, `watch` or POST /api/sources)
CREATE TABLE fetch_sources (
    url TEXT PRIMARY KEY,                    -- a feed, sitemap, homepage URL, or the path of a file of URLs
    kind TEXT,                               -- what discovery found it to be (feed | sitemap | site | list)
    added_at TEXT NOT NULL,
    last_run_at TEXT,
    last_error TEXT
);
