"""The claim tracker's index persisted as append-only rows (store/tracker_state.py): the same decisions as one
in-memory clusterer across batches, writers and sessions; old whole-index blobs converted; and a batch writes
what it adds, however large the store is."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsgraph.models import Article
from newsgraph.store import Store, open_store
from newsgraph.store.migrate import latest_version
from newsgraph.store.records import Flattener, Rows
from newsgraph.store.sql import SQLStore

from .conftest import HashEmbedder
from .factory import make_article

cluster = pytest.importorskip("newsgraph.track.cluster", reason="the claim tracker is not installed")
ClaimClusterer = cluster.ClaimClusterer
Item = tuple[str, str, frozenset[str], frozenset[str]]
FIXTURES = Path(__file__).resolve().parents[1] / "track" / "fixtures"

_SUBJ = ["North Korea", "Russia", "Ukraine", "China"]
_VERB = ["has sent troops to", "will supply weapons to", "imposed sanctions on", "signed a trade deal with"]
_OBJ = ["Russia", "Ukraine", "Belarus", "Syria"]
_EXTRA = ["", "reportedly ", "recently ", "quietly "]


def stream(n: int, seed: int = 3) -> list[Article]:
    """``n`` articles of two claims each from a small pool of propositions worded with variations (so some
    claims join earlier ones and others found clusters), with entity keys and numbers in play."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        claims: list[dict[str, Any]] = []
        sents: list[str] = []
        ents: dict[str, None] = {}  # ordered set
        for _ in range(2):
            s, v, o, e = rng.choice(_SUBJ), rng.choice(_VERB), rng.choice(_OBJ), rng.choice(_EXTRA)
            claim = f"{s} {e}{v} {o}" + (f" {rng.choice([2, 3])} times" if rng.random() < 0.25 else "")
            sents.append(f"Officials said {claim}.")
            claims.append({"text": claim, "source": "Officials", "kind": "organization"})
            ents[s] = ents[o] = None
        body = " ".join(sents) + f" Report number {i}."
        entities = [(f"e{k + 1}", name, "GPE") for k, name in enumerate(ents)]
        out.append(
            make_article(body, published=f"2024-10-{1 + i % 28:02d}", entities=entities, claims=claims)
        )
    return out


def items_of(articles: list[Article]) -> list[Item]:
    rows = Rows()
    fl = Flattener()
    for a in articles:
        fl.add(rows, a, "2024-11-01T00:00:00+00:00")
    return rows.cluster_items


def stored_ids(s: Store) -> dict[str, str]:
    """Tracked proposition key (``<article>:<proposition>``) -> its cluster id, as stored."""
    assert isinstance(s, SQLStore)
    got = s._fetch("SELECT article_id, proposition_id, cluster_id FROM stances")
    return {f"{aid}:{pid}": cid for aid, pid, cid in got}


