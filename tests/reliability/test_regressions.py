"""Inputs found by fuzzing (tests/fuzz) or by the hostile corpus that once crashed a stage, kept as regressions."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from newsgraph.ingest import Limits, iter_documents
from newsgraph.ingest.files import read_stream

from .conftest import corpus_module


def _warc(n: int) -> bytes:
    mod = corpus_module()
    return b"".join(mod._warc_record(f"http://example.com/{i}", mod._page(i)) for i in range(n))


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_on_a_stream_does_not_panic(compressed: bool) -> None:
    """fuzz_ingest, first minute: a WARC read from a stream (stdin, or a file not named ``.warc``) made FastWARC
    call ``tell()`` on the sniffing wrapper and panic (pyo3 PanicException, a BaseException no handler caught),
    killing the whole batch. Fixed by ``_Prefixed.tell`` in ingest/files.py."""
    data = _warc(3)
    if compressed:
        data = gzip.compress(data)
    docs = list(read_stream(io.BytesIO(data), "<stdin>", "", Limits()))
    assert [d.source.url for d in docs] == [f"http://example.com/{i}" for i in range(3)]
    assert all(d.text and "Story" in d.text and not d.errors for d in docs)


def test_truncated_warc_gz_on_stdin_keeps_partial_record(bad_corpus_small: Path) -> None:
    data = (bad_corpus_small / "truncated.warc.gz").read_bytes()
    docs = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert len(docs) >= 4
    assert any(e.stage == "ingest" for d in docs for e in d.errors)  # the truncation is reported
