"""Fuzz the plain-text scrape cleaner: any text -> ``clean_text`` never raises; its removals and captions are
pieces of the input. Run: ``python tests/fuzz/fuzz_clean.py CORPUS_DIR -max_total_time=60``."""

from __future__ import annotations

import sys

import atheris
import pydantic  # noqa: F401  (dependencies imported before instrumentation: only newsgraph is instrumented)

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.clean import clean_batch, clean_text


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    cleaned = clean_text(text)
    if not isinstance(cleaned.body, str):
        raise AssertionError("body is not a string")
    if len(text) < 2000 and text.count("\n") > 3:  # the batch path (repeated-line detection) on split input
        parts = text.split("\n\n")
        if len(clean_batch(parts)) != len(parts):
            raise AssertionError("clean_batch lost a document")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
