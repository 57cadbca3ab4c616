"""The claim tracker's index in the store: one append-only row per tracked claim.

``tracker_items`` holds the clusterer's items in insertion order (``seq`` = position in the index) with
their cluster number and id, float16 embedding and entity/event/number sets; ``tracker_state`` (one row)
holds the clusterer's parameters and ``n_items``, how many rows make up the index. A claim never changes
cluster once assigned and clusters are never merged or renumbered, so an ingest batch writes only the rows of
the claims it added (plus the one-row update): its cost does not grow with the store.

A writer keeps its clusterer in memory between batches and remembers how many items it holds. Under the
write lock it compares that with ``n_items``: when another writer added claims meanwhile, only the rows past
its own count are read and replayed (:meth:`ClaimClusterer.restore`), which rebuilds exactly the index the
other writer saved. A store written before these rows existed holds the whole index as one blob
(``tracker_state.state``, :meth:`ClaimClusterer.state`); the first write converts it to rows.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

from newsgraph.store.backend import marks
from newsgraph.store.records import Clusterer, SingletonClusterer

if TYPE_CHECKING:
    from newsgraph.track.cluster import ClaimClusterer, ItemRecord

ITEM_COLS = ("seq", "key", "cluster", "cluster_id", "vec", "ents", "events", "nums")
PAGE = 5000
"""Rows read per query when replaying the index (bounds the memory of a full load)."""

_INSERT_ITEMS = f"INSERT INTO tracker_items ({', '.join(ITEM_COLS)}) VALUES ({marks(len(ITEM_COLS))})"
_SELECT_ITEMS = (
    f"SELECT {', '.join(ITEM_COLS)} FROM tracker_items WHERE seq >= ? AND seq < ? ORDER BY seq LIMIT ?"
)
_UPSERT_STATE = (
    "INSERT INTO tracker_state (id, version, params, n_items, state) VALUES (1, 1, ?, ?, NULL) "
    "ON CONFLICT (id) DO UPDATE SET version = tracker_state.version + 1, params = excluded.params, "
    "n_items = excluded.n_items, state = NULL"
)


class Database(Protocol):
    """What the persistence needs from a store (both SQL back-ends provide it)."""

    def _execute(self, cur: Any, sql: str, params: Any = ()) -> list[tuple[Any, ...]]: ...

    def _executemany(self, cur: Any, sql: str, rows: Any) -> None: ...


def _claim_clusterer() -> type[ClaimClusterer]:
    from newsgraph.track.cluster import ClaimClusterer  # numpy and the embedder: imported on first use

    return ClaimClusterer


def item_row(seq: int, r: ItemRecord) -> tuple[Any, ...]:
    return (
        seq,
        r.key,
        r.cluster,
        r.cluster_id,
        r.vec,
        json.dumps(r.ents),
        json.dumps(r.events),
        json.dumps(r.nums),
    )


def write_items(db: Database, cur: Any, clusterer: ClaimClusterer, start: int) -> int:
    """Append the clusterer's items from ``start`` on; returns how many rows were written."""
    recs = clusterer.records(start)
    db._executemany(cur, _INSERT_ITEMS, [item_row(start + j, r) for j, r in enumerate(recs)])
    return len(recs)


def read_items(db: Database, cur: Any, clusterer: ClaimClusterer, stop: int) -> None:
    """Replay rows ``len(clusterer) .. stop - 1`` into the clusterer, a page at a time."""
    from newsgraph.track.cluster import ItemRecord

    seq = len(clusterer)
    while seq < stop:
        got = db._execute(cur, _SELECT_ITEMS, (seq, stop, PAGE))
        recs: list[ItemRecord] = []
        for row in got:
            if int(row[0]) != seq + len(recs):
                break
            recs.append(
                ItemRecord(
                    str(row[1]),
                    int(row[2]),
                    str(row[3]),
                    bytes(row[4]),
                    tuple(json.loads(row[5])),
                    tuple(json.loads(row[6])),
                    tuple(json.loads(row[7])),
                )
            )
        if not recs:
            raise ValueError(f"the store's claim tracker index is missing item {seq} (of {stop})")
        clusterer.restore(recs)
        seq += len(recs)


def sync_tracker(
    db: Database, cur: Any, current: Clusterer | None, known: int | None, *, track: bool, embedder: Any
) -> tuple[Clusterer, bool, int | None]:
    """The clusterer to assign the next batch with, brought up to date with the store (call under the write
    lock). ``current``/``known``: the writer's clusterer and how many of the store's items it holds (``None``:
    unknown, rebuild). Returns the clusterer, whether it is the real one (to be saved with
    :func:`save_tracker`) and the number of stored items it holds."""
    if not track:
        single = current if isinstance(current, SingletonClusterer) else SingletonClusterer()
        return single, False, None
    cls = _claim_clusterer()
    got = db._execute(cur, "SELECT n_items, params, state IS NOT NULL FROM tracker_state WHERE id = 1")
    if not got:
        # a new index; rows without a state row (left by an interrupted reset) are not part of it
        db._execute(cur, "DELETE FROM tracker_items")
        return cls(embedder=embedder), True, 0
    n_items, params, has_blob = int(got[0][0]), got[0][1], bool(got[0][2])
    if has_blob:
        return _convert_blob(db, cur, cls, embedder)
    if isinstance(current, cls) and known is not None and known == len(current) and known <= n_items:
        clusterer = current  # up to date, or behind another writer: read only its additions
    else:
        clusterer = cls(**json.loads(params), embedder=embedder) if params else cls(embedder=embedder)
    read_items(db, cur, clusterer, n_items)
    return clusterer, True, n_items


def _convert_blob(
    db: Database, cur: Any, cls: type[ClaimClusterer], embedder: Any
) -> tuple[Clusterer, bool, int]:
    """A store from before ``tracker_items``: its whole-index blob becomes rows (once, under the lock)."""
    blob = db._execute(cur, "SELECT state FROM tracker_state WHERE id = 1")[0][0]
    clusterer = cls.from_state(bytes(blob), embedder=embedder)
    db._execute(cur, "DELETE FROM tracker_items")
    write_items(db, cur, clusterer, 0)
    db._execute(cur, _UPSERT_STATE, (json.dumps(clusterer.params()), len(clusterer)))
    return clusterer, True, len(clusterer)


def save_tracker(db: Database, cur: Any, clusterer: Clusterer, known: int | None) -> int:
    """Persist what the clusterer added since it held ``known`` stored items (call in the same write
    transaction as :func:`sync_tracker`); returns the number of stored items."""
    if not isinstance(clusterer, _claim_clusterer()):
        raise TypeError(f"only a ClaimClusterer is persisted, not {type(clusterer).__name__}")
    start = known or 0
    n = len(clusterer)
    if n == start and start:
        return n  # nothing new (every claim was already tracked)
    write_items(db, cur, clusterer, start)
    db._execute(cur, _UPSERT_STATE, (json.dumps(clusterer.params()), n))
    return n
