"""The JSON-LD / ``__NEXT_DATA__`` article body when the markup holds only part of the story (``html_jsonld``)."""

from __future__ import annotations

import json

from trafilatura.utils import load_html

from newsgraph.clean.html import extract_html
from newsgraph.clean.html_jsonld import (
    page_subheadings,
    prefer_fuller_body,
    split_glued_headings,
    structured_article_body,
)


def _para(i: int) -> str:
    return (
        f"Paragraph {i} of the story: the council voted on Tuesday to extend the library's opening hours after a "
        f"long public consultation that drew many written responses from residents, officials said."
    )


FULL = "\n".join(_para(i) for i in range(10))


def _page(body: str, visible: int = 2, script: str = "ld") -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Library",
        "articleBody": body,
    }
    if script == "ld":
        block = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    else:
        block = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps({"props": {"a": data}})}</script>'
    paras = "".join(f"<p>{_para(i)}</p>" for i in range(visible))
    return (
        f"<html><head><title>Library</title>{block}</head><body><article><h1>Library</h1>{paras}"
        "<p>Subscribe to read the rest of this story.</p></article></body></html>"
    )


def test_structured_article_body_from_json_ld_and_next_data() -> None:
    assert structured_article_body(load_html(_page(FULL))) == FULL
    assert structured_article_body(load_html(_page(FULL, script="next"))) == FULL
    assert structured_article_body(load_html("<html><body><p>x</p></body></html>")) is None


def test_structured_body_with_markup_becomes_lines() -> None:
    body = "<p>First &amp; one.</p><h2>Data</h2><p>The second.</p>"
    assert structured_article_body(load_html(_page(body))) == "First & one.\nData\nThe second."


def test_split_glued_headings() -> None:
    text = "The vote was close.DataThe figures show a rise.\nMethodsWe asked residents."
    assert split_glued_headings(text, ["Data", "Methods"]) == (
        "The vote was close.\nData\nThe figures show a rise.\nMethods\nWe asked residents."
    )
    assert split_glued_headings("Database users grew.", ["Data"]) == "Database users grew."


def test_prefer_fuller_body_only_for_the_same_story() -> None:
    short = "\n".join(_para(i) for i in range(2))
    assert prefer_fuller_body(short, FULL, []) == FULL
    other = "\n".join(
        f"Another story, sentence {i}, about something else entirely and at length." for i in range(20)
    )
    assert prefer_fuller_body(short, other, []) == short  # not the same story
    assert prefer_fuller_body(FULL, FULL + "\nOne more line.", []) == FULL  # not clearly fuller
    assert prefer_fuller_body(short, None, []) == short


def test_page_subheadings() -> None:
    tree = load_html("<html><body><h2>Data</h2><h3>Methods</h3><h5>x</h5></body></html>")
    assert page_subheadings(tree) == ["Data", "Methods"]


def test_extract_html_uses_the_fuller_structured_body() -> None:
    c = extract_html(_page(FULL))
    assert c.body.split("\n\n") == [_para(i) for i in range(10)]
