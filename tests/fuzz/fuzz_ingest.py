"""Fuzz the byte-level reader: any bytes as a file (sniffing, gzip, encoding detection, binary detection,
size caps) -> exactly one document per non-WARC stream, never an exception. Run:
``python tests/fuzz/fuzz_ingest.py CORPUS_DIR -max_total_time=60``."""

from __future__ import annotations

import io
import sys

import atheris
import charset_normalizer  # noqa: F401  (dependencies imported before instrumentation)
import fastwarc.warc  # noqa: F401

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.ingest import Limits
    from newsgraph.ingest.files import read_stream

LIMITS = Limits(max_bytes=64 * 1024, chunk_size=16 * 1024, max_records_per_archive=20)


def TestOneInput(data: bytes) -> None:
    for name in ("fuzz.txt", "fuzz.html.gz"):
        docs = list(read_stream(io.BytesIO(data), name, name, LIMITS))
        if not docs:
            raise AssertionError("no document for an input stream")
        for doc in docs:
            if doc.text is None and not doc.errors:
                raise AssertionError("document with neither text nor an error")
            if doc.text is not None and len(doc.text) > LIMITS.max_bytes:
                raise AssertionError("text longer than the byte cap")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
