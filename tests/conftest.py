"""Shared fixtures: the bundled sample, the shared datasets (skipped with a reason when absent), services."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"
REQUIRE_SERVICES = os.environ.get("NEWSGRAPH_REQUIRE_SERVICES") == "1"


def need_dataset(name: str) -> Path:
    """Path of ../shared/datasets/NAME, or skip (fail in CI, where it must exist)."""
    p = DATASETS / name
    if not p.exists():
        if REQUIRE_SERVICES:
            pytest.fail(f"dataset {p} missing in CI")
        pytest.skip(
            f"{p} not found: the shared datasets live beside the repo (../shared), not in a user's clone"
        )
    return p


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_article():  # type: ignore[no-untyped-def]
    from newsgraph import extract_text

    return extract_text(SAMPLE.read_text(encoding="utf-8"))
