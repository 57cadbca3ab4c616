"""Issue 17, Low items: crafted cursors, CSV formulas, NUL in filters, chunked bodies, javascript: URLs,
OpenAPI contract details, empty posts, hosts and origins."""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from newsgraph.store import open_store
from tests.store.factory import make_article

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def filled(tmp_path: Path) -> str:
    db = str(tmp_path / "api.db")
    with open_store(db) as s:
        s.add_articles(
            [
                make_article(
                    f'Report {i}: =HYPERLINK("http://evil") the minister said troops would deploy.',
                    quotes=[{"text": "troops would deploy", "speaker": "=cmd|' /C calc'!A0"}],
                    claims=[{"text": "troops would deploy", "source": "@minister"}],
                )
                for i in range(3)
            ]
        )
    return db


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 1000,
        json.dumps({"v": 1, "e": "clusters", "k": [2**63, "x"], "f": "a", "c": "b"}).encode(),
        b'{"v":1,"e":"search","k":[1' + b"0" * 400 + b',"claim","a","b"],"f":"a","c":"b"}',
        b"\xff\xfe",
    ],
)
async def test_crafted_cursors_are_400(client: httpx.AsyncClient, filled: str, raw: bytes) -> None:
    for path in ("/api/clusters", "/api/search?q=troops", "/api/quotes"):
        r = await client.get(path + ("&" if "?" in path else "?") + "cursor=" + _b64(raw))
        assert r.status_code == 400, (path, r.status_code, r.text)


async def test_cursor_checksum_is_per_store(client: httpx.AsyncClient, filled: str, tmp_path: Path) -> None:
    from newsgraph.api.cursor import decode_cursor, encode_cursor

    with open_store(filled) as s:
        secret = s.meta("cursor_secret")  # type: ignore[attr-defined]
    assert secret and len(secret) >= 32
    forged = encode_cursor(
        "quotes", {"speaker": None, "kind": None, "since": None}, [None, "x", "q1"], b"public"
    )
    r = await client.get("/api/quotes", params={"cursor": forged})
    assert r.status_code == 400 and "checksum" in r.text
    good = encode_cursor("clusters", {}, [1, "c"], secret.encode())
    assert decode_cursor(good, "clusters", {}, secret.encode()) == [1, "c"]


async def test_csv_export_neutralises_formulas(client: httpx.AsyncClient, filled: str) -> None:
    r = await client.get("/api/export", params={"format": "csv"})
    assert r.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(r.text)) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'@minister" in cells


def test_cli_csv_neutralises_formulas(filled: str) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import _register, app

    _register()
    res = CliRunner().invoke(app, ["quotes", "--db", filled, "--csv"])
    assert res.exit_code == 0
    cells = [c for row in csv.reader(io.StringIO(res.stdout)) for c in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


async def test_nul_in_a_filter_is_400(client: httpx.AsyncClient, filled: str) -> None:
    r = await client.get("/api/quotes?speaker=%00ZZZZ")
    assert r.status_code == 400
    r = await client.get("/api/quotes", params={"speaker": "ZZZZ"})
    assert r.status_code == 200 and r.json()["items"] == []


async def _chunks(n: int) -> AsyncIterator[bytes]:
    for _ in range(n):
        yield b"x" * 1000


async def test_chunked_body_over_the_limit_is_413_and_auth_comes_first(
    app: object, settings: object, auth: dict[str, str]
) -> None:
    settings.max_body_bytes = 5000  # type: ignore[attr-defined]
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        r = await c.post(
            "/api/articles", content=_chunks(20), headers={**auth, "content-type": "application/json"}
        )
        assert r.status_code == 413
        r = await c.post("/api/articles", content=_chunks(20), headers={"content-type": "application/json"})
        assert r.status_code == 401
        assert r.headers["www-authenticate"].startswith("Bearer")


async def test_javascript_url_is_refused(
    client: httpx.AsyncClient, auth: dict[str, str], tmp_path: Path
) -> None:
    text = "The mayor said on Monday that the harbour wall would be repaired before the winter storms arrive."
    r = await client.post("/api/articles", json={"text": text, "url": "javascript:alert(1)"}, headers=auth)
    assert r.status_code == 422
    r = await client.post("/api/articles", json={"text": text, "url": "https://example.org/a"}, headers=auth)
    assert r.status_code == 201
    art = make_article(text + " Again.")
    art.source.url = "javascript:alert(1)"
    with open_store(str(tmp_path / "other.db")) as s:
        res = s.add_articles([art])
    assert res.failed == 1 and "http" in res.errors[0]


async def test_empty_or_boilerplate_post_is_422(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    for text in ("   ", "Share this article\n\nSubscribe to our newsletter\n"):
        r = await client.post("/api/articles", json={"text": text}, headers=auth)
        assert r.status_code == 422, r.text
        assert "no article text" in r.text


async def test_openapi_contract_details(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert "404" in spec["paths"]["/api/articles/{article_id}"]["get"]["responses"]
    assert "text/csv" in spec["paths"]["/api/export"]["get"]["responses"]["200"]["content"]
    r = await client.delete("/api/quotes")
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    r = await client.get("/static/swagger/index.html")
    assert r.status_code == 404
    r = await client.get("/api/quotes", params={"limit": "x"})
    assert r.status_code == 422
    assert all(
        set(e) >= {"loc", "msg", "type"} for e in r.json()["detail"]
    )  # the declared HTTPValidationError


async def test_host_and_origin(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    r = await client.get("/api/quotes", headers={"Host": "rebind.evil.example"})
    assert r.status_code == 400
    payload = {"text": "The mayor said on Monday that the harbour wall would be repaired before the storms."}
    for origin in ("http://evil.example", "null"):
        r = await client.post("/api/articles", json=payload, headers={**auth, "Origin": origin})
        assert r.status_code == 403
    r = await client.post(
        "/api/articles", json=payload, headers={**auth, "Referer": "http://evil.example/page"}
    )
    assert r.status_code == 403
    r = await client.post("/api/articles", json=payload, headers={**auth, "Origin": "http://testserver"})
    assert r.status_code == 201


async def test_boilerplate_only_analyze_form_is_422(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/analyze",
        data={"text": "Share this article\n\nSubscribe to our newsletter\n", "token": "test-token-123"},
        headers={"Accept": "text/html"},
    )
    assert r.status_code == 422
    assert "no article text" in r.text
