"""``make bench``: run every benchmark module that exists, print one table of ratios with targets, write
``bench/results.json``.

Each module ``bench/<name>.py`` has ``def main() -> dict``. A module reports its ratios either as
``"ratios": [{"name", "value", "target", "op" (">=" or "<="), "met", "note"}]`` or through a function in
:data:`DERIVED` that reads its known keys. Sizes are set by each module's ``NEWSGRAPH_BENCH_*`` environment variables.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

MODULES = ["pipeline", "attribution", "propositions", "store", "track", "api"]


def _row(
    module: str, name: str, value: Any, target: Any = None, op: str = "", note: str = ""
) -> dict[str, Any]:
    met = None
    if isinstance(value, (int, float)) and isinstance(target, (int, float)) and op:
        met = value >= target if op == ">=" else value <= target
    return {
        "module": module,
        "name": name,
        "value": value,
        "target": target,
        "op": op,
        "met": met,
        "note": note,
    }


def _attribution(r: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        _row(
            "attribution",
            "attribution time added over spaCy parsing",
            r["attribution_overhead"],
            0.30,
            "<=",
            f"{r['words_per_s_parse_plus_attribution']} vs {r['words_per_s_parse']} words/s",
        )
    ]


def _store(r: dict[str, Any]) -> list[dict[str, Any]]:
    b, f = r["bulk_ingest"], r["fts"]
    return [
        _row(
            "store",
            "bulk ingest ÷ plain executemany",
            round(b["ratio"], 3),
            0.8,
            ">=",
            f"{int(b['articles'])} articles, CPU-time ratio {b['cpu_ratio']:.2f}",
        ),
        _row(
            "store",
            f"FTS query p95 (ms), {f['articles']:,} articles",
            round(f["p95_ms"], 1),
            50,
            "<=",
            f"p50 {f['p50_ms']:.1f} ms, {f['db_mb']:.0f} MB",
        ),
    ]


def _api(r: dict[str, Any]) -> list[dict[str, Any]]:
    note = f"{r['requests']} requests, {r['concurrency']} concurrent, {r['errors']} errors"
    return [
        _row("api", "requests/s (one uvicorn worker, loopback)", r["requests_per_s"], note=note),
        _row("api", "p95 latency (ms)", r["p95_ms"], note=f"p50 {r['p50_ms']} ms"),
    ]


DERIVED = {"attribution": _attribution, "store": _store, "api": _api}


def collect_ratios(module: str, res: dict[str, Any]) -> list[dict[str, Any]]:
    """The ratio rows of one module's result: its own ``"ratios"`` list, or rows derived from its known keys."""
    if isinstance(res.get("ratios"), list):
        return [{"module": module, **r} for r in res["ratios"]]
    derive = DERIVED.get(module)
    if derive is None or "error" in res:
        return []
    try:
        return derive(res)
    except (KeyError, TypeError) as exc:
        return [_row(module, f"(result without the expected keys: {exc})", None)]


def print_table(rows: list[dict[str, Any]]) -> None:
    print("\n===== make bench: ratios =====")
    header = f"{'module':<10} {'ratio':<50} {'value':>9}  {'target':<9} {'met':<4} note"
    print(header)
    print("-" * len(header))
    for r in rows:
        value = r.get("value")
        shown = "-" if value is None else f"{value:.3g}" if isinstance(value, float) else str(value)
        target = f"{r.get('op', '')} {r.get('target')}".strip() if r.get("target") is not None else "-"
        met = {True: "yes", False: "NO", None: "?"}[r.get("met")]
        print(f"{r['module']:<10} {r['name'][:50]:<50} {shown:>9}  {target:<9} {met:<4} {r.get('note', '')}")


def main() -> int:
    only = [m for m in os.environ.get("NEWSGRAPH_BENCH_ONLY", "").split(",") if m]
    results: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    failed = 0
    t_all = time.time()
    for name in only or MODULES:
        try:
            mod = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.{name}":
                print(f"[bench] {name}: not built yet")
                continue
            raise
        print(f"\n===== {name} =====", flush=True)
        t = time.time()
        try:
            res = mod.main()
        except Exception:
            traceback.print_exc()
            failed += 1
            res = {"error": traceback.format_exc(limit=3)}
        res = res if isinstance(res, dict) else {"result": res}
        res["seconds"] = round(time.time() - t, 1)
        results[name] = res
        rows += collect_ratios(name, res)
        print(f"[bench] {name} took {res['seconds']:.0f}s", flush=True)
    print_table(rows)
    print(
        f"\n[bench] total {time.time() - t_all:.0f}s on {os.cpu_count()} CPUs (load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}: other work on the machine skews every figure)"
    )
    out = Path(__file__).parent / "results.json"
    out.write_text(
        json.dumps({"ratios": rows, "modules": results}, indent=2, default=str, ensure_ascii=False)
    )
    print(f"[bench] wrote {out}")
    return 1 if failed else 0


def reprint(path: Path = Path(__file__).parent / "results.json") -> None:
    """Print the ratio table again from a saved results.json (``python -m bench.run_all --table``)."""
    saved = json.loads(path.read_text())
    rows = [r for name, res in saved["modules"].items() for r in collect_ratios(name, res)]
    print_table(rows)


if __name__ == "__main__":
    if sys.argv[1:] == ["--table"]:
        reprint()
        sys.exit(0)
    sys.exit(main())
