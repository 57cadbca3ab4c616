#!/usr/bin/env python
"""Build a synthetic CC-NEWS-like WARC (default 100,000 response records) from the shared corpora.

Pages come round-robin from ``../shared/datasets/aeb/html``, ``wcxb-dev-articles/html`` and PolNeAR texts (wrapped
in a minimal HTML page, or served as ``text/plain`` with ``--polnear-as text``). Every record gets its own URL,
WARC-Record-ID and date, and a unique reference tag in its first paragraph, so article ids differ and spaCy's string
store sees new strings as on a real crawl. Records are gzip members (``.warc.gz``) written by hand (WARC/1.0).

    .venv/bin/python scripts/build_synthetic_warc.py -n 100000 -o /tmp/synthetic-100k.warc.gz
    .venv/bin/python scripts/build_synthetic_warc.py -n 10000 --sources polnear --polnear-as text -o /tmp/t.warc.gz
    # short wire items (headline + 3 paragraphs) for a 100k-document run with the NLP stages on:
    .venv/bin/python scripts/build_synthetic_warc.py -n 100000 --sources polnear --paragraphs 3 -o /tmp/wire.warc.gz

Nothing from the corpora is copied into the repository: the WARC is written where ``-o`` says.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import os
import random
import re
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets"
SOURCES = ("aeb", "wcxb", "polnear")
_FIRST_P = re.compile(rb"<p(?:\s[^>]*)?>", re.IGNORECASE)


def _polnear_html(text: str) -> bytes:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = html.escape(lines[0] if lines else "Untitled")
    paras = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in lines[1:])
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body><nav><a href='/'>Home</a> | <a href='/politics'>Politics</a></nav>\n"
        f"<article><h1>{title}</h1>\n{paras}\n</article>\n<footer>© Synthetic News</footer></body></html>\n"
    ).encode()


def _first_paragraphs(text: str, n: int | None) -> str:
    """The headline line and the first ``n`` paragraphs (all of them for ``None``)."""
    if n is None:
        return text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return "\n\n".join(lines[: n + 1]) + "\n"


def load_pages(
    datasets: Path, sources: tuple[str, ...], polnear_as: str, paragraphs: int | None = None
) -> list[tuple[str, str, bytes]]:
    """``(slug, content_type, payload)`` for every page of the chosen corpora, in a fixed order."""
    pages: list[tuple[str, str, bytes]] = []
    if "aeb" in sources:
        for f in sorted((datasets / "aeb" / "html").glob("*.html.gz")):
            pages.append((f"aeb/{f.name[:16]}", "text/html; charset=utf-8", gzip.decompress(f.read_bytes())))
    if "wcxb" in sources:
        for f in sorted((datasets / "wcxb-dev-articles" / "html").glob("*.html.gz")):
            pages.append((f"wcxb/{f.name[:-8]}", "text/html; charset=utf-8", gzip.decompress(f.read_bytes())))
    if "polnear" in sources:
        for f in sorted((datasets / "polnear" / "data").glob("*/text/*.txt")):
            text = _first_paragraphs(f.read_text(encoding="utf-8", errors="replace"), paragraphs)
            if polnear_as == "text":
                pages.append((f"polnear/{f.stem}", "text/plain; charset=utf-8", text.encode()))
            else:
                pages.append((f"polnear/{f.stem}", "text/html; charset=utf-8", _polnear_html(text)))
    return pages


def _tag(payload: bytes, content_type: str, n: int) -> bytes:
    """Put a unique reference tag at the start of the first paragraph (or of a plain text)."""
    tag = f"[Ref NG{n:07d}] ".encode()
    if content_type.startswith("text/plain"):
        head, sep, rest = payload.partition(b"\n")
        return head + sep + tag + rest
    m = _FIRST_P.search(payload)
    if m is None:
        return payload
    return payload[: m.end()] + tag + payload[m.end() :]


def warc_record(
    n: int, url: str, date: datetime, content_type: str, payload: bytes, rng: random.Random
) -> bytes:
    """One gzip member holding one WARC/1.0 response record."""
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n"
        f"Date: {date:%a, %d %b %Y %H:%M:%S} GMT\r\n\r\n"
    ).encode() + payload
    rid = uuid.UUID(int=rng.getrandbits(128), version=4)
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Date: {date:%Y-%m-%dT%H:%M:%SZ}\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=1, mtime=0) as gz:
        gz.write(head + http + b"\r\n\r\n")
    return buf.getvalue()


def iter_records(pages: list[tuple[str, str, bytes]], n: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(n):
        slug, ctype, payload = pages[i % len(pages)]
        date = start + timedelta(seconds=i * 37)
        url = f"https://news{i % 97:02d}.synthetic.example/{date:%Y/%m/%d}/{slug}-{i:07d}.html"
        yield warc_record(i, url, date, ctype, _tag(payload, ctype, i), rng)


def build(
    out: Path,
    n: int,
    *,
    sources: tuple[str, ...] = SOURCES,
    polnear_as: str = "html",
    seed: int = 13,
    datasets: Path = DATASETS,
    paragraphs: int | None = None,
) -> int:
    """Write ``n`` records to ``out``; returns the number of bytes written."""
    pages = load_pages(datasets, sources, polnear_as, paragraphs)
    if not pages:
        raise SystemExit(f"no pages found under {datasets} for sources {sources}")
    tmp = out.with_name(out.name + ".tmp")
    size = 0
    with open(tmp, "wb") as fh:
        for rec in iter_records(pages, n, seed):
            fh.write(rec)
            size += len(rec)
    os.replace(tmp, out)
    return size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--records", type=int, default=100_000)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--sources", default=",".join(SOURCES), help="comma-separated: aeb,wcxb,polnear")
    ap.add_argument("--polnear-as", choices=("html", "text"), default="html")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--paragraphs",
        type=int,
        help="PolNeAR only: keep the headline and the first N paragraphs (short wire items for long NLP runs)",
    )
    args = ap.parse_args(argv)
    sources = tuple(s.strip() for s in args.sources.split(",") if s.strip())
    bad = set(sources) - set(SOURCES)
    if bad:
        ap.error(f"unknown sources {sorted(bad)}")
    if args.paragraphs is not None and set(sources) != {"polnear"}:
        ap.error("--paragraphs needs --sources polnear (HTML pages are not cut)")
    size = build(
        args.output,
        args.records,
        sources=sources,
        polnear_as=args.polnear_as,
        seed=args.seed,
        paragraphs=args.paragraphs,
    )
    print(f"wrote {args.records:,} records, {size / 1e6:,.1f} MB -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
