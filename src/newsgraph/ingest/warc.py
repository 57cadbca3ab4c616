"""WARC archives (``.warc``, ``.warc.gz``) with FastWARC: one document per HTTP response carrying HTML or text.

Streaming: records are read one at a time, each payload capped by :class:`Limits.max_bytes`. Response records
with another content type (images, scripts, ...) and non-2xx responses are skipped; a truncated record keeps its
partial payload with an ``ingest`` error; a garbled archive stops with an error document and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from newsgraph.ingest.encoding import charset_from_content_type
from newsgraph.ingest.limits import (
    ByteReader,
    Limits,
    cap_message,
    make_document,
    read_capped,
)
from newsgraph.ingest.records import RawDocument, failed, ingest_error
from newsgraph.ingest.sniff import looks_like_html
from newsgraph.models import ErrorRecord, Source

HTML_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "application/xml+html", "text/xml", "application/xml"}
)
TEXT_TYPES = frozenset({"text/plain"})


def _reraise_fatal(exc: BaseException) -> None:
    """Re-raise what must stop the process; keep going on anything else, including a panic in the WARC reader's
    native code (pyo3's ``PanicException`` derives from ``BaseException``, so ``except Exception`` misses it)."""
    if isinstance(exc, Exception) or type(exc).__name__ == "PanicException":
        return
    raise exc


def _kind_for_content_type(content_type: str, payload_head: bytes) -> Literal["text", "html"] | None:
    ct = content_type.split(";", 1)[0].strip().lower()
    if ct in HTML_TYPES:
        return "html"
    if ct in TEXT_TYPES:
        return "html" if looks_like_html(payload_head) else "text"
    if not ct:
        return "html" if looks_like_html(payload_head) else None
    return None


def iter_warc(archive: str | ByteReader, *, path: str, limits: Limits | None = None) -> Iterator[RawDocument]:  # noqa: C901
    """Yield one :class:`RawDocument` per HTML/text HTTP response in the archive; never raises."""
    limits = limits or Limits()
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:  # pragma: no cover - fastwarc is a dependency
        yield failed(Source(path=path, format="warc"), f"cannot read WARC: {exc}", kind="html")
        return
    archive_source = Source(path=path, format="warc")
    try:
        records = iter(
            ArchiveIterator(
                archive,  # type: ignore[arg-type]  # any object with read() works (PythonIOStreamAdapter)
                record_types=WarcRecordType.response,
                parse_http=True,
                auto_decode="all",
                fsspec_args=False,
            )
        )
    except BaseException as exc:
        _reraise_fatal(exc)
        yield failed(archive_source, f"cannot open WARC archive: {exc}", kind="html")
        return
    seen = 0
    produced = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except BaseException as exc:
            _reraise_fatal(exc)
            if seen:
                msg = f"garbled or truncated WARC archive after {seen} response record(s): {exc}"
            else:
                msg = f"not a WARC file, or garbled at the first record: {exc}"
            yield failed(archive_source, msg, kind="html")
            return
        seen += 1
        try:
            doc = _record_document(record, path, limits)
        except BaseException as exc:  # a broken record must not stop the archive
            _reraise_fatal(exc)
            doc = failed(
                archive_source, f"unreadable WARC record #{seen}: {type(exc).__name__}: {exc}", kind="html"
            )
        if doc is None:
            continue
        produced += 1
        yield doc
        if limits.max_records_per_archive is not None and produced >= limits.max_records_per_archive:
            return
    if produced == 0:
        msg = (
            "no WARC response records found (not a WARC file, or garbled)"
            if seen == 0
            else f"WARC archive has no HTML or text responses ({seen} response record(s) of other types skipped)"
        )
        yield failed(archive_source, msg, kind="html")


def _record_document(record: object, path: str, limits: Limits) -> RawDocument | None:
    headers = record.headers  # type: ignore[attr-defined]
    source = Source(
        path=path,
        url=(headers.get("WARC-Target-URI") or "").strip("<> ") or None,
        format="warc",
        warc_record_id=record.record_id,  # type: ignore[attr-defined]
    )
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None:
        return failed(source, "WARC response record without a parseable HTTP header", kind="html")
    status = http.status_code or 0
    if not 200 <= status < 300:
        return None
    content_type = http.get("Content-Type") or ""
    reader = record.reader  # type: ignore[attr-defined]
    head = reader.read(512)
    kind = _kind_for_content_type(content_type, head)
    if kind is None:
        return None
    rest, capped, error = read_capped(reader, max(limits.max_bytes - len(head), 0), limits.chunk_size)
    payload = head + rest
    errors: list[ErrorRecord] = []
    if error:
        errors.append(ingest_error(f"WARC record payload: {error}"))
    if capped:
        errors.append(ingest_error(cap_message(limits.max_bytes)))
    encoded = http.get("Content-Encoding") or http.get("Transfer-Encoding")
    declared_len = record.content_length  # type: ignore[attr-defined]
    if not capped and not encoded and declared_len is not None and len(payload) < declared_len:
        errors.append(
            ingest_error(f"truncated WARC record: {len(payload):,} of {declared_len:,} bytes present")
        )
    return make_document(
        payload,
        source,
        kind,
        errors=errors,
        http_charset=charset_from_content_type(content_type),
        what="WARC record",
    )
