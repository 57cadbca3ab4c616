"""The in-place body pass gives the text ``trafilatura.bare_extraction`` gives, and is the one in use."""

from __future__ import annotations

import gzip

import pytest
from tests.conftest import need_dataset
from trafilatura.utils import load_html

from newsgraph.clean import html_body
from newsgraph.clean.html import extract_html
from newsgraph.clean.html_options import DEFAULT_OPTIONS, HtmlOptions

PARA = (
    "The committee met on Tuesday to review the budget for the coming year and agreed to publish its findings "
    "after consulting the regional councils, which had asked for more time to study the proposals. "
)
PAGES = {
    "article": f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Budget</h1><p>{PARA * 3}</p>"
    f"<p>{PARA}</p></article><footer>Copyright 2024</footer></body></html>",
    "short": "<html><body><div><p>Only a short line of text here.</p></div></body></html>",
    "empty body": "<html><head><title>x</title></head><body></body></html>",
    "list and table": f"<html><body><main><p>{PARA}</p><ul><li>one item</li><li>two items</li></ul>"
    "<table><tr><td>cell a</td><td>cell b</td></tr></table></main></body></html>",
    "comments section": f"<html><body><article><p>{PARA * 2}</p></article><div id='comments'><p>Great post!</p>"
    "</div></body></html>",
}


def _text(doc: object) -> str | None:
    return None if doc is None else doc.text  # type: ignore[attr-defined]


def test_in_place_pass_is_used_with_this_trafilatura() -> None:
    assert html_body._sequence() is not None


@pytest.mark.parametrize("name", sorted(PAGES))
def test_in_place_same_as_bare_extraction(name: str) -> None:
    html = PAGES[name]
    expected = html_body._bare(load_html(html), "https://example.org/a", DEFAULT_OPTIONS, fast=True)
    got = html_body._in_place(load_html(html), "https://example.org/a", DEFAULT_OPTIONS)
    assert _text(got) == _text(expected)


def test_short_page_second_pass_reparses() -> None:
    """A short fast text triggers the full pass, which must not see the pruned tree."""
    html = PAGES["short"]
    opts = HtmlOptions()
    doc = html_body.body_document(load_html(html), html, "https://example.org/s", opts)
    ref = html_body._bare(load_html(html), "https://example.org/s", opts, fast=False)
    fast = html_body._bare(load_html(html), "https://example.org/s", opts, fast=True)
    want = ref if ref is not None and len(_text(ref) or "") > len(_text(fast) or "") else fast
    assert _text(doc) == _text(want)


def test_extract_html_keeps_body() -> None:
    assert PARA.strip() in extract_html(PAGES["article"]).body


def test_same_as_bare_extraction_on_benchmark_pages() -> None:
    pages = sorted((need_dataset("wcxb-dev-articles") / "html").glob("*.html.gz"))[5::25]
    pages += sorted((need_dataset("aeb") / "html").glob("*.html.gz"))[3::12]
    assert len(pages) > 30
    for path in pages:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        expected = html_body._bare(load_html(html), None, DEFAULT_OPTIONS, fast=True)
        assert _text(html_body._in_place(load_html(html), None, DEFAULT_OPTIONS)) == _text(expected), (
            path.name
        )
