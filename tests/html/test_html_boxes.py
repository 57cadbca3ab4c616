"""Boxes inside the article markup go to ``removed`` with reasons (``newsgraph.clean.html_boxes``)."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from newsgraph.clean.html import extract_html
from newsgraph.clean.html_boxes import box_paragraphs, box_reason, is_box_heading, prune_embedded_posts

PARA = (
    "The council voted on Tuesday to extend the library's opening hours after a long public consultation that "
    "drew hundreds of written responses from residents across the district."
)


@pytest.mark.parametrize(
    ("para", "reason"),
    [
        ("MORE: Council delays vote on bus lanes", "related"),
        ("Related: Five things to know about the budget", "related"),
        ("READ MORE: Library fees to rise next year", "related"),
        ("Read more", "related"),
        ("Subscribe to our free morning newsletter", "newsletter"),
        ("Get the day's top headlines delivered to your inbox every morning.", "newsletter"),
        ("If you enjoyed this article, become a member and support our reporting.", "newsletter"),
        ("Follow us on Twitter and Facebook.", "follow"),
        ("Follow Jane Doe on Instagram", "follow"),
        ("Got a story? Email us at tips@example.org", "follow"),
        ("CLICK HERE TO GET THE EXAMPLE NEWS APP", "follow"),
        ("This is a breaking story – more to follow.", "breaking"),
        ("This story is developing and will be updated.", "breaking"),
        ("Show transcript", "transcript"),
        ("— Jane Doe (@janedoe) October 22, 2024", "tweet"),
    ],
)
def test_box_reason(para: str, reason: str) -> None:
    assert box_reason(para) == reason


@pytest.mark.parametrize(
    "para",
    [
        PARA,
        "More than 300 residents attended the meeting.",
        "The newsletter, first printed in 1950, is now online.",
        "Readers who follow the council closely were not surprised.",
        "Join us, the mayor said, in building a better library.",
        "She said the story of the library was a story about the town. " * 4,
    ],
)
def test_prose_is_not_a_box(para: str) -> None:
    assert box_reason(para) is None


def test_box_heading() -> None:
    for h in (
        "You might also like",
        "Popular",
        "Trending now",
        "Most read",
        "More from Example News",
        "Don't miss",
    ):
        assert is_box_heading(h), h
    assert not is_box_heading("Why it matters")
    assert not is_box_heading(PARA)


def test_box_heading_takes_its_teasers_and_stops_at_prose() -> None:
    paras = [PARA, "You might also like", "Council delays bus lanes", "Library fees rise", PARA + " Again."]
    kept, removed = box_paragraphs(paras)
    assert kept == [PARA, PARA + " Again."]
    assert removed == [(p, "box: related") for p in paras[1:4]]


def test_bulleted_teasers_only_when_the_first_is_bulleted() -> None:
    paras = [PARA, "Also read:", "- Council delays bus lanes", "- Library fees rise", "Why it matters", PARA]
    kept, removed = box_paragraphs(paras)
    assert kept == [PARA, "Why it matters", PARA]
    assert [r for _, r in removed] == ["box: related"] * 3


def test_first_paragraph_never_judged() -> None:
    kept, removed = box_paragraphs(["Popular", PARA])
    assert kept == ["Popular", PARA] and removed == []


def test_prune_embedded_posts() -> None:
    tree = load_html(
        f"<html><body><article><p>{PARA}</p><blockquote class='twitter-tweet'><p>Big news today!</p>"
        "— Jane Doe (@janedoe) <a href='#'>October 22, 2024</a></blockquote>"
        "<blockquote><p>A real quotation stays.</p></blockquote></article></body></html>"
    )
    assert tree is not None
    texts = prune_embedded_posts(tree)
    assert texts == ["Big news today! — Jane Doe (@janedoe) October 22, 2024"]
    assert "Big news" not in tree.text_content()
    assert "A real quotation stays." in tree.text_content()


def test_extract_html_records_boxes_and_tweets() -> None:
    html = (
        "<html><head><title>Library hours</title></head><body><article><h1>Library hours</h1>"
        f"<p>{PARA}</p><p>MORE: Council delays vote on bus lanes</p><p>{PARA} It passed.</p>"
        "<blockquote class='twitter-tweet'><p>Great result for readers!</p>— Jane Doe (@janedoe) "
        "<a href='#'>October 22, 2024</a></blockquote>"
        f"<p>{PARA} It was welcomed.</p><p>Subscribe to our free morning newsletter</p>"
        f"<p>{PARA} More meetings are planned.</p></article></body></html>"
    )
    c = extract_html(html)
    reasons = {r.reason: r.text for r in c.removed}
    assert reasons["box: related"] == "MORE: Council delays vote on bus lanes"
    assert reasons["box: newsletter"] == "Subscribe to our free morning newsletter"
    assert "Great result for readers!" in reasons["embedded-post"]
    assert "MORE:" not in c.body and "Great result" not in c.body and "Subscribe" not in c.body
    assert c.body.count("\n\n") == 3
