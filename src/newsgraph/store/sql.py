"""What SQLite and PostgreSQL share: batched idempotent ingest and the query API, in portable SQL.

Statements use ``?`` placeholders; the PostgreSQL back-end rewrites them to ``%s``. Every value a user types
is a bound parameter; the only user-derived text in a statement is the number of ``?`` in an ``IN (...)``.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from typing import Any

from newsgraph.models import Article
from newsgraph.store.backend import chunks, marks
from newsgraph.store.base import (
    ClaimRow,
    ClusterRow,
    EntityReport,
    EntityRow,
    ExportTable,
    IngestResult,
    ProgressFn,
    QuoteRow,
    SearchHit,
    Timeline,
)
from newsgraph.store.fetch_state import FetchStateMixin
from newsgraph.store.paging import (
    CLAIMS,
    CLUSTERS,
    QUOTES,
    SEARCH_KINDS,
    claims_after,
    clusters_after,
    keyset_fetch,
    quotes_after,
    search_after,
)
from newsgraph.store.propositions import STANCE_COLS
from newsgraph.store.records import (
    ARTICLE_COLS,
    CLAIM_COLS,
    ENTITY_COLS,
    EVENT_COLS,
    MENTION_COLS,
    QUOTE_COLS,
    SOURCE_COLS,
    Clusterer,
    Flattener,
    Rows,
    embed_claims,
    like_pattern,
    now_iso,
    record_from,
    source_row,
)
from newsgraph.store.search_guard import bound_query
from newsgraph.store.speakers import SpeakerQueries
from newsgraph.store.stances import (
    ALIAS_MATCH,
    CLUSTER_COLS,
    CLUSTER_SELECT,
    CLUSTER_UPSERT,
    URL_EXPR,
    PropositionQueries,
    cluster_row,
    cluster_stats,
)
from newsgraph.store.tracker_state import save_tracker, sync_tracker

TABLES = ("articles", "article_sources", "entities", "quotes", "claims", "mentions", "events",
          "global_entities", "entity_aliases", "clusters", "stances")  # fmt: skip

_URL = URL_EXPR
QUOTE_SELECT = (
    "SELECT q.article_id, q.id, q.speaker, q.speaker_kind, q.speaker_key, q.type, q.text, q.cue, q.published, "
    f"a.title, {_URL} FROM quotes q JOIN articles a ON a.id = q.article_id"
)
CLAIM_SELECT = (
    "SELECT c.article_id, c.id, c.text, c.status, c.polarity, c.source_name, c.source_kind, c.source_key, "
    f"c.published, c.cluster_id, a.title, {_URL} FROM claims c JOIN articles a ON a.id = c.article_id"
)


def insert_sql(table: str, cols: Sequence[str], conflict: str = "DO NOTHING") -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks(len(cols))}) ON CONFLICT {conflict}"


def _quote_row(r: Sequence[Any]) -> QuoteRow:
    return QuoteRow(*r)


def _claim_row(r: Sequence[Any]) -> ClaimRow:
    return ClaimRow(f"{r[0]}:{r[1]}", *r)


class SQLStore(FetchStateMixin, PropositionQueries, SpeakerQueries):
    """Shared implementation; subclasses provide connections, transactions and full-text search."""

    url: str
    _per_article_errors: tuple[type[BaseException], ...] = ()
    _track = True
    """False: one tracked claim per claim and no embeddings (benchmarks of the store alone)."""

    def __init__(self, embedder: Any = None) -> None:
        self.embedder = embedder
        self._flattener: Flattener | None = None
        self._clusterer: Clusterer | None = None
        self._clusterer_real = False
        self._tracker_items: int | None = None  # stored tracker items the clusterer holds (None: reload)

    # -- back-end hooks (besides the primitives of SQLBackend) -----------------------------------
    @abstractmethod
    def _fts(
        self, kind: str, query: str, limit: int, after: tuple[float, int, int] | None = None
    ) -> list[tuple[int, SearchHit]]:
        """Up to ``limit`` (pk, hit) of ``kind``, best first then by pk, after the keyset ``after``."""

    _CLAIM_FTS_MATCH: str
    """A WHERE condition on alias ``c`` with one ``?`` (a :meth:`_fts_query`): the claim's text matches it."""

    @abstractmethod
    def _fts_query(self, text: str) -> str | None:
        """The back-end's full-text query for user text; None when it holds no word to search for."""

    def _claim_fts_cond(self, query: str) -> tuple[str, list[Any]] | None:
        """A WHERE condition on alias ``c`` selecting claims whose text matches ``query``."""
        q = self._fts_query(query)
        return None if q is None else (self._CLAIM_FTS_MATCH, [q])

    def _budget(self) -> AbstractContextManager[Any]:
        """The time budget of one search (:mod:`newsgraph.store.search_guard`), enforced by the database."""
        return nullcontext()

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest -----------------------------------------------------------------------------------
    def add_articles(
        self, articles: Iterable[Article], *, batch_size: int = 200, progress: ProgressFn | None = None
    ) -> IngestResult:
        """Store records idempotently (article id = content hash), one transaction per batch.

        A duplicate (same id already stored, or twice in the input) adds only its source. A record that
        cannot be stored counts as ``failed``; the rest of its batch is still stored. If the input iterator
        raises, the batches already committed stay and the partial one is discarded, so re-running the same
        ingest resumes without loss or duplicates.
        """
        if self._flattener is None:
            self._flattener = Flattener()
        total = IngestResult()
        it = iter(articles)
        while batch := list(islice(it, max(1, batch_size))):
            total = total + self._ingest_batch(batch)
            if progress is not None:
                progress(len(batch))
        return total

    def _ingest_batch(self, batch: list[Article]) -> IngestResult:
        failed: list[str] = []
        good: list[Article] = []
        for a in batch:
            if not a.body.strip():
                why = "; ".join(f"{e.stage}: {e.message}" for e in a.errors) or "empty body"
                failed.append(f"{a.source.path or a.source.url or a.id}: {why}")
            else:
                good.append(a)
        try:
            res = self._write_batch(good)
        except self._per_article_errors:
            # one record the database refuses: store the others one by one, each still all-or-nothing
            res = IngestResult()
            for a in good:
                try:
                    res = res + self._write_batch([a])
                except self._per_article_errors as exc:
                    res = res + IngestResult(failed=1, errors=(f"{a.source.path or a.id}: store: {exc}",))
        return res + IngestResult(failed=len(failed), errors=tuple(failed))

    def _write_batch(self, batch: list[Article]) -> IngestResult:  # noqa: C901
        assert self._flattener is not None
        if not batch:
            return IngestResult()
        seen_at = now_iso()
        # Outside the write lock: flatten what the store does not hold yet and embed its claims. Under the
        # lock, a second look drops what a concurrent writer stored in the meantime.
        known = self.existing_ids([a.id for a in batch])
        prepared: dict[str, tuple[Rows, Any]] = {}
        failed_ids: set[str] = set()
        failed: list[str] = []
        for a in batch:
            if a.id in known or a.id in prepared or a.id in failed_ids:
                continue
            r = Rows()
            try:
                self._flattener.add(r, a, seen_at)
            except Exception as exc:  # a malformed record fails alone
                failed.append(f"{a.source.path or a.id}: store: {type(exc).__name__}: {exc}")
                failed_ids.add(a.id)
                continue
            prepared[a.id] = (r, None)
        if self._track:
            items = [it for r, _ in prepared.values() for it in r.cluster_items]
            vecs = embed_claims(items, self.embedder)
            if vecs is not None:
                k = 0
                for aid, (r, _) in prepared.items():
                    prepared[aid] = (r, vecs[k : k + len(r.cluster_items)])
                    k += len(r.cluster_items)
        try:
            with self._write() as cur:
                existing: set[str] = set()
                ids = list(prepared)
                for part in chunks(ids):
                    sql = f"SELECT id FROM articles WHERE id IN ({marks(len(part))})"
                    existing.update(r[0] for r in self._execute(cur, sql, part))
                new_ids = [i for i in ids if i not in existing]
                rows = Rows()
                vectors = []
                for i in new_ids:
                    rows.extend(prepared[i][0])
                    if prepared[i][1] is not None:
                        vectors.append(prepared[i][1])
                if rows.cluster_items:
                    self._assign_clusters(cur, rows, vectors)
                self._insert_rows(cur, rows)
                srcs = [source_row(a, seen_at) for a in batch if a.id not in failed_ids]
                self._executemany(cur, insert_sql("article_sources", SOURCE_COLS), srcs)
        except BaseException:
            self._tracker_items = None  # the in-memory index may hold rolled-back claims
            raise
        added = len(new_ids)
        n_failed = sum(1 for a in batch if a.id in failed_ids)
        return IngestResult(added, len(batch) - added - n_failed, n_failed, tuple(failed))

    def _insert_rows(self, cur: Any, rows: Rows) -> None:
        self._executemany(cur, insert_sql("articles", ARTICLE_COLS), rows.articles)
        self._executemany(cur, insert_sql("entities", ENTITY_COLS), rows.entities)
        self._executemany(cur, insert_sql("quotes", QUOTE_COLS), rows.quotes)
        self._executemany(cur, insert_sql("claims", CLAIM_COLS), rows.claims)
        self._executemany(cur, insert_sql("mentions", MENTION_COLS), rows.mentions)
        self._executemany(cur, insert_sql("events", EVENT_COLS), rows.events)
        if rows.global_entities:
            counts: dict[str, list[Any]] = {}
            aliases = set()
            for key, name, etype in rows.global_entities:
                counts.setdefault(key, [key, name, etype, 0])[3] += 1
                aliases.add((key, name))
            self._executemany(
                cur,
                insert_sql("global_entities", ("key", "name", "type", "n_articles"),
                           "(key) DO UPDATE SET n_articles = global_entities.n_articles + excluded.n_articles"),
                list(counts.values()),
            )  # fmt: skip
            self._executemany(cur, insert_sql("entity_aliases", ("key", "alias")), sorted(aliases))
        self._executemany(cur, insert_sql("stances", STANCE_COLS), rows.stances)
        labels: dict[str, str] = {}
        for r in rows.stances:
            labels.setdefault(r[2], r[3])
        touched = list(labels)  # in stance order, so clusters.pk follows ingest order
        for part in chunks(touched):
            self._executemany(cur, insert_sql("clusters", CLUSTER_COLS, CLUSTER_UPSERT),
                              cluster_stats(lambda q, p: self._execute(cur, q, p), part, labels))  # fmt: skip

    def _assign_clusters(self, cur: Any, rows: Rows, vectors: list[Any]) -> None:
        # the index is persisted as append-only rows (store/tracker_state.py): this writer reads only what
        # others added since its last batch and writes only what this batch adds
        self._clusterer, self._clusterer_real, self._tracker_items = sync_tracker(
            self, cur, self._clusterer, self._tracker_items, track=self._track, embedder=self.embedder
        )
        vecs = None
        if self._clusterer_real and vectors and sum(len(v) for v in vectors) == len(rows.cluster_items):
            import numpy as np

            vecs = np.concatenate(vectors)
        ids = (
            self._clusterer.add_many(rows.cluster_items, vecs)
            if vecs is not None
            else self._clusterer.add_many(rows.cluster_items)
        )
        by_item = dict(zip((it[0] for it in rows.cluster_items), ids, strict=True))
        for row, item in zip(rows.claims, rows.claim_items, strict=True):
            row[12] = by_item.get(item) if item is not None else None
        for srow, item in zip(rows.stances, rows.stance_items, strict=True):
            srow[2] = by_item[item]
        if self._clusterer_real:
            self._tracker_items = save_tracker(self, cur, self._clusterer, self._tracker_items)

    # -- reads ------------------------------------------------------------------------------------
    def existing_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids the store already holds."""
        out: set[str] = set()
        for part in chunks(list(dict.fromkeys(article_ids))):
            out.update(
                r[0] for r in self._fetch(f"SELECT id FROM articles WHERE id IN ({marks(len(part))})", part)
            )
        return out

    def meta(self, key: str) -> str | None:
        """A value of the store's ``meta`` table (``application``, ``cursor_secret``, ...), cached."""
        cache: dict[str, str | None] = self.__dict__.setdefault("_meta_cache", {})
        if key not in cache:
            got = self._fetch("SELECT value FROM meta WHERE key = ?", (key,))
            cache[key] = str(got[0][0]) if got else None
        return cache[key]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return int(self._fetch(f"SELECT count(*) FROM {table}")[0][0])

    def article(self, article_id: str) -> Article | None:
        got = self._fetch("SELECT record, body FROM articles WHERE id = ?", (article_id,))
        return record_from(got[0][0], got[0][1]) if got else None

    def sources(self, article_id: str) -> list[dict[str, str]]:
        got = self._fetch(
            "SELECT path, url, format, warc_record_id, seen_at FROM article_sources WHERE article_id = ? "
            "ORDER BY seen_at, path, url",
            (article_id,),
        )
        return [
            dict(zip(("path", "url", "format", "warc_record_id", "seen_at"), r, strict=True)) for r in got
        ]

    def iter_articles(self) -> Iterator[Article]:
        last = -1
        while True:
            got = self._fetch(
                "SELECT pk, record, body FROM articles WHERE pk > ? ORDER BY pk LIMIT 200", (last,)
            )
            if not got:
                return
            for pk, rec, body in got:
                yield record_from(rec, body)
                last = pk

    def latest_articles(self, limit: int = 50) -> list[Article]:
        """The newest articles: by publication date, newest first (undated ones last), then the latest ingested."""
        got = self._fetch(
            "SELECT record, body FROM articles ORDER BY published DESC NULLS LAST, pk DESC LIMIT ?", (limit,)
        )
        return [record_from(rec, body) for rec, body in got]

    def search(
        self, query: str, *, limit: int = 20, after: SearchHit | Sequence[Any] | None = None
    ) -> list[SearchHit]:
        """Full-text search over claims, quotes and article bodies; best matches first, claims before quotes
        before articles on ties, then ingest order. The query is user text: words, ``"phrases"``, ``prefix*``
        (SQLite). ``after``: the last hit of the previous page (or its (score, kind, article_id, item_id))."""
        bound_query(query)
        key = search_after(self._fetch, after)
        hits: list[tuple[float, int, int, SearchHit]] = []
        with self._budget():
            for o, kind in enumerate(SEARCH_KINDS):
                hits.extend((-h.score, o, pk, h) for pk, h in self._fts(kind, query, limit, key))
        hits.sort(key=lambda t: t[:3])
        return [t[3] for t in hits[:limit]]

    def quotes(
        self,
        *,
        speaker: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        limit: int = 100,
        after: QuoteRow | Sequence[Any] | None = None,
    ) -> list[QuoteRow]:
        """Quotes, newest first (undated last); ``speaker`` matches the speaker's name or any name of its linked
        entity. ``after``: the last row of the previous page (or its (published, article_id, quote_id))."""
        key = quotes_after(self._fetch, after)
        where, params = [], []
        if speaker:
            pat = like_pattern(speaker)
            where.append(f"(lower(q.speaker) LIKE ? ESCAPE '\\' OR q.speaker_key IN {ALIAS_MATCH})")
            params += [pat, pat]
        if kind:
            where.append("q.speaker_kind = ?")
            params.append(kind)
        if since:
            where.append("q.published >= ?")
            params.append(since)
        got = keyset_fetch(self._fetch, QUOTE_SELECT, where, params, QUOTES, key, limit)
        return [_quote_row(r) for r in got]

    def claims(
        self,
        *,
        about: str | None = None,
        status: str | None = None,
        source: str | None = None,
        limit: int = 100,
        after: ClaimRow | Sequence[Any] | None = None,
    ) -> list[ClaimRow]:
        """Claims, newest first (undated last). ``about``: full-text match on the claim or an entity it mentions;
        ``status``: epistemic status (asserted, denied, ...); ``source``: who the claim is attributed to.
        ``after``: the last row of the previous page (or its (published, article_id, claim_id))."""
        key = claims_after(self._fetch, after)
        where: list[str] = []
        params: list[Any] = []
        if about:
            bound_query(about)
            conds = [
                "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = c.article_id AND m.item_kind = 'claim' "
                f"AND m.item_id = c.id AND m.entity_key IN {ALIAS_MATCH})"
            ]
            params.append(like_pattern(about))
            fts = self._claim_fts_cond(about)
            if fts:
                conds.append(fts[0])
                params += fts[1]
            where.append("(" + " OR ".join(conds) + ")")
        if status:
            where.append("c.status = ?")
            params.append(status)
        if source:
            pat = like_pattern(source)
            where.append(f"(lower(c.source_name) LIKE ? ESCAPE '\\' OR c.source_key IN {ALIAS_MATCH})")
            params += [pat, pat]
        with self._budget() if about else nullcontext():
            got = keyset_fetch(self._fetch, CLAIM_SELECT, where, params, CLAIMS, key, limit)
        return [_claim_row(r) for r in got]

    def _cluster(self, cid: str) -> ClusterRow | None:
        got = self._fetch(CLUSTER_SELECT + " WHERE id = ?", (cid,))
        return cluster_row(got[0]) if got else None

    def claim(self, claim_or_cluster_id: str) -> Timeline | None:
        """The timeline of a tracked claim, from its cluster id, a claim key ``<article>:<claim>``, or a
        unique prefix of a cluster id. ``None`` when nothing matches."""
        ident = claim_or_cluster_id.strip()
        cluster = self._cluster(ident)
        if cluster is None and ":" in ident:
            art, _, cl = ident.rpartition(":")
            got = self._fetch(CLAIM_SELECT + " WHERE c.article_id = ? AND c.id = ?", (art, cl))
            if not got:
                return None
            row = _claim_row(got[0])
            cluster = self._cluster(row.cluster_id) if row.cluster_id else None
            if cluster is None:
                return Timeline(ClusterRow(row.key, row.text, 1, row.published, row.published), [row])
        if cluster is None and ident:
            pat = ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            got = self._fetch("SELECT id FROM clusters WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (pat,))
            if len(got) == 1:
                cluster = self._cluster(got[0][0])
        if cluster is None:
            return None
        rows = self._fetch(
            CLAIM_SELECT + " WHERE c.cluster_id = ? ORDER BY c.published NULLS LAST, c.article_id, c.pk",
            (cluster.id,),
        )
        return Timeline(cluster, [_claim_row(r) for r in rows])

    def first_cluster(self) -> str | None:
        """The first tracked claim (in ingest order)."""
        got = self._fetch("SELECT id FROM clusters ORDER BY pk LIMIT 1")
        return str(got[0][0]) if got else None

    def clusters(
        self, *, limit: int = 100, offset: int = 0, after: ClusterRow | Sequence[Any] | None = None
    ) -> list[ClusterRow]:
        """Tracked claims, the most reported first: by distinct articles, then distinct sources, then stances
        (then ingest order). Page with ``after`` (the last row of the previous page, its (n_articles, n_sources,
        n_claims, id), or its id); ``offset`` still works but reads and skips every earlier row."""
        sel = CLUSTER_SELECT
        if offset and after is not None:
            raise ValueError("pass offset or after, not both")
        if offset:
            got = self._fetch(sel + CLUSTERS.order_by() + " LIMIT ? OFFSET ?", (limit, offset))
        else:
            got = keyset_fetch(self._fetch, sel, [], [], CLUSTERS, clusters_after(self._fetch, after), limit)
        return [cluster_row(r) for r in got]

    def entity(self, name: str, *, limit: int = 100) -> EntityReport:
        """What an entity said and what was said about it, across articles. ``name`` matches any name the
        entity was seen under (case-insensitive substring) or its exact cross-article key."""
        pat = like_pattern(name)
        ents = self._fetch(
            "SELECT g.key, g.name, g.type, g.n_articles FROM global_entities g WHERE g.key = ? "
            f"OR g.key IN {ALIAS_MATCH} ORDER BY g.n_articles DESC, g.key LIMIT 20",
            (name, pat),
        )
        rows: list[EntityRow] = []
        for key, ename, etype, n in ents:
            aliases = [
                r[0]
                for r in self._fetch("SELECT alias FROM entity_aliases WHERE key = ? ORDER BY alias", (key,))
            ]
            rows.append(EntityRow(key, ename, etype, int(n), aliases))
        keys = [r.key for r in rows]
        if not keys:
            by_q = self.quotes(speaker=name, limit=limit)
            by_c = self.claims(source=name, limit=limit)
            return EntityReport([], by_q, by_c)
        km = marks(len(keys))
        order = "ORDER BY {a}.published DESC NULLS LAST, {a}.article_id, {a}.pk LIMIT ?"
        q_by = self._fetch(
            f"{QUOTE_SELECT} WHERE q.speaker_key IN ({km}) {order.format(a='q')}", [*keys, limit]
        )
        c_by = self._fetch(
            f"{CLAIM_SELECT} WHERE c.source_key IN ({km}) {order.format(a='c')}", [*keys, limit]
        )
        about = (
            "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = {a}.article_id AND m.item_kind = '{kind}' "
            "AND m.item_id = {a}.id AND m.entity_key IN ({km})) AND ({a}.{sk} IS NULL OR {a}.{sk} NOT IN ({km}))"
        )
        q_ab = self._fetch(
            f"{QUOTE_SELECT} WHERE {about.format(a='q', kind='quote', km=km, sk='speaker_key')} {order.format(a='q')}",
            [*keys, *keys, limit],
        )
        c_ab = self._fetch(
            f"{CLAIM_SELECT} WHERE {about.format(a='c', kind='claim', km=km, sk='source_key')} {order.format(a='c')}",
            [*keys, *keys, limit],
        )
        return EntityReport(
            rows,
            [_quote_row(r) for r in q_by],
            [_claim_row(r) for r in c_by],
            [_quote_row(r) for r in q_ab],
            [_claim_row(r) for r in c_ab],
        )

    def iter_rows(self, table: ExportTable) -> Iterator[dict[str, Any]]:
        """Every row of a table as a dict (``articles``: the full records with their sources)."""
        if table == "articles":
            for art in self.iter_articles():
                d = art.model_dump(mode="json")
                yield d
            return
        if table == "claims":
            sql, build = CLAIM_SELECT + " WHERE c.pk > ? ORDER BY c.pk LIMIT 500", _claim_row
            pk = "c.pk"
        elif table == "quotes":
            sql, build = QUOTE_SELECT + " WHERE q.pk > ? ORDER BY q.pk LIMIT 500", _quote_row  # type: ignore[assignment]
            pk = "q.pk"
        elif table in ("entities", "events"):
            cols = ENTITY_COLS if table == "entities" else EVENT_COLS
            for r in self._fetch(f"SELECT {', '.join(cols)} FROM {table} ORDER BY article_id, id"):
                yield dict(zip(cols, r, strict=True))
            return
        else:
            raise ValueError(f"unknown table {table!r}")
        last = -1
        while True:
            got = self._fetch(sql.replace("SELECT ", f"SELECT {pk}, ", 1), (last,))
            if not got:
                return
            for r in got:
                last = r[0]
                yield build(r[1:]).as_dict()

    def article_urls(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        """Every URL (or path) an article was seen at, for ClaimReview appearances."""
        out: dict[str, list[str]] = {}
        for part in chunks(list(dict.fromkeys(article_ids))):
            for aid, url, path in self._fetch(
                f"SELECT article_id, url, path FROM article_sources WHERE article_id IN ({marks(len(part))}) "
                "ORDER BY seen_at",
                part,
            ):
                out.setdefault(aid, []).append(url or path)
        return out
