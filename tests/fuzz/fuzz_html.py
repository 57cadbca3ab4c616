"""Fuzz the HTML path: any bytes -> decoded as a page -> ``extract_html`` (trafilatura + the cleaner) never
raises. Run: ``python tests/fuzz/fuzz_html.py CORPUS_DIR -max_total_time=60``."""

from __future__ import annotations

import sys

import atheris
import lxml.html  # noqa: F401  (heavy dependencies imported first)
import trafilatura  # noqa: F401

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.clean import extract_html
    from newsgraph.ingest import decode_bytes


def TestOneInput(data: bytes) -> None:
    page = decode_bytes(data, html=True).text
    cleaned = extract_html(page, url="https://example.com/a")
    if not isinstance(cleaned.body, str):
        raise AssertionError("body is not a string")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
