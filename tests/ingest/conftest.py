"""Fixtures for ingest tests: every input is generated in ``tmp_path`` (no committed binaries)."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import pytest

ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Test</title></head>"
    "<body><article><p>{body}</p></article></body></html>"
)


def warc_record(
    url: str,
    payload: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    record_type: str = "response",
    status: str = "200 OK",
    record_id: str = "<urn:uuid:00000000-0000-0000-0000-000000000001>",
    extra_http: bytes = b"",
) -> bytes:
    """One WARC/1.0 record holding an HTTP response (hand-built, as a crawler would write it)."""
    if record_type == "response":
        block = (
            f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n".encode()
            + extra_http
            + b"\r\n"
            + payload
        )
        warc_ct = "application/http; msgtype=response"
    else:
        block = payload
        warc_ct = "application/warc-fields"
    head = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Record-ID: {record_id}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-10-22T00:00:00Z\r\nContent-Type: {warc_ct}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


@pytest.fixture
def make_warc() -> Callable[..., bytes]:
    """Build a WARC from (url, payload, kwargs) tuples; ``gz=True`` gzips each record as a member (.warc.gz)."""

    def build(records: list[tuple[str, bytes, dict[str, str]]], gz: bool = False) -> bytes:
        parts = []
        for i, (url, payload, kw) in enumerate(records):
            rid = f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>"
            rec = warc_record(url, payload, record_id=rid, **kw)  # type: ignore[arg-type]
            parts.append(gzip.compress(rec) if gz else rec)
        return b"".join(parts)

    return build
