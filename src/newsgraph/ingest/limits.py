"""Ingest limits and the small helpers that turn bytes into a :class:`~newsgraph.ingest.records.RawDocument`."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Literal, Protocol

from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.records import RawDocument, ingest_error
from newsgraph.ingest.sniff import binary_kind
from newsgraph.models import ErrorRecord, Source

MB = 1024 * 1024


class ByteReader(Protocol):
    """Anything with ``read(size)`` returning bytes: a binary file, ``sys.stdin.buffer``, a decompressor."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class Limits:
    """Caps that keep one input from exhausting memory or time.

    ``max_bytes`` caps every document *after* decompression (a plain file, a ``.gz`` member, one WARC record):
    the rest is not read and the document carries an ``ingest`` error saying it was truncated. It also defuses
    gzip bombs, since decompression stops at the cap.
    """

    max_bytes: int = 50 * MB
    chunk_size: int = 1 * MB
    max_records_per_archive: int | None = None


def read_capped(stream: ByteReader, limit: int, chunk_size: int = MB) -> tuple[bytes, bool, str | None]:
    """Read at most ``limit`` bytes. Returns (data, truncated_by_cap, read_error) and never raises.

    A truncated or corrupt compressed stream keeps the bytes decoded before the damage.
    """
    parts: list[bytes] = []
    total = 0
    try:
        while total <= limit:
            chunk = stream.read(min(chunk_size, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    except EOFError as exc:
        return b"".join(parts), False, f"truncated compressed stream ({exc})"
    except zlib.error as exc:
        return b"".join(parts), False, f"corrupt compressed stream ({exc})"
    except OSError as exc:
        return b"".join(parts), False, f"read error ({exc})"
    data = b"".join(parts)
    if len(data) > limit:
        return data[:limit], True, None
    return data, False, None


class GzipStream:
    """Incremental gzip reader (multi-member) that hands out every byte decoded before a truncation or corruption.

    ``gzip.GzipFile`` drops the last decoded chunk when the stream ends early; this keeps it, then raises
    ``EOFError`` (truncated) or ``zlib.error`` (corrupt) on the next read. Output is produced at most ``size`` bytes
    at a time, so a gzip bomb costs no more memory than the caller's cap.
    """

    def __init__(self, raw: ByteReader, chunk_size: int = MB) -> None:
        self._raw = raw
        self._chunk = chunk_size
        self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""  # compressed input not yet given to the decompressor
        self._fresh = True  # no input fed to the current member yet
        self._done = False
        self._error: Exception | None = None

    def read(self, size: int = -1, /) -> bytes:
        want = size if size is not None and size >= 0 else 1 << 62
        out: list[bytes] = []
        while want > 0 and not self._done:
            if self._d.eof:  # next member of a concatenated stream (NUL padding tolerated)
                self._pending = (self._d.unused_data + self._pending).lstrip(b"\x00")
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._fresh = True
            tail = self._d.unconsumed_tail
            if not tail and not self._pending:
                self._pending = self._raw.read(self._chunk)
                if self._fresh:
                    self._pending = self._pending.lstrip(b"\x00")
                if not self._pending:
                    self._done = True
                    if not self._fresh:
                        self._error = EOFError(
                            "compressed file ended before the end-of-stream marker was reached"
                        )
                    break
            data = tail or self._pending
            if not tail:
                self._pending = b""
            try:
                piece = self._d.decompress(data, want)
            except zlib.error as exc:
                self._done, self._error = True, exc
                break
            self._fresh = False
            out.append(piece)
            want -= len(piece)
        result = b"".join(out)
        if not result and self._error is not None:
            err, self._error = self._error, None
            raise err
        return result

    def readable(self) -> bool:
        return True


def cap_message(limit: int, compressed: bool = False) -> str:
    what = "decompressed size" if compressed else "size"
    return f"input truncated: {what} exceeds the {limit:,}-byte cap (Limits.max_bytes); the rest was not read"


def make_document(
    data: bytes,
    source: Source,
    kind: Literal["text", "html"],
    *,
    errors: list[ErrorRecord] | None = None,
    http_charset: str | None = None,
    what: str = "file",
) -> RawDocument:
    """Sniff, decode and wrap ``data``; empty, whitespace-only and binary inputs become error documents."""
    errs = list(errors or [])
    if not data:
        if not errs:
            errs.append(ingest_error(f"empty {what}: no bytes to read"))
        return RawDocument(source, None, kind=kind, errors=tuple(errs))
    binary = binary_kind(data)
    if binary:
        errs.append(ingest_error(f"binary {what} ({binary}): not a text or HTML document"))
        return RawDocument(source, None, kind=kind, errors=tuple(errs))
    decoded = decode_bytes(data, http_charset=http_charset, html=kind == "html")
    if decoded.lossy:
        errs.append(
            ErrorRecord(
                stage="decode",
                message=f"undecodable bytes replaced (best guess {decoded.encoding}, via {decoded.method})",
            )
        )
    if not decoded.text.strip():
        errs.append(ingest_error(f"{what} holds only whitespace"))
        return RawDocument(source, None, kind=kind, errors=tuple(errs))
    return RawDocument(source, decoded.text, kind=kind, errors=tuple(errs))
