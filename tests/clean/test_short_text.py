"""Rule ``short_text_is_its_own_body`` (:mod:`newsgraph.clean.content`): a short text of sentences, none long
enough to count as prose, is all body; a page of menus and labels still has none. Texts written for the tests."""

from __future__ import annotations

import pytest

from newsgraph.clean.text import clean_text


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Politifact said the claim was false.", "Politifact said the claim was false."),
        ("  Police denied the report.  \n", "Police denied the report."),
        (
            "Bridge shut\n\nThe mayor said it would reopen.",
            "The mayor said it would reopen.",
        ),
        (
            "The mayor said it would reopen.\n\nThe council denied it.",
            "The mayor said it would reopen.\n\nThe council denied it.",
        ),
    ],
)
def test_a_short_text_of_sentences_is_its_body(text: str, body: str) -> None:
    c = clean_text(text)
    assert c.body == body
    assert not c.errors


@pytest.mark.parametrize(
    "text",
    [
        "Share this article\n\nSubscribe to our newsletter\n",
        "Home\n\nNews\n\nSport\n\nWeather",
        "Menu\n\nSearch\n\nThanks for reading.",
        "Yes.",
        " ".join(["The mayor said it would reopen."] * 25),
    ],
)
def test_no_body_where_there_is_no_short_text_of_sentences(text: str) -> None:
    c = clean_text(text)
    if len(text) > 600:
        assert c.body  # long prose is found by the ordinary run of prose, not by this rule
    else:
        assert c.body == ""
