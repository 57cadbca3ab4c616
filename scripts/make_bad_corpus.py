#!/usr/bin/env python3
"""Write the hostile-input corpus used by tests/reliability (and `make fuzz` seeds).

Usage: python scripts/make_bad_corpus.py [OUT_DIR]   (default tests/data/bad/generated)

Every file is generated (nothing binary is committed). Sizes follow issue 9: a 50 MB text, a 5 MB single line,
a gzip bomb that inflates to 200 MB, HTML nested 10,000 levels deep, and so on.
"""

from __future__ import annotations

import gzip
import io
import random
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024
STORY = (
    "The minister said “we will not retreat” on Monday, according to officials. Critics denied the report. "
)


def _warc_record(uri: str, html: bytes, *, length: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    n = len(http) if length is None else length
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{random.Random(uri).getrandbits(128):032x}>\r\n"
        f"WARC-Date: 2024-10-22T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {n}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _page(i: int) -> bytes:
    return (
        f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>"
        f"<p>{STORY * 5}</p><p>{STORY * 3}</p></article></body></html>"
    ).encode()


def _gzip_members(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(r) for r in records)


def _bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = io.BytesIO()
    chunk = b"\0" * MB
    for _ in range(size // MB):
        out.write(comp.compress(chunk))
    out.write(comp.flush())
    return out.getvalue()


def _truncated_gzip(repeats: int) -> bytes:
    """A gzip stream cut at two thirds of its length (the repeated story compresses ~250:1, so a fixed cut
    such as ``[:3000]`` would leave it whole)."""
    data = gzip.compress((STORY * repeats).encode())
    return data[: len(data) * 2 // 3]


def _billion_laughs() -> bytes:
    ents = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [{"".join(ents)}]>'
        f"<html><body><p>&l9;</p><p>{STORY}</p></body></html>"
    ).encode()


CORPUS: dict[str, Callable[[], bytes]] = {
    "binary.png": lambda: b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(20_000),
    "binary.pdf": lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + random.Random(2).randbytes(20_000),
    "binary-elf.txt": lambda: b"\x7fELF\x02\x01\x01" + random.Random(3).randbytes(20_000),
    "empty.txt": lambda: b"",
    "whitespace.txt": lambda: b"  \n\t\n   \r\n\xc2\xa0\n",
    "huge-50mb.txt": lambda: (STORY + "\n\n").encode() * (50 * MB // len((STORY + "\n\n").encode()) + 10),
    "single-line-5mb.txt": lambda: (STORY.replace("\n", " ") * (5 * MB // len(STORY) + 1)).encode(),
    "nul-bytes.txt": lambda: STORY.encode().replace(b" ", b"\0 ") * 50,
    "invalid-utf8.txt": lambda: b"Caf\xe9 \xff\xfe\xc3\x28 \xa0\xa1 " + STORY.encode() * 20 + b"\xed\xa0\x80",
    "mixed-encodings.txt": lambda: (
        STORY.encode() * 5
        + "\n\nCafé naïve résumé.\n\n".encode("cp1252")
        + "\n\n북한군 파병 의혹에 대해 정부는 말했다.\n".encode("cp949")
    ),
    "utf16-nobom.txt": lambda: (STORY * 20).encode("utf-16-le"),
    "cp949-korean.txt": lambda: (
        "대통령실 고위 관계자는 “우크라이나에 방어용 무기 지원을 검토할 수 있다”고 말했다. " * 30
    ).encode("cp949"),
    "rtl-arabic.txt": lambda: ("قال الوزير “لن نتراجع” يوم الاثنين، وفقا لمسؤولين. " * 40).encode(),
    "rtl-mixed-bidi.txt": lambda: ("He said \u202e“olleh”\u202c and ‏שלום‎ to reporters. " * 40).encode(),
    "zalgo.txt": lambda: ("".join(c + "\u0301\u0336\u0489" * 8 for c in STORY) * 10).encode(),
    "quotes-10k.txt": lambda: ("“" * 5000 + " said the minister " + '"' * 5000 + "\n\n" + STORY).encode(),
    "nested-10k.html": lambda: (
        b"<html><body>" + b"<div>" * 10_000 + STORY.encode() * 5 + b"</div>" * 10_000 + b"</body></html>"
    ),
    "huge-attribute.html": lambda: (
        b'<html><body><div data-x="'
        + b"A" * (10 * MB)
        + b'"><p>'
        + STORY.encode() * 5
        + b"</p></div></body></html>"
    ),
    "entity-expansion.html": _billion_laughs,
    "no-article.html": lambda: (
        b"<html><head><title>Menu</title></head><body><nav><a href=/>Home</a>"
        b"<a href=/a>About</a></nav><footer>(c) 2024</footer></body></html>"
    ),
    "truncated.txt.gz": lambda: _truncated_gzip(2000),
    "zip-bomb.txt.gz": lambda: _bomb(200 * MB),
    "truncated.warc.gz": lambda: _gzip_members(
        [_warc_record(f"http://example.com/{i}", _page(i)) for i in range(5)]
    )[:-400],
    "bad-lengths.warc": lambda: (
        _warc_record("http://example.com/ok", _page(1))
        + _warc_record("http://example.com/long", _page(2), length=10_000_000)
    ),
    "garbage.warc": lambda: b"WARC/1.0\r\nthis is not a header\r\n\r\n" + random.Random(4).randbytes(5000),
}


# Scaled-down stand-ins for the slow inputs, used by the fast tests together with a lower ``Limits.max_bytes``
# (the cap is what is under test, not the absolute size): same shape, a few MB instead of 50-200 MB.
SMALL: dict[str, Callable[[], bytes]] = {
    "huge-50mb.txt": lambda: (STORY + "\n\n").encode() * (6 * MB // len((STORY + "\n\n").encode()) + 10),
    "single-line-5mb.txt": lambda: (STORY.replace("\n", " ") * (3 * MB // len(STORY) + 1)).encode(),
    "huge-attribute.html": lambda: (
        b'<html><body><div data-x="'
        + b"A" * (3 * MB)
        + b'"><p>'
        + STORY.encode() * 5
        + b"</p></div></body></html>"
    ),
    "truncated.txt.gz": lambda: _truncated_gzip(200),
    "zip-bomb.txt.gz": lambda: _bomb(24 * MB),
}


def build(out: Path, *, small: bool = False) -> list[Path]:
    """Write every corpus file into ``out`` (existing files are kept) and return their paths in corpus order.

    ``small=True`` writes the :data:`SMALL` stand-ins for the five slow inputs (for fast tests).
    """
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in CORPUS.items():
        p = out / name
        if not p.exists():
            p.write_bytes((SMALL.get(name, make) if small else make)())
        paths.append(p)
    return paths


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "tests/data/bad/generated"
    )
    for p in build(target):
        print(f"{p.stat().st_size:>12,}  {p}")
