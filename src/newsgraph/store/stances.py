"""Queries over the stances of tracked propositions: a proposition's stances, the disputed ones, and the claim
check (which tracked propositions a free-text claim states, and who supports, denies, reports or hedges them).

:class:`PropositionQueries` is mixed into :class:`newsgraph.store.sql.SQLStore`; it reads through ``_fetch``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from newsgraph.dispute import is_dispute
from newsgraph.store.backend import SQLBackend, chunks, marks
from newsgraph.store.base import CheckMatch, ClusterRow, Dispute, StanceRow
from newsgraph.store.paging import CLUSTERS, KeysetError, clusters_after, keyset_fetch
from newsgraph.store.propositions import AFFIRM, DENY
from newsgraph.store.records import like_pattern

URL_EXPR = "coalesce(a.url, (SELECT s.path FROM article_sources s WHERE s.article_id = a.id ORDER BY s.seen_at LIMIT 1))"
"""The article's URL, or else the first file it was read from."""
ALIAS_MATCH = "(SELECT key FROM entity_aliases WHERE lower(alias) LIKE ? ESCAPE '\\')"
CLUSTER_COLS = ("id", "label", "n_claims", "n_sources", "n_articles", "first_date", "last_date", "disputed")
CLUSTER_SELECT = (
    "SELECT id, label, n_claims, first_date, last_date, n_sources, n_articles, disputed FROM clusters"
)
CLUSTER_UPSERT = (
    "(id) DO UPDATE SET n_claims = excluded.n_claims, n_sources = excluded.n_sources, "
    "n_articles = excluded.n_articles, first_date = excluded.first_date, last_date = excluded.last_date, "
    "disputed = excluded.disputed"
)
STANCE_SELECT = (
    "SELECT s.cluster_id, s.statement, s.article_id, s.proposition_id, s.claim_id, s.source_name, s.source_kind, "
    f"s.source_key, s.status, s.cue, s.sentence, s.writer, s.date, a.title, {URL_EXPR}, a.published "
    "FROM stances s JOIN articles a ON a.id = s.article_id"
)
_STANCE_ORDER = " ORDER BY s.date, s.article_id, s.pk"
_WORD = re.compile(r"[^\W\d_][\w'-]{2,}", re.UNICODE)
MAX_CANDIDATES = 3000
"""Distinct statements scored per check (the ones sharing the most of the claim's words come first)."""

Execute = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def cluster_row(r: Sequence[Any]) -> ClusterRow:
    """A row of :data:`CLUSTER_SELECT` as a record."""
    return ClusterRow(r[0], r[1], int(r[2]), r[3], r[4], int(r[5] or 0), int(r[6] or 0), bool(r[7]))


def stance_row(r: Sequence[Any]) -> StanceRow:
    return StanceRow(*r[:11], bool(r[11]), *r[12:])  # type: ignore[call-arg]


def is_disputed(stances: Sequence[tuple[str, str]]) -> bool:
    """(status, source id) pairs: does one source only assert or confirm while another only denies?
    (:func:`newsgraph.dispute.is_dispute`: a source on both sides, or an unresolved one, makes no dispute.)"""
    affirm = {sid for status, sid in stances if status in AFFIRM}
    deny = {sid for status, sid in stances if status in DENY}
    return is_dispute(affirm, deny)


def stance_count(rows: Sequence[tuple[str, str, str]]) -> int:
    """Rule ``republished_counts_once``: (article, source id, sentence) rows -> the proposition's stances, one per
    source per article, except that a source whose stances in several articles carry the very same sentences
    counts once there: an editor's note or a wire story republished word for word in four articles is one
    statement, not four reports. (The writer of each article is a source of its own, so two articles' own
    framings still count twice.)"""
    per: dict[tuple[str, str], set[str]] = {}
    for aid, sid, sentence in rows:
        per.setdefault((aid, sid), set()).add(" ".join(str(sentence).split()).casefold())
    return len({(sid, frozenset(sents)) for (_, sid), sents in per.items()})


