"""Headline labels (:mod:`newsgraph.attribution.headline`): ``Kasich: ‘We Are Going All The Way’`` is Kasich's
words; a dateline, a kicker, a time or a section title before a colon is no speaker. Hand-written headlines; the
document tests run the real parse and rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.headline import headline_label, headline_labels
from tests.attribution._rules import parse, quotes_of

BODY = (
    "\n\nSenator Ann Ross told reporters on Tuesday that the dam on the Green River would hold through the week, "
    "and that the families living below it had been moved to the school."
)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Ross: ‘The Dam Will Hold Through The Week.’", "Ross"),
        ("Senator Ann Ross: Dam Will Hold, Families Are Safe.", "Senator Ann Ross"),
        ("EXCLUSIVE – Ann Ross: Don’t Trust the Engineers.", "Ann Ross"),  # the kicker before the dash
        ("Ross on the Flood Plan: ‘It Will Work.’", "Ross"),  # the topic after "on"
        ("Ross To Farmers Downstream: You Are Safe.", "Ross"),  # the addressee after "to"
        ("Ross camp: the dam will hold.", "Ross camp"),
        ("WASHINGTON: The dam will hold, the senator said.", None),  # a dateline in capitals
        ("UPDATE: The vote has been moved to Friday.", None),
        ("The Latest: Ross says the dam will hold.", None),  # a column's name
        ("5:10 p.m. The dam held.", None),  # a time
        ("On Trade, Angry Voters Have Point: It Hasn't Been Good.", None),  # a clause, not a name
        ("the dam: it will hold.", None),
        ("Ross: Yes.", None),  # one word after the colon
        ("‘Hold Fast’: The Dam Story.", None),
    ],
)
def test_headline_label(line: str, label: str | None) -> None:
    found = headline_label(line, 0, len(line))
    assert (line[found[0] : found[1]] if found else None) == label


def test_a_headline_label_is_the_speaker_of_the_line(nlp: Language) -> None:
    text = "Ross: ‘The Dam Will Hold Through The Week.’" + BODY
    doc, _ = parse(nlp, text, model="rules")
    (att,) = headline_labels(doc)
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Ross"
    assert doc[att.cue[0]].text == ":"
    (s, e) = att.content[0]
    assert text[s:e] == "‘The Dam Will Hold Through The Week.’"
    quotes = [q for q in quotes_of(nlp, text) if q.cue == ":"]
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("Ann Ross", "‘The Dam Will Hold Through The Week.’")
    ]


def test_a_section_title_is_no_headline_label(nlp: Language) -> None:
    doc, _ = parse(
        nlp, "Breitbart Daily: A World at War." + BODY, model="rules"
    )  # nothing stated after the colon
    assert headline_labels(doc) == []


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Senator Ann Ross: ‘The Dam Will Hold Through The Week.’", "Ann Ross"),  # the article's person
        ("River Post: The Dam Will Hold Through The Week.", "River Post"),  # no person of the article
    ],
)
def test_headline_speaker(nlp: Language, line: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(nlp, line + BODY) if q.cue == ":"]
    assert [q.speaker.name for q in quotes] == [speaker]


def test_a_label_after_the_first_paragraph_is_not_a_headline(nlp: Language) -> None:
    doc, _ = parse(nlp, BODY.strip() + "\n\nRoss: ‘The Dam Will Hold Through The Week.’", model="rules")
    assert headline_labels(doc) == []


def test_a_lone_line_is_not_a_headline(nlp: Language) -> None:
    doc, _ = parse(nlp, "Ross: ‘The Dam Will Hold Through The Week.’", model="rules")
    assert headline_labels(doc) == []
