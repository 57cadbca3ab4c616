"""Issue 17 (Low 10): reads work on a read-only store (opened with mode=ro), writes say why; the API answers
503 with a reason, never 500; a corrupt database is a clear error with exit 2, never a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import httpx
import pytest

from newsgraph.store import StoreError, open_store
from tests.reliability.test_disk import _cli, _tmpfs, _write_corpus
from tests.store.factory import make_article

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_read_only_store_reads_and_refuses_writes(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "in", 3)
    with _tmpfs(tmp_path / "mnt", "16m") as mnt:
        db = mnt / "news.db"
        with open_store(str(db)) as s:
            s.add_articles(
                [make_article("The harbour council approved the new sea wall on Monday after a vote.")]
            )
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)

        res = _cli("search", "harbour", "--db", str(db), "--json")
        assert res.returncode == 0, res.stderr
        assert "sea wall" in res.stdout

        with open_store(str(db), create=False) as s:
            assert s.count("articles") == 1
            with pytest.raises(StoreError, match=r"read-only|readonly"):
                s.add_articles([make_article("Another story about the airport and its long new runway.")])

        res = _cli("ingest", str(corpus), "--db", str(db), "--no-nlp", "-q")
        assert res.returncode == 2 and "Traceback" not in res.stderr

        from newsgraph.api.app import create_app
        from newsgraph.api.security import Settings

        app = create_app(Settings(db=str(db), token="t", allowed_hosts=["testserver"]))
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            r = await c.get("/api/search", params={"q": "harbour"})
            assert r.status_code == 200 and r.json()["items"]
            r = await c.post(
                "/api/articles",
                json={
                    "text": "The mayor said on Monday that the harbour wall would be repaired before winter."
                },
                headers={"Authorization": "Bearer t"},
            )
            assert r.status_code == 503
            assert "read" in r.json()["detail"].lower()


def test_corrupt_database_ingest_is_exit_2(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "in", 2)
    db = tmp_path / "news.db"
    with open_store(str(db)) as s:
        s.add_articles(
            [make_article("The harbour council approved the new sea wall on Monday after a vote.")]
        )
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        r[0]
        for r in con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name IN ('articles', 'article_sources')"
        )
    ]
    con.close()
    raw = bytearray(db.read_bytes())
    for page in pages:  # the header and schema stay readable: the damage shows only when ingest writes
        raw[(page - 1) * size : page * size] = b"\xa5" * size
    db.write_bytes(bytes(raw))
    res = _cli("ingest", str(corpus), "--db", str(db), "--no-nlp", "-q")
    out = res.stdout + res.stderr
    assert res.returncode == 2, out[-2000:]
    assert "Traceback" not in out and "error:" in out
