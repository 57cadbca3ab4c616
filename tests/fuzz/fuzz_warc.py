"""Fuzz the WARC reader: any bytes as an archive (plain, and gzipped) -> ``iter_warc`` yields documents and
never raises; every document has a source and either text or an error. Run:
``python tests/fuzz/fuzz_warc.py CORPUS_DIR -max_total_time=60``."""

from __future__ import annotations

import io
import sys

import atheris
import fastwarc.warc  # noqa: F401  (dependencies imported before instrumentation)

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.ingest import Limits, iter_warc

LIMITS = Limits(max_bytes=256 * 1024, chunk_size=64 * 1024, max_records_per_archive=50)


def TestOneInput(data: bytes) -> None:
    for doc in iter_warc(io.BytesIO(data), path="fuzz.warc", limits=LIMITS):
        if doc.text is None and not doc.errors:
            raise AssertionError("document with neither text nor an error")
        if doc.source.path != "fuzz.warc":
            raise AssertionError("document does not name its archive")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
