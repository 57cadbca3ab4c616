"""`make bench` turns each module's result into ratio rows with a met/not-met verdict."""

from __future__ import annotations

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
