"""Scale-out on Ray Data: the same canonical batches and the same per-batch function, on an actor pool.

Pipeline::

    from_items(segments)                         # one row per WARC file / group of small files (driver lists paths)
      .map_batches(read_shard_groups)            # tasks: read lazily, one row per shard (``shard_batches`` batches)
      .map_batches(ShardWriter, concurrency=N)   # actors: spaCy loaded once; process, write one Parquet shard each
      .iter_rows()                               # the driver sees a small summary per shard (progress, errors)

Workers exchange pickled :class:`~newsgraph.ingest.RawDocument` lists and write Arrow tables with the contract's
Parquet schema (never spaCy objects). Batches are cut exactly as the local engine cuts them
(:mod:`newsgraph.engines.batches`), so both engines produce the same records.

Shards are named after their place in the input, ``seg-<segment>-g<group>.parquet``, and appear atomically (written
under a temporary name, then renamed). The shards present *are* the record of work done: ``resume=True`` skips
every shard that exists and redoes the rest, so a run killed at any instant and resumed yields exactly the shard set
of an uninterrupted run. Reading the shards in name order gives the records in input order.

By default a local Ray instance is started; ``address`` joins an existing cluster (inputs and the output directory
must then be reachable from every node: a shared filesystem, or an object-store URI such as ``s3://bucket/out``
which pyarrow's filesystems write to).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import socket
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.engines.batches import Segment, expand_inputs, iter_segment_batches, iter_segments
from newsgraph.engines.checkpoint import CheckpointMismatch
from newsgraph.engines.sinks import list_names, output_filesystem, write_parquet_atomically

CLIENT_ATTEMPTS = 4
"""Connection attempts to a ``ray://`` address before giving up (its per-client server can fail to start)."""
RUN_FILE = "_newsgraph_run.json"
"""The run's identity (inputs and options) in the output directory: ``resume`` refuses a different run."""
_SHARD = re.compile(r"^seg-(\d{6,})-g(\d{6,})\.parquet$")


@dataclass
class RayOptions:
    batch_size: int = 32
    nlp_stages: bool = True
    workers: int | None = None
    """Actors in the pool (each holds one spaCy pipeline, ~1 CPU); default: the cluster's CPUs."""
    address: str | None = None
    """``auto``, ``ray://head:10001``, ... ; ``None`` starts a local Ray instance."""
    num_cpus: int | None = None
    """CPUs of the local instance (default: this machine's count)."""
    read_cpus: float = 0.25
    shard_batches: int = 8
    """Canonical batches per Parquet shard (one actor call); also the unit that ``resume`` redoes."""

    def fingerprint(self) -> dict[str, Any]:
        """The options a resumed run must share with the interrupted one (they change the output)."""
        return {
            "batch_size": self.batch_size,
            "nlp_stages": self.nlp_stages,
            "shard_batches": self.shard_batches,
        }


@dataclass
class RayStats:
    docs: int = 0
    with_errors: int = 0
    files: int = 0
    shards: int = 0
    resumed_shards: int = 0
    seconds: float = 0.0


@dataclass
class ShardReport:
    """What an actor sends back to the driver for one shard (small: no article content)."""

    segment: int
    group: int
    docs: int
    with_errors: int
    messages: list[str] = field(default_factory=list)
    started: float = 0.0
    """Wall-clock time (``time.time()``) the actor began the shard, and finished writing it."""
    finished: float = 0.0
    worker: str = ""
    """``host:pid`` of the actor that made the shard."""


def shard_name(segment: int, group: int) -> str:
    return f"seg-{segment:06d}-g{group:06d}.parquet"


# ---------------------------------------------------------------------------------------------- Ray stages


def done_shards(out: str | Path) -> dict[int, set[int]]:
    """``{segment: {group, ...}}`` of the complete shards in ``out``."""
    fs, root = output_filesystem(out)
    done: dict[int, set[int]] = {}
    for name in list_names(fs, root):
        m = _SHARD.match(name)
        if m:
            done.setdefault(int(m.group(1)), set()).add(int(m.group(2)))
    return done


