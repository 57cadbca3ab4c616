"""SIGKILL ``newsgraph ingest`` at random points, again and again, then let it finish: the store passes its
integrity check after every kill, and in the end holds every distinct article exactly once.

Corpus: 60 distinct plain-text articles plus 5 byte-identical copies under other names (65 files, 60 articles,
65 sources). ``--no-nlp --batch-size 2`` keeps one run short and gives ~30 transactions to land a kill in.
``NEWSGRAPH_KILLS`` raises the number of kills (default 20).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

N_ARTICLES, N_COPIES = 200, 5
KILLS = int(os.environ.get("NEWSGRAPH_KILLS", "20"))
CLI = [sys.executable, "-m", "newsgraph"]


_WORDS = [
    "harbour",
    "bridge",
    "council",
    "river",
    "school",
    "station",
    "budget",
    "market",
    "tunnel",
    "hospital",
    "museum",
    "airport",
    "library",
    "stadium",
    "factory",
    "railway",
    "ferry",
    "clinic",
    "park",
    "tower",
    "canal",
    "port",
    "square",
    "court",
    "garden",
]
_PLACES = [
    "Busan",
    "Incheon",
    "Daegu",
    "Gwangju",
    "Ulsan",
    "Suwon",
    "Jeonju",
    "Pohang",
    "Mokpo",
    "Gangneung",
    "Sokcho",
    "Chuncheon",
    "Wonju",
    "Yeosu",
    "Andong",
    "Gimhae",
    "Jinju",
    "Tongyeong",
    "Geoje",
    "Gunsan",
]


def write_corpus(d: Path) -> Path:
    """N_ARTICLES distinct articles (every line worded differently: the cleaner drops lines repeated across a batch, even
    with only the numbers changed) and 5 byte-identical copies under other names."""
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(60)
    for i in range(N_ARTICLES):
        w = rng.sample(_WORDS, 6)
        place, other = rng.sample(_PLACES, 2)
        (d / f"a{i:03d}.txt").write_text(
            f"{place} {w[0]} to reopen after {w[1]} dispute\n\n"
            f"The mayor of {place} said on Monday that the {w[0]} near the {w[2]} would reopen within weeks.\n\n"
            f"Residents around the {w[3]} in {other} welcomed the news about the {w[4]}, officials added.\n\n"
            f"Critics of the {w[5]} plan in {place} were not available for comment.\n",
            encoding="utf-8",
        )
    for i in range(N_COPIES):  # the same article under another name: one article, two sources
        (d / f"copy{i}.txt").write_bytes((d / f"a{i * 7:03d}.txt").read_bytes())
    return d


@dataclass
class Tally:
    kills: int = 0  # SIGKILLs delivered to a running ingest
    mid_write: int = 0  # ... after which some but not all articles were stored
    checks: int = 0  # integrity checks passed after a kill
    rounds: int = 0  # fresh stores ingested to completion through kills and resumes


def _ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", db, "--no-nlp", "--batch-size", "1", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


def _kill_loop(
    corpus: Path,
    new_db: Callable[[int], str],
    started: Callable[[str, int, int], bool],
    check: Callable[[str], int],
    final: Callable[[str], None],
) -> Tally:
    """Ingest into a store, SIGKILL it at a random point, check it, resume; when a run completes, check the store
    is exact (``final``) and start over on a fresh one. A kill lands at a uniform random time in a window after
    ``started(db, attempt, stored_before)`` turns true (the caller alternates: store opened / one more article
    committed); the window shrinks to the observed write phase."""
    rng = random.Random(int(os.environ.get("NEWSGRAPH_KILL_SEED", "9")))
    tally = Tally()
    window, attempts, stored = 2.0, 0, 0
    db = new_db(0)
    while tally.kills < KILLS and attempts < KILLS * 3:
        attempts += 1
        proc = _ingest(corpus, db)
        t0 = time.monotonic()
        while not started(db, attempts, stored) and proc.poll() is None and time.monotonic() - t0 < 120:
            time.sleep(0.02)
        t_write = time.monotonic()
        time.sleep(rng.uniform(0, window if attempts % 2 else 0.05))  # even: right after a commit
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        stored = check(db)  # integrity after every run; the number of stored articles
        tally.checks += 1
        assert 0 <= stored <= N_ARTICLES
        if killed:
            tally.kills += 1
            tally.mid_write += 0 < stored < N_ARTICLES
        else:  # the run finished before the kill: exact store, then a fresh one
            assert proc.returncode == 0, err[-2000:]
            final(db)
            tally.rounds += 1
            window = max(0.2, min(window, (time.monotonic() - t_write) * 1.2))
            db, stored = new_db(tally.rounds), 0
    _finish(corpus, db)
    final(db)
    tally.rounds += 1
    return tally


def _finish(corpus: Path, db: str) -> None:
    res = subprocess.run(
        [*CLI, "ingest", str(corpus), "--db", db, "--no-nlp", "-q"], capture_output=True, check=False
    )
    assert res.returncode == 0, res.stderr.decode()[-2000:]


# ---------------------------------------------------------------------------------------------------- SQLite


def _sqlite_check(db: Path) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "articles" not in tables:
            return 0  # killed while the schema was being created: the next run creates it
        con.execute(
            "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"
        )  # FTS index == content
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        con.close()


def _sqlite_started(db: str, attempt: int, stored: int) -> bool:
    """Odd attempts: the file exists (kills land in schema creation, imports, the first batch). Even attempts:
    one more article than after the previous kill is committed (kills land between and inside later batches)."""
    if not Path(db).exists():
        return False
    if attempt % 2:
        return True
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0]) > stored
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _sqlite_final(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = con.execute("SELECT count(DISTINCT body) FROM articles").fetchone()[0]
        sources = con.execute("SELECT count(*) FROM article_sources").fetchone()[0]
        return int(n), int(distinct), int(sources)
    finally:
        con.close()


def test_sigkill_during_sqlite_ingest_then_resume(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")

    def final(db: str) -> None:
        assert _sqlite_check(Path(db)) == N_ARTICLES  # nothing lost
        assert _sqlite_final(Path(db)) == (
            N_ARTICLES,
            N_ARTICLES,
            N_ARTICLES + N_COPIES,
        )  # nothing duplicated

    tally = _kill_loop(
        corpus,
        lambda k: str(tmp_path / f"news{k}.db"),
        _sqlite_started,
        lambda db: _sqlite_check(Path(db)),
        final,
    )
    print(f"sqlite: {tally}")
    assert tally.kills >= KILLS
    print(f"kill-resume tally: {tally}")
    assert tally.mid_write >= 3, f"too few kills landed mid-ingest: {tally}"


# ------------------------------------------------------------------------------------------------ PostgreSQL


@pytest.fixture
def pg_schema_url() -> Iterator[Callable[[int], str]]:
    """A factory of fresh, empty schemas on the test server (all dropped afterwards)."""
    base = os.environ.get("NEWSGRAPH_TEST_PG")
    if not base:
        if os.environ.get("NEWSGRAPH_REQUIRE_SERVICES") == "1":
            pytest.fail("NEWSGRAPH_TEST_PG is not set but NEWSGRAPH_REQUIRE_SERVICES=1")
        pytest.skip("PostgreSQL kill-resume needs NEWSGRAPH_TEST_PG=postgresql://... (.ci/run sets it)")
    import psycopg

    made: list[str] = []

    def new(k: int) -> str:
        schema = f"rel_kill_{uuid.uuid4().hex[:10]}_{k}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        made.append(schema)
        return base + ("&" if "?" in base else "?") + f"schema={schema}"

    yield new
    with psycopg.connect(base, autocommit=True) as conn:
        for schema in made:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _pg_counts(url: str) -> tuple[int, int, int] | None:
    import psycopg

    base, _, schema = url.partition("?schema=")
    with psycopg.connect(base, autocommit=True) as conn:
        has = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s AND table_name = 'articles'",
            (schema,),
        ).fetchone()
        if not has or not has[0]:
            return None
        row = conn.execute(
            f'SELECT (SELECT count(*) FROM "{schema}".articles), (SELECT count(DISTINCT body) FROM "{schema}".articles),'
            f' (SELECT count(*) FROM "{schema}".article_sources)'
        ).fetchone()
        assert row is not None
        orphans = conn.execute(
            f'SELECT count(*) FROM "{schema}".article_sources s LEFT JOIN "{schema}".articles a ON a.id = s.article_id'
            " WHERE a.id IS NULL"
        ).fetchone()
        assert orphans == (0,)
        return int(row[0]), int(row[1]), int(row[2])


@pytest.mark.postgres
def test_sigkill_during_postgres_ingest_then_resume(
    tmp_path: Path, pg_schema_url: Callable[[int], str]
) -> None:
    corpus = write_corpus(tmp_path / "in")

    def check(url: str) -> int:
        got = _pg_counts(url)
        if got is None:
            return 0
        n, distinct, sources = got
        assert n == distinct  # no article stored twice
        assert sources <= N_ARTICLES + N_COPIES
        return n

    def started(url: str, attempt: int, stored: int) -> bool:
        got = _pg_counts(url)
        return got is not None and (attempt % 2 == 1 or got[0] > stored)

    def final(url: str) -> None:
        assert _pg_counts(url) == (N_ARTICLES, N_ARTICLES, N_ARTICLES + N_COPIES)

    tally = _kill_loop(corpus, pg_schema_url, started, check, final)
    print(f"postgres: {tally}")
    assert tally.kills >= KILLS
    print(f"kill-resume tally: {tally}")
    assert tally.mid_write >= 3, f"too few kills landed mid-ingest: {tally}"