def cluster_stats(execute: Execute, ids: Sequence[str], labels: dict[str, str]) -> list[tuple[Any, ...]]:
    """Rows of :data:`CLUSTER_COLS` for the clusters ``ids``, recounted from their stances (call under the write
    lock, after the batch's stances are inserted)."""
    in_ids = marks(len(ids))
    # first and last dates come from dated articles only: an undated article's ingest time is not a date of the
    # proposition (a cluster reported only by undated articles has no dates)
    stats = execute(
        "SELECT s.cluster_id, count(DISTINCT s.article_id || ' ' || s.source_id), count(DISTINCT s.source_id), "
        "count(DISTINCT s.article_id), min(CASE WHEN a.published IS NULL THEN NULL ELSE s.date END), "
        "max(CASE WHEN a.published IS NULL THEN NULL ELSE s.date END) "
        f"FROM stances s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id IN ({in_ids}) "
        "GROUP BY s.cluster_id",
        list(ids),
    )
    pairs: dict[str, list[tuple[str, str]]] = {}
    said: dict[str, list[tuple[str, str, str]]] = {}
    for cid, aid, sid, status, sentence in execute(
        f"SELECT cluster_id, article_id, source_id, status, sentence FROM stances WHERE cluster_id IN ({in_ids})",
        list(ids),
    ):
        said.setdefault(cid, []).append((aid, sid, sentence))
        if status in AFFIRM or status in DENY:
            pairs.setdefault(cid, []).append((status, sid))
    by_id = {r[0]: r[1:] for r in stats}
    out = []
    for cid in ids:  # in the given order, so clusters.pk follows ingest order
        if cid in by_id:
            _, _, na, first, last = by_id[cid]
            rows = said.get(cid, [])
            same = same_person(sid for _, sid, _ in rows)
            rows = [(aid, same.get(sid, sid), sentence) for aid, sid, sentence in rows]
            n, ns = stance_count(rows), len({sid for _, sid, _ in rows})
            disputed = 1 if is_disputed([(st, same.get(sid, sid)) for st, sid in pairs.get(cid, [])]) else 0
            out.append((cid, labels[cid], int(n), int(ns), int(na), first, last, disputed))
    return out


def same_person(source_ids: Iterable[str]) -> dict[str, str]:
    """Rule ``same_person_in_proposition``: among the sources of one proposition, "Obama" (``PER:obama``, an
    article that never gave the full name) is the one "Barack Obama" who also holds a stance on it, and "Donald J.
    Trump" is "Donald Trump" and "Len Burman" is "Leonard E. Burman"; so one person is one source, and never two sides of a dispute. Only a unique full
    name joins (with "Hillary Clinton" and "Bill Clinton" both present, "Clinton" stays apart)."""
    from newsgraph.track.link import resolve_initials, resolve_nicknames, resolve_surnames

    ids = set(source_ids)
    out = resolve_initials(ids)
    for variant, base in resolve_nicknames({out.get(i, i) for i in ids}).items():  # "Len" is Leonard
        out.update({i: base for i in ids if out.get(i, i) == variant})
    full = {out.get(i, i) for i in ids}
    for short, long in resolve_surnames(full).items():
        out[short] = long
    return out


def query_words(text: str, *, limit: int = 8) -> list[str]:
    """The claim's longest distinct words (folded), used to find candidate statements."""
    from newsgraph.track.check import content_words

    words = sorted(set(content_words(text)), key=lambda w: (-len(w), w))
    return words[:limit]


