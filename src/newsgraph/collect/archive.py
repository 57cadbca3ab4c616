"""``--warc out.warc.gz``: every HTTP response the collector receives, appended as a WARC/1.1 ``response``
record (one gzip member per record, so the file stays readable after a crash). Built with fastwarc.

The payload is the body as received after content decoding (httpx undoes gzip), so ``Content-Encoding``,
``Transfer-Encoding`` and ``Content-Length`` are rewritten to match it.
"""

from __future__ import annotations

import gzip
import io
import threading
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from fastwarc.warc import WarcRecord, WarcRecordType

if TYPE_CHECKING:
    from newsgraph.collect.response import Response

_DROP = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found", 429: "Too Many Requests"}  # fmt: skip


def http_block(resp: Response) -> bytes:
    status = resp.status or 0
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, '')}".rstrip()]
    lines += [f"{k}: {v}" for k, v in resp.headers.items() if k not in _DROP]
    lines.append(f"content-length: {len(resp.body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + resp.body


class WarcArchive:
    """Thread-safe appender; call it with a :class:`~newsgraph.collect.fetch.Response`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._file: BinaryIO = self.path.open("ab")
        self.records = 0

    def __call__(self, resp: Response) -> None:
        if resp.status is None:
            return
        rec = WarcRecord()
        rec.init_headers(record_type=WarcRecordType.response, record_urn=uuid.uuid4().urn[4:].encode())
        rec.headers["WARC-Target-URI"] = resp.final_url
        rec.headers["Content-Type"] = "application/http; msgtype=response"
        rec.set_bytes_content(http_block(resp))
        buf = io.BytesIO()
        rec.write(buf, checksum_data=True)
        data = gzip.compress(buf.getvalue())
        with self._lock:
            self._file.write(data)
            self._file.flush()
            self.records += 1

    def close(self) -> None:
        with self._lock:
            self._file.close()
