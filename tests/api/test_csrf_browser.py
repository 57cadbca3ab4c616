"""Issue 17 (Medium 3): with open writes, a page on another origin, in real Chromium, cannot plant an article
through the Analyse form (/analyze), while the server's own page still can."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgraph.store import open_store
from tests.api._live import CHROMIUM, chromium, live_server

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():  # test_browser skips the module the same way
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

STORY = "“We will rebuild the harbour wall by spring,” the mayor said on Monday in a statement to reporters."


def _attack_page(target: str) -> bytes:
    return (
        "<!doctype html><html><body><form id=f method=post action='" + target + "/analyze' "
        "enctype='application/x-www-form-urlencoded'><input name=text value='" + STORY + "'>"
        "<input name=format value=text></form><script>document.getElementById('f').submit()</script>"
        "</body></html>"
    ).encode()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings

    db = tmp_path / "csrf.db"
    open_store(str(db)).close()
    app = create_app(Settings(db=str(db), token=None, open_writes=True))
    with live_server(app) as target:
        yield from _with_evil_site(target, db)


def _with_evil_site(target: str, db: Path) -> Iterator[tuple[str, str, Path]]:
    page = _attack_page(target)

    class Evil(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    evil = ThreadingHTTPServer(("127.0.0.1", 0), Evil)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    # another origin: "localhost" and another port (a different site as far as the browser is concerned)
    yield target, f"http://localhost:{evil.server_address[1]}/", db
    evil.shutdown()


def test_cross_site_form_cannot_plant_an_article(servers: tuple[str, str, Path]) -> None:
    target, evil_url, db = servers
    with chromium() as browser:
        page = browser.new_page()
        with page.expect_navigation(url=f"{target}/analyze", timeout=15_000) as nav:
            page.goto(evil_url)
        resp = nav.value
        assert resp is not None and resp.status == 403
        with open_store(str(db)) as s:
            assert s.count("articles") == 0
        # the server's own page still works (its same-origin post carries the right Origin)
        page.goto(target + "/")
        page.fill("textarea[name=text]", STORY)
        page.click("form[action='/analyze'] [type=submit]")
        page.wait_for_url("**/articles/**", timeout=60_000)
    with open_store(str(db)) as s:
        assert s.count("articles") == 1
