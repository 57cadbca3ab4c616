"""Per-item persistence of the clusterer (``records`` / ``restore``): what a store appends after each batch
rebuilds, replayed in order, exactly the index that wrote it."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.track.cluster import ClaimClusterer, ItemRecord

from .test_track_cluster_index import dense_stream

NONE: frozenset[str] = frozenset()


def _items(n: int, start: int = 0) -> list[tuple[str, str, frozenset[str], frozenset[str]]]:
    ents = [NONE, frozenset({"GPE:PRK"}), frozenset({"GPE:KOR", "PER:kim tae-hyo"})]
    return [
        (
            f"k{i}",
            "a claim" + (" up 3 percent" if i % 7 == 0 else " up 5 percent" if i % 11 == 0 else ""),
            ents[i % 3],
            frozenset({"E"}) if i % 5 else NONE,
        )
        for i in range(start, start + n)
    ]


def test_records_replayed_in_batches_rebuild_the_same_index() -> None:
    vecs = dense_stream(200, 1700, seed=11)
    c = ClaimClusterer(threshold=0.8, seed=5)
    r = ClaimClusterer(**c.params())
    saved = 0
    for lo in range(0, 1500, 250):  # the store's rhythm: one batch in, its records out
        c.add_many(_items(250, lo), vectors=vecs[lo : lo + 250])
        recs = c.records(saved)
        assert len(recs) == 250 and all(isinstance(x, ItemRecord) and len(x.vec) == 768 for x in recs)
        r.restore(recs)
        saved = len(c)
    assert 10 < c.n_clusters < len(c) - 100  # clusters were both founded and joined
    assert r.state() == c.state()
    assert np.array_equal(r._ring, c._ring) and np.array_equal(r._fill, c._fill)
    assert np.array_equal(r._sketch[: len(r)], c._sketch[: len(c)])
    assert np.array_equal(r._sums[: r.n_clusters], c._sums[: c.n_clusters]) and r._sizes == c._sizes
    later = _items(200, 1500)
    assert r.add_many(later, vectors=vecs[1500:]) == c.add_many(later, vectors=vecs[1500:])


def test_records_of_a_restored_whole_state_are_the_originals() -> None:
    vecs = dense_stream(50, 300, seed=2)
    c = ClaimClusterer()
    c.add_many(_items(300), vectors=vecs)
    assert ClaimClusterer.from_state(c.state()).records() == c.records()
    assert c.records(290, 295) == c.records()[290:295]
    assert c.records(400) == []


def test_restore_refuses_records_that_do_not_continue_the_index() -> None:
    vecs = dense_stream(20, 60, seed=4)
    c = ClaimClusterer()
    c.add_many(_items(60), vectors=vecs)
    recs = c.records()
    r = ClaimClusterer()
    r.restore(recs[:30])
    with pytest.raises(ValueError, match="twice"):
        r.restore(recs[29:31])
    skipping = next(x for x in recs[30:] if x.cluster >= r.n_clusters)
    with pytest.raises(ValueError, match="out of sequence"):
        r.restore([skipping._replace(cluster=r.n_clusters + 1)])
    with pytest.raises(ValueError, match="out of sequence"):
        r.restore([recs[30]._replace(key="new", cluster=0, cluster_id="tc_other")])
    with pytest.raises(ValueError, match="vectors"):
        r.restore([recs[30]._replace(vec=b"\x00" * 10)])
