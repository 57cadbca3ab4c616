"""The labelled claim pairs are well-formed, point at real PolNeAR spans, and the evaluation scores them."""

from __future__ import annotations

import pytest
from eval.track import PAIRS, claim_of, jaccard, load_pairs, prf

from tests.conftest import need_dataset


def test_pairs_file_is_well_formed() -> None:
    pairs = load_pairs(PAIRS)
    assert len(pairs) >= 200
    labels = [p["label"] for p in pairs]
    assert set(labels) == {"same", "different"}
    assert min(labels.count("same"), labels.count("different")) >= 80
    assert len({p["id"] for p in pairs}) == len(pairs)
    for p in pairs:
        assert p["a"]["doc"] != p["b"]["doc"], p["id"]  # cross-article pairs only
        for side in (p["a"], p["b"]):
            assert len(side["excerpt"]) <= 200
            assert all(0 <= s < e for s, e in side["frags"])


def test_pairs_point_at_the_dataset_text() -> None:
    root = need_dataset("polnear")
    for p in load_pairs(PAIRS):
        for side in (p["a"], p["b"]):
            text = " ".join(claim_of(side, root).split())
            assert text.startswith(side["excerpt"]), (p["id"], side["excerpt"][:40])


def test_scoring_helpers() -> None:
    assert prf([True, True, False, False], [True, False, True, False])["f1"] == 0.5
    assert jaccard("Mexico will pay for the wall", "the wall will be paid for by Mexico") == pytest.approx(
        0.5
    )


@pytest.mark.slow
def test_full_track_evaluation() -> None:
    need_dataset("polnear")
    from eval.track import main

    res = main()
    clusterer = res["systems"]["clusterer (entities+numbers)"]
    lexical = res["systems"]["token Jaccard >= 0.50"]
    assert clusterer["f1"] >= 0.75
    assert clusterer["f1"] > lexical["f1"] + 0.15