def read_shard_groups(
    batch: dict[str, Any], batch_size: int, shard_batches: int
) -> Iterator[dict[str, list[Any]]]:
    """Ray task: cut each segment into canonical batches and group them ``shard_batches`` to a shard, skipping
    the shards already written (their documents are read past, not shipped)."""
    for blob, skip_json in zip(batch["segment"], batch["skip"], strict=True):
        seg: Segment = pickle.loads(blob)
        skip = set(json.loads(skip_json))
        group: list[Any] = []
        current = 0
        for k, raws in enumerate(iter_segment_batches(seg, batch_size)):
            index = k // shard_batches
            if index in skip:
                continue
            if group and index != current:
                yield _group_row(seg.index, current, group)
                group = []
            current = index
            group.append(raws)
        if group:
            yield _group_row(seg.index, current, group)


def _group_row(segment: int, group: int, batches: list[Any]) -> dict[str, list[Any]]:
    return {"segment": [segment], "group": [group], "docs": [pickle.dumps(batches, protocol=5)]}


class ShardWriter:
    """Ray actor: loads the spaCy pipeline once, then per shard runs the per-batch functions and writes it."""

    def __init__(self, out: str, nlp_stages: bool = True, batch_size: int = 32) -> None:
        self.fs, self.root = output_filesystem(out)
        self.nlp_stages = nlp_stages
        self.batch_size = batch_size
        self.nlp: Any = None
        # Ray puts workers in their own process groups: if the driver and its raylet are killed, an actor goes
        # on through the shards it was handed. It checks its parent before each shard and stops once orphaned,
        # so a killed run stops writing and cannot race the run that resumes it.
        self.parent = os.getppid()
        if nlp_stages:
            from newsgraph.nlp import load_pipeline

            self.nlp = load_pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        import pyarrow as pa

        from newsgraph.engines.progress import error_lines
        from newsgraph.engines.sinks import arrow_schema, articles_to_columns
        from newsgraph.pipeline import annotate, prepare_batch

        reports: list[str] = []
        for segment, group, blob in zip(batch["segment"], batch["group"], batch["docs"], strict=True):
            if os.getppid() != self.parent:
                sys.stderr.write("newsgraph: the Ray node this worker belonged to is gone: stopping\n")
                sys.stderr.flush()
                os._exit(1)
            started = time.time()
            arts = []
            for raws in pickle.loads(blob):
                prepared = prepare_batch(raws)
                if self.nlp_stages:
                    annotate(prepared, self.nlp, batch_size=self.batch_size)
                arts.extend(prepared)
            table = pa.Table.from_pydict(articles_to_columns(arts), schema=arrow_schema())
            write_parquet_atomically(self.fs, self.root, shard_name(int(segment), int(group)), table)
            report = ShardReport(
                segment=int(segment),
                group=int(group),
                docs=len(arts),
                with_errors=sum(1 for a in arts if a.errors),
                messages=[line for a in arts for line in error_lines(a)],
                started=started,
                finished=time.time(),
                worker=f"{socket.gethostname()}:{os.getpid()}",
            )
            reports.append(json.dumps(asdict(report)))
        return {"report": reports}


# ---------------------------------------------------------------------------------------------- driver


def _ray() -> Any:
    """The ``ray`` module, imported on use (typed loosely: Ray's own annotations are partial)."""
    import importlib

    return importlib.import_module("ray")


def _check_reachable(address: str, timeout: float = 10.0) -> None:
    """Fail fast on a ``host:port`` / ``ray://host:port`` nobody listens at (Ray itself retries for minutes)."""
    target = address.split("://", 1)[-1]
    host, sep, port = target.rpartition(":")
    if address in ("auto", "local") or not sep or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise ConnectionError(f"nothing answers at {target} ({exc})") from exc


