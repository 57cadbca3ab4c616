"""``GET/POST /api/sources`` and the Sources page, through the real ASGI app and a real SQLite store."""

from __future__ import annotations

import httpx
import pytest

from newsgraph.api.security import Settings
from newsgraph.store import FetchState, open_store

pytestmark = pytest.mark.anyio
FEED = "https://example.org/feed.xml"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_add_source_needs_the_write_token(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    assert (await client.post("/api/sources", json={"url": FEED})).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert (await client.post("/api/sources", json={"url": FEED}, headers=bad)).status_code == 401
    assert (await client.get("/api/sources")).json() == []
    r = await client.post("/api/sources", json={"url": FEED}, headers=auth)
    assert r.status_code == 201
    assert r.json()["url"] == FEED and r.json()["kind"] is None and r.json()["stored"] == 0
    assert [s["url"] for s in (await client.get("/api/sources")).json()] == [FEED]


@pytest.mark.parametrize("url", ["/etc/passwd", "file:///etc/passwd", "javascript:alert(1)", "http://"])
async def test_only_http_sources_can_be_added(
    client: httpx.AsyncClient, auth: dict[str, str], url: str
) -> None:
    r = await client.post("/api/sources", json={"url": url}, headers=auth)
    assert r.status_code == 422
    assert (await client.get("/api/sources")).json() == []


async def test_counts_and_errors_in_api_and_page(client: httpx.AsyncClient, settings: Settings) -> None:
    with open_store(settings.db) as s:
        s.add_fetch_source(FEED, "feed")
        s.queue_urls(FEED, [("https://example.org/a", None), ("https://example.org/b", None)])
        s.record_fetches(
            [
                FetchState(
                    "https://example.org/a", FEED, status="stored", fetched_at="2024-10-22T08:00:00+00:00"
                ),
                FetchState(
                    "https://example.org/b", FEED, status="failed", error="HTTP 500 after 4 attempts <b>"
                ),
            ]
        )
    [row] = (await client.get("/api/sources")).json()
    assert (row["kind"], row["found"], row["stored"], row["failed"]) == ("feed", 2, 1, 1)
    assert row["errors"] == ["https://example.org/b: HTTP 500 after 4 attempts <b>"]
    html = (await client.get("/sources", headers={"accept": "text/html"})).text
    assert FEED in html and "HTTP 500 after 4 attempts &lt;b&gt;" in html  # autoescaped
    assert 'href="/sources"' in (await client.get("/")).text  # linked from the site navigation


async def test_add_source_form_with_token(client: httpx.AsyncClient) -> None:
    from tests.api.conftest import TOKEN

    r = await client.post("/sources", data={"url": FEED, "token": "nope"})
    assert r.status_code == 401
    r = await client.post("/sources", data={"url": FEED, "token": TOKEN})
    assert r.status_code == 303 and r.headers["location"] == "/sources"
    assert [s["url"] for s in (await client.get("/api/sources")).json()] == [FEED]
