"""Claim clustering: paraphrases merge, different propositions and symbolic conflicts do not."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from newsgraph.track.cluster import ClaimClusterer, claim_text, cluster_id_for, compatible
from newsgraph.track.figures import numbers, numbers_agree

NONE: frozenset[str] = frozenset()
PRK = frozenset({"GPE:PRK", "GPE:RUS"})


class RandomEncoder:
    """Deterministic pseudo-random unit vectors per text (for index mechanics, not semantics)."""

    calls = 0

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        RandomEncoder.calls += 1
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.sha1(t.encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(384)
            out[i] = v / np.linalg.norm(v)
        return out


@pytest.fixture(scope="module")
def tracked() -> tuple[ClaimClusterer, list[str]]:
    c = ClaimClusterer()
    items = [
        ("a1#1", "North Korea has sent troops to Russia to fight in Ukraine", PRK, frozenset({"MOBILIZE"})),
        ("a2#7", "that North Korean soldiers were deployed to Russia to fight against Ukraine", PRK, NONE),
        ("a3#2", "“North Korea deployed troops to Russia for the war in Ukraine”", PRK, NONE),
        (
            "a4#1",
            "South Korea will consider supplying weapons to Ukraine",
            frozenset({"GPE:KOR", "GPE:UKR"}),
            NONE,
        ),
        (
            "a5#3",
            "the central bank will raise interest rates next month",
            frozenset({"ORG:bank of korea"}),
            NONE,
        ),
        ("a6#4", "Seoul could send lethal arms to Kyiv", frozenset({"GPE:KOR", "GPE:UKR"}), NONE),
    ]
    return c, c.add_many(items)


def test_paraphrases_share_a_cluster(tracked: tuple[ClaimClusterer, list[str]]) -> None:
    _, ids = tracked
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] != ids[0] and ids[4] not in {ids[0], ids[3]}


def test_cluster_ids_are_stable_and_named_after_the_founder(
    tracked: tuple[ClaimClusterer, list[str]],
) -> None:
    c, ids = tracked
    assert ids[0] == cluster_id_for("a1#1")
    assert c.cluster_of("a2#7") == ids[0]
    assert set(c.members(ids[0])) == {"a1#1", "a2#7", "a3#2"}
    assert c.cluster_of("missing") is None


def test_status_is_not_identity() -> None:
    c = ClaimClusterer()
    ents = frozenset({"GPE:KOR"})
    a = c.add("x#1", "South Korea will send lethal weapons to Ukraine", ents, NONE)
    b = c.add("y#1", "South Korea would send lethal weapons to Ukraine", ents, NONE)  # denied in its article
    assert a == b


def test_entity_conflict_blocks_a_merge() -> None:
    c = ClaimClusterer()
    a = c.add("x#1", "The president will veto the bill", frozenset({"PER:joe biden"}), NONE)
    b = c.add("y#1", "The president will veto the bill", frozenset({"PER:yoon suk yeol"}), NONE)
    d = c.add("z#1", "The president will veto the bill", NONE, NONE)  # no entities: no evidence against
    assert a != b
    assert d in {a, b}


def test_event_type_conflict_blocks_a_merge() -> None:
    c = ClaimClusterer()
    ents = frozenset({"GPE:PRK", "GPE:KOR"})
    a = c.add("x#1", "North Korea fired missiles at South Korea", ents, frozenset({"ASSAULT"}))
    b = c.add("y#1", "North Korea fired missiles at South Korea", ents, frozenset({"THREATEN"}))
    assert a != b


def test_number_conflict_blocks_a_merge() -> None:
    c = ClaimClusterer()
    a = c.add("x#1", "Clinton leads Trump by 5 points in Ohio", NONE, NONE)
    b = c.add("y#1", "Clinton leads Trump by 9 points in Ohio", NONE, NONE)
    d = c.add("z#1", "Clinton leads Trump by five points in Ohio", NONE, NONE)
    assert a != b
    assert d == a


def test_add_is_idempotent_per_claim_key() -> None:
    c = ClaimClusterer(embedder=RandomEncoder())
    a = c.add("k1", "some claim", NONE, NONE)
    assert c.add("k1", "different text, same key", NONE, NONE) == a
    assert len(c) == 1 and c.n_clusters == 1


def test_state_round_trip_decides_identically(tracked: tuple[ClaimClusterer, list[str]]) -> None:
    c, ids = tracked
    blob = c.state()
    assert len(blob) < 6 * 384 * 2 + 4096  # float16 vectors + small metadata
    r = ClaimClusterer.from_state(blob)
    assert len(r) == len(c) and r.n_clusters == c.n_clusters
    assert [r.cluster_of(k) for k in ("a1#1", "a4#1", "a5#3")] == [ids[0], ids[3], ids[4]]
    new = ("a9#1", "Russia has received North Korean troops to fight in Ukraine", PRK, NONE)
    assert r.add(*new) == ClaimClusterer.from_state(blob).add(*new)
    assert r.state() != blob


def test_foreign_state_is_rejected() -> None:
    with pytest.raises(ValueError):
        ClaimClusterer.from_state(b"SQLite format 3\x00 not ours")


def test_empty_state_round_trip() -> None:
    r = ClaimClusterer.from_state(ClaimClusterer(threshold=0.9).state())
    assert len(r) == 0 and r.threshold == 0.9


def test_lsh_scores_a_small_fraction_of_the_index() -> None:
    """Only claims sharing a probed bucket are scored: a few percent of the index, never all pairs."""
    c = ClaimClusterer(embedder=RandomEncoder())
    rng = np.random.default_rng(0)
    base = rng.standard_normal((4000, 384)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    c.add_many([(f"k{i}", f"t{i}", NONE, NONE) for i in range(4000)], vectors=base)
    all_pairs = 4000 * 3999 / 2
    assert c.screened < 0.1 * all_pairs  # bucket entries read: ~2% (20 tables x 4 probes / 4096 buckets)
    assert c.comparisons < 0.01 * c.screened  # random pairs (cosine ~0) never pass the sketch screen


def test_crowded_buckets_are_capped() -> None:
    """Thousands of near-identical claims: each new one scores at most ``max_bucket`` per table."""
    c = ClaimClusterer(embedder=RandomEncoder(), max_bucket=50, tables=4)
    rng = np.random.default_rng(1)
    v = rng.standard_normal(384).astype(np.float32)
    vecs = v + 0.001 * rng.standard_normal((2000, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ids = c.add_many([(f"k{i}", f"t{i}", NONE, NONE) for i in range(2000)], vectors=vecs)
    assert len(set(ids)) == 1
    assert c.screened <= 2000 * 4 * (1 + 3) * 50  # tables x (own bucket + probes) x cap
    assert c.comparisons <= c.screened


def test_lsh_recall_at_the_threshold() -> None:
    """Pairs at cosine 0.80 (just above the 0.78 threshold) are found as candidates nearly always."""
    rng = np.random.default_rng(2)
    found = 0
    for trial in range(200):
        c = ClaimClusterer(embedder=RandomEncoder(), seed=trial)
        a = rng.standard_normal(384)
        a /= np.linalg.norm(a)
        n = rng.standard_normal(384)
        n -= (n @ a) * a
        n /= np.linalg.norm(n)
        b = 0.80 * a + np.sqrt(1 - 0.80**2) * n
        c.add_many([("a", "x", NONE, NONE)], vectors=a[None, :].astype(np.float32))
        found += c.add_many([("b", "y", NONE, NONE)], vectors=b[None, :].astype(np.float32))[
            0
        ] == c.cluster_of("a")
    assert found >= 0.9 * 200


def test_add_many_embeds_each_distinct_text_once() -> None:
    enc = RandomEncoder()
    c = ClaimClusterer(embedder=enc)
    before = RandomEncoder.calls
    ids = c.add_many([("a", "same text", NONE, NONE), ("b", "same text", NONE, NONE)])
    assert RandomEncoder.calls == before + 1
    assert ids[0] == ids[1]


def test_vectors_shape_is_checked() -> None:
    c = ClaimClusterer(embedder=RandomEncoder())
    with pytest.raises(ValueError):
        c.add_many([("a", "t", NONE, NONE)], vectors=np.zeros((2, 384), dtype=np.float32))


def test_nearest_finds_the_tracked_claim(tracked: tuple[ClaimClusterer, list[str]]) -> None:
    c, ids = tracked
    hits = c.nearest("Did North Korea send soldiers to Russia?", k=3)
    assert hits and hits[0][0] == ids[0]


def test_helpers() -> None:
    assert (
        claim_text(" “that the wall will be paid for by Mexico,” ") == "the wall will be paid for by Mexico"
    )
    assert numbers("up 3.5 percent, 1,000 jobs, five states") == frozenset({"3.5", "1000", "5"})
    assert not compatible(frozenset({"A"}), frozenset({"B"}), NONE, NONE)
    assert compatible(frozenset({"A", "C"}), frozenset({"C"}), NONE, frozenset({"AID"}))


def test_docs_clustering_example_runs() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "tracking.md").read_text()
    section = doc[doc.index("## Claim clustering") :]
    code = section[
        section.index("```python") + len("```python") : section.index("```\n", section.index("```python") + 9)
    ]
    exec(compile(code, "docs/tracking.md", "exec"), {})  # asserts inside the example


def test_scale_words_and_years_are_no_shared_figure() -> None:
    """Rule ``numbers_agree``: "billion" and "2025" are shared by many forecasts that state different figures."""
    assert numbers("surpass $679 billion in 2025") == frozenset({"679", "y2025"})
    assert numbers("a billion people") == frozenset({"1000000000"})
    assert not numbers_agree(numbers("$679 billion in 2025"), numbers("$10.5 billion by 2025"))
    assert not numbers_agree(numbers("up 3 percent in 2024"), numbers("up 3 percent in 2023"))
    assert numbers_agree(numbers("up 3 percent"), numbers("up 3 percent in 2024"))
    assert not numbers_agree(numbers("won in 2016"), numbers("won by 3 points"))  # no figure of one kind
    c = ClaimClusterer()
    a = c.add("x#1", "Cloud spending is expected to surpass $679 billion in 2025", NONE, NONE)
    b = c.add("y#1", "Cloud spending is expected to surpass $100 billion in 2025", NONE, NONE)
    assert a != b