def _init_ray(opts: RayOptions) -> bool:
    """Connect to (or start) Ray; returns whether this call started it (and so should shut it down)."""
    ray = _ray()

    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
    if opts.address:
        _check_reachable(opts.address)
        attempts = CLIENT_ATTEMPTS if opts.address.startswith("ray://") else 1
        for attempt in range(attempts):
            try:
                ray.init(address=opts.address, **quiet)
                break
            except ConnectionError:
                # A Ray Client head starts one server process per connection; under load (or right after
                # another client left) that start can fail ("Initialization failure from server"). Ask again.
                if attempt == attempts - 1:
                    raise
                print(f"newsgraph: {opts.address} refused the connection, trying again", file=sys.stderr)
                ray.shutdown()
                time.sleep(2.0 * (attempt + 1))
    else:
        cpus = opts.num_cpus or os.cpu_count() or 1
        # "local": always a new instance of our own, even if a `ray start` cluster runs (or ran) on this machine
        ray.init(address="local", num_cpus=cpus, include_dashboard=False, **quiet)
    _quiet_ray_data()
    return True


def _quiet_ray_data() -> None:
    """No Ray Data progress bars or execution banners: the driver prints its own progress."""
    import importlib

    ctx = importlib.import_module("ray.data").DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def build_dataset(
    inputs: Sequence[str | Path], opts: RayOptions, out: str | Path, done: dict[int, set[int]] | None = None
) -> tuple[Any, int]:
    """The Ray Dataset of shard reports (lazy; iterating it does the work) and the number of segments it reads."""
    ray = _ray()

    segments = list(iter_segments(expand_inputs([str(i) for i in inputs]), opts.batch_size))
    if not segments:
        raise ValueError("no input files")
    done = done or {}
    cpus = float(ray.cluster_resources().get("CPU", 1))
    workers = opts.workers or max(1, int(cpus))
    # Logical CPUs: the actor pool must leave room for the read tasks, or they would wait for ever.
    actor_cpus = min(1.0, max(0.1, (cpus - opts.read_cpus) / workers))
    ds = ray.data.from_items(
        [
            {"segment": pickle.dumps(s, protocol=5), "skip": json.dumps(sorted(done.get(s.index, ())))}
            for s in segments
        ],
        override_num_blocks=min(len(segments), 1000),
    )
    ds = ds.map_batches(
        read_shard_groups,
        batch_size=1,
        fn_kwargs={"batch_size": opts.batch_size, "shard_batches": opts.shard_batches},
        num_cpus=opts.read_cpus,
    )
    ds = ds.map_batches(
        ShardWriter,
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=actor_cpus,
        fn_constructor_kwargs={"out": str(out), "nlp_stages": opts.nlp_stages, "batch_size": opts.batch_size},
    )
    return ds, len(segments)


def _prepare_output(
    out: str | Path, inputs: list[str], opts: RayOptions, resume: bool
) -> dict[int, set[int]]:
    """Check the output directory against this run (see :func:`run_ray`) and return the shards already done."""
    fs, root = output_filesystem(out)
    fs.create_dir(root, recursive=True)
    names = list_names(fs, root)
    identity = {"inputs": inputs, "options": opts.fingerprint()}
    have_shards = any(n.endswith(".parquet") for n in names)
    if RUN_FILE in names:
        with fs.open_input_stream(f"{root}/{RUN_FILE}") as fh:
            previous = json.loads(fh.read().decode("utf-8"))
        if resume and previous != identity:
            for key in ("inputs", "options"):
                if previous.get(key) != identity[key]:
                    raise CheckpointMismatch(
                        f"{out} holds a run with {key} {previous.get(key)!r}, this run has {identity[key]!r}"
                    )
    elif resume and have_shards:
        raise CheckpointMismatch(f"{out} holds Parquet files that no newsgraph Ray run recorded")
    if not resume and have_shards:
        raise FileExistsError(f"{out} already holds Parquet files: choose an empty directory, or --resume")
    for name in names:  # shards a killed run left half-written
        if name.startswith(".seg-") and name.endswith(".tmp"):
            fs.delete_file(f"{root}/{name}")
    with fs.open_output_stream(f"{root}/{RUN_FILE}") as fh:
        fh.write(json.dumps(identity, indent=2).encode("utf-8"))
    return done_shards(out) if resume else {}


