"""``make bench``: run every benchmark module that exists, print one table of ratios with targets, write
``bench/results.json``.

Each module ``bench/<name>.py`` has ``def main() -> dict``. A module reports its ratios either as
``"ratios": [{"name", "value", "target", "op" (">=" or "<="), "met", "note"}]`` (preferred) or as plain keys:
a key ``<prefix>_target`` is paired with the numeric key sharing the longest prefix, and ``ok`` (when present)
says whether the target is met. Sizes are set by each module's ``NEWSGRAPH_BENCH_*`` environment variables.
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

MODULES = ["pipeline", "attribution", "store", "track", "api"]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def collect_ratios(module: str, res: dict[str, Any]) -> list[dict[str, Any]]:
    """The ratio rows of one module's result (see the module docstring for the two accepted shapes)."""
    rows: list[dict[str, Any]] = []
    if isinstance(res.get("ratios"), list):
        for r in res["ratios"]:
            rows.append({"module": module, **r})
        return rows
    numeric = {k: v for k, v in res.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    for key, target in numeric.items():
        if not key.endswith("_target"):
            continue
        stem = key[: -len("_target")]
        candidates = [k for k in numeric if k != key and not k.endswith("_target")]
        if not candidates:
            continue
        best = max(candidates, key=lambda k: (_common_prefix(k, stem), -len(k)))
        if _common_prefix(best, stem) < max(3, len(stem) // 2):
            continue
        met = res.get("ok") if isinstance(res.get("ok"), bool) else None
        rows.append(
            {
                "module": module,
                "name": best,
                "value": numeric[best],
                "target": target,
                "op": "",
                "met": met,
                "note": "",
            }
        )
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print("\n===== make bench: ratios =====")
    header = f"{'module':<10} {'ratio':<50} {'value':>9}  {'target':<9} {'met':<4} note"
    print(header)
    print("-" * len(header))
    for r in rows:
        value = r.get("value")
        shown = "-" if value is None else f"{value:.3g}" if isinstance(value, float) else str(value)
        target = f"{r.get('op', '')} {r.get('target')}".strip()
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


if __name__ == "__main__":
    sys.exit(main())
