"""The Ray Data engine produces exactly the local engine's records (local Ray, 2 CPUs, small corpus)."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.engines.local import LocalOptions, stream_articles
from newsgraph.engines.sinks import read_parquet_articles
from newsgraph.models import span_errors
from newsgraph.store import open_store

pytestmark = pytest.mark.ray


def _compare(tmp_path: Path, corpus: Path, n: int, nlp_stages: bool) -> None:
    ray = pytest.importorskip("ray")
    from newsgraph.engines.ray_engine import RayOptions, ShardReport, run_ray

    opts = LocalOptions(batch_size=4, nlp_stages=nlp_stages)
    local = [a for _, arts in stream_articles([str(corpus)], opts) for a in arts]
    assert len(local) == n

    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ropts = RayOptions(batch_size=4, workers=2, nlp_stages=nlp_stages, shard_batches=2)
        reports: list[ShardReport] = []
        stats = run_ray([str(corpus)], tmp_path / "out", ropts, on_shard=reports.append)
        with pytest.raises(FileExistsError):
            run_ray([str(corpus)], tmp_path / "out", ropts)
    finally:
        ray.shutdown()
    remote = list(read_parquet_articles(tmp_path / "out"))
    assert stats.docs == n and len(remote) == n
    assert sum(r.docs for r in reports) == n and len(reports) == stats.shards
    # shard names follow the input, so reading them in name order gives the local engine's order exactly
    assert remote == local
    assert all(not span_errors(a) for a in remote)


def test_ray_equals_single_process_without_nlp(tmp_path: Path, corpus_factory: Callable[..., Path]) -> None:
    """Fast variant: ingest + cleaning through Ray Data (canonical batches, Parquet schema, two actors)."""
    _compare(tmp_path, corpus_factory(tmp_path / "in", 10, n_texts=2), 12, nlp_stages=False)


@pytest.mark.slow
def test_ray_output_equals_single_process_record_for_record(
    tmp_path: Path, corpus_factory: Callable[..., Path]
) -> None:
    """The full pipeline (spaCy loaded once per actor) gives the same records as one process."""
    local_corpus = corpus_factory(tmp_path / "in", 14, n_texts=3)
    _compare(tmp_path, local_corpus, 17, nlp_stages=True)


def _session_pids(sid: int) -> list[int]:
    """Live (not zombie) processes whose session is ``sid`` (Linux ``/proc``)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(entry))
    return pids