def run_ray(
    inputs: Sequence[str | Path],
    out: str | Path,
    options: RayOptions | None = None,
    *,
    resume: bool = False,
    on_shard: Callable[[ShardReport], None] | None = None,
) -> RayStats:
    """Run the Ray Data pipeline, writing Parquet shards to ``out`` (a directory or a filesystem URI).

    Without ``resume`` the output must hold no Parquet files yet. With ``resume`` the shards already there are
    kept and only the missing ones are made (the inputs and output-changing options must be the same, else
    :class:`~newsgraph.engines.checkpoint.CheckpointMismatch`). ``on_shard`` sees each shard's report as it lands.
    """
    opts = options or RayOptions()
    names = [str(i) for i in inputs]
    if opts.address and opts.address.startswith("ray://") and not _ray_connected():
        return _run_through_client(names, out, opts, resume, on_shard)
    t0 = time.perf_counter()
    done = _prepare_output(out, names, opts, resume)
    stats = RayStats(resumed_shards=sum(len(g) for g in done.values()))
    started = _init_ray(opts)
    try:
        ds, stats.files = build_dataset(names, opts, out, done)
        for row in ds.iter_rows():
            report = ShardReport(**json.loads(row["report"]))
            stats.shards += 1
            stats.docs += report.docs
            stats.with_errors += report.with_errors
            if on_shard is not None:
                on_shard(report)
    finally:
        if started:
            _ray().shutdown()
    if done:  # the shards kept from the interrupted run: counted from their files
        kept = count_parquet(out, [shard_name(seg, g) for seg, groups in done.items() for g in groups])
        stats.docs, stats.with_errors, stats.shards = (
            stats.docs + kept.docs,
            stats.with_errors + kept.with_errors,
            stats.shards + kept.shards,
        )
    stats.seconds = time.perf_counter() - t0
    return stats


def _ray_connected() -> bool:
    try:
        return bool(_ray().is_initialized())
    except ImportError:
        return False


def _run_through_client(
    inputs: list[str],
    out: str | Path,
    opts: RayOptions,
    resume: bool,
    on_shard: Callable[[ShardReport], None] | None,
) -> RayStats:
    """``ray://`` (Ray Client): Ray Data cannot execute from a client, so the driver runs on the cluster as a
    task (no CPU of its own) and streams its shard reports back through a queue. Input and output paths are
    the cluster's: they must be visible from its nodes (shared storage or an object store URI)."""
    ray = _ray()
    from ray.util.queue import Queue

    started = _init_ray(opts)
    try:
        reports = Queue()
        task = ray.remote(num_cpus=0, max_retries=0)(_driver_on_cluster)
        ref = task.remote(inputs, str(out), opts, resume, reports)
        done = False
        while not done:
            done = bool(ray.wait([ref], timeout=0.5)[0])
            while not reports.empty():  # after the task ended: every report it queued
                report = ShardReport(**json.loads(reports.get()))
                if on_shard is not None:
                    on_shard(report)
        try:
            stats: RayStats = ray.get(ref)
        except ray.exceptions.RayTaskError as exc:  # the driver's own error (mismatch, output exists, ...)
            cause = getattr(exc, "cause", None)
            if isinstance(cause, Exception):
                raise cause from None
            raise
    finally:
        if started:
            ray.shutdown()
    return stats


def _driver_on_cluster(inputs: list[str], out: str, opts: RayOptions, resume: bool, reports: Any) -> RayStats:
    """The Ray Client run's driver, as a task on the cluster (Ray is initialised there)."""
    _quiet_ray_data()
    return run_ray(inputs, out, opts, resume=resume, on_shard=lambda r: reports.put(json.dumps(asdict(r))))


def count_parquet(out: str | Path, names: Sequence[str] | None = None) -> RayStats:
    """Records and records with errors in the Parquet shards of ``out`` (all, or the files ``names``), reading
    only the ``errors`` column."""
    import pyarrow.parquet as pq

    fs, root = output_filesystem(out)
    stats = RayStats()
    for name in list_names(fs, root) if names is None else names:
        if not name.endswith(".parquet") or name.startswith("."):
            continue
        col = pq.read_table(f"{root}/{name}", columns=["errors"], filesystem=fs).column("errors").to_pylist()
        stats.shards += 1
        stats.docs += len(col)
        stats.with_errors += sum(1 for e in col if e and e != "[]")
    return stats