class PropositionQueries(SQLBackend):
    """Stances, disputes and the claim check (mixed into the SQL store), over the back-end's primitives."""

    embedder: Any

    def stances(self, cluster_id: str) -> list[StanceRow]:
        """Every stance on the tracked proposition ``cluster_id``, oldest first."""
        return [
            stance_row(r)
            for r in self._fetch(STANCE_SELECT + " WHERE s.cluster_id = ?" + _STANCE_ORDER, (cluster_id,))
        ]

    def _stances_of(self, ids: Sequence[str]) -> dict[str, list[StanceRow]]:
        out: dict[str, list[StanceRow]] = {i: [] for i in ids}
        for part in chunks(ids):
            sql = STANCE_SELECT + f" WHERE s.cluster_id IN ({marks(len(part))})" + _STANCE_ORDER
            for r in self._fetch(sql, part):
                out[r[0]].append(stance_row(r))
        return out

    def disputes(
        self,
        *,
        about: str | None = None,
        since: str | None = None,
        limit: int = 50,
        after: ClusterRow | Dispute | Sequence[Any] | None = None,
    ) -> list[Dispute]:
        """Disputed propositions (one source asserts or confirms, another denies), the most reported first, each
        with its stances oldest first. ``about``: words of the statement or of a stance's sentence or source, or an
        entity a member claim mentions; ``since``: with a stance dated on or after this ISO date. ``after``: the
        last row of the previous page (a Dispute, its cluster, its (n_articles, n_sources, n_claims, cluster id), or
        its cluster id)."""
        if isinstance(after, Dispute):
            after = after.cluster
        key = clusters_after(self._fetch, after)
        where = ["disputed = 1"]
        params: list[Any] = []
        if about:
            pat = like_pattern(about)
            where.append(
                "(EXISTS (SELECT 1 FROM stances s WHERE s.cluster_id = clusters.id AND (lower(s.statement) LIKE ? "
                "ESCAPE '\\' OR lower(s.sentence) LIKE ? ESCAPE '\\' OR lower(s.source_name) LIKE ? ESCAPE '\\')) "
                "OR EXISTS (SELECT 1 FROM claims c JOIN mentions m ON m.article_id = c.article_id "
                "AND m.item_kind = 'claim' AND m.item_id = c.id "
                f"WHERE c.cluster_id = clusters.id AND m.entity_key IN {ALIAS_MATCH}))"
            )
            params += [pat, pat, pat, pat]
        if since:
            where.append("last_date >= ?")
            params.append(since)
        rows = [
            cluster_row(r)
            for r in keyset_fetch(self._fetch, CLUSTER_SELECT, where, params, CLUSTERS, key, limit)
        ]
        by_id = self._stances_of([r.id for r in rows])
        return [Dispute(r, by_id[r.id]) for r in rows]

    def check(self, claim: str, *, limit: int = 10) -> list[CheckMatch]:
        """Tracked propositions that state ``claim`` (or its negation), best first, with every stance on them.

        Candidates are the statements sharing a word with the claim; each is scored by
        :func:`newsgraph.track.check.match_score` (MiniLM cosine with lexical and entity agreement)."""
        from newsgraph.track.check import rank_statements

        words = query_words(claim)
        if not words:
            return []
        conds = " OR ".join(["lower(statement) LIKE ? ESCAPE '\\'"] * len(words))
        got = self._fetch(
            f"SELECT DISTINCT cluster_id, statement FROM stances WHERE cluster_id IS NOT NULL AND ({conds}) "
            f"LIMIT {MAX_CANDIDATES}",
            [like_pattern(w) for w in words],
        )
        ranked = rank_statements(
            claim, [(str(c), str(s)) for c, s in got], embedder=self.embedder, limit=limit
        )
        if not ranked:
            return []
        ids = [cid for cid, _, _ in ranked]
        clusters = {
            r[0]: cluster_row(r)
            for r in self._fetch(CLUSTER_SELECT + f" WHERE id IN ({marks(len(ids))})", ids)
        }
        by_id = self._stances_of(ids)
        return [
            CheckMatch(clusters[cid], round(score, 4), negated, by_id[cid])
            for cid, score, negated in ranked
            if cid in clusters
        ]


__all__ = ["KeysetError", "PropositionQueries"]
