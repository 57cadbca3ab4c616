"""/api/disputes, /api/check and the Disputed claims pages, in-process through the httpx ASGI transport on a real
SQLite store (the check runs the real MiniLM encoder)."""

from __future__ import annotations

import re

import httpx
import pytest

from newsgraph.api.cursor import encode_cursor
from newsgraph.api.security import Settings
from newsgraph.store import open_store
from tests.store.conftest import HashEmbedder
from tests.store.disputes_world import TROOPS, dispute_world, second_dispute

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def filled(settings: Settings) -> Settings:
    assert settings.db
    with open_store(settings.db, embedder=HashEmbedder()) as s:
        s.add_articles(dispute_world() + second_dispute())
    return settings


async def test_api_disputes_pages_and_sides(filled: Settings, client: httpx.AsyncClient) -> None:
    full = (await client.get("/api/disputes")).json()
    assert [i["cluster"]["label"] for i in full["items"]] == [TROOPS, "the dam was breached"]
    troops = full["items"][0]
    assert troops["cluster"]["disputed"] and troops["cluster"]["n_sources"] == 5
    assert [s["source_name"] for s in troops["sides"]["supports"]] == ["National Intelligence Service"]
    assert {s["cue"] for s in troops["sides"]["denies"]} == {"denied", "dismissed"}
    page1 = (await client.get("/api/disputes", params={"limit": 1})).json()
    assert [i["cluster"]["id"] for i in page1["items"]] == [troops["cluster"]["id"]] and page1["next_cursor"]
    page2 = (await client.get("/api/disputes", params={"limit": 1, "cursor": page1["next_cursor"]})).json()
    assert [i["cluster"]["label"] for i in page2["items"]] == ["the dam was breached"] and not page2[
        "next_cursor"
    ]
    other = await client.get(
        "/api/disputes", params={"limit": 1, "about": "dam", "cursor": page1["next_cursor"]}
    )
    assert other.status_code == 400 and "different filters" in other.json()["detail"]
    forged = encode_cursor("disputes", {"about": None, "since": None}, [1, "no-such-cluster"])
    assert (await client.get("/api/disputes", params={"cursor": forged})).status_code == 400
    since = (await client.get("/api/disputes", params={"since": "2024-11-01"})).json()["items"]
    assert [i["cluster"]["label"] for i in since] == ["the dam was breached"]
    tl = (await client.get(f"/api/claims/{troops['cluster']['id']}")).json()
    assert len(tl["stances"]) == 5 and tl["cluster"]["n_articles"] == 3


async def test_api_check(filled: Settings, client: httpx.AsyncClient) -> None:
    r = await client.get("/api/check", params={"claim": "North Korea sent troops to Russia"})
    assert r.status_code == 200
    (m,) = r.json()["matches"]
    assert m["cluster"]["label"] == TROOPS and not m["negated"] and m["score"] > 0.8
    sentence = m["sides"]["supports"][0]["sentence"]
    assert (
        sentence == "The National Intelligence Service confirmed that North Korea has sent troops to Russia."
    )
    assert m["sides"]["supports"][0]["date"] == "2024-10-18"
    neg = (
        await client.get("/api/check", params={"claim": "North Korea has not sent troops to Russia"})
    ).json()
    assert neg["matches"][0]["negated"]
    assert (await client.get("/api/check", params={"claim": "x"})).status_code == 422
    none = await client.get("/api/check", params={"claim": "The moon is made of cheese"})
    assert none.json()["matches"] == []


async def test_disputes_page_has_both_sides_and_an_svg_timeline(
    filled: Settings, client: httpx.AsyncClient
) -> None:
    page = await client.get("/disputes")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Disputed claims</h1>" in html and TROOPS in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from elsewhere: no CDN
    svgs = re.findall(r"<svg class=\"stance-timeline\".*?</svg>", html, re.S)
    assert len(svgs) == 2
    marks = re.findall(r'<circle class="mark mark-(\w+) side-\w+" data-status="(\w+)"', svgs[0])
    assert len(marks) == 5 and all(a == b for a, b in marks)
    assert sorted(s for s, _ in marks) == ["alleged", "confirmed", "denied", "denied", "unconfirmed"]
    assert 'data-marks="5"' in svgs[0] and "<title" in svgs[0] and "<desc" in svgs[0]
    assert "Asserts or confirms" in html and "Denies" in html and "dismissed" in html
    filtered = (await client.get("/disputes", params={"about": "dam"})).text
    assert "the dam was breached" in filtered and TROOPS not in filtered
    assert "No disputed claim matches" in (await client.get("/disputes", params={"about": "zebra"})).text


async def test_home_article_and_claim_pages_show_propositions(
    filled: Settings, client: httpx.AsyncClient
) -> None:
    home = (await client.get("/")).text
    assert 'id="disputes-h">Disputed claims' in home and 'href="/disputes"' in home
    assert "denied by A North Korean representative, Pyongyang" in home or "denied by Pyongyang" in home
    art = dispute_world()[1]
    page = (await client.get(f"/articles/{art.id}")).text
    assert 'id="props-h">Propositions' in page and page.count('class="proposition"') == 1
    assert "the claims" in page and "dismissed" in page  # the anaphor and its cue, under its proposition
    cid = (await client.get("/api/disputes")).json()["items"][0]["cluster"]["id"]
    claim = (await client.get(f"/claims/{cid}")).text
    assert "Stances over time" in claim and len(re.findall(r'<circle class="mark mark-\w+ side-', claim)) == 5
