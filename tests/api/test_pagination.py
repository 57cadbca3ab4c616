"""Keyset cursors of /api/search, /api/quotes and /api/claims, in-process over a real SQLite store: walking every
page equals one unpaged request, rows added between requests never repeat or hide rows, and any cursor that the
endpoint did not issue for these filters is a 400 with a clear message."""

from __future__ import annotations

import base64
import itertools
import json
import re
from typing import Any

import httpx
import pytest

from newsgraph.api.cursor import encode_cursor
from newsgraph.api.security import Settings
from newsgraph.models import Article
from newsgraph.store import open_store
from tests.store.conftest import HashEmbedder
from tests.store.factory import make_article
from tests.store.test_paging import DATES, paged_world

pytestmark = pytest.mark.anyio

LISTINGS: list[tuple[str, dict[str, Any], str]] = [
    ("/api/quotes", {}, "quote_id"),
    ("/api/quotes", {"kind": "person", "speaker": "Lee1"}, "quote_id"),
    ("/api/claims", {"status": "asserted"}, "claim_id"),
    ("/api/claims", {"about": "harbour"}, "claim_id"),
    ("/api/search", {"q": "reopened"}, "item_id"),
    ("/api/search", {"q": "port"}, "item_id"),
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def filled(settings: Settings) -> Settings:
    assert settings.db
    with open_store(settings.db, embedder=HashEmbedder()) as s:
        s.add_articles(paged_world(40, seed=1))
    return settings


def late_article(i: int) -> Article:
    """An article that every listing under test matches, dated anywhere in the order (or undated)."""
    text = f"the harbour reopened again on day {i}"
    return make_article(
        f'Late story {i}. Mayor Lee1 said "{text}" today.',
        published=DATES[i % len(DATES)],
        quotes=[{"text": text, "speaker": "Mayor Lee1"}],
        claims=[{"text": text, "source": "Mayor Lee1"}],
    )


def _ident(item: dict[str, Any], key: str) -> tuple[Any, ...]:
    return (item.get("kind"), item["article_id"], item.get(key))


async def _walk(
    client: httpx.AsyncClient, path: str, params: dict[str, Any], limit: int
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        q = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        r = await client.get(path, params=q)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items
        assert re.fullmatch(r"[A-Za-z0-9_-]+", cursor), "cursors are url-safe base64 without padding"
        assert len(page["items"]) == limit, "only the last page may be short"
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize("limit", [1, 3, 7])
async def test_walking_every_page_equals_one_request(
    filled: Settings, client: httpx.AsyncClient, limit: int
) -> None:
    for path, params, _ in LISTINGS:
        full = (await client.get(path, params={**params, "limit": 500})).json()
        assert full["items"] and full["next_cursor"] is None, (path, params)
        assert await _walk(client, path, params, limit) == full["items"], (path, params)


async def test_rows_added_between_requests_are_neither_repeated_nor_hiding_rows(
    filled: Settings, client: httpx.AsyncClient
) -> None:
    """Listings are newest first: rows added mid-walk that sort after the cursor (older) show up later in the
    walk, newer ones do not; nothing already returned comes back, nothing present at the start is skipped."""
    assert filled.db
    fresh = itertools.count()  # every added article is new
    for path, params, key in LISTINGS[:4]:
        before = {
            _ident(i, key) for i in (await client.get(path, params={**params, "limit": 500})).json()["items"]
        }
        seen: list[tuple[Any, ...]] = []
        cursor = None
        step = 0
        while True:
            q = {**params, "limit": 4, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(path, params=q)).json()
            seen += [_ident(i, key) for i in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
            with open_store(
                filled.db, embedder=HashEmbedder()
            ) as s:  # another writer, between two page requests
                s.add_articles([late_article(next(fresh)), late_article(next(fresh))])
            step += 1
        assert len(seen) == len(set(seen)), (path, "a row was returned twice")
        assert before <= set(seen), (path, "a row present at the start was skipped")
        final = [
            _ident(i, key) for i in (await client.get(path, params={**params, "limit": 500})).json()["items"]
        ]
        assert seen == [i for i in final if i in set(seen)], (path, "out of order")
        assert step >= 2 and len(final) > len(before)


def _b64(obj: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def _unb64(cursor: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))


async def test_bad_tampered_or_foreign_cursors_are_400(filled: Settings, client: httpx.AsyncClient) -> None:
    first = (await client.get("/api/quotes", params={"limit": 2})).json()
    good = first["next_cursor"]
    assert good and (await client.get("/api/quotes", params={"limit": 2, "cursor": good})).status_code == 200
    body = _unb64(good)
    edited = dict(body, k=[body["k"][0], body["k"][1], "q9"])  # another position, old checksum
    flipped = good[:10] + ("A" if good[10] != "A" else "B") + good[11:]
    claims_cursor = (await client.get("/api/claims", params={"limit": 2})).json()["next_cursor"]
    bad = {
        "garbage": "!!!",
        "flipped character": flipped,
        "truncated": good[:-6],
        "edited key": _b64(edited),
        "no checksum": _b64({k: v for k, v in body.items() if k != "c"}),
        "old offset cursor": base64.urlsafe_b64encode(b"50").decode().rstrip("="),
        "json but not a cursor": _b64([1, 2, 3]),
        "another endpoint's": claims_cursor,
        "too long": "A" * 5000,
        "unicode": "é" * 10,
        # valid checksum (made with the server's own encoder) but a key the store cannot place
        "unknown row": encode_cursor(
            "quotes", {"speaker": None, "kind": None, "since": None}, [None, "x", "y"]
        ),
        "wrong key shape": encode_cursor("quotes", {"speaker": None, "kind": None, "since": None}, [1, 2]),
    }
    for why, cursor in bad.items():
        r = await client.get("/api/quotes", params={"limit": 2, "cursor": cursor})
        assert r.status_code == 400, (why, r.status_code, r.text)
        assert "invalid cursor" in r.json()["detail"], why
    # the same cursor with other filters is refused too (it marks a place in another listing)
    r = await client.get("/api/quotes", params={"limit": 2, "cursor": good, "kind": "person"})
    assert r.status_code == 400 and "filters" in r.json()["detail"]
    sc = (await client.get("/api/search", params={"q": "port", "limit": 1})).json()["next_cursor"]
    r = await client.get("/api/search", params={"q": "harbour", "limit": 1, "cursor": sc})
    assert r.status_code == 400


async def test_limit_bounds_unchanged(filled: Settings, client: httpx.AsyncClient) -> None:
    for path, params, _ in LISTINGS:
        for limit, code in ((0, 422), (-1, 422), (501, 422), (1, 200), (500, 200)):
            r = await client.get(path, params={**params, "limit": limit})
            assert r.status_code == code, (path, limit, r.text)
    assert len((await client.get("/api/quotes")).json()["items"]) == 50  # default page size
    assert len((await client.get("/api/search", params={"q": "port"})).json()["items"]) == 20


async def test_clusters_listing_pages_by_keyset(filled: Settings, client: httpx.AsyncClient) -> None:
    """/api/clusters: the most reported tracked claims first; pages walk the whole listing; ids open timelines."""
    full = (await client.get("/api/clusters", params={"limit": 500})).json()
    items = full["items"]
    assert len(items) > 3 and full["next_cursor"] is None
    ranks = [(i["n_articles"], i["n_sources"], i["n_claims"]) for i in items]  # the most reported first
    assert ranks == sorted(ranks, reverse=True) and ranks[0][0] > 1
    assert await _walk(client, "/api/clusters", {}, 2) == items
    tl = await client.get(f"/api/claims/{items[0]['id']}")
    # n_claims counts stances (one per source per article; a statement republished word for word counts once),
    # n_articles the distinct articles among them
    stances = tl.json()["stances"]
    assert tl.status_code == 200 and len(stances) >= items[0]["n_claims"]
    assert len({s["article_id"] for s in stances}) == items[0]["n_articles"]
    assert len(tl.json()["claims"]) >= items[0]["n_claims"]
    quotes_cursor = (await client.get("/api/quotes", params={"limit": 1})).json()["next_cursor"]
    bad = await client.get("/api/clusters", params={"cursor": quotes_cursor})
    assert bad.status_code == 400 and "invalid cursor" in bad.json()["detail"]
    forged = encode_cursor("clusters", {}, [True, 1, 1, "x"])
    assert (await client.get("/api/clusters", params={"cursor": forged})).status_code == 400


async def test_home_page_lists_the_most_reported_claims(filled: Settings, client: httpx.AsyncClient) -> None:
    top = (await client.get("/api/clusters", params={"limit": 10})).json()["items"]
    repeated = [c for c in top if c["n_articles"] > 1]
    assert repeated
    page = await client.get("/")
    assert page.status_code == 200 and "Most reported claims" in page.text
    for c in repeated:
        assert f'href="/claims/{c["id"]}"' in page.text
    for c in top:
        if c["n_articles"] == 1:  # a claim one article carries is not "most reported", however many sources
            assert f'href="/claims/{c["id"]}"' not in page.text
