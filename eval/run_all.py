"""Run every evaluation module in order, print its tables, and write eval/results/summary.json."""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from pathlib import Path

MODULES = [
    "extraction",
    "plaintext",
    "attribution",
    "pronouns",
    "agreement",
    "claims",
    "events",
    "propositions",
    "track",
    "disputes",
    "stance",
]


def main() -> int:
    out_dir = Path(__file__).parent / "results"
    out_dir.mkdir(exist_ok=True)
    summary: dict[str, object] = {}
    failed = 0
    for name in MODULES:
        try:
            mod = importlib.import_module(f"eval.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eval.{name}":
                print(f"[eval] {name}: not built yet")
                continue
            raise
        print(f"\n===== {name} =====", flush=True)
        t = time.time()
        try:
            summary[name] = mod.main()
        except Exception:
            traceback.print_exc()
            failed += 1
            summary[name] = {"error": traceback.format_exc(limit=3)}
        print(f"[eval] {name} took {time.time() - t:.0f}s", flush=True)
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2, default=str))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
