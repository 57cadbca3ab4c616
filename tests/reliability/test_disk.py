"""Disk full and read-only databases: a clear error (no traceback), nothing half-written, committed data intact.

Portable: SQLite's own "database or disk is full" via ``PRAGMA max_page_count`` (any user). As root (CI): a tiny
tmpfs that really fills up, and a tmpfs remounted read-only under an existing store (hash unchanged).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.models import Article, Source
from newsgraph.pipeline import article_id
from newsgraph.store import open_store
from newsgraph.store.base import StoreError

CLI = [sys.executable, "-m", "newsgraph"]


def _body(i: int) -> str:
    rng = random.Random(i)
    words = [
        rng.choice(
            ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
        )
        for _ in range(300)
    ]
    return f"Report {i}. " + " ".join(words) + f". The council said item {i} was approved."


def _articles(n: int, start: int = 0) -> list[Article]:
    return [
        Article(id=article_id(_body(i)), source=Source(path=f"f{i}.txt"), body=_body(i))
        for i in range(start, n)
    ]


def _write_corpus(d: Path, n: int) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"a{i:04d}.txt").write_text(_body(i) + "\n", encoding="utf-8")
    return d


def _integrity(db: Path) -> tuple[str, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        for (body,) in con.execute("SELECT body FROM articles"):
            assert body.startswith("Report ") and body.endswith("was approved."), "a stored body is cut"
        return str(ok), int(n)
    finally:
        con.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------------------- portable: max_page_count


def test_sqlite_full_via_max_page_count(tmp_path: Path) -> None:
    """The database refuses to grow: the batch fails cleanly (StoreError or counted failures), committed batches
    stay intact and the file passes integrity_check; after lifting the limit the same ingest completes."""
    db = tmp_path / "full.db"
    with open_store(db) as s:
        s.add_articles(_articles(20), batch_size=10)
    with open_store(db) as s:
        pages = s._conn.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        s._conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # type: ignore[attr-defined]
        try:
            res = s.add_articles(_articles(400), batch_size=25)
            assert res.failed > 0 and res.added < 380, res
            assert all("full" in e.lower() for e in res.errors[:5]), res.errors[:5]
        except StoreError as exc:
            assert "full" in str(exc).lower()
    ok, n = _integrity(db)
    assert ok == "ok" and 20 <= n < 400
    with open_store(db) as s:
        res = s.add_articles(_articles(400), batch_size=25)
        assert res.failed == 0
    assert _integrity(db) == ("ok", 400)


# ------------------------------------------------------------------------------------------ root: tmpfs


@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip(
            "mounting a tmpfs needs root (CI runs as root); the max_page_count test covers SQLITE_FULL"
        )
    where.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, check=False)


def test_cli_ingest_on_a_full_disk(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "in", 400)  # ~1 MB of text; the store needs several MB with FTS
    with _tmpfs(tmp_path / "mnt", "640k") as mnt:
        db = mnt / "news.db"
        res = _cli("ingest", str(corpus), "--db", str(db), "--no-nlp", "--batch-size", "20", "-q")
        out = res.stdout + res.stderr
        assert res.returncode != 0, out[-2000:]
        assert "Traceback" not in out, out[-3000:]
        assert "full" in out.lower(), out[-2000:]
        assert len(out.splitlines()) <= 25  # a short message, not a dump
        ok, n = _integrity(db)  # nothing half-written: committed batches intact, the failed one absent
        assert ok == "ok"
        assert n < 400


def test_cli_ingest_into_a_read_only_database(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "in", 30)
    with _tmpfs(tmp_path / "mnt", "16m") as mnt:
        db = mnt / "news.db"
        first = _cli("ingest", str(corpus / "a0000.txt"), "--db", str(db), "--no-nlp", "-q")
        assert first.returncode == 0, first.stderr
        con = sqlite3.connect(db)  # fold the WAL into the file so the hash covers everything
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        before = {p.name: _sha(p) for p in mnt.iterdir()}
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        res = _cli("ingest", str(corpus), "--db", str(db), "--no-nlp", "-q")
        out = res.stdout + res.stderr
        assert res.returncode != 0
        assert "Traceback" not in out, out[-3000:]
        assert out.startswith("newsgraph: error:") and str(db) in out, out[-2000:]  # one line naming the file
        assert len(out.splitlines()) <= 3
        assert {p.name: _sha(p) for p in mnt.iterdir()} == before  # untouched


def test_cli_ingest_into_a_read_only_file(tmp_path: Path) -> None:
    """Without root: a store file and directory without write permission (root ignores modes: skipped)."""
    if os.geteuid() == 0:
        pytest.skip("root ignores file modes; the read-only tmpfs test covers this case as root")
    corpus = _write_corpus(tmp_path / "in", 5)
    d = tmp_path / "ro"
    d.mkdir()
    db = d / "news.db"
    assert _cli("ingest", str(corpus / "a0000.txt"), "--db", str(db), "--no-nlp", "-q").returncode == 0
    before = _sha(db)
    db.chmod(0o444)
    d.chmod(0o555)
    try:
        res = _cli("ingest", str(corpus), "--db", str(db), "--no-nlp", "-q")
        assert res.returncode != 0 and "Traceback" not in res.stdout + res.stderr
        assert _sha(db) == before
    finally:
        d.chmod(0o755)
