"""Content sniffing: binary formats by magic number, HTML versus plain text, WARC and gzip streams."""

from __future__ import annotations

import re
from typing import Literal

from newsgraph.ingest.encoding import utf16_without_bom

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"PK\x03\x04", "ZIP archive (also docx/xlsx/epub)"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh", "bzip2 stream"),
    (b"\xfd7zXZ\x00", "xz stream"),
    (b"\x28\xb5\x2f\xfd", "zstd stream"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (doc/xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

GZIP_MAGIC = b"\x1f\x8b"
_HTML_HINT = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<div[\s>]|<p[\s>]|<article[\s>]|<br\s*/?>",
    re.IGNORECASE,
)
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or None when it may be text.

    Known magic numbers first; otherwise a share of control bytes (NUL excluded: NUL-laden text and UTF-16 are
    decoded, not rejected) above 10% in the first 8 KB marks an unknown binary.
    """
    head = data[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if magic == b"MZ" and len(data) > 64 and b"PE\x00\x00" not in data[:4096]:
                continue  # "MZ" also starts plain words
            return name
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    sample = data[:8192]
    if not sample or sample.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(sample):
        return None
    nonnul = len(sample) - sample.count(0)
    if nonnul and len(_CONTROL.findall(sample)) > 0.10 * nonnul:
        return "binary data"
    return None


def is_warc(data: bytes) -> bool:
    """True when ``data`` (the first bytes of an uncompressed stream) starts a WARC record."""
    return data.lstrip(b"\r\n")[:5] == b"WARC/"


def looks_like_html(data: bytes) -> bool:
    """True when the first 4 KB of a document look like markup rather than prose."""
    head = data[:4096].lstrip()
    if head.startswith((b"<", b"\xef\xbb\xbf<")):
        return True
    return bool(_HTML_HINT.search(head)) and head.count(b"<") >= 3


def kind_for(name: str, data: bytes) -> Literal["text", "html"]:
    """``html`` or ``text`` from the file name's suffix, sniffing the content for unknown suffixes."""
    lower = name.lower()
    suffix = lower[lower.rfind(".") :] if "." in lower.rsplit("/", 1)[-1] else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "html" if looks_like_html(_ascii_view(data)) else "text"


def _ascii_view(data: bytes) -> bytes:
    """UTF-16 text shows its markup once NUL bytes are dropped."""
    head = data[:8192]
    return head.replace(b"\x00", b"") if head.count(0) > len(head) // 4 else head
