"""The numpy tree evaluator, and the shipped model: it loads offline and labels pairs written for these tests."""

from __future__ import annotations

import os

import numpy as np
import pytest

from newsgraph.stance.features import N_FEATURES
from newsgraph.stance.model import MODEL_PATH, TreeEnsemble, load_model

# Written for these tests (not from any dataset).
SPIDER = (
    "Doctors said on Friday that a viral story claiming a spider burrowed into a tourist's stomach is a hoax. "
    "The report, which spread on social media this week, is completely fake, a hospital spokesman said. "
    "No such patient was ever treated, he added, and the photos were taken from a medical textbook."
)
ROVER = (
    "NASA confirmed on Tuesday that its Curiosity rover has found water ice beneath the surface of Mars. "
    "The agency said the discovery was verified by two instruments on board the rover. "
    "Scientists called it the clearest evidence yet of water on the planet."
)
LOTTERY = (
    "A man in Ohio may have won the state lottery twice in one week, according to unconfirmed posts on social "
    "media. Lottery officials have not confirmed the claims and said they were looking into the reports. "
    "The man could not be reached for comment, and it was not clear whether the tickets were genuine."
)


def test_tree_ensemble_walks_to_the_right_leaves() -> None:
    # one tree: x0 <= 1.5 ? (leaf 0.25) : (x1 <= 0 ? leaf -1 : leaf 2); NaN on x0 goes right
    ens = TreeEnsemble(
        feature=np.array([0, 0, 1, 0, 0], dtype=np.int32),
        threshold=np.array([1.5, 0, 0.0, 0, 0]),
        left=np.array([1, 0, 3, 0, 0], dtype=np.int32),
        right=np.array([2, 0, 4, 0, 0], dtype=np.int32),
        value=np.array([0, 0.25, 0, -1.0, 2.0]),
        is_leaf=np.array([False, True, False, True, True]),
        missing_left=np.array([False, False, True, False, False]),
        roots=np.array([0], dtype=np.int32),
        tree_output=np.array([0], dtype=np.int32),
        baseline=np.array([0.5]),
        depth=3,
    )
    x = np.array([[1.0, 5.0], [2.0, -1.0], [2.0, 3.0], [np.nan, np.nan]])
    assert ens.raw(x)[:, 0].tolist() == [0.75, -0.5, 2.5, -0.5]


def _walk_one(ens: TreeEnsemble, row: np.ndarray, root: int) -> float:
    """The leaf value one row reaches in one tree, node by node (the reference for the vectorised walk)."""
    node = root
    while not ens.is_leaf[node]:
        v = row[ens.feature[node]]
        left = bool(ens.missing_left[node]) if np.isnan(v) else bool(v <= ens.threshold[node])
        node = int(ens.left[node] if left else ens.right[node])
    return float(ens.value[node])


def test_vectorised_walk_equals_the_node_by_node_walk_on_the_shipped_trees() -> None:
    model = load_model()
    rng = np.random.default_rng(7)
    x = rng.normal(loc=0.3, scale=1.0, size=(12, N_FEATURES)).clip(0, None)
    x[3, ::5] = np.nan  # missing values take each node's missing direction
    for ens in (model.related, model.stance):
        want = np.tile(ens.baseline, (len(x), 1))
        for r in range(len(x)):
            for root, k in zip(ens.roots, ens.tree_output, strict=True):
                want[r, k] += _walk_one(ens, x[r], int(root))
        np.testing.assert_allclose(ens.raw(x), want, rtol=0, atol=1e-9)
    labels, probs = model.predict_with_probabilities(x)
    assert labels == model.predict(x)
    np.testing.assert_array_equal(probs, model.probabilities(x))


def test_shipped_model_loads_offline_and_is_small() -> None:
    import subprocess
    import sys

    # a process whose sockets cannot connect anywhere: the model, MiniLM and spaCy must all come from disk
    code = (
        "import socket\n"
        "def no(*a, **k): raise OSError('network access attempted')\n"
        "socket.socket.connect = no; socket.create_connection = no\n"
        "import newsgraph\n"
        "r = newsgraph.stance('Doctors say the spider story is a hoax', 'Doctors said the spider story was a hoax.')\n"
        "print(r.label)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() in ("agree", "disagree", "discuss", "unrelated")
    assert MODEL_PATH.stat().st_size < 5_000_000
    model = load_model()
    assert 0.0 < model.related_threshold < 1.0
    assert "FNC-1" in model.trained
    assert len(model.vocab.idf) > 1000


@pytest.fixture(scope="module")
def scorer():  # type: ignore[no-untyped-def]
    from newsgraph.stance.api import StanceScorer

    return StanceScorer()


@pytest.mark.parametrize(
    ("claim", "body", "label"),
    [
        ("Curiosity rover finds water ice on Mars", ROVER, "agree"),
        ("Spider burrowed into tourist's stomach", SPIDER, "disagree"),
        ("Ohio man wins lottery twice in one week", LOTTERY, "discuss"),
        ("Apple unveils a thinner iPhone with a new camera", SPIDER, "unrelated"),
        ("Ebola patient flown to Spain for treatment", ROVER, "unrelated"),
    ],
)
def test_labels_on_written_pairs(scorer, claim: str, body: str, label: str) -> None:  # type: ignore[no-untyped-def]
    (view,) = scorer.read_bodies([body])
    (head,) = scorer.read_heads([claim])
    (res,) = scorer.score([head], [view])
    assert res.label == label, res.probabilities
    assert set(res.probabilities) == {"agree", "disagree", "discuss", "unrelated"}
    assert sum(res.probabilities.values()) == pytest.approx(1.0, abs=1e-3)


def test_api_on_an_article_gives_evidence_from_its_claims() -> None:
    import newsgraph

    article = newsgraph.extract_text(SPIDER)
    res = newsgraph.stance("A spider burrowed into a tourist's stomach", article)
    assert res.label == "disagree"
    assert res.evidence, "the hospital spokesman's claim should match"
    for ev in res.evidence:
        assert article.body[ev.span[0] : ev.span[1]] == ev.text
        assert ev.similarity >= 0.2
    assert res.evidence == tuple(sorted(res.evidence, key=lambda e: -e.similarity))


def test_import_newsgraph_loads_no_stance_code_and_stance_is_callable() -> None:
    import subprocess
    import sys

    code = (
        "import sys, newsgraph; assert 'newsgraph.stance' not in sys.modules; "
        "import newsgraph.stance.api; assert callable(newsgraph.stance); "
        "assert 'newsgraph.stance.model' in sys.modules and newsgraph.stance.model._MODEL is None"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
    assert res.returncode == 0, res.stderr
