-- v2: FTS5 full-text search over article bodies, quotes and claims (external-content tables kept in sync by triggers).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content = 'articles', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.pk, old.title, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.pk, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, speaker, content = 'quotes', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.pk, new.text, new.speaker);
END;
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.pk, old.text, old.speaker);
END;
CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, speaker ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.pk, old.text, old.speaker);
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.pk, new.text, new.speaker);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, source_name, content = 'claims', content_rowid = 'pk', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text, source_name) VALUES (new.pk, new.text, new.source_name);
END;
CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, source_name) VALUES ('delete', old.pk, old.text, old.source_name);
END;
CREATE TRIGGER claims_fts_au AFTER UPDATE OF text, source_name ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, source_name) VALUES ('delete', old.pk, old.text, old.source_name);
    INSERT INTO claims_fts (rowid, text, source_name) VALUES (new.pk, new.text, new.source_name);
END;

-- index what a v1 store already holds
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');

-- rank article hits with a title match worth ten body matches
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
