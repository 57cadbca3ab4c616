"""Rules ``reader_is_no_speaker`` (the *you* a page addresses says nothing), ``byline_is_the_narrator`` (a
column's *I* is its one author) and ``site_is_the_we`` (a page's *we* is the site that published it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.attribution.reader import (
    byline_is_the_narrator,
    reader_is_no_speaker,
    reader_source_offsets,
    site_is_the_we,
    speaks_for_the_site,
)
from newsgraph.models import Article, Author, Quote, Speaker, span_errors

from ._rules import parse, quotes_of

READER = [
    ("If you prefer a focused, personalized approach, private lessons could be more beneficial.", "prefer"),
    ("In other cases, you may want to donate inexpensive shelf-stable foods through the program.", "want"),
    ("You know what to prioritize when the budget is tight.", "know"),
    ("You might think that the cheapest flight is always the best one.", "think"),
    ("Let's explore how leading companies use machine learning to drive innovation.", "explore"),
    ("For example, let's say you get a quote from a moving company.", "say"),
    ("Before you decide, you should answer that the budget comes first.", "answer"),
    ("If you requested an extension, the return is due in October.", "requested"),
    ("You can tell the agent that the flight was cancelled.", "tell"),
    ("Next, you write the code yourself and the framework runs the tests for you.", "write"),
    ('You say "yes" to the offer, and the seller ships the lenses within a week.', "say"),
]


@pytest.mark.parametrize(("text", "cue"), READER)
def test_the_reader_is_no_speaker(nlp: Language, text: str, cue: str) -> None:
    doc, rules = parse(nlp, text, "rules")
    assert not [a for a in rules if doc[a.verb if a.verb is not None else a.cue[0]].text == cue]
    assert not [q for q in quotes_of(nlp, text) if q.cue == cue]


KEPT = [
    ("You said last year that the lenses were too expensive, and the company agreed.", "said"),
    ('You wrote, "The lenses are too expensive."', "wrote"),
    ("You have said that the lenses are too expensive for most students.", "said"),
    ('"You know that the lenses are too expensive," the editor said.', "said"),
    ("The analysts think that the cheapest flight is always the best one.", "think"),
]


@pytest.mark.parametrize(("text", "cue"), KEPT)
def test_speech_quotes_and_third_persons_stay(nlp: Language, text: str, cue: str) -> None:
    doc, rules = parse(nlp, text, "rules")
    readers = reader_source_offsets(doc)
    found = [a for a in rules if doc[a.verb if a.verb is not None else a.cue[0]].text == cue]
    assert found
    assert not any(reader_is_no_speaker(doc, a, readers) for a in found)


def test_a_quoted_you_is_no_reader(nlp: Language) -> None:
    doc = nlp('"If you want the truth, you know where the files are," the minister said.')
    assert reader_source_offsets(doc) == frozenset()


COLUMN = (
    "I have used Nikon cameras for ten years. I think Canon makes the better lenses for travel. "
    'The spokesman, Tom Reyes, said the new model would ship in March. "We are confident," he said.'
)


def _quotes(nlp: Language, text: str, authors: list[str], site: str | None = None) -> list[Quote]:
    doc = nlp.make_doc(text)
    doc._.authors = authors
    doc._.sitename = site
    quotes: list[Quote] = nlp(doc)._.quotes
    assert span_errors(Article(id="t", body=text, quotes=quotes)) == []
    return quotes


def test_a_sole_author_is_the_narrator(nlp: Language) -> None:
    by_cue = {q.cue: q.speaker for q in _quotes(nlp, COLUMN, ["Jane Porter"])}
    me = by_cue["think"]
    assert (me.name, me.kind, me.resolved_from) == ("Jane Porter", "person", "I")
    assert me.span is not None and COLUMN[me.span[0] : me.span[1]] == "I"
    assert by_cue["said"].name == "Tom Reyes"


@pytest.mark.parametrize("authors", [[], ["Jane Porter", "Li Wei"]])
def test_no_author_or_several_leave_the_narrator_unknown(nlp: Language, authors: list[str]) -> None:
    me = {q.cue: q.speaker for q in _quotes(nlp, COLUMN, authors)}["think"]
    assert (me.name, me.kind, me.resolved_from) == ("unknown", "unknown", "I")


_UNKNOWN = Speaker(name="unknown", kind="unknown")


@pytest.mark.parametrize(
    ("rule", "speaker", "renamed"),
    [
        (byline_is_the_narrator, _UNKNOWN.model_copy(update={"resolved_from": "I"}), True),
        (byline_is_the_narrator, _UNKNOWN.model_copy(update={"resolved_from": "me"}), True),
        (byline_is_the_narrator, _UNKNOWN.model_copy(update={"resolved_from": "we"}), False),
        (byline_is_the_narrator, Speaker(name="Tom Reyes", kind="person", resolved_from="I"), False),
        (site_is_the_we, _UNKNOWN.model_copy(update={"resolved_from": "we"}), True),
        (site_is_the_we, _UNKNOWN.model_copy(update={"resolved_from": "Us"}), True),
        (site_is_the_we, _UNKNOWN.model_copy(update={"resolved_from": "I"}), False),
        (site_is_the_we, _UNKNOWN.model_copy(update={"resolved_from": "Our testers"}), True),
        (site_is_the_we, _UNKNOWN.model_copy(update={"resolved_from": "Our clients"}), False),
        (site_is_the_we, _UNKNOWN, False),
        (site_is_the_we, Speaker(name="Acme", kind="organization", resolved_from="we"), False),
    ],
)
def test_the_page_names_only_an_unresolved_narrator(
    rule: Callable[[Speaker, str | None], Speaker], speaker: Speaker, renamed: bool
) -> None:
    """``byline_is_the_narrator`` names an unresolved *I*, ``site_is_the_we`` an unresolved *we*; neither
    touches another speaker, and neither does anything without a name to give."""
    out = rule(speaker, "Jane Porter")
    assert (out.name == "Jane Porter") is renamed
    assert rule(speaker, None) == speaker


def test_the_pipeline_passes_the_byline() -> None:
    from newsgraph.pipeline import annotate

    art = Article(id="a", body=COLUMN, language="en", authors=[Author(name="Jane Porter")])
    annotate([art])  # the whole pipeline: the claim takes the quote's speaker
    assert {q.speaker.name for q in art.quotes if q.cue == "think"} == {"Jane Porter"}
    assert any(c.source.name == "Jane Porter" for c in art.claims)


REVIEW = (
    "We tested twelve electric toothbrushes over three months. We recommend choosing a brush with soft bristles "
    'for most adults. "The battery is what matters most," said Maria Lopez, a dentist in Chicago. Our testers '
    "found that the cheapest model lasted longest. Our clients know that quality matters."
)


@pytest.mark.parametrize(
    ("site", "authors", "name", "kind"),
    [
        ("GearLab Reviews", ["Jane Porter"], "GearLab Reviews", "organization"),
        ("The Daily Herald", [], "The Daily Herald", "media"),
        ("Jane Porter", ["Jane Porter"], "Jane Porter", "person"),  # a personal blog named after its writer
        (None, ["Jane Porter"], "unknown", "unknown"),
    ],
)
def test_the_site_is_the_we(
    nlp: Language, site: str | None, authors: list[str], name: str, kind: str
) -> None:
    by_cue = {q.cue: q.speaker for q in _quotes(nlp, REVIEW, authors, site)}
    we = by_cue["recommend"]
    assert (we.name, we.kind, we.resolved_from) == (name, kind, "We")
    assert we.span is not None and REVIEW[we.span[0] : we.span[1]] == "We"
    assert by_cue["said"].name == "Maria Lopez"
    testers = by_cue["found"]
    assert (
        (testers.name, testers.resolved_from) == (name, "Our testers") if site else testers.name == "unknown"
    )
    assert by_cue["know"].name == "unknown"  # the site's clients are not the site


@pytest.mark.parametrize(
    ("surface", "site"),
    [
        ("we", True),
        ("Us", True),
        ("Our editorial team", True),
        ("our Q2 2025 Pulse Survey", True),
        ("our data and research", True),
        ("Our clients", False),
        ("our readers", False),
        ("I", False),
        ("", False),  # an unknown speaker with no source
    ],
)
def test_speaks_for_the_site(surface: str, site: bool) -> None:
    assert speaks_for_the_site(surface) is site


def test_the_pipeline_passes_the_site_name() -> None:
    from newsgraph.pipeline import annotate

    art = Article(id="a", body=REVIEW, language="en", sitename="GearLab Reviews")
    annotate([art])
    assert {q.speaker.name for q in art.quotes if q.cue == "recommend"} == {"GearLab Reviews"}
    assert any(c.source.name == "GearLab Reviews" for c in art.claims)


def test_a_site_named_for_machines_is_no_machine(nlp: Language) -> None:
    by_cue = {q.cue: q.speaker for q in _quotes(nlp, REVIEW, [], "Marcus on AI")}
    assert by_cue["recommend"].name == "Marcus on AI"
