"""Keyset ("seek") pagination for the store's listings: the next page starts strictly after the last row of the
previous one, found through an index, instead of skipping ``OFFSET`` rows. Page 1000 costs what page 1 costs,
and rows inserted between two page requests never shift a page (no duplicates, no skips).

Every listing orders by a total order ``lead DESC [NULLS LAST], tail...`` where ``tail`` (ascending) ends in the
table's primary key, so each row has a unique position:

========== ============================================== ==============================================
listing    order                                          ``after=`` (visible key, or the row itself)
========== ============================================== ==============================================
quotes     published DESC NULLS LAST, article_id, pk       (published, article_id, quote_id)
claims     published DESC NULLS LAST, article_id, pk       (published, article_id, claim_id)
clusters   n_articles DESC, n_sources DESC, n_claims DESC, pk  (n_articles, n_sources, n_claims, id), or the id
search     score DESC, kind (claim, quote, article), pk    (score, kind, article_id, item_id)
========== ============================================== ==============================================

Row records carry no primary key, so the visible key names the row and :func:`resolve` looks its ``pk`` up (one
unique-index seek). A mixed-direction, nullable order is not one SQL row comparison; :meth:`Keyset.segments`
splits "after the cursor" into index-range pieces (same lead value and later tail; smaller lead; NULL lead),
fetched in order until the page is full. Indexes: migration ``0005_keyset_indexes``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.store.backend import marks
from newsgraph.store.base import ClaimRow, ClusterRow, QuoteRow, SearchHit

Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
SEARCH_KINDS = ("claim", "quote", "article")
"""Search ties (equal score) list claims before quotes before articles, then by primary key."""
_PK_MAX = 2**63 - 1


class KeysetError(ValueError):
    """An ``after=`` key that is malformed or names a row the store does not hold."""


@dataclass(frozen=True)
class Keyset:
    """``ORDER BY lead DESC [NULLS LAST], *then DESC, *tail`` with ``tail`` ascending, non-null and unique (ends
    in a pk). ``then``: further descending columns after the lead (non-null; only with a non-nullable lead)."""

    lead: str
    tail: tuple[str, ...]
    nullable: bool
    then: tuple[str, ...] = ()

    def order_by(self) -> str:
        nulls = " NULLS LAST" if self.nullable else ""
        then = "".join(f", {c} DESC" for c in self.then)
        return f" ORDER BY {self.lead} DESC{nulls}{then}, {', '.join(self.tail)}"

    def _tail_after(self) -> str:
        if len(self.tail) == 1:
            return f"{self.tail[0]} > ?"
        return f"({', '.join(self.tail)}) > ({marks(len(self.tail))})"

    def segments(self, after: Sequence[Any] | None) -> list[tuple[str, list[Any]]]:
        """WHERE conditions (with parameters) whose results, concatenated in this order, are exactly the rows
        after ``after`` = (lead, *tail) in this order. Each piece is one index range."""
        if after is None:
            return [("", [])]
        if len(after) != 1 + len(self.then) + len(self.tail):
            raise KeysetError(f"a key of {1 + len(self.then) + len(self.tail)} values was expected")
        lead, tail = after[0], list(after[1 + len(self.then) :])
        if lead is None:
            if not self.nullable:
                raise KeysetError("the key's first value may not be null")
            return [(f"{self.lead} IS NULL AND {self._tail_after()}", list(tail))]
        if self.then:
            return self._desc_segments(list(after[: 1 + len(self.then)]), tail)
        segs = [
            (f"{self.lead} = ? AND {self._tail_after()}", [lead, *tail]),
            (f"{self.lead} < ?", [lead]),
        ]
        if self.nullable:
            segs.append((f"{self.lead} IS NULL", []))
        return segs

    def _desc_segments(self, leads: list[Any], tail: list[Any]) -> list[tuple[str, list[Any]]]:
        """Segments for several descending columns (l1, ..., lk) > key: all equal and a later tail, then for
        i = k..1 the first i - 1 equal and the i-th smaller."""
        if any(v is None for v in leads):
            raise KeysetError("the key's sort values may not be null")
        cols = [self.lead, *self.then]
        eq = " AND ".join(f"{c} = ?" for c in cols)
        segs = [(f"{eq} AND {self._tail_after()}", [*leads, *tail])]
        for i in range(len(cols) - 1, -1, -1):
            conds = [f"{c} = ?" for c in cols[:i]] + [f"{cols[i]} < ?"]
            segs.append((" AND ".join(conds), leads[: i + 1]))
        return segs


QUOTES = Keyset("q.published", ("q.article_id", "q.pk"), nullable=True)
CLAIMS = Keyset("c.published", ("c.article_id", "c.pk"), nullable=True)
CLUSTERS = Keyset("n_articles", ("pk",), nullable=False, then=("n_sources", "n_claims"))
"""Tracked propositions, the most reported first: by distinct articles, then distinct sources, then stances
(rule ``most_reported_first``; see :func:`newsgraph.store.base.reported_across_articles`)."""


def keyset_fetch(
    fetch: Fetch,
    select: str,
    where: Sequence[str],
    params: Sequence[Any],
    keyset: Keyset,
    after: Sequence[Any] | None,
    limit: int,
) -> list[tuple[Any, ...]]:
    """Up to ``limit`` rows of ``select`` matching every ``where`` condition, after ``after`` in ``keyset``
    order. ``select`` is a statement without WHERE/ORDER BY; ``params`` bind the ``where`` placeholders."""
    out: list[tuple[Any, ...]] = []
    if limit <= 0:
        return out
    for cond, cond_params in keyset.segments(after):
        conds = [*where, cond] if cond else list(where)
        sql = select + (" WHERE " + " AND ".join(conds) if conds else "") + keyset.order_by() + " LIMIT ?"
        out += fetch(sql, [*params, *cond_params, limit - len(out)])
        if len(out) >= limit:
            break
    return out


# -- visible keys ------------------------------------------------------------------------------------
def quote_key(row: QuoteRow) -> tuple[str | None, str, str]:
    return (row.published, row.article_id, row.quote_id)


def claim_key(row: ClaimRow) -> tuple[str | None, str, str]:
    return (row.published, row.article_id, row.claim_id)


def cluster_key(row: ClusterRow) -> tuple[int, int, int, str]:
    return (row.n_articles, row.n_sources, row.n_claims, row.id)


def search_key(hit: SearchHit) -> tuple[float, str, str, str | None]:
    return (hit.score, hit.kind, hit.article_id, hit.item_id)


def _str(v: Any, what: str, *, nullable: bool = False) -> str | None:
    if v is None and nullable:
        return None
    if not isinstance(v, str) or not v or len(v) > 1000:
        raise KeysetError(f"{what} must be a non-empty string")
    return v


def _values(after: Any, row_type: type, key: Callable[[Any], tuple[Any, ...]], n: int) -> tuple[Any, ...]:
    if isinstance(after, row_type):
        return key(after)
    if isinstance(after, (str, bytes)) or not isinstance(after, Sequence) or len(after) != n:
        raise KeysetError(f"after= takes a {row_type.__name__} or a sequence of {n} key values")
    return tuple(after)


def _pk(fetch: Fetch, sql: str, params: Sequence[Any]) -> int:
    got = fetch(sql, params)
    if not got:
        raise KeysetError("the key names a row this store does not hold")
    return int(got[0][0])


def _item_after(fetch: Fetch, after: Any, table: str, row_type: type, key: Any) -> tuple[Any, ...] | None:
    if after is None:
        return None
    published, article_id, item_id = _values(after, row_type, key, 3)
    published = _str(published, "published", nullable=True)
    article_id, item_id = _str(article_id, "article_id"), _str(item_id, "item id")
    pk = _pk(fetch, f"SELECT pk FROM {table} WHERE article_id = ? AND id = ?", (article_id, item_id))
    return (published, article_id, pk)


def quotes_after(fetch: Fetch, after: QuoteRow | Sequence[Any] | None) -> tuple[Any, ...] | None:
    """(published, article_id, pk) for :data:`QUOTES` from a QuoteRow or (published, article_id, quote_id)."""
    return _item_after(fetch, after, "quotes", QuoteRow, quote_key)


def claims_after(fetch: Fetch, after: ClaimRow | Sequence[Any] | None) -> tuple[Any, ...] | None:
    """(published, article_id, pk) for :data:`CLAIMS` from a ClaimRow or (published, article_id, claim_id)."""
    return _item_after(fetch, after, "claims", ClaimRow, claim_key)


def clusters_after(fetch: Fetch, after: ClusterRow | Sequence[Any] | str | None) -> tuple[Any, ...] | None:
    """(n_articles, n_sources, n_claims, pk) for :data:`CLUSTERS` from a ClusterRow, its (n_articles, n_sources,
    n_claims, cluster id), or a bare cluster id (its stored counts are read: a page position that survives a
    form field or a link)."""
    if after is None:
        return None
    if isinstance(after, str):
        got = fetch(
            "SELECT n_articles, n_sources, n_claims, pk FROM clusters WHERE id = ?",
            (_str(after, "cluster id"),),
        )
        if not got:
            raise KeysetError("the key names a row this store does not hold")
        return tuple(int(v or 0) for v in got[0])
    *counts, cid = _values(after, ClusterRow, cluster_key, 4)
    for n in counts:
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= _PK_MAX:
            raise KeysetError("n_articles, n_sources and n_claims must be non-negative 64-bit integers")
    return (*counts, _pk(fetch, "SELECT pk FROM clusters WHERE id = ?", (_str(cid, "cluster id"),)))


def search_after(fetch: Fetch, after: SearchHit | Sequence[Any] | None) -> tuple[float, int, int] | None:
    """(score, kind order, pk) from a SearchHit or (score, kind, article_id, item_id)."""
    if after is None:
        return None
    score, kind, article_id, item_id = _values(after, SearchHit, search_key, 4)
    try:
        finite = (
            not isinstance(score, bool) and isinstance(score, (int, float)) and math.isfinite(float(score))
        )
    except OverflowError:  # an int too large for a float (10**400)
        finite = False
    if not finite:
        raise KeysetError("score must be a finite number")
    if kind not in SEARCH_KINDS:
        raise KeysetError(f"kind must be one of {', '.join(SEARCH_KINDS)}")
    aid = _str(article_id, "article_id")
    if kind == "article":
        if item_id is not None:
            raise KeysetError("an article hit has no item id")
        pk = _pk(fetch, "SELECT pk FROM articles WHERE id = ?", (aid,))
    else:
        table = "quotes" if kind == "quote" else "claims"
        pk = _pk(
            fetch, f"SELECT pk FROM {table} WHERE article_id = ? AND id = ?", (aid, _str(item_id, "item id"))
        )
    return (float(score), SEARCH_KINDS.index(kind), pk)


def fts_bound(key: tuple[float, int, int] | None, kind: str) -> tuple[float, int]:
    """(score, pk) such that the hits of ``kind`` after ``key`` are those with ``score' < score``, or
    ``score' == score and pk' > pk``: a kind listed before the key's kind must score strictly lower, one
    listed after it may tie."""
    if key is None:
        return (math.inf, 0)
    score, order, pk = key
    mine = SEARCH_KINDS.index(kind)
    return (score, pk if mine == order else _PK_MAX if mine < order else 0)
