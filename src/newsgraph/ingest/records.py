"""What every reader yields: :class:`RawDocument`, one decoded input document (or a failed one with its error)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newsgraph.models import ErrorRecord, Source

__all__ = ["RawDocument", "failed", "ingest_error"]


@dataclass(frozen=True)
class RawDocument:
    """One decoded input document. ``kind`` says how to read ``text`` (a WARC record is ``html``)."""

    source: Source
    text: str | None
    kind: Literal["text", "html"] = "text"
    errors: tuple[ErrorRecord, ...] = field(default_factory=tuple)


def ingest_error(message: str) -> ErrorRecord:
    return ErrorRecord(stage="ingest", message=message)


def failed(source: Source, message: str, kind: Literal["text", "html"] = "text") -> RawDocument:
    """A document that could not be read: no text, one ``ingest`` error."""
    return RawDocument(source, None, kind=kind, errors=(ingest_error(message),))
