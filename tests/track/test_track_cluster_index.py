"""The clusterer's LSH index: ring-buffer buckets, sketch screening, persistence across implementations."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from newsgraph.track.cluster import STATE_FORMAT, ClaimClusterer, screen_cutoff

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NONE: frozenset[str] = frozenset()


def dense_stream(n_base: int, n: int, seed: int = 0) -> npt.NDArray[np.float32]:
    """Like bench/track.py: ``n_base`` distinct topic vectors, then noisy variants of them (cosine to their topic
    from ~0.45 to ~0.99), so that buckets fill up and many stored claims are near each new one."""
    rng = np.random.default_rng(seed)
    base = rng.standard_normal((n_base, 384))
    base[:, :8] += 1.0  # a shared direction: crowded buckets, as real claims on one beat
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    src = rng.integers(0, n_base, size=n - n_base)
    sigma = rng.uniform(0.012, 0.1, size=(n - n_base, 1))
    noisy = base[src] + sigma * rng.standard_normal((n - n_base, 384))
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    return np.concatenate([base, noisy]).astype(np.float32)


def items(n: int, start: int = 0) -> list[tuple[str, str, frozenset[str], frozenset[str]]]:
    return [(f"k{i}", "a claim", NONE, NONE) for i in range(start, start + n)]  # no numbers: no conflicts


def pair_agreement(pred: list[str], ref: list[str]) -> tuple[float, float]:
    def pairs(labels: list[str]) -> int:
        return sum(k * (k - 1) // 2 for k in Counter(labels).values())

    both, p, r = pairs([f"{a}|{b}" for a, b in zip(pred, ref, strict=True)]), pairs(pred), pairs(ref)
    return (both / p if p else 1.0), (both / r if r else 1.0)


def test_format1_state_from_the_previous_index_loads() -> None:
    """A state written by the dict-of-lists implementation (commit 16494ea) restores and decides as it did."""
    from tests.track.fixtures.make_cluster_state_v1 import stream

    expected = json.loads((FIXTURES / "cluster_state_v1.json").read_text())
    blob = (FIXTURES / "cluster_state_v1.npz").read_bytes()
    assert expected["format"] == 1 == STATE_FORMAT
    its, vecs = stream()
    r = ClaimClusterer.from_state(blob)
    assert [r.cluster_of(k) for k, *_ in its[:80]] == expected["stored"]
    assert r.add_many(its[80:], vectors=vecs[80:]) == expected["further"]
    assert len(set(expected["further"]) - set(expected["stored"])) > 0  # new clusters were founded ...
    assert len(set(expected["further"]) & set(expected["stored"])) > 0  # ... and old ones joined


def test_restored_clusterer_decides_like_the_saved_one_on_a_full_index() -> None:
    """After thousands of claims (crowded buckets whose oldest members were evicted) a restored clusterer has
    the same buckets and sketches and gives the same ids to further claims."""
    vecs = dense_stream(300, 2600, seed=3)
    c = ClaimClusterer()
    c.add_many(items(2000), vectors=vecs[:2000])
    r = ClaimClusterer.from_state(c.state())
    assert np.array_equal(r._ring, c._ring) and np.array_equal(r._fill, c._fill)
    assert np.array_equal(r._sketch[: len(r)], c._sketch[: len(c)])
    later = items(600, start=2000)
    assert r.add_many(later, vectors=vecs[2000:]) == c.add_many(later, vectors=vecs[2000:])


def test_sketch_screen_keeps_exact_scoring_small_as_buckets_fill() -> None:
    """Bucket entries read per claim grow as buckets fill (bounded by tables x probes x max_bucket), but the
    sketch screen passes only a small fraction of them on to the exact cosine."""
    vecs = dense_stream(400, 4000, seed=5)
    c = ClaimClusterer()
    c.add_many(items(400), vectors=vecs[:400])
    first_screened = c.screened / 400
    c.add_many(items(2600, start=400), vectors=vecs[400:3000])
    s0, r0 = c.comparisons, c.screened
    c.add_many(items(1000, start=3000), vectors=vecs[3000:])
    late_scored, late_screened = (c.comparisons - s0) / 1000, (c.screened - r0) / 1000
    assert late_screened > 3 * first_screened  # the buckets did fill up ...
    assert late_screened <= c.tables * (1 + c.probes) * c.max_bucket
    assert late_scored < 0.1 * late_screened  # ... but most entries were screened out on their sketch


@pytest.mark.slow
def test_lsh_decisions_agree_with_exhaustive_search() -> None:
    """Same-cluster pairs of the LSH index (with the sketch screen) vs scoring every stored claim."""
    vecs = dense_stream(300, 3000, seed=5)
    lsh_ids = ClaimClusterer().add_many(items(3000), vectors=vecs)
    ex_ids = ClaimClusterer(exhaustive=True).add_many(items(3000), vectors=vecs)
    assert len(set(ex_ids)) < 0.8 * 3000  # there are merges to find
    precision, recall = pair_agreement(lsh_ids, ex_ids)
    assert precision >= 0.97 and recall >= 0.97


def test_screen_cutoff_keeps_pairs_at_the_threshold() -> None:
    """Sketches of pairs at exactly the threshold cosine never exceed the cutoff (miss rate <= 1e-7)."""
    cut = screen_cutoff(0.78, 240)
    assert 240 * math.acos(0.78) / math.pi < cut < 120  # above the expected distance, far below random pairs
    assert screen_cutoff(0.9, 240) < cut < screen_cutoff(0.6, 240)
    assert screen_cutoff(1.0, 240) == 0 and screen_cutoff(-1.0, 240) == 240
    assert screen_cutoff(0.78, 4000) < 4000  # long sketches: no float overflow
    rng = np.random.default_rng(11)
    worst = 0
    for seed in range(30):
        c = ClaimClusterer(seed=seed)
        a = rng.standard_normal((100, 384))
        a /= np.linalg.norm(a, axis=1, keepdims=True)
        n = rng.standard_normal((100, 384))
        n -= (n * a).sum(axis=1, keepdims=True) * a
        n /= np.linalg.norm(n, axis=1, keepdims=True)
        b = 0.78 * a + math.sqrt(1 - 0.78**2) * n
        for x, y in zip(a.astype(np.float32), b.astype(np.float32), strict=True):
            sx, sy = c._hash(c._round(x))[1], c._hash(c._round(y))[1]
            worst = max(worst, int(np.bitwise_count(sx ^ sy).sum()))
    assert worst <= c._max_hamming == cut


def test_crowded_buckets_bound_the_entries_read() -> None:
    c = ClaimClusterer(max_bucket=3, tables=5)
    rng = np.random.default_rng(1)
    v = rng.standard_normal(384)
    vecs = v + 0.002 * rng.standard_normal((500, 384))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ids = c.add_many(items(500), vectors=vecs.astype(np.float32))
    assert len(set(ids)) == 1
    assert c.screened <= 500 * 5 * (1 + 3) * 3
    assert c.comparisons <= c.screened


@pytest.mark.parametrize("kwargs", [{"bits": 0}, {"bits": 17}, {"max_bucket": 0}])
def test_index_parameters_are_checked(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        ClaimClusterer(**kwargs)  # type: ignore[arg-type]
