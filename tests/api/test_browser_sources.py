"""The Sources page in real headless Chromium, over a store filled by a real collection of the fixture site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api._live import chromium, live_server
from tests.api.test_browser import TOKEN, _shot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def collected_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings
    from newsgraph.collect import CollectOptions, Politeness, collect
    from newsgraph.store import open_store
    from tests.collect.site import ALPHA, FixtureSite

    db = tmp_path_factory.mktemp("sources") / "ui.db"
    with FixtureSite(slow_delay=0.6) as site, open_store(db) as store:
        feed = site.url(ALPHA, "/feed.xml")
        pol = Politeness(
            rate=50, retries=1, backoff=0.01, timeout=0.3, max_bytes=200_000, resolve=site.resolve
        )
        collect([feed], store, politeness=pol, options=CollectOptions(nlp=False))
    app = create_app(Settings(db=str(db), token=TOKEN))
    with live_server(app) as url:
        yield url, feed


def test_sources_page_shows_counts_errors_and_adds_a_source(collected_server: tuple[str, str]) -> None:
    server, feed = collected_server
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(server + "/")
        with page.expect_navigation():
            page.click("nav >> text=Sources")  # linked from the site navigation
        assert page.url.endswith("/sources")
        row = page.locator("#sources-table tr.source").first
        assert feed in row.locator("td.url").inner_text()
        assert row.locator("td.stored").inner_text() == "6"
        assert row.locator("td.failed").inner_text() == "4"
        page.locator("#sources-table details summary").first.click()
        errors = page.locator("#sources-table tr.errors li").all_inner_texts()
        assert any("redirect loop" in e for e in errors) and any("HTTP 500" in e for e in errors)
        _shot(page, "sources-1-collected")
        page.fill("#source-url", "https://example.org/new-feed.xml")
        page.fill("#source-token", TOKEN)
        with page.expect_navigation():
            page.click("#add-source-btn")
        urls = page.locator("#sources-table td.url").all_inner_texts()
        assert "https://example.org/new-feed.xml" in urls and len(urls) == 2
        _shot(page, "sources-2-added")
