"""Kill-and-resume at scale: one synthetic WARC, an uninterrupted ``newsgraph extract`` run, and a run SIGKILLed
part-way then continued with ``--resume``; the two JSONL files must be byte-identical.

    .venv/bin/python -m bench.kill_resume /tmp/wire-100k.warc.gz --no-nlp --kill-at 0.5
    .venv/bin/python -m bench.kill_resume --build 100000 --no-nlp     # builds the WARC first (PolNeAR wire items)

Prints one JSON object (documents, kill point, seconds, sha256 of both outputs, ``identical``). The tests do the
same on a 400-record corpus (``tests/engines/test_resume.py``); this is the full-size check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _records(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for _ in fh)


def _extract(warc: Path, out: Path, extra: list[str]) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsgraph",
        "extract",
        str(warc),
        "--format",
        "jsonl",
        "-o",
        str(out),
        *extra,
    ]


def kill_resume(warc: Path, work: Path, *, nlp: bool, kill_at: float, batch_size: int) -> dict[str, object]:
    extra = ["--batch-size", str(batch_size), "--no-progress"] + ([] if nlp else ["--no-nlp"])
    full, resumed = work / "full.jsonl", work / "resumed.jsonl"
    t0 = time.perf_counter()
    subprocess.run(_extract(warc, full, extra), check=False, stderr=subprocess.DEVNULL)
    t_full = time.perf_counter() - t0
    total = _records(full)
    target = int(total * kill_at)
    checkpoint = Path(str(resumed) + ".checkpoint.json")
    t1 = time.perf_counter()
    proc = subprocess.Popen(_extract(warc, resumed, extra), stderr=subprocess.DEVNULL)
    killed_at = 0
    while proc.poll() is None:
        try:
            killed_at = int(json.loads(checkpoint.read_text())["docs_done"])
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            killed_at = 0
        if killed_at >= target:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    written_at_kill = _records(resumed) if resumed.exists() else 0
    subprocess.run([*_extract(warc, resumed, extra), "--resume"], check=False, stderr=subprocess.DEVNULL)
    t_resumed = time.perf_counter() - t1
    same = _sha(full) == _sha(resumed)
    return {
        "warc": str(warc),
        "nlp": nlp,
        "documents": total,
        "killed_with_checkpoint_at": killed_at,
        "lines_on_disk_at_kill": written_at_kill,
        "killed": proc.returncode == -signal.SIGKILL,
        "seconds_uninterrupted": round(t_full, 1),
        "seconds_killed_plus_resumed": round(t_resumed, 1),
        "sha256_uninterrupted": _sha(full),
        "sha256_resumed": _sha(resumed),
        "identical": same,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("warc", nargs="?", type=Path)
    ap.add_argument("--build", type=int, help="build a synthetic WARC of this many PolNeAR wire items first")
    ap.add_argument("--no-nlp", action="store_true")
    ap.add_argument("--kill-at", type=float, default=0.5, help="fraction of the documents done when killed")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsgraph-kill-resume-") as tmp:
        work = Path(tmp)
        warc = args.warc
        if args.build:
            warc = work / "synthetic.warc.gz"
            build = [sys.executable, str(ROOT / "scripts" / "build_synthetic_warc.py"), "-n", str(args.build)]
            build += ["--sources", "polnear", "--paragraphs", "3", "-o", str(warc)]
            subprocess.run(build, check=True, capture_output=True)
        if warc is None:
            ap.error("give a WARC or --build N")
        res = kill_resume(warc, work, nlp=not args.no_nlp, kill_at=args.kill_at, batch_size=args.batch_size)
    json.dump(res, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0 if res["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
