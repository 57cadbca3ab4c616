"""Run the local streaming engine over inputs and record the process RSS at given document counts.

    .venv/bin/python -m bench.rss_probe /tmp/synthetic-100k.warc.gz --marks 10000,100000 --no-nlp

Prints one JSON object: ``{"marks": {"10000": rss_mb, ...}, "docs": n, "seconds": s, "strings": ...}``. Run in
its own process so the numbers are this run's alone. The output goes to a JSONL file (``--out``, default a
temporary file that is deleted), as a real run writes it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from newsgraph.engines.local import LocalOptions, run_local
from newsgraph.engines.sinks import JsonlSink
from newsgraph.models import Article

_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """Resident set size of this process now (not the peak), in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE / 1e6


def probe(
    inputs: list[str],
    marks: list[int],
    *,
    nlp_stages: bool,
    batch_size: int,
    out: Path,
    max_strings: int | None,
    trace: Path | None = None,
) -> dict[str, object]:
    seen = 0
    todo = sorted(marks)
    got: dict[str, float] = {}
    series: list[tuple[int, float]] = []
    t0 = time.perf_counter()

    def on_batch(arts: Sequence[Article]) -> None:
        nonlocal seen
        seen += len(arts)
        if not series or seen - series[-1][0] >= max(1, (todo[-1] if todo else seen) // 50):
            series.append((seen, round(rss_mb(), 1)))
            if trace is not None:
                with open(trace, "a") as fh:
                    fh.write(f"{seen}\t{series[-1][1]}\t{time.perf_counter() - t0:.1f}\n")
        while todo and seen >= todo[0]:
            gc.collect()
            got[str(todo.pop(0))] = round(rss_mb(), 1)

    opts = LocalOptions(batch_size=batch_size, nlp_stages=nlp_stages, max_strings=max_strings)
    stats = run_local(inputs, lambda state: JsonlSink(out), opts, on_batch=on_batch)
    strings = None
    if nlp_stages:
        from newsgraph.nlp import load_pipeline

        strings = len(load_pipeline().vocab.strings)
    return {
        "marks": got,
        "docs": stats.docs,
        "seconds": round(time.perf_counter() - t0, 1),
        "series": series,
        "reloads": stats.reloads,
        "strings": strings,
        "nlp": nlp_stages,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--marks", default="10000,100000")
    ap.add_argument("--no-nlp", action="store_true")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--max-strings", type=int, default=-1, help="reload bound; -1: engine default, 0: never")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--trace", type=Path, help="append 'docs<TAB>rss_mb<TAB>seconds' lines as the run goes")
    args = ap.parse_args(argv)
    marks = [int(m) for m in args.marks.split(",") if m]
    max_strings: int | None = (
        LocalOptions().max_strings if args.max_strings < 0 else (args.max_strings or None)
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out.jsonl"
        res = probe(
            args.inputs,
            marks,
            nlp_stages=not args.no_nlp,
            batch_size=args.batch_size,
            out=out,
            max_strings=max_strings,
            trace=args.trace,
        )
    json.dump(res, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
