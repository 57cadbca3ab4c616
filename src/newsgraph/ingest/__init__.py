"""Ingest: readers that turn paths, globs, directories, stdin and WARC archives into :class:`RawDocument` s.

STUB interface (the full readers live in this package): ``iter_documents(inputs)`` yields one
:class:`RawDocument` per article, lazily, never raising for one bad input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from newsgraph.models import ErrorRecord, Source


@dataclass(frozen=True)
class RawDocument:
    """One decoded input document. ``kind`` says how to read ``text`` (a WARC record is ``html``)."""

    source: Source
    text: str | None
    kind: Literal["text", "html"] = "text"
    errors: tuple[ErrorRecord, ...] = field(default_factory=tuple)


def iter_documents(inputs: Iterable[str | Path]) -> Iterator[RawDocument]:
    for inp in inputs:
        p = Path(inp)
        try:
            data = p.read_bytes()
        except OSError as exc:
            yield RawDocument(Source(path=str(p)), None, errors=(ErrorRecord(stage="ingest", message=str(exc)),))
            continue
        kind: Literal["text", "html"] = "html" if p.suffix.lower() in {".html", ".htm"} else "text"
        yield RawDocument(Source(path=str(p), format=kind), data.decode("utf-8", "replace"), kind=kind)
