"""Headline labels (:mod:`newsgraph.attribution.headline`): ``Kasich: ‘We Are Going All The Way’`` is Kasich's
words; a dateline, a kicker, a time or a section title before a colon is no speaker. Hand-written headlines; the
document tests run the real parse and rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.headline import headline_label, headline_labels, headline_verb
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


@pytest.mark.parametrize(
    ("line", "source", "cue"),
    [
        ("Glenn Ross Blasts Engineers for Ignoring the Dam, Quotes Report", "Glenn Ross", "Blasts"),
        ("Senator Ann Ross Denies Dam Will Fail.", "Senator Ann Ross", "Denies"),
        (
            "Ann Ross Finally Endorses the Flood Plan.",
            "Ann Ross",
            "Finally Endorses",
        ),  # the adverb joins the cue
        ("Ross Told Farmers Not To Worry About the Dam.", "Ross", "Told"),  # an irregular past
        ("EXCLUSIVE – Ann Ross Slams Dam Engineers.", "Ann Ross", "Slams"),  # after the kicker
        ("U.S. Flexes Muscles As Asia Worries About the Dam.", None, None),  # "As": a clause, not a speaker
        ("Ann Ross Visits the Dam on Tuesday.", None, None),  # not a reporting verb
        ("Ann Ross slams dam engineers in a long speech.", None, None),  # sentence case: the parser reads it
        ("Ross Slams", None, None),  # nothing after the verb
    ],
)
def test_headline_verb(line: str, source: str | None, cue: str | None) -> None:
    found = headline_verb(line, 0, len(line))
    got = (line[found[0] : found[1]], line[found[2] : found[3]]) if found else (None, None)
    assert got == (source, cue)


def test_a_title_case_headline_verb_is_an_attribution(nlp: Language) -> None:
    text = "Glenn Ross Slams Dam Engineers Over Delays." + BODY  # the parse reads "Slams" as a name
    doc, atts = parse(nlp, text, model="rules")
    head = [a for a in atts if a.rule == "headline_verb"]
    assert len(head) == 1
    a = head[0]
    assert a.source is not None and doc[a.source[0] : a.source[1]].text == "Glenn Ross"
    assert [doc[i].text for i in a.cue] == ["Slams"]
    (s, e) = a.content[0]
    assert text[s:e] == "Dam Engineers Over Delays"


def test_no_headline_verb_where_a_rule_read_the_line(nlp: Language) -> None:
    doc, atts = parse(nlp, "Ross: Engineers Ignored the Dam, Report Says." + BODY, model="rules")
    assert [a.rule for a in atts if doc[a.cue[0]].idx < 40] == ["headline_label"]
