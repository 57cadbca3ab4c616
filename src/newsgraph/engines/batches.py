"""Canonical batches: how every engine cuts the input stream, so all engines produce the same records.

Cleaning looks across a batch (lines repeated across the batch's documents are boilerplate), so the output depends
on how documents are grouped. Both engines therefore use the same rule, which can be applied without reading
the data first:

* inputs expand to files (directories recursively, sorted; globs sorted; ``-`` is stdin);
* a *multi-document* file (WARC/ARC) is its own segment; its records are cut into batches of ``batch_size``;
* consecutive single-document files are grouped ``batch_size`` files to a segment; each such segment is one batch
  (cut further at ``batch_size`` documents if a file turns out to hold several).

A :class:`~newsgraph.engines.checkpoint.Position` (segment index, documents done in the segment) identifies a batch
boundary; for a WARC segment the document count is the record index to continue from.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from newsgraph.engines.checkpoint import Position
from newsgraph.ingest import RawDocument, iter_documents

MULTI_DOC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".arc", ".arc.gz", ".warc.zst", ".warc.lz4")
_GLOB_CHARS = frozenset("*?[")


Item = str | RawDocument
"""A path to read, or a document ingest already made in the input's place (an input that matched nothing)."""


@dataclass(frozen=True)
class Segment:
    """A unit of work: one multi-document file, or up to ``batch_size`` single-document files."""

    index: int
    files: tuple[Item, ...]
    multi: bool


def is_multi_document(item: Item) -> bool:
    """Whether ``item`` is an archive holding many documents (by name: ``.warc``, ``.warc.gz``, ...)."""
    return isinstance(item, str) and item.lower().endswith(MULTI_DOC_SUFFIXES)


def _read(item: Item) -> Iterator[RawDocument]:
    if isinstance(item, RawDocument):
        yield item
    else:
        yield from iter_documents([item])


def _walk(directory: Path) -> Iterator[str]:
    for p in sorted(directory.rglob("*")):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts):
            yield str(p)


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Item]:
    """Files named by ``inputs`` in a deterministic order: the ingest package's own expansion (which puts an error
    document in place of an input that matches nothing), or a plain walk when ingest has none."""
    import newsgraph.ingest as ingest

    hook = getattr(ingest, "expand_inputs", None)
    if callable(hook):
        for item in hook(inputs):
            yield item if isinstance(item, RawDocument) else str(item)
        return
    for inp in inputs:
        s = str(inp)
        p = Path(s)
        if s == "-":
            yield s
        elif p.is_dir():
            yield from _walk(p)
        elif not p.exists() and _GLOB_CHARS & set(s):
            for m in sorted(glob.glob(s, recursive=True)):
                if Path(m).is_dir():
                    yield from _walk(Path(m))
                else:
                    yield m
        else:
            yield s  # a missing file too: ingest turns it into an error record


def iter_segments(files: Iterable[Item], batch_size: int) -> Iterator[Segment]:
    """Group expanded files into segments (see the module docstring)."""
    index = 0
    singles: list[Item] = []
    for f in files:
        if is_multi_document(f):
            if singles:
                yield Segment(index, tuple(singles), False)
                index += 1
                singles = []
            yield Segment(index, (f,), True)
            index += 1
        else:
            singles.append(f)
            if len(singles) >= batch_size:
                yield Segment(index, tuple(singles), False)
                index += 1
                singles = []
    if singles:
        yield Segment(index, tuple(singles), False)


def iter_segment_batches(segment: Segment, batch_size: int, skip: int = 0) -> Iterator[list[RawDocument]]:
    """The canonical batches of one segment, lazily, after skipping its first ``skip`` documents."""
    docs: Iterator[RawDocument] = chain.from_iterable(_read(f) for f in segment.files)
    if skip:
        docs = islice(docs, skip, None)
    # A group of single-document files is normally one batch; a file that turns out to hold many documents (a
    # WARC without a .warc name) is cut like an archive.
    while chunk := list(islice(docs, batch_size)):
        yield chunk


def iter_batches(
    inputs: Iterable[str | Path], batch_size: int, start: Position | None = None
) -> Iterator[tuple[Position, list[RawDocument]]]:
    """``(position after the batch, batch)`` for the whole input, starting at ``start`` (a batch boundary)."""
    start = start or Position()
    for seg in iter_segments(expand_inputs(inputs), batch_size):
        if seg.index < start.segment:
            continue
        done = start.docs if seg.index == start.segment else 0
        for batch in iter_segment_batches(seg, batch_size, skip=done):
            done += len(batch)
            yield Position(seg.index, done), batch
