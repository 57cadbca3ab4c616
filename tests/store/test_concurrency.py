"""Four processes ingesting into the same store at once: no lock error, no lost row, exact counts."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest

from newsgraph.models import Source
from newsgraph.store import open_store

from .factory import filler

N_PROC, PER_PROC, STEP = 4, 40, 30  # worker w ingests filler(w*30 .. w*30+39): neighbours overlap by 10


def _worker(url: str, w: int) -> tuple[int, int, int]:
    from .conftest import HashEmbedder

    arts = []
    for i in range(w * STEP, w * STEP + PER_PROC):
        a = filler(i)
        a.source = Source(path=f"worker{w}/f{i}.txt")
        arts.append(a)
    with open_store(url, embedder=HashEmbedder()) as s:
        r = s.add_articles(arts, batch_size=4)
    return r.added, r.duplicates, r.failed


def _run(url: str) -> None:
    ctx = mp.get_context("spawn")
    with ctx.Pool(N_PROC) as pool:
        results = pool.starmap(_worker, [(url, w) for w in range(N_PROC)])
    unique = STEP * (N_PROC - 1) + PER_PROC
    assert sum(r[0] for r in results) == unique  # every article added exactly once
    assert sum(r[1] for r in results) == N_PROC * PER_PROC - unique
    assert all(r[2] == 0 for r in results)
    with open_store(url) as s:
        assert s.count("articles") == unique
        assert s.count("claims") == unique
        assert s.count("quotes") == unique
        assert s.count("article_sources") == N_PROC * PER_PROC  # every copy's source kept
        assert sum(c.n_claims for c in s.clusters(limit=10_000)) == unique
        assert s.count("global_entities") == unique


def test_four_sqlite_writers(tmp_path: Path) -> None:
    _run(str(tmp_path / "shared.db"))  # the file does not exist yet: creation races too


@pytest.mark.postgres
def test_four_postgres_writers(pg_url: str) -> None:
    _run(pg_url)
