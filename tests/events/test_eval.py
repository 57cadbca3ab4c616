"""The PLOVER gold-standard evaluation (slow: parses all 322 records)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def need_dataset(name: str) -> Path:
    """Same contract as ``tests/conftest.py::need_dataset`` (skip in a user's clone, fail in CI)."""
    shared = Path(os.environ.get("NEWSGRAPH_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    p = shared / "datasets" / name
    if not p.exists():
        if os.environ.get("NEWSGRAPH_REQUIRE_SERVICES") == "1":
            pytest.fail(f"dataset {p} missing in CI")
        pytest.skip(f"{p} not found: the shared datasets live beside the repo (../shared)")
    return p


def test_split_is_deterministic_and_disjoint() -> None:
    from newsgraph.events.gsr import load_records, split_records

    path = need_dataset("plover") / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    records = load_records(path)
    assert len(records) == 322
    dev, test = split_records(records)
    dev2, test2 = split_records(list(reversed(records)))
    assert dev == dev2 and test == test2
    assert not {(r.id, r.text) for r in dev} & {(r.id, r.text) for r in test}
    assert len(dev) + len(test) == len(records)
    assert {r.type for r in records} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip


@pytest.mark.slow
def test_gold_standard_accuracy() -> None:
    need_dataset("plover")
    import sys

    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    from eval.events import main

    res = main()
    test = res["test"]
    assert test["n"] == 158
    assert test["type_accuracy"] >= 0.79  # measured 0.804 (0.791 before frames.py); the target is 0.80
    assert test["type_accuracy"] > 4 * test["majority_baseline"]
    assert test["source_country_accuracy"] >= 0.68  # measured 0.696 (0.658 before the actor rules)
    assert test["target_country_accuracy"] >= 0.42  # measured 0.447 (0.270 before)
    assert test["type_accuracy"] >= 0.80
