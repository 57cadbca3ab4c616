"""Ingest: readers that turn paths, globs, directories, stdin and WARC archives into :class:`RawDocument` s.

``iter_documents(inputs)`` yields one :class:`RawDocument` per article, lazily and in input order, and never
raises for one bad input: a missing file, a binary or empty file, a truncated ``.gz`` or WARC, a gzip bomb
each become a document with ``text=None`` (or the partial text) and an ``ErrorRecord(stage="ingest")``.

>>> from newsgraph.ingest import iter_documents
>>> [d.errors[0].message for d in iter_documents(["/no/such/file.txt"])]
['no such file: /no/such/file.txt']
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.ingest.encoding import Decoded, decode_bytes
from newsgraph.ingest.files import STDIN, expand_inputs, read_path, read_stdin
from newsgraph.ingest.limits import ByteReader, Limits
from newsgraph.ingest.records import RawDocument
from newsgraph.ingest.warc import iter_warc

__all__ = ["ByteReader", "Decoded", "Limits", "RawDocument", "decode_bytes", "iter_documents", "iter_warc"]


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    limits: Limits | None = None,
    stdin: ByteReader | None = None,
) -> Iterator[RawDocument]:
    """Stream documents from files, directories (recursive, sorted), globs, ``-`` (stdin) and WARC archives.

    ``.txt``/``.html``/``.htm`` files and their ``.gz`` are one document each; a ``.warc``/``.warc.gz`` yields one
    document per HTML or text HTTP response. Other suffixes are sniffed (markup -> html, else text; binary ->
    error document). ``limits`` caps the bytes read per document; ``stdin`` replaces ``sys.stdin.buffer``.
    """
    lim = limits or Limits()
    for item in expand_inputs(inputs):
        if isinstance(item, RawDocument):
            yield item
        elif item == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, lim)
        else:
            yield from read_path(item, lim)
