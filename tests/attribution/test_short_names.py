"""Rule ``short_name_of_an_outlet`` (:mod:`newsgraph.attribution.short_names`): an outlet or organisation named in
full and then by its last words is one speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.short_names import short_name_of
from newsgraph.models import Speaker

from ._rules import quotes_of

POST = Speaker(name="New York Post", kind="media")
HOUSE = Speaker(name="House Democrats", kind="organization")
JUSTICE = Speaker(name="the Justice Department", kind="organization")


@pytest.mark.parametrize(
    ("short", "earlier", "full"),
    [
        (Speaker(name="Post", kind="media"), [POST], "New York Post"),
        (Speaker(name="the Department", kind="organization"), [JUSTICE], "the Justice Department"),
        # a plural organisation names more than the earlier one
        (Speaker(name="Democrats", kind="organization"), [HOUSE], None),
        # a person is no outlet; a lower-case description is no name
        (Speaker(name="Post", kind="person"), [POST], None),
        (Speaker(name="the paper", kind="media"), [POST], None),
        # a description ending in a name is no full name of it
        (
            Speaker(name="Republican National Committee", kind="organization"),
            [Speaker(name="a web video by the Republican National Committee", kind="organization")],
            None,
        ),
        # nothing earlier to shorten
        (Speaker(name="Post", kind="media"), [], None),
    ],
)
def test_short_name_of(short: Speaker, earlier: list[Speaker], full: str | None) -> None:
    got = short_name_of(short, earlier)
    assert (got.name if got is not None else None) == full
    if got is not None:
        assert got.resolved_from == short.name


def test_one_outlet_is_one_speaker(nlp: Language) -> None:
    text = (
        "The Boston Globe reports that the mayor avoided the hospital. "
        "The mayor was headed to the hospital but ditched her escort, The Globe has learned."
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker.name for q in quotes] == ["Boston Globe", "Boston Globe"], [q.speaker for q in quotes]
    later = quotes[1].speaker
    assert later.span is not None and text[later.span[0] : later.span[1]] == later.resolved_from == "Globe"
