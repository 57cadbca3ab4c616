"""The shipped model on a slice of our FNC-1 dev split reaches a floor; our score function is the official one."""

from __future__ import annotations

import pytest

from tests.conftest import need_dataset

pytestmark = pytest.mark.shared

N_BODIES = 25  # the first 25 dev bodies (about 750 pairs)


def test_fnc_score_matches_the_official_scorer() -> None:
    need_dataset("fnc1")
    from eval.fnc1 import fnc_score
    from eval.stance import official_scorer

    from newsgraph.stance.model import STANCE_LABELS

    gold = [0, 1, 2, 3, 3, 2, 0, 1, 3, 2]
    pred = [0, 2, 2, 3, 0, 3, 1, 1, 3, 0]

    def rows(labels: list[int]) -> list[dict[str, str]]:
        return [
            {"Headline": f"h{i}", "Body ID": "1", "Stance": STANCE_LABELS[k]} for i, k in enumerate(labels)
        ]

    scorer = official_scorer()
    got, _ = scorer.score_submission(rows(gold), rows(pred))
    _, best = scorer.score_defaults(rows(gold))
    assert fnc_score(gold, pred) == pytest.approx(got / best)


def test_model_floor_on_a_dev_slice() -> None:
    need_dataset("fnc1")
    from eval.stance import evaluate

    r = evaluate("dev", limit=N_BODIES)
    assert r["pairs"] > 300
    assert r["score"] >= 0.80, r
    assert r["macro_f1"] >= 0.55, r
