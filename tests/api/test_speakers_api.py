"""/api/speakers, the Speakers page, and undated articles on the Disputed claims page, in-process through the httpx
ASGI transport on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from newsgraph.api.security import Settings
from newsgraph.models import Article, Proposition, Stance
from newsgraph.store import open_store
from tests.store.conftest import HashEmbedder
from tests.store.factory import make_article

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _world() -> list[Article]:
    a = make_article(
        "Barack Obama said the plan works. Barack Obama said so twice. Obama said it again. Nobody said the rest.",
        entities=[("e1", "Barack Obama", "PERSON")],
        quotes=[{"text": "the plan works", "speaker": "Barack Obama", "entity": "e1"},
                {"text": "so twice", "speaker": "Barack Obama", "entity": "e1"},
                {"text": "it again", "speaker": "Obama", "entity": "e1"},
                {"text": "the rest", "speaker": "unknown", "kind": "unknown"}],
        propositions=[],
    )  # fmt: skip
    b = make_article(
        "Obama said the deal holds. The city said the dam held.",
        entities=[("e1", "Obama", "PERSON")],
        quotes=[{"text": "the deal holds", "speaker": "Obama", "entity": "e1"},
                {"text": "the dam held", "speaker": "the city", "kind": "organization"}],
        propositions=[],
    )  # fmt: skip
    body = "The dam held, the mayor said. The dam held, the engineer denied."
    c = make_article(  # undated, and disputed
        body,
        claims=[{"text": "The dam held", "source": "Jane Roe", "status": "asserted"}],
        propositions=[],
    )
    c.claims.append(c.claims[0].model_copy(update={"id": "c2", "source": c.claims[0].source.model_copy(
        update={"name": "John Doe"}), "status": "denied", "span": (body.rindex("The dam held"),
                                                                   body.rindex("The dam held") + 12)}))  # fmt: skip
    c.propositions = [Proposition(id="p1", statement="The dam held", claims=["c1", "c2"], disputed=True,
                                  stances=[Stance(source=x.source, status=x.status, claim=x.id) for x in c.claims])]  # fmt: skip
    return [a, b, c]


@pytest.fixture
def filled(settings: Settings) -> Settings:
    assert settings.db
    with open_store(settings.db, embedder=HashEmbedder()) as s:
        s.add_articles(_world())
    return settings


async def test_api_speakers_one_row_per_speaker(filled: Settings, client: httpx.AsyncClient) -> None:
    items = (await client.get("/api/speakers")).json()["items"]
    names = [i["name"] for i in items]
    assert names[0] == "Barack Obama" and "Obama" not in names and "unknown" not in names
    top = items[0]
    assert (top["key"], top["n_quotes"], top["n_articles"], top["also_named"]) == (
        "PER:barack obama",
        4,
        2,
        ["Obama"],
    )
    orgs = (await client.get("/api/speakers", params={"kind": "organization"})).json()["items"]
    assert [i["name"] for i in orgs] == ["the city"]
    assert (await client.get("/api/speakers", params={"kind": "nonsense"})).status_code == 422
    assert len((await client.get("/api/speakers", params={"limit": 1})).json()["items"]) == 1


async def test_speakers_page_lists_and_links(filled: Settings, client: httpx.AsyncClient) -> None:
    html = (await client.get("/speakers")).text
    assert "Barack Obama" in html and 'href="/entities/PER%3Abarack%20obama"' in html
    assert ">unknown<" not in html and 'href="/speakers"' in html  # in the site navigation
    assert html.count('<tr class="speaker">') == 2  # Barack Obama (with "Obama") and the city
    ent = await client.get("/entities/PER%3Abarack%20obama")
    assert ent.status_code == 200 and "Barack Obama" in ent.text


async def test_undated_dispute_shows_no_ingest_date(filled: Settings, client: httpx.AsyncClient) -> None:
    today = datetime.now(UTC).date().isoformat()
    items = (await client.get("/api/disputes")).json()["items"]
    assert [i["cluster"]["label"] for i in items] == ["The dam held"]
    cl = items[0]["cluster"]
    assert (cl["first_date"], cl["last_date"]) == (None, None)
    assert all(s["published"] is None for side in items[0]["sides"].values() for s in side)
    for page in ("/disputes", "/"):
        html = (await client.get(page)).text
        assert "undated" in html and f">{today}<" not in html and f"· {today}" not in html
