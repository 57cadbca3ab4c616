"""Files, directories, globs and stdin: expand inputs in a deterministic order and read each one lazily."""

from __future__ import annotations

import glob
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.ingest.limits import (
    ByteReader,
    GzipStream,
    Limits,
    cap_message,
    make_document,
    read_capped,
)
from newsgraph.ingest.records import RawDocument, failed, ingest_error
from newsgraph.ingest.sniff import GZIP_MAGIC, is_warc, kind_for
from newsgraph.ingest.warc import iter_warc
from newsgraph.models import ErrorRecord, Source

STDIN = "-"
STDIN_PATH = "<stdin>"
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4")
# Skipped when walking a directory (named explicitly, such a file still yields a "binary" error record).
SKIP_IN_DIRECTORIES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".css", ".js", ".map",
     ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm", ".avi", ".mov", ".wav", ".pyc"}
)  # fmt: skip
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[str | RawDocument]:
    """Paths to read, in order: directories walked recursively (sorted, hidden entries skipped), globs expanded
    (sorted). Inputs that match nothing come out as error documents in their place."""
    for inp in inputs:
        name = str(inp)
        if name == STDIN:
            yield STDIN
            continue
        p = Path(name)
        problem = unusable_path(p)
        if problem is not None:
            yield failed(Source(path=name[:200]), problem)
            continue
        if p.is_dir():
            files = list(_walk(p))
            if not files:
                yield failed(Source(path=name), f"directory contains no readable files: {name}")
            yield from files
        elif p.exists() or not (_GLOB_CHARS & set(name)):
            yield name  # a missing file is reported when it is opened
        else:
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield failed(Source(path=name), f"no file matches the pattern {name!r}")
            for m in matches:
                if Path(m).is_dir():
                    yield from _walk(Path(m))
                else:
                    yield m


def unusable_path(p: Path) -> str | None:
    """Why the operating system cannot even look at ``p`` (a name too long, a NUL byte, …: typically a text
    passed where a path was expected), or None. Such an input becomes an error record, never a crash."""
    try:
        os.stat(p)
    except FileNotFoundError:
        return None  # missing: reported in place when opened, or matched as a glob
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"not a usable path ({why}): {str(p)[:80]!r}"
    return None


def _walk(root: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if f.startswith(".") or Path(f).suffix.lower() in SKIP_IN_DIRECTORIES:
                continue
            yield os.path.join(dirpath, f)


def read_path(path: str, limits: Limits) -> Iterator[RawDocument]:
    """Documents of one file: one for text/HTML (optionally gzipped), one per response for a WARC archive."""
    lower = path.lower()
    if lower.endswith(WARC_SUFFIXES):
        if not os.path.isfile(path):
            yield failed(Source(path=path, format="warc"), _missing(path), kind="html")
            return
        yield from iter_warc(path, path=path, limits=limits)
        return
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below; generators need explicit control
    except OSError as exc:
        yield failed(Source(path=path), _missing(path) if isinstance(exc, FileNotFoundError) else str(exc))
        return
    with f:
        yield from read_stream(f, path, path, limits)


def read_stdin(stream: ByteReader, limits: Limits) -> Iterator[RawDocument]:
    yield from read_stream(stream, STDIN_PATH, "", limits)


def read_stream(raw: ByteReader, path: str, name: str, limits: Limits) -> Iterator[RawDocument]:
    """Read one (possibly gzipped) stream; a WARC stream is handed to :func:`iter_warc`."""
    errors: list[ErrorRecord] = []
    try:
        magic = raw.read(2)
    except OSError as exc:
        yield failed(Source(path=path), f"read error: {exc}")
        return
    stream: ByteReader = _Prefixed(magic, raw)
    compressed = magic == GZIP_MAGIC
    inner = name
    if compressed:
        stream = GzipStream(stream, limits.chunk_size)
        inner = name[:-3] if name.lower().endswith(".gz") else name
    try:
        head, error = stream.read(min(64, limits.max_bytes)), None
    except (EOFError, OSError, zlib.error) as exc:
        head, error = b"", f"{'truncated or corrupt' if compressed else 'unreadable'} stream ({exc})"
    if error is None and is_warc(head):
        yield from iter_warc(_Prefixed(head, stream), path=path, limits=limits)
        return
    rest = b""
    capped = False
    if error is None:
        rest, capped, error = read_capped(stream, limits.max_bytes - len(head), limits.chunk_size)
    data = head + rest
    if error:
        what = "gzip file" if compressed else "file"
        errors.append(ingest_error(f"{what} {error}" + ("; partial text kept" if data.strip() else "")))
    if capped:
        errors.append(ingest_error(cap_message(limits.max_bytes, compressed)))
    kind = kind_for(inner, data)
    yield make_document(data, Source(path=path, format=kind), kind, errors=errors)


def _missing(path: str) -> str:
    return f"no such file: {path}"


class _Prefixed:
    """A read-only stream that replays ``prefix`` before the rest of ``stream`` (sniffing without seeking)."""

    def __init__(self, prefix: bytes, stream: ByteReader) -> None:
        self._prefix = prefix
        self._stream = stream
        self._pos = 0

    def read(self, size: int = -1, /) -> bytes:
        out = self._read(size)
        self._pos += len(out)
        return out

    def tell(self) -> int:
        """Bytes handed out so far (FastWARC calls ``tell()`` on the streams it reads, e.g. a WARC on stdin)."""
        return self._pos

    def _read(self, size: int) -> bytes:
        if self._prefix:
            if size is None or size < 0:
                out, self._prefix = self._prefix + bytes(self._stream.read()), b""
                return out
            out, self._prefix = self._prefix[:size], self._prefix[size:]
            if len(out) < size:
                out += bytes(self._stream.read(size - len(out)))
            return out
        return bytes(self._stream.read(size))

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()
