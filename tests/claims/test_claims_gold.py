"""The claim-status gold file (eval/data/claims_gold.jsonl) and, marked slow, the full evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.models import CLAIM_STATUSES
from tests.conftest import need_dataset

GOLD = Path(__file__).resolve().parents[2] / "eval" / "data" / "claims_gold.jsonl"


def _rows() -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_file_shape() -> None:
    rows = _rows()
    assert len(rows) >= 150
    for r in rows:
        assert r["status"] in CLAIM_STATUSES
        assert r["polarity"] in ("positive", "negative")
        assert len(r["text"]) <= 200
        assert r["article"] and r["start"] < r["end"]
        assert r["stratum"] in ("random", "enriched")
    assert len({(r["article"], r["start"], r["end"]) for r in rows}) == len(rows)


def test_gold_offsets_match_polnear_dev() -> None:
    root = need_dataset("polnear") / "data" / "dev" / "text"
    for r in _rows():
        text = (root / f"{r['article']}.txt").read_text(encoding="utf-8")
        excerpt = r["text"].removesuffix("...")
        assert text[r["start"] : r["end"]].startswith(excerpt)


@pytest.mark.slow
def test_claim_status_accuracy_target() -> None:
    need_dataset("polnear")
    import sys

    root = str(GOLD.parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    from eval.claims import main

    summary = main()
    assert summary["all"]["accuracy"] >= 0.85
    assert summary["all"]["accuracy"] > summary["all"]["majority_baseline"]
