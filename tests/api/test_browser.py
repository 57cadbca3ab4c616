"""The web UI in real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Screenshots of each page are saved under tests/artifacts/ (look at them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api._live import CHROMIUM, chromium, live_server
from tests.conftest import REQUIRE_SERVICES, ROOT, SAMPLE

ARTIFACTS = ROOT / "tests" / "artifacts"
TOKEN = "browser-token"

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if REQUIRE_SERVICES:
        raise RuntimeError(f"{CHROMIUM} missing in CI (.ci/run installs Debian's chromium)")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings

    db = tmp_path_factory.mktemp("ui") / "ui.db"
    app = create_app(Settings(db=str(db), token=TOKEN))
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def _shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def _note_and_dismiss(seen: list[str], dialog: Any) -> None:
    """A page's alert/confirm: note its message and dismiss it (an XSS payload that ran would open one)."""
    seen.append(dialog.message)
    dialog.dismiss()


def _upload(page: object, server: str, path: Path | None = None, text: str | None = None) -> None:
    page.goto(server + "/")  # type: ignore[attr-defined]
    if path is not None:
        page.set_input_files("#file", str(path))  # type: ignore[attr-defined]
    if text is not None:
        page.fill("#text", text)  # type: ignore[attr-defined]
    page.fill("#token", TOKEN)  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click("#analyze-btn")  # type: ignore[attr-defined]


def test_sample_article_journey(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: _note_and_dismiss(dialogs, d))
    _upload(page, server, path=SAMPLE)
    assert "/articles/" in page.url
    _shot(page, "1-home-after-upload")
    ids = page.eval_on_selector_all("mark.quote", "els => [...new Set(els.map(e => e.dataset.quoteId))]")
    assert len(ids) >= 18, f"only {len(ids)} highlighted quotes"
    kim = page.locator('mark.quote[aria-label="Quote by Kim Tae-hyo"]').first
    kim.click()
    detail = page.locator("#quote-detail")
    assert "Kim Tae-hyo" in detail.inner_text()
    _shot(page, "2-article-quote-selected")
    # keyboard works too: focus a quote and press Enter
    page.locator("mark.quote").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("#quote-detail dl").count() == 1
    kim.click()
    with page.expect_navigation():
        page.locator("#quote-detail a.speaker-link").click()
    assert page.locator("#entity-name").inner_text() == "Kim Tae-hyo"
    assert page.locator("#said-h + ol li").count() >= 2
    _shot(page, "3-entity-kim-tae-hyo")
    page.go_back()
    denied = page.locator("ul.claims li", has=page.locator(".status-denied")).first
    with page.expect_navigation():
        denied.locator("a").click()
    assert "/claims/" in page.url
    assert page.locator("#timeline .status-denied").count() >= 1
    _shot(page, "4-claim-timeline")
    page.goto(server + "/search?q=withdrawal")
    assert page.locator("ol.results li").count() >= 1
    _shot(page, "5-search")
    assert dialogs == []
    page.close()


def test_xss_article_is_inert(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    fired: list[str] = []
    page.on("dialog", lambda d: _note_and_dismiss(fired, d))
    page.on("console", lambda m: fired.append(m.text) if "pwned" in m.text else None)
    payload = (
        "Mayor <script>alert('pwned')</script> speaks\n\n"
        "“<img src=x onerror=alert('pwned')> is fine,” the mayor said on Monday. "
        "<svg onload=console.log('pwned')></svg> “We will <b>act</b>,” she added.\n"
    )
    _upload(page, server, text=payload)
    assert "/articles/" in page.url
    page.locator("mark.quote").first.click()
    page.wait_for_timeout(300)
    _shot(page, "6-xss-inert")
    body = page.locator("article .body").inner_text()
    assert "<script>alert('pwned')</script>" in body or "<img src=x" in body
    assert page.locator("article script, article img, article svg").count() == 0
    assert fired == []
    page.close()
