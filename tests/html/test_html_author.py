"""newsgraph's by-line search gives exactly trafilatura's ``extract_author`` result, without touching the tree."""

from __future__ import annotations

import gzip

import pytest
from lxml import etree
from tests.conftest import need_dataset
from trafilatura.metadata import extract_author as trafilatura_author
from trafilatura.utils import load_html

from newsgraph.clean.html_author import extract_author


def _page(body: str) -> str:
    return f"<html><head><title>t</title></head><body><main>{body}</main><p>{'filler text ' * 20}</p></body></html>"


CASES = {
    "meta-like span": '<span class="author">Jane Doe</span>',
    "rel author link": '<a rel="author" href="/jd">Jane Doe</a>',
    "itemprop author name": '<span itemprop="author name">Jane Doe</span>',
    "data-testid": '<div data-testid="AuthorCard">Jane Doe</div>',
    "class author-name": '<p class="post author-name big">Jane Doe</p>',
    "author element": "<author>Jane Doe</author>",
    "rel=me child": "<div><rel>me</rel>Jane Doe</div>",
    "byline class": '<p class="byline">By Jane Doe</p>',
    "generic id": '<h4 id="zuozhe-box">Li Wei</h4>',
    "posted-by class": '<span class="meta posted-by">Posted by Jane Doe</span>',
    "last resort writer class": '<li class="writer">Jane Doe</li>',
    "data-component Byline": '<section data-component="Byline">Jane Doe</section>',
    "Byline capitalised": '<em class="ArticleByline">Jane Doe</em>',
    "expression order beats document order": '<li class="writer">First Writer</li><span class="author">Second Author</span>',
    "too long candidate skipped": f'<span class="author">{"x" * 130}</span><span class="author">Jane Doe</span>',
    "too short candidate skipped": '<span class="author">JD</span><span class="author">Jane Doe</span>',
    "time inside by-line pruned": '<span class="author">Jane<time>2024-10-22</time>Doe</span>',
    "time first child pruned": '<span class="author"><time>Oct 22</time> Jane Doe</span>',
    "figure and date inside": '<div class="author">Jane <figure>pic</figure><span class="date">today</span> Doe</div>',
    "candidate inside comments": '<div id="comments"><span class="author">Commenter</span></div><p class="byline">Jane Doe</p>',
    "candidate inside sidebar": '<div class="col sidebar"><span class="author">Other</span></div><h3 class="author">Jane Doe</h3>',
    "discarded candidate itself": '<span class="author print">Printed</span><span class="author">Jane Doe</span>',
    "comments prefix only at start": '<div class="nocomments"><span class="author">Jane Doe</span></div>',
    "Figure component": '<div data-component="Figure"><span class="author">Photo Person</span></div><a class="byline">Jane Doe</a>',
    "several names": '<span class="author">Jane Doe and John Roe</span>',
    "none": "<p>No by-line on this page at all.</p>",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_trafilatura(name: str) -> None:
    tree = load_html(_page(CASES[name]))
    before = etree.tostring(tree)
    assert extract_author(tree) == trafilatura_author(tree)
    assert etree.tostring(tree) == before  # the caller's tree is left alone


def test_finds_the_byline() -> None:
    assert extract_author(load_html(_page('<p class="byline">Jane Doe</p>'))) == "Jane Doe"
    assert extract_author(load_html(_page('<span class="author">Jane<time>x</time>Doe</span>'))) == "JaneDoe"
    assert extract_author(load_html(_page("<p>nothing</p>"))) is None


def test_same_as_trafilatura_on_benchmark_pages() -> None:
    pages = sorted((need_dataset("wcxb-dev-articles") / "html").glob("*.html.gz"))[::12]
    pages += sorted((need_dataset("aeb") / "html").glob("*.html.gz"))[::6]
    assert len(pages) > 60
    found = 0
    for path in pages:
        tree = load_html(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        if tree is None:
            continue
        ours = extract_author(tree)
        assert ours == trafilatura_author(tree), path.name
        found += ours is not None
    assert found > 10
