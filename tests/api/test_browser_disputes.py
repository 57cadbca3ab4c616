"""The Disputed claims page in real headless Chromium: both sides of each dispute, and an SVG timeline with one
mark per stance coloured by its status, a legend and accessible titles; nothing loaded from another origin.

Screenshots go to tests/artifacts/ (look at them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api._live import chromium, live_server
from tests.api.test_browser import _shot
from tests.store.conftest import HashEmbedder
from tests.store.disputes_world import TROOPS, dispute_world, second_dispute

pytestmark = pytest.mark.browser

# keep in sync with the .mark-<status> rules of app.css
FILL = {
    "asserted": "rgb(47, 111, 196)",
    "confirmed": "rgb(30, 138, 62)",
    "denied": "rgb(196, 38, 46)",
    "hedged": "rgb(217, 164, 0)",
    "alleged": "rgb(155, 63, 176)",
    "reported": "rgb(122, 130, 144)",
    "unconfirmed": "rgb(224, 123, 0)",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings
    from newsgraph.store import open_store

    db = tmp_path_factory.mktemp("disputes-ui") / "ui.db"
    with open_store(db, embedder=HashEmbedder()) as s:
        s.add_articles(dispute_world() + second_dispute())
    app = create_app(Settings(db=str(db), token="t"))
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def test_disputes_page_timeline_in_chromium(server: str, browser: Any) -> None:
    import httpx

    page = browser.new_page(viewport={"width": 1300, "height": 900})
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.goto(server + "/disputes")
    assert page.locator("h1").inner_text() == "Disputed claims"
    disputes = page.locator("section.dispute")
    assert disputes.count() == 2
    first = disputes.first
    assert TROOPS in first.locator("h2").inner_text()
    api = httpx.get(server + "/api/disputes").json()["items"][0]
    n_stances = sum(len(v) for v in api["sides"].values())
    svg = first.locator("svg.stance-timeline")
    assert svg.get_attribute("role") == "img" and svg.locator("title").first.text_content().endswith(TROOPS)
    marks = svg.locator("circle.mark[data-status]")
    assert marks.count() == n_stances == 5  # one mark per stance
    fills = marks.evaluate_all("els => els.map(e => [e.dataset.status, getComputedStyle(e).fill])")
    assert all(fill == FILL[status] for status, fill in fills), fills
    assert sorted(s for s, _ in fills) == ["alleged", "confirmed", "denied", "denied", "unconfirmed"]
    titles = marks.evaluate_all("els => els.map(e => e.querySelector('title').textContent)")
    assert any(
        t.startswith("National Intelligence Service: confirmed ('confirmed'), 2024-10-18") for t in titles
    )
    legend = svg.locator(".tl-legend-item")
    assert sorted(legend.evaluate_all("els => els.map(e => e.dataset.status)")) == sorted(
        {s for s, _ in fills}
    )
    # marks lie inside the drawing, ordered by date along the axis (NIS on the 18th before Russia on the 24th)
    box = svg.bounding_box()
    xs = {
        t.split(":")[0]: b["x"]
        for t, b in zip(titles, [marks.nth(i).bounding_box() for i in range(5)], strict=True)
    }
    assert all(box["x"] <= x <= box["x"] + box["width"] for x in xs.values())
    assert xs["National Intelligence Service"] < xs["Pyongyang"] < xs["Russia"]
    # both sides, with the sentence
    supports = first.locator("div.side-supports li")
    denies = first.locator("div.side-denies li")
    assert supports.count() == 1 and "National Intelligence Service" in supports.first.inner_text()
    assert denies.count() == 2 and "groundless rumors" in first.locator("div.side-denies").inner_text()
    # keyboard: a mark takes focus
    marks.first.focus()
    assert page.evaluate("document.activeElement.dataset.status") in FILL
    assert all(u.startswith(server) for u in requested), requested  # no CDN, nothing from elsewhere
    assert errors == []  # e.g. no CSP violation
    assert [u for u in missing if not u.endswith("/favicon.ico")] == []
    _shot(page, "6-disputes")
    docs = Path(__file__).resolve().parents[2] / "docs" / "disputes.png"
    page.screenshot(path=str(docs), clip={"x": 0, "y": 0, "width": 1300, "height": 900})
    page.goto(server + "/")
    assert page.locator("#disputes-h").inner_text() == "Disputed claims"
    assert page.locator("ul.disputes li").count() == 2
    _shot(page, "7-home-disputes")
    page.close()
