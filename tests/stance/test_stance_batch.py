"""The batch path (:func:`newsgraph.stance.batch.run_pairs`: bodies read once in chunks, headlines embedded once,
MiniLM batched, both tree stages walked once) labels every pair exactly as the one-pair API does."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.stance import batch
from newsgraph.stance.api import StanceScorer
from newsgraph.stance.batch import Pair, run_pairs
from tests.stance.test_stance_model import LOTTERY, ROVER, SPIDER

# Written for this test (not from any dataset); the second sentence of BRIDGE repeats one of ROVER's, so the
# embedder sees a recurring text within one batch.
BRIDGE = (
    "City officials denied on Monday that the old river bridge will be demolished next year. "
    "The agency said the discovery was verified by two instruments on board the rover. "
    "A spokeswoman called the reports false and said repairs would begin in the spring."
)
BODIES = {"s": SPIDER, "r": ROVER, "l": LOTTERY, "b": BRIDGE}
HEADS = [
    "Spider burrowed into tourist's stomach",
    "Curiosity rover finds water ice on Mars",
    "Ohio man wins lottery twice in one week",
    "Old river bridge to be demolished",
    "Apple unveils a thinner iPhone with a new camera",
]


@pytest.fixture(scope="module")
def scorer() -> StanceScorer:
    return StanceScorer()


def test_batched_labels_equal_one_pair_labels(scorer: StanceScorer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "BODY_CHUNK", 3)  # two body chunks: the chunked path is exercised too
    pairs = [Pair(i + 2, h, b) for i, (h, b) in enumerate((h, b) for b in BODIES for h in HEADS)]
    pairs.append(Pair(len(pairs) + 2, HEADS[0], "s"))  # the same pair twice
    seen: list[int] = []
    got = {p.row: r for p, r in run_pairs(pairs, BODIES, scorer, progress=seen.append)}
    assert sorted(got) == [p.row for p in pairs]
    assert sum(seen) == len(pairs) and len(seen) == 2
    labels = set()
    for p in pairs:
        one = newsgraph.stance(p.headline, BODIES[p.body_id])
        many = got[p.row]
        assert many.label == one.label, (p, many.probabilities, one.probabilities)
        for k, v in one.probabilities.items():
            assert many.probabilities[k] == pytest.approx(v, abs=2e-4)
        assert [e.claim for e in many.evidence] == [e.claim for e in one.evidence]
        labels.add(one.label)
    assert {"agree", "disagree", "unrelated"} <= labels  # the pairs are not all of one kind


def test_scoring_a_body_twice_gives_the_same_result(scorer: StanceScorer) -> None:
    views = scorer.read_bodies([SPIDER, BRIDGE])
    heads = scorer.read_heads(HEADS[:2])
    a = scorer.score([heads[0], heads[1], heads[0]], [views[0], views[1], views[0]])
    assert a[0] == a[2]
    assert scorer.score([heads[1]], [views[1]])[0] == a[1]
