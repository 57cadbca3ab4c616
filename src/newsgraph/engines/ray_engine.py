"""Scale-out on Ray Data: the same canonical batches and the same per-batch function, on an actor pool.

Pipeline::

    from_items(segments)                       # one row per WARC file / group of small files (driver lists paths)
      .map_batches(read_segment_batches)       # tasks: read lazily, emit one row per canonical batch of raw docs
      .map_batches(ArticleMapper, concurrency=N)   # actors: spaCy pipeline loaded once per actor
      .write_parquet(out_dir)                  # Arrow tables with the contract's Parquet schema

Workers exchange pickled :class:`~newsgraph.ingest.RawDocument` lists and return Arrow tables (never spaCy
objects). Batches are cut exactly as the local engine cuts them (:mod:`newsgraph.engines.batches`), so both engines
produce the same records. By default a local Ray instance is started; ``address`` joins an existing cluster (the
input paths must then be readable on every node, e.g. a shared filesystem).
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.engines.batches import expand_inputs, iter_segment_batches, iter_segments


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
    read_cpus: float = 0.5


@dataclass
class RayStats:
    docs: int = 0
    with_errors: int = 0
    files: int = 0
    seconds: float = 0.0


def read_segment_batches(batch: dict[str, Any], batch_size: int) -> Iterator[dict[str, list[Any]]]:
    """Ray task: canonical batches of each segment, one output row (pickled raw documents) per batch."""
    for blob in batch["segment"]:
        seg = pickle.loads(blob)
        for j, raws in enumerate(iter_segment_batches(seg, batch_size)):
            yield {"segment": [seg.index], "batch": [j], "docs": [pickle.dumps(raws, protocol=5)]}


class ArticleMapper:
    """Ray actor: loads the spaCy pipeline once, then runs :func:`newsgraph.pipeline.process_batch` per batch."""

    def __init__(self, nlp_stages: bool = True, batch_size: int = 32) -> None:
        self.nlp_stages = nlp_stages
        self.batch_size = batch_size
        self.nlp: Any = None
        if nlp_stages:
            from newsgraph.nlp import load_pipeline

            self.nlp = load_pipeline()

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        from newsgraph.engines.sinks import arrow_schema, articles_to_columns
        from newsgraph.pipeline import annotate, prepare_batch

        arts = []
        for blob in batch["docs"]:
            prepared = prepare_batch(pickle.loads(blob))
            if self.nlp_stages:
                annotate(prepared, self.nlp, batch_size=self.batch_size)
            arts.extend(prepared)
        return pa.Table.from_pydict(articles_to_columns(arts), schema=arrow_schema())


def _ray() -> Any:
    """The ``ray`` module, imported on use (typed loosely: Ray's own annotations are partial)."""
    import importlib

    return importlib.import_module("ray")


def _init_ray(opts: RayOptions) -> bool:
    """Connect to (or start) Ray; returns whether this call started it (and so should shut it down)."""
    ray = _ray()

    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
    if opts.address:
        ray.init(address=opts.address, **quiet)
    else:
        cpus = opts.num_cpus or os.cpu_count() or 1
        ray.init(num_cpus=cpus, include_dashboard=False, **quiet)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return True


def build_dataset(inputs: Sequence[str | Path], opts: RayOptions) -> tuple[Any, int]:
    """The Ray Dataset of Article rows (lazy) and the number of segments it reads."""
    ray = _ray()

    segments = list(iter_segments(expand_inputs([str(i) for i in inputs]), opts.batch_size))
    if not segments:
        raise ValueError("no input files")
    cpus = float(ray.cluster_resources().get("CPU", 1))
    workers = opts.workers or max(1, int(cpus - opts.read_cpus))
    # Logical CPUs: the actor pool must leave room for the read tasks, or they would wait for ever.
    actor_cpus = min(1.0, max(0.1, (cpus - opts.read_cpus) / workers))
    ds = ray.data.from_items(
        [{"segment": pickle.dumps(s, protocol=5)} for s in segments],
        override_num_blocks=min(len(segments), 1000),
    )
    ds = ds.map_batches(
        read_segment_batches, batch_size=1, fn_kwargs={"batch_size": opts.batch_size}, num_cpus=opts.read_cpus
    )
    ds = ds.map_batches(
        ArticleMapper,
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=actor_cpus,
        fn_constructor_kwargs={"nlp_stages": opts.nlp_stages, "batch_size": opts.batch_size},
    )
    return ds, len(segments)


def run_ray(inputs: Sequence[str | Path], out_dir: Path, options: RayOptions | None = None) -> RayStats:
    """Run the Ray Data pipeline and write Parquet shards to ``out_dir`` (which must hold no Parquet files yet)."""
    opts = options or RayOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.glob("*.parquet")):
        raise FileExistsError(f"{out_dir} already holds Parquet files: choose an empty directory")
    t0 = time.perf_counter()
    started = _init_ray(opts)
    try:
        ds, n_segments = build_dataset(inputs, opts)
        ds.write_parquet(str(out_dir))
    finally:
        if started:
            ray = _ray()

            ray.shutdown()
    stats = count_parquet(out_dir)
    stats.files = n_segments
    stats.seconds = time.perf_counter() - t0
    return stats


def count_parquet(out_dir: Path) -> RayStats:
    """Records and records with errors in the Parquet shards of ``out_dir`` (reads only the ``errors`` column)."""
    import pyarrow.parquet as pq

    stats = RayStats()
    for shard in out_dir.glob("*.parquet"):
        col = pq.read_table(shard, columns=["errors"]).column("errors").to_pylist()
        stats.docs += len(col)
        stats.with_errors += sum(1 for e in col if e and e != "[]")
    return stats
