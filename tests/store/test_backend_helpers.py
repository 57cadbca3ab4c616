"""The placeholder and chunking helpers every SQL query module shares (``newsgraph.store.backend``)."""

from __future__ import annotations

from newsgraph.store.backend import CHUNK, chunks, marks


def test_marks_counts_placeholders() -> None:
    assert marks(1) == "?"
    assert marks(3) == "?, ?, ?"
    assert marks(0) == ""


def test_chunks_cover_the_sequence_in_order() -> None:
    ids = [f"a{i}" for i in range(2 * CHUNK + 7)]
    parts = list(chunks(ids))
    assert [len(p) for p in parts] == [CHUNK, CHUNK, 7]
    assert [x for p in parts for x in p] == ids
    assert list(chunks([])) == []
    assert [list(p) for p in chunks("abcde", 2)] == [["a", "b"], ["c", "d"], ["e"]]
