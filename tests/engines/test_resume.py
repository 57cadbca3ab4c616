"""Checkpoint/resume: a run killed with SIGKILL mid-way and resumed writes exactly what an uninterrupted run writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.engines import checkpoint as ckpt
from newsgraph.engines.checkpoint import Checkpoint, CheckpointMismatch, Position
from newsgraph.engines.local import LocalOptions, run_local
from newsgraph.engines.sinks import JsonlSink, ParquetShardSink, read_parquet_articles

PY = sys.executable
CLI = [PY, "-m", "newsgraph", "extract"]


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:  # the real command line
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300)


def _kill_when(proc: subprocess.Popen[bytes], cp_path: Path, min_docs: int, timeout: float = 120) -> int:
    """SIGKILL ``proc`` once its checkpoint records at least ``min_docs`` documents; returns the docs recorded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail("the run finished before it could be killed: make the corpus larger")
        try:
            done = json.loads(cp_path.read_text())["docs_done"]
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            done = 0
        if done >= min_docs:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return int(done)
        time.sleep(0.005)
    proc.kill()
    pytest.fail("no checkpoint progress")


N_RECORDS, N_TEXTS = 400, 5
N_DOCS = N_RECORDS + N_TEXTS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_factory: Callable[..., Path]) -> Path:
    return corpus_factory(tmp_path_factory.mktemp("kill"), N_RECORDS, n_texts=N_TEXTS)


