"""Run every atheris target time-boxed, seeded from the hostile corpus and the sample; print and save the figures.

    python -m tests.fuzz.run_all                     # 60 s per target (make fuzz)
    NEWSGRAPH_FUZZ_SECONDS=300 python -m tests.fuzz.run_all
    NEWSGRAPH_FUZZ_TARGETS=clean,warc python -m tests.fuzz.run_all

Each target runs in its own subprocess (``-max_total_time``, ``-timeout`` per input, ``-rss_limit_mb``); the
table gives executions, exec/s, coverage and crashes (an uncaught exception, a per-input timeout or an
out-of-memory all count). Crashing inputs are kept under ``$NEWSGRAPH_FUZZ_WORK/artifacts`` (default
``/tmp/newsgraph-fuzz``); results go to ``tests/fuzz/results.json``. Exit status 1 when any target crashed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = ROOT / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"


@dataclass(frozen=True)
class Target:
    name: str
    max_len: int
    suffixes: tuple[str, ...]  # corpus files used as seeds ("" = every file)


TARGETS = (
    Target("clean", 2048, (".txt",)),
    Target("ingest", 4096, ("",)),
    Target("warc", 8192, (".warc", ".warc.gz")),
    Target("html", 16384, (".html",)),
    Target("quotes", 2048, (".txt",)),
)


@dataclass
class Result:
    target: str
    seconds: float
    executions: int
    exec_per_s: float
    coverage: int
    crashes: int
    returncode: int
    artifacts: list[str] = field(default_factory=list)
    slow_units: list[str] = field(default_factory=list)
    last_error: str = ""


def _seeds(target: Target, out: Path, bad: Path) -> None:
    """Seed files for one target: the matching corpus files and the sample (paragraph by paragraph)."""
    out.mkdir(parents=True, exist_ok=True)
    for p in sorted(bad.iterdir()):
        if p.stat().st_size <= 256 * 1024 and any(p.name.endswith(s) for s in target.suffixes):
            (out / p.name).write_bytes(p.read_bytes()[: target.max_len])
    if target.name in {"clean", "ingest", "quotes"}:
        text = SAMPLE.read_text(encoding="utf-8")
        (out / "sample-head").write_bytes(text.encode()[: target.max_len])
        for i, para in enumerate(t for t in text.split("\n\n") if len(t) > 80):
            (out / f"sample-para-{i:02d}").write_bytes(para.encode()[: target.max_len])
    if target.name == "html":
        text = SAMPLE.read_text(encoding="utf-8")
        paras = "".join(f"<p>{t}</p>" for t in text.split("\n\n")[:12])
        page = f"<html><head><title>t</title></head><body><article>{paras}</article></body></html>"
        (out / "sample.html").write_bytes(page.encode()[: target.max_len])


_EXECS = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_DONE = re.compile(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)\s+cov:\s*(\d+)")
_DONE_RUNS = re.compile(r"Done (\d+) runs in (\d+) second")
_ARTIFACT = re.compile(r"(?:Test unit|artifact) written to (\S+)")
_CRASH = re.compile(
    r"Uncaught Python exception|ERROR: libFuzzer|ALARM: working on the last Unit|out-of-memory"
)


def parse_output(text: str) -> tuple[int, int, int, list[str], list[str]]:
    """(executions, coverage, crashes, crash artifacts, slow-unit artifacts) from libFuzzer's output.

    A slow unit (an input slower than ``-report_slow_units``, 10 s) is reported, not counted as a crash."""
    execs = [int(m) for m in _EXECS.findall(text)]
    progress = _DONE.findall(text)
    runs = _DONE_RUNS.findall(text)
    n = execs[-1] if execs else int(runs[-1][0]) if runs else int(progress[-1][0]) if progress else 0
    cov = int(progress[-1][1]) if progress else 0
    paths = _ARTIFACT.findall(text)
    slow = [p for p in paths if Path(p).name.split("-", 1)[-1].startswith("slow-unit")]
    crashing = [p for p in paths if p not in slow]
    crashes = max(len(crashing), 1 if _CRASH.search(text) else 0)
    return n, cov, crashes, crashing, slow


def run_target(target: Target, seconds: int, work: Path, bad: Path) -> Result:
    corpus = work / "corpus" / target.name
    seeds = work / "seeds" / target.name
    art = work / "artifacts"
    art.mkdir(parents=True, exist_ok=True)
    corpus.mkdir(parents=True, exist_ok=True)
    _seeds(target, seeds, bad)
    cmd = [
        sys.executable, str(HERE / f"fuzz_{target.name}.py"), str(corpus), str(seeds),
        f"-max_total_time={seconds}", f"-max_len={target.max_len}", "-timeout=30", "-rss_limit_mb=3072",
        "-print_final_stats=1", f"-artifact_prefix={art}/{target.name}-",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", env=env,
                              timeout=seconds * 2 + 300, cwd=ROOT, check=False)  # fmt: skip
        out, rc = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        out = (
            (exc.stdout or b"").decode(errors="replace")
            if isinstance(exc.stdout, bytes)
            else (exc.stdout or "")
        )
        out += "\nALARM: working on the last Unit (the target hung past its budget)"
        rc = -9
    elapsed = time.perf_counter() - t0
    n, cov, crashes, artifacts, slow = parse_output(out)
    if rc != 0 and crashes == 0:
        crashes = 1
    err = ""
    if crashes:
        m = re.search(r"(=== Uncaught Python exception: ===.*?)(?:\n==\d+==|\Z)", out, re.S)
        err = (m.group(1) if m else out[-3000:])[-3000:]
    (work / f"{target.name}.log").write_text(out, encoding="utf-8")
    rate = round(n / max(elapsed, 1e-9), 1)
    return Result(target.name, round(elapsed, 1), n, rate, cov, crashes, rc, artifacts, slow, err)


def _bad_corpus(into: Path) -> Path:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_bad_corpus", ROOT / "scripts" / "make_bad_corpus.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.build(into, small=True)
    return into


def main() -> int:
    seconds = int(os.environ.get("NEWSGRAPH_FUZZ_SECONDS", "60"))
    wanted = {t for t in os.environ.get("NEWSGRAPH_FUZZ_TARGETS", "").split(",") if t}
    work = Path(os.environ.get("NEWSGRAPH_FUZZ_WORK") or Path(tempfile.gettempdir()) / "newsgraph-fuzz")
    work.mkdir(parents=True, exist_ok=True)
    bad = _bad_corpus(work / "bad")
    results = []
    for target in TARGETS:
        if wanted and target.name not in wanted:
            continue
        print(f"fuzzing {target.name} for {seconds} s ...", file=sys.stderr, flush=True)
        results.append(run_target(target, seconds, work, bad))
    print(f"\n{'target':<8} {'seconds':>8} {'executions':>11} {'exec/s':>8} {'cov':>6} {'crashes':>8}")
    for r in results:
        print(
            f"{r.target:<8} {r.seconds:>8} {r.executions:>11,} {r.exec_per_s:>8} {r.coverage:>6} {r.crashes:>8}"
        )
        for a in r.artifacts:
            print(f"  crashing input: {a}")
        if r.last_error:
            print("  " + r.last_error.strip().replace("\n", "\n  ")[:1500])
    payload = {"seconds_per_target": seconds, "targets": [asdict(r) for r in results]}
    (HERE / "results.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nlogs and corpora in {work}; figures in {HERE / 'results.json'}")
    return 1 if any(r.crashes for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
