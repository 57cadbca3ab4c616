"""`make bench` turns each module's result into ratio rows with a met/not-met verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.run_all import collect_ratios


def test_store_rows_judge_targets() -> None:
    res = {
        "bulk_ingest": {"articles": 5000, "ratio": 0.79, "cpu_ratio": 0.8},
        "fts": {"articles": 100000, "p95_ms": 12.0, "p50_ms": 4.0, "db_mb": 1500.0},
    }
    rows = {r["name"]: r for r in collect_ratios("store", res)}
    assert rows["bulk ingest ÷ plain executemany"]["met"] is False
    assert rows["FTS query p95 (ms), 100,000 articles"]["met"] is True


def test_module_ratios_list_passes_through_and_errors_give_no_rows() -> None:
    own = {"ratios": [{"name": "x", "value": 2.0, "target": 1.7, "op": ">=", "met": True, "note": ""}]}
    assert collect_ratios("pipeline", own)[0]["module"] == "pipeline"
    assert collect_ratios("store", {"error": "boom"}) == []
    odd = collect_ratios("api", {"something": 1})
    assert len(odd) == 1 and odd[0]["value"] is None


def test_bench_tracker_persist_runs_on_the_store_it_times() -> None:
    """bench/track.py drives the store's private clustering step: it must keep up with the batch record."""
    import numpy as np
    from bench.track import _persist_time

    rng = np.random.default_rng(0)
    vecs = rng.standard_normal((40, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    texts = [f"The dam on river {i} will hold, officials said." for i in range(40)]
    best, snapshot = _persist_time(vecs[:30], texts[:30], vecs[30:], texts[30:])
    assert best > 0 and snapshot >= 0


def test_bench_api_deep_pages_follows_cursors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/api.py walks /api/quotes page by page: the app must answer it (allowed host, cursor)."""
    from bench.api import deep_pages

    monkeypatch.setenv("NEWSGRAPH_BENCH_API_QUOTES", "1")
    res = deep_pages(tmp_path, page=3, limit=5, repeat=1)
    assert res["page"] == 3 and res["ratio"] > 0