def test_sigkill_then_resume_jsonl_matches_uninterrupted_run(corpus: Path, tmp_path: Path) -> None:
    full = tmp_path / "full.jsonl"
    run_local([str(corpus)], lambda st: JsonlSink(full), LocalOptions(batch_size=8, nlp_stages=False))
    expected = full.read_bytes()
    assert expected.count(b"\n") == N_DOCS

    args = [str(corpus), "--no-nlp", "--format", "jsonl", "--batch-size", "8", "--no-progress"]
    out = tmp_path / "killed.jsonl"
    cp_path = tmp_path / "killed.jsonl.checkpoint.json"
    proc = subprocess.Popen(
        [*CLI, *args, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    done = _kill_when(proc, cp_path, min_docs=80)
    assert proc.returncode == -signal.SIGKILL
    cp = ckpt.load(cp_path)
    assert cp is not None and not cp.finished and cp.docs_done >= done
    assert out.read_bytes() != expected  # really interrupted

    res = _run([*args, "-o", str(out), "--resume"])
    assert res.returncode in (0, 1), res.stderr
    assert out.read_bytes() == expected
    cp = ckpt.load(cp_path)
    assert cp is not None and cp.finished and cp.docs_done == N_DOCS

    # resuming a finished run is a no-op; a run with other options refuses to resume
    opts = LocalOptions(batch_size=8, nlp_stages=False)
    stats = run_local(
        [str(corpus)],
        lambda st: JsonlSink(out, resume_state=st),
        opts,
        checkpoint_path=cp_path,
        resume=True,
        extra_fingerprint={"format": "jsonl"},
    )
    assert stats.finished and stats.docs == N_DOCS and stats.batches == 0
    assert out.read_bytes() == expected
    with pytest.raises(CheckpointMismatch, match="batch_size"):
        run_local(
            [str(corpus)],
            lambda st: JsonlSink(out, resume_state=st),
            LocalOptions(batch_size=16),
            checkpoint_path=cp_path,
            resume=True,
            extra_fingerprint={"format": "jsonl"},
        )


_PARQUET_RUNNER = """
import sys
from pathlib import Path
from newsgraph.engines.local import LocalOptions, run_local
from newsgraph.engines.sinks import ParquetShardSink
out = Path(sys.argv[2])
run_local([sys.argv[1]], lambda st: ParquetShardSink(out, shard_batches=2, resume_state=st),
          LocalOptions(batch_size=8, nlp_stages=False), checkpoint_path=out / "_checkpoint.json",
          resume=sys.argv[3] == "resume")
"""


def _parquet_run(corpus: Path, out: Path, resume: bool) -> None:
    run_local(
        [str(corpus)],
        lambda st: ParquetShardSink(out, shard_batches=2, resume_state=st),
        LocalOptions(batch_size=8, nlp_stages=False),
        checkpoint_path=out / "_checkpoint.json",
        resume=resume,
    )


def test_sigkill_then_resume_parquet_shards(corpus: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    _parquet_run(corpus, full, resume=False)
    expected = [a.model_dump_json() for a in read_parquet_articles(full)]
    assert len(expected) == N_DOCS

    out = tmp_path / "killed"
    proc = subprocess.Popen([PY, "-c", _PARQUET_RUNNER, str(corpus), str(out), "fresh"])
    _kill_when(proc, out / "_checkpoint.json", min_docs=48)
    assert proc.returncode == -signal.SIGKILL
    _parquet_run(corpus, out, resume=True)
    assert [a.model_dump_json() for a in read_parquet_articles(out)] == expected
    assert not list(out.glob("*.tmp"))
    assert sorted(p.name for p in out.glob("*.parquet")) == sorted(p.name for p in full.glob("*.parquet"))


def test_resume_after_exception_cuts_partial_output(small_corpus: Path, tmp_path: Path) -> None:
    """A crash between a write and its checkpoint: the unflushed tail is cut off and redone, not duplicated."""
    corpus = small_corpus
    opts = LocalOptions(batch_size=4, nlp_stages=False)
    ref = tmp_path / "ref.jsonl"
    run_local([str(corpus)], lambda st: JsonlSink(ref, resume_state=st), opts)

    class Boom(RuntimeError):
        pass

    class FlakySink(JsonlSink):
        def commit(self, *, force: bool = False) -> dict[str, object] | None:
            if self.records >= 20:
                raise Boom
            return super().commit(force=force)

    out, cp_path = tmp_path / "out.jsonl", tmp_path / "cp.json"
    with pytest.raises(Boom):
        run_local([str(corpus)], lambda st: FlakySink(out, resume_state=st), opts, checkpoint_path=cp_path)
    cp = ckpt.load(cp_path)
    assert cp is not None and cp.position.segment == 0 and 0 < cp.position.docs < 20
    assert out.stat().st_size > cp.sink["bytes"]  # the batch written before the crash, never checkpointed
    stats = run_local(
        [str(corpus)], lambda st: JsonlSink(out, resume_state=st), opts, checkpoint_path=cp_path, resume=True
    )
    assert stats.resumed_docs == cp.docs_done and stats.docs == 43
    assert out.read_bytes() == ref.read_bytes()


def test_checkpoint_roundtrip_and_mismatch(tmp_path: Path) -> None:
    p = tmp_path / "c.json"
    assert ckpt.load(p) is None
    cp = Checkpoint(
        inputs=["a.warc.gz"],
        options={"batch_size": 8},
        position=Position(2, 64),
        docs_done=300,
        sink={"bytes": 123},
    )
    ckpt.save(p, cp)
    assert not (tmp_path / "c.json.tmp").exists()
    back = ckpt.load(p)
    assert back == cp
    back.check_compatible(["a.warc.gz"], {"batch_size": 8})
    with pytest.raises(CheckpointMismatch):
        back.check_compatible(["b.warc.gz"], {"batch_size": 8})
    with pytest.raises(CheckpointMismatch):
        back.check_compatible(["a.warc.gz"], {"batch_size": 16})


def test_parquet_sink_only_checkpoints_whole_shards(tmp_path: Path, small_corpus: Path) -> None:
    from newsgraph.engines.local import stream_articles

    sink = ParquetShardSink(tmp_path / "pq", shard_batches=3)
    states = []
    for _, arts in stream_articles([str(small_corpus)], LocalOptions(batch_size=4, nlp_stages=False)):
        sink.write(arts)
        states.append(sink.commit())
    assert states[0] is None and states[1] is None and states[2] == {"shards": 1, "records": 12}
    assert list((tmp_path / "pq").glob("*.tmp"))  # the open shard is invisible to readers
    sink.close()
    assert len(list(read_parquet_articles(tmp_path / "pq"))) == 43
