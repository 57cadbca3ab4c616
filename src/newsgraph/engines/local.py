"""The single-machine streaming engine: lazy input, canonical batches, results written as they come, resumable.

Memory stays flat however long the run: documents are read lazily (WARC records one at a time), one batch (or
``n_process`` batches) is in flight, records are written and dropped, and each batch is parsed inside spaCy's
``nlp.memory_zone()`` (:func:`newsgraph.pipeline.annotate`), which frees the strings and lexemes the batch added
(every new name, number and URL would otherwise stay in ``nlp.vocab`` for the life of the pipeline). As a safety
net, the pipeline is also reloaded should its string store ever pass ``max_strings``.

>>> from newsgraph.engines.local import run_local
>>> from newsgraph.engines.sinks import JsonlSink
>>> stats = run_local(["examples/"], lambda state: JsonlSink(Path("out.jsonl"), resume_state=state))  # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.engines import checkpoint as ckpt
from newsgraph.engines.batches import iter_batches
from newsgraph.engines.checkpoint import Checkpoint, Position
from newsgraph.engines.sinks import Sink
from newsgraph.models import Article
from newsgraph.pipeline import DEFAULT_BATCH_SIZE, annotate, prepare_batch

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MAX_STRINGS = 1_000_000
"""Reload the spaCy pipeline once its StringStore holds this many strings (bounds memory on endless streams)."""


@dataclass
class LocalOptions:
    """How the local engine processes the stream (``batch_size`` and ``nlp_stages`` change the output; the rest
    only the speed and memory)."""

    batch_size: int = DEFAULT_BATCH_SIZE
    n_process: int = 1
    nlp_stages: bool = True
    max_strings: int | None = DEFAULT_MAX_STRINGS

    def fingerprint(self) -> dict[str, Any]:
        """The options a resumed run must share with the interrupted one."""
        return {"batch_size": self.batch_size, "nlp_stages": self.nlp_stages}


@dataclass
class RunStats:
    docs: int = 0
    with_errors: int = 0
    batches: int = 0
    resumed_docs: int = 0
    reloads: int = 0
    seconds: float = 0.0
    finished: bool = False


class PipelineHolder:
    """The spaCy pipeline, reloaded when its string store passes ``max_strings`` (``None``: never)."""

    def __init__(self, max_strings: int | None = DEFAULT_MAX_STRINGS, nlp: Language | None = None) -> None:
        self.max_strings = max_strings
        self._nlp = nlp
        self._owned = nlp is None
        self.reloads = 0

    def get(self) -> Language:
        from newsgraph.nlp import load_pipeline

        if self._nlp is None:
            self._nlp = load_pipeline()
        elif self._owned and self.max_strings is not None and len(self._nlp.vocab.strings) > self.max_strings:
            self._nlp = None
            _drop_cached_pipeline()
            self._nlp = load_pipeline()
            self.reloads += 1
        return self._nlp


def _drop_cached_pipeline() -> None:
    import gc

    import newsgraph.nlp

    loader = getattr(newsgraph.nlp, "_load", None)
    clear = getattr(loader, "cache_clear", None)
    if callable(clear):
        clear()
    gc.collect()


def _chunks(it: Iterable[tuple[Position, list[Any]]], n: int) -> Iterator[list[tuple[Position, list[Any]]]]:
    iterator = iter(it)
    while chunk := list(islice(iterator, n)):
        yield chunk


def stream_articles(
    inputs: Sequence[str | Path],
    options: LocalOptions | None = None,
    *,
    start: Position | None = None,
    holder: PipelineHolder | None = None,
    known_ids: Callable[[list[str]], set[str]] | None = None,
) -> Iterator[tuple[Position, list[Article]]]:
    """``(position after the batch, articles)`` per canonical batch, lazily, from ``start``.

    With ``n_process > 1``, ``n_process * 4`` batches are cleaned one by one and annotated together through
    ``nlp.pipe(n_process=...)`` (spaCy starts its worker processes once per such group). ``known_ids`` (e.g. a
    store's ``existing_ids``) names articles that need no NLP: they are yielded cleaned only.
    """

    opts = options or LocalOptions()
    holder = holder or PipelineHolder(opts.max_strings)
    group = 1 if opts.n_process <= 1 else opts.n_process * 4
    for chunk in _chunks(iter_batches(inputs, opts.batch_size, start), group):
        prepared = [(pos, prepare_batch(raws)) for pos, raws in chunk]
        if opts.nlp_stages:
            everything = [a for _, arts in prepared for a in arts]
            if known_ids is not None:
                skip = known_ids([a.id for a in everything])
                everything = [a for a in everything if a.id not in skip]
            if everything:
                annotate(everything, holder.get(), batch_size=opts.batch_size, n_process=opts.n_process)
        yield from prepared


def run_local(  # noqa: C901
    inputs: Sequence[str | Path],
    sink_factory: Callable[[dict[str, Any] | None], Sink],
    options: LocalOptions | None = None,
    *,
    checkpoint_path: Path | None = None,
    resume: bool = False,
    extra_fingerprint: dict[str, Any] | None = None,
    on_batch: Callable[[Sequence[Article]], None] | None = None,
    nlp: Language | None = None,
) -> RunStats:
    """Stream ``inputs`` through the pipeline into the sink ``sink_factory(resume_state)`` makes.

    With ``checkpoint_path``, a checkpoint is written (atomically) each time the sink reaches a durable point;
    ``resume=True`` continues from it (raising :class:`~newsgraph.engines.checkpoint.CheckpointMismatch` if it
    belongs to other inputs/options). ``on_batch`` sees each batch after it is written (progress, error lines).
    """
    opts = options or LocalOptions()
    names = [str(i) for i in inputs]
    fingerprint = {**opts.fingerprint(), **(extra_fingerprint or {})}
    stats = RunStats()
    t0 = time.perf_counter()
    cp: Checkpoint | None = None
    if resume:
        if checkpoint_path is None:
            raise ValueError("resume needs a checkpoint path")
        cp = ckpt.load(checkpoint_path)
        if cp is not None:
            cp.check_compatible(names, fingerprint)
    if cp is not None and cp.finished:
        stats.resumed_docs = stats.docs = cp.docs_done
        stats.with_errors = cp.articles_with_errors
        stats.finished = True
        return stats
    start = cp.position if cp is not None else None
    sink = sink_factory(cp.sink if cp is not None else None)
    if cp is None:
        cp = Checkpoint(inputs=names, options=fingerprint)
    stats.resumed_docs = stats.docs = cp.docs_done
    stats.with_errors = cp.articles_with_errors
    holder = PipelineHolder(opts.max_strings, nlp)
    # Killed anywhere in here, the last checkpoint stands: on --resume, output written after it is cut off.
    for pos, arts in stream_articles(names, opts, start=start, holder=holder):
        sink.write(arts)
        stats.batches += 1
        stats.docs += len(arts)
        stats.with_errors += sum(1 for a in arts if a.errors)
        state = sink.commit()
        if state is not None and checkpoint_path is not None:
            _advance(cp, pos, stats, state, arts)
            ckpt.save(checkpoint_path, cp)
        if on_batch is not None:
            on_batch(arts)
    state = sink.commit(force=True)
    sink.close()
    if checkpoint_path is not None:
        if state is not None:
            cp.sink = state
        cp.docs_done = cp.articles_written = stats.docs
        cp.articles_with_errors = stats.with_errors
        cp.finished = True
        ckpt.save(checkpoint_path, cp)
    stats.reloads = holder.reloads
    stats.seconds = time.perf_counter() - t0
    stats.finished = True
    return stats


def _advance(
    cp: Checkpoint, pos: Position, stats: RunStats, state: dict[str, Any], arts: Sequence[Article]
) -> None:
    cp.position = pos
    cp.sink = state
    cp.docs_done = stats.docs
    cp.articles_written = stats.docs
    cp.articles_with_errors = stats.with_errors
    if arts:
        cp.last_source = arts[-1].source.model_dump()


def extract(
    inputs: str | Path | Iterable[str | Path],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp_stages: bool = True,
) -> Iterator[Article]:
    """Stream Article records for files, directories, globs, ``-`` (stdin) or WARC archives, in input order.

    This is ``newsgraph extract``'s local engine (:func:`stream_articles`): the same
    canonical batches, so exactly the CLI's records.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for _, arts in stream_articles(list(inputs), LocalOptions(batch_size=batch_size, nlp_stages=nlp_stages)):
        yield from arts