def test_batches_writers_and_sessions_decide_as_one_clusterer(db_url: str) -> None:
    """Two writers alternating batches, then a new session: every claim gets the cluster id that one
    in-memory clusterer fed the same batches gives it (each writer replays only what the other added)."""
    arts = stream(64)
    batches = [arts[i : i + 8] for i in range(0, len(arts), 8)]
    ref = ClaimClusterer(embedder=HashEmbedder())
    expected: dict[str, str] = {}
    for part in batches:
        its = items_of(part)
        expected.update(zip((k for k, *_ in its), ref.add_many(its), strict=True))
    a, b = open_store(db_url, embedder=HashEmbedder()), open_store(db_url, embedder=HashEmbedder())
    assert isinstance(a, SQLStore)
    for i, batch in enumerate(batches[:6]):
        if i == 2:  # a holds batch 0; it reads back only the claims b added in batch 1
            with _Meter(a) as m:
                a.add_articles(batch, batch_size=8)
            assert m.read == len(items_of(batches[1]))
        else:
            (a if i % 2 == 0 else b).add_articles(batch, batch_size=8)
    b.close()
    a.close()
    with open_store(db_url, embedder=HashEmbedder()) as s:  # a new session continues the index
        for batch in batches[6:]:
            s.add_articles(batch, batch_size=8)
        assert stored_ids(s) == expected
        assert 1 < len(set(expected.values())) < len(expected) // 2  # clusters were both founded and joined
        assert s.count("claims") == len(expected) == len(ref)
        assert isinstance(s, SQLStore)
        n = s._fetch("SELECT n_items, state FROM tracker_state")
        assert n == [(len(ref), None)]
        assert s._fetch("SELECT count(*), min(seq), max(seq) FROM tracker_items") == [
            (len(ref), 0, len(ref) - 1)
        ]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def v3_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store at schema version 3 (before tracker_items): SQLite file or a fresh PostgreSQL schema."""
    url = str(tmp_path / "v3.db") if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    _open_v3(url).close()
    return url


def _open_v3(url: str) -> SQLStore:
    if url.startswith("postgresql://"):
        from newsgraph.store.postgres import PostgresStore

        return PostgresStore(url, target_version=3)
    from newsgraph.store.sqlite import SQLiteStore

    return SQLiteStore(url, target_version=3)


def _put_blob(url: str, blob: bytes, rows: Rows | None = None) -> None:
    """What a v3 newsgraph left: (optionally) the articles, and the whole index as one blob."""
    old = _open_v3(url)
    assert old.schema_version() == 3
    with old._write() as cur:
        if rows is not None:
            old._insert_rows(cur, rows)
        old._execute(cur, "INSERT INTO tracker_state (id, version, state) VALUES (1, 7, ?)", (blob,))
    old.close()


def test_old_blob_store_is_converted_and_continues(v3_url: str) -> None:
    """A v3 store whose index is one blob (ClaimClusterer.state()): migrated on open, converted to rows by
    the first write, and every later decision is the one the old whole-state path made."""
    arts = stream(40, seed=5)
    first, later = arts[:24], arts[24:]
    ref = ClaimClusterer(embedder=HashEmbedder())
    rows = Rows()
    fl = Flattener()
    for a in first:
        fl.add(rows, a, "2024-11-01T00:00:00+00:00")
    by_item = dict(zip((k for k, *_ in rows.cluster_items), ref.add_many(rows.cluster_items), strict=True))
    for row, item in zip(rows.claims, rows.claim_items, strict=True):
        row[12] = by_item[item] if item is not None else None
    rows.stances, rows.stance_items = [], []  # a v3 store had no stances (migration 0006 backfills them)
    _put_blob(v3_url, ref.state(), rows)
    later_items = items_of(later)
    expected = dict(zip((k for k, *_ in later_items), ref.add_many(later_items), strict=True))
    with open_store(v3_url, embedder=HashEmbedder()) as s:
        assert s.schema_version() == latest_version("sqlite") >= 4
        res = s.add_articles(first + later[:8], batch_size=16)
        assert (res.added, res.duplicates) == (8, 24)
    with open_store(v3_url, embedder=HashEmbedder()) as s:  # the rows alone carry the index now
        assert isinstance(s, SQLStore)
        assert s._fetch("SELECT state, n_items FROM tracker_state") == [
            (None, len(items_of(first + later[:8])))
        ]
        s.add_articles(later[8:], batch_size=8)
        got = stored_ids(s)
        assert {k: got[k] for k in expected} == expected
        assert s.count("claims") == len(ref)


def _assign(s: SQLStore, items: list[Item], vecs: Any) -> list[str]:
    """The store's own ingest step for the tracker: sync, assign, persist (one write transaction)."""
    rows = Rows(
        claims=[[None] * 13 for _ in items], cluster_items=list(items), claim_items=[k for k, *_ in items]
    )
    with s._write() as cur:
        s._assign_clusters(cur, rows, [vecs])
    return [r[12] for r in rows.claims]


