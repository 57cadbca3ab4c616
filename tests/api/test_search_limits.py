"""Issue 17 (High): the search bound on the HTML page, the JSON API and the CLI: a clear 400 / exit 2, fast."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from newsgraph.store import open_store
from tests.store.factory import make_article

pytestmark = pytest.mark.anyio
ATTACK = " ".join(["a*"] * 166)  # 497 characters: within the API's length cap, 76 s before the fix


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def filled(tmp_path: Path) -> str:
    db = str(tmp_path / "api.db")
    with open_store(db) as s:
        words = " ".join(f"w{j}" for j in range(300))
        s.add_articles(
            [make_article(f"Army report {i}: the army said troops would deploy. {words}") for i in range(20)]
        )
    return db


@pytest.mark.parametrize("path", ["/api/search", "/search", "/api/claims"])
async def test_attack_query_is_a_fast_400(client: httpx.AsyncClient, filled: str, path: str) -> None:
    param = "about" if path == "/api/claims" else "q"
    t = time.perf_counter()
    r = await client.get(path, params={param: ATTACK[:200] if param == "about" else ATTACK})
    assert r.status_code == 400, r.text
    assert "prefix" in r.text
    assert time.perf_counter() - t < 2.0


async def test_normal_search_still_works(client: httpx.AsyncClient, filled: str) -> None:
    r = await client.get("/api/search", params={"q": "army* troops troops troops"})
    assert r.status_code == 200 and r.json()["items"]


async def test_search_over_budget_is_a_503(
    client: httpx.AsyncClient, filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_SEARCH_TIMEOUT_MS", "1")
    monkeypatch.setenv("NEWSGRAPH_SEARCH_MAX_TERMS", "100000")
    monkeypatch.setenv("NEWSGRAPH_SEARCH_MAX_PREFIX_TERMS", "100000")
    monkeypatch.setenv("NEWSGRAPH_SEARCH_MAX_CHARS", "100000")
    q = " ".join(f"w{i}*" for i in range(300))
    r = await client.get("/search", params={"q": q})
    assert r.status_code == 503 and "budget" in r.text
    assert r.headers["retry-after"]


def test_cli_search_bound_exit_2(filled: str) -> None:
    from newsgraph.cli import _register, app

    _register()

    res = CliRunner().invoke(app, ["search", ATTACK, "--db", filled])
    assert res.exit_code == 2
    assert "prefix" in res.output and "Traceback" not in res.output