@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find the killed run's processes"
)
def test_sigkill_then_resume_gives_the_uninterrupted_shards(
    tmp_path: Path, corpus_factory: Callable[..., Path]
) -> None:
    """`newsgraph extract --engine ray` killed (the whole process group, SIGKILL) after a few shards, then run
    again with --resume: the shards already written are kept and the records equal one uninterrupted process."""
    pytest.importorskip("ray")
    corpus = corpus_factory(tmp_path / "in", 300, n_texts=5)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "newsgraph", "extract", str(corpus), "--engine", "ray", "--workers", "2"]
    args += ["--format", "parquet", "-o", str(out), "--batch-size", "2", "--shard-batches", "1", "--no-nlp"]
    proc = subprocess.Popen(args, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    try:
        while len(list(out.glob("seg-*.parquet"))) < 3:
            assert proc.poll() is None, "the run finished before it could be killed: make the corpus larger"
            assert time.monotonic() < deadline, "no shard appeared"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    # Ray's workers have process groups of their own, so the killpg spared them: the writer must notice its
    # node is gone and stop before its next shard (it used to write the other ~140 shards, racing the resume).
    wait_until = time.monotonic() + 30
    while _session_pids(proc.pid) and time.monotonic() < wait_until:
        time.sleep(0.1)
    assert not _session_pids(proc.pid), "processes of the killed run are still alive"
    kept = len(list(out.glob("seg-*.parquet")))
    assert kept < 20  # 305 documents in batches of 2 (153 shards): the writers stopped soon after the kill
    db = tmp_path / "news.db"
    res = subprocess.run([*args, "--resume", "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "shards kept from the interrupted run" in res.stderr
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    local = [
        a
        for _, arts in stream_articles([str(corpus)], LocalOptions(batch_size=2, nlp_stages=False))
        for a in arts
    ]
    assert list(read_parquet_articles(out)) == local
    with open_store(db, create=False) as store:  # --db bulk-loaded the shards
        assert store.count("articles") == len({a.id for a in local})
    # a resumed run must be the same run: other options are refused (exit 2), the shards stay
    other = subprocess.run([*args[:-1], "--batch-size", "4", "--resume"], capture_output=True, text=True)
    assert other.returncode == 2 and "cannot resume" in other.stderr


def test_read_shard_groups_skips_written_shards(corpus_factory: Callable[..., Path], tmp_path: Path) -> None:
    from newsgraph.engines.batches import iter_segment_batches, iter_segments
    from newsgraph.engines.ray_engine import read_shard_groups

    corpus = corpus_factory(tmp_path / "in", 23, n_texts=0)
    (seg,) = list(iter_segments([str(corpus / "a.warc.gz")], 2))
    batches = list(iter_segment_batches(seg, 2))  # 12 batches -> shards of 5: groups 0, 1, 2
    row = {"segment": [pickle.dumps(seg)], "skip": [json.dumps([1])]}
    got = [(r["group"][0], pickle.loads(r["docs"][0])) for r in read_shard_groups(row, 2, 5)]
    assert [g for g, _ in got] == [0, 2]
    assert got[0][1] == batches[0:5] and got[1][1] == batches[10:12]


def test_output_directory_rules(tmp_path: Path) -> None:
    """Without --resume a directory holding Parquet is refused; with it, only the same run continues, and
    half-written shards of a killed run are removed."""
    from newsgraph.engines.checkpoint import CheckpointMismatch
    from newsgraph.engines.ray_engine import RayOptions, _prepare_output, shard_name

    out = tmp_path / "out"
    opts = RayOptions(batch_size=4)
    assert _prepare_output(out, ["a"], opts, resume=False) == {}
    (out / shard_name(0, 0)).write_bytes(b"x")
    (out / shard_name(2, 5)).write_bytes(b"x")
    (out / f".{shard_name(0, 1)}.abc.tmp").write_bytes(b"half")
    with pytest.raises(FileExistsError):
        _prepare_output(out, ["a"], opts, resume=False)
    with pytest.raises(CheckpointMismatch, match="inputs"):
        _prepare_output(out, ["b"], opts, resume=True)
    with pytest.raises(CheckpointMismatch, match="options"):
        _prepare_output(out, ["a"], RayOptions(batch_size=8), resume=True)
    assert _prepare_output(out, ["a"], RayOptions(batch_size=4, workers=7), resume=True) == {0: {0}, 2: {5}}
    assert not list(out.glob("*.tmp"))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_joins_a_running_cluster_with_address(tmp_path: Path, corpus_factory: Callable[..., Path]) -> None:
    """`ray start --head` (a real one-node cluster, as `ray up`/KubeRay start), then the same command with
    --address joins it, by its GCS address and through Ray Client (ray://); the records equal the single-process
    records. Bad inputs (a garbage WARC, a missing
    file) become records with errors there too: the driver names them and exits 1, the rest goes through."""
    pytest.importorskip("ray")
    ray_bin = Path(sys.executable).with_name("ray")
    port = _free_port()
    client_port = next(p for p in iter(_free_port, None) if p != port)
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_USAGE_STATS_ENABLED": "0"}
    start = [str(ray_bin), "start", "--head", "--block", f"--port={port}", "--num-cpus=2"]
    start += [f"--ray-client-server-port={client_port}"]
    start += ["--include-dashboard=false", "--disable-usage-stats"]
    head = subprocess.Popen(
        start,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        corpus = corpus_factory(tmp_path / "in", 30, n_texts=2)
        (corpus / "garbage.warc").write_bytes(b"WARC/1.0\r\nthis is not a warc record\r\n" * 20)
        inputs = [str(corpus), str(tmp_path / "missing.txt")]
        out = tmp_path / "out"
        args = [sys.executable, "-m", "newsgraph", "extract", *inputs, "--engine", "ray", "--no-nlp"]
        args += ["--address", f"127.0.0.1:{port}", "--format", "parquet", "-o", str(out), "--batch-size", "4"]
        res = None
        for _ in range(3):  # the head may still be starting
            res = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
            if res.returncode == 1:
                break
            time.sleep(3)
        assert res is not None, "the run never started"
        assert res.returncode == 1, res.stderr[-2000:]
        # the same run through Ray Client (ray://): its driver runs on the cluster as a task
        via_client = [*args[: args.index("--address")], "--address", f"ray://127.0.0.1:{client_port}"]
        via_client += ["--format", "parquet", "-o", str(tmp_path / "out-client"), "--batch-size", "4"]
        client_res = subprocess.run(via_client, env=env, capture_output=True, text=True, timeout=300)
        assert client_res.returncode == 1, client_res.stderr[-2000:]
        other = [*via_client[: via_client.index("--batch-size")], "--batch-size", "8", "--resume"]
        refused = subprocess.run(other, env=env, capture_output=True, text=True, timeout=300)
        assert refused.returncode == 2 and "cannot resume" in refused.stderr  # the task's error, as locally
        assert "Traceback" not in refused.stderr
    finally:
        os.killpg(head.pid, signal.SIGKILL)
        head.wait()
    local = [
        a for _, arts in stream_articles(inputs, LocalOptions(batch_size=4, nlp_stages=False)) for a in arts
    ]
    remote = list(read_parquet_articles(out))
    assert remote == local and len(remote) == 34
    failed = {Path(a.source.path or "").name for a in remote if a.errors}
    assert failed == {"garbage.warc", "missing.txt"}
    assert "garbage.warc: ingest:" in res.stderr and "missing.txt: ingest:" in res.stderr
    assert list(read_parquet_articles(tmp_path / "out-client")) == local
    assert "garbage.warc: ingest:" in client_res.stderr and "missing.txt: ingest:" in client_res.stderr
    assert "34 records (2 with errors)" in client_res.stderr


def test_unreachable_cluster_is_a_clear_error(tmp_path: Path, small_corpus: Path) -> None:
    pytest.importorskip("ray")
    args = [sys.executable, "-m", "newsgraph", "extract", str(small_corpus), "--engine", "ray", "--no-nlp"]
    args += ["--address", f"127.0.0.1:{_free_port()}", "--format", "parquet", "-o", str(tmp_path / "o")]
    res = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert res.returncode == 2
    assert "cannot reach the Ray cluster" in res.stderr and "Traceback" not in res.stderr