def test_format1_fixture_blob_in_a_store_decides_as_before(v3_url: str) -> None:
    """The committed old-format state (written by the previous index implementation) placed in a v3 store:
    after conversion to rows the further claims get the ids that implementation gave them."""
    from tests.track.fixtures.make_cluster_state_v1 import stream as v1_stream

    items, vecs = v1_stream()
    expected = json.loads((FIXTURES / "cluster_state_v1.json").read_text())
    _put_blob(v3_url, (FIXTURES / "cluster_state_v1.npz").read_bytes())
    with open_store(v3_url, embedder=HashEmbedder()) as s:
        assert isinstance(s, SQLStore)
        assert _assign(s, items[80:100], vecs[80:100]) == expected["further"][:20]
    with open_store(v3_url, embedder=HashEmbedder()) as s:  # a new session reads the converted rows
        assert isinstance(s, SQLStore)
        assert _assign(s, items[100:], vecs[100:]) == expected["further"][20:]
        assert _assign(s, items[:80], vecs[:80]) == expected["stored"]  # re-adding is idempotent


def _topic_vectors(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((200, 384))
    v = centers[rng.integers(0, 200, size=n)] + rng.uniform(0.1, 0.6) * rng.standard_normal((n, 384))
    out: np.ndarray = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    return out


class _Meter:
    """Counts what a store writes (bound parameters of INSERT/UPDATE/DELETE) and the tracker rows it reads."""

    def __init__(self, s: SQLStore) -> None:
        self.bytes = self.rows = self.read = 0
        self._s = s
        self._ex, self._exm = s._execute, s._executemany

    @staticmethod
    def _size(v: Any) -> int:
        return len(v) if isinstance(v, (bytes, str)) else 8

    def execute(self, cur: Any, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        out = self._ex(cur, sql, params)
        if sql.lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.rows += 1
            self.bytes += sum(self._size(v) for v in params)
        elif "FROM tracker_items" in sql:
            self.read += len(out)
        return out

    def executemany(self, cur: Any, sql: str, rows: Any) -> None:
        self._exm(cur, sql, rows)
        self.rows += len(rows)
        self.bytes += sum(self._size(v) for r in rows for v in r)

    def __enter__(self) -> _Meter:
        self._s._execute, self._s._executemany = self.execute, self.executemany  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        self._s._execute, self._s._executemany = self._ex, self._exm  # type: ignore[method-assign]


@pytest.fixture
def sized_store(db_url: str) -> Iterator[SQLStore]:
    s = open_store(db_url, embedder=HashEmbedder())
    assert isinstance(s, SQLStore)
    yield s
    s.close()


def _batch_cost(s: SQLStore, stored: int) -> tuple[int, int, int, int]:
    """Fill the tracker with ``stored`` claims, then measure one fixed 50-claim batch: rows and bytes
    written, tracker rows read; and the size the whole-index blob (the old per-batch write) has."""
    none: frozenset[str] = frozenset()
    prefill = [(f"p{i}", f"claim {i}", none, none) for i in range(stored)]
    _assign(s, prefill, _topic_vectors(stored, seed=1))
    batch = [(f"b{i}", f"batch claim {i}", frozenset({"GPE:X"}), none) for i in range(50)]
    with _Meter(s) as m:
        _assign(s, batch, _topic_vectors(50, seed=2))
    assert s._clusterer is not None
    blob = s._clusterer.state()  # type: ignore[attr-defined]
    return m.rows, m.bytes, m.read, len(blob)


def test_batch_writes_do_not_grow_with_the_store(sized_store: SQLStore, db_url: str) -> None:
    rows_1k, bytes_1k, read_1k, blob_1k = _batch_cost(sized_store, 1000)
    with open_store(db_url, embedder=HashEmbedder()) as big:
        assert isinstance(big, SQLStore)
        with big._write() as cur:  # a second store's worth of claims: start the index over
            big._execute(cur, "DELETE FROM tracker_state")
            big._execute(cur, "DELETE FROM tracker_items")
        big._tracker_items = None
        rows_10k, bytes_10k, read_10k, blob_10k = _batch_cost(big, 10_000)
    print(f"per batch: {bytes_1k} -> {bytes_10k} bytes written; whole-index blob {blob_1k} -> {blob_10k}")
    assert rows_1k == rows_10k == 50 + 1  # the batch's item rows and the one-row state update
    assert bytes_10k <= 1.02 * bytes_1k
    assert read_1k == read_10k == 0  # a writer holding the index reads no tracker rows back
    assert blob_10k > 5 * blob_1k  # what each batch rewrote before: it grows with the store
