"""Rule ``dash_aside`` (:mod:`newsgraph.attribution.asides`): an attribution set off between two dashes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.asides import aside_dashes, spaced_dash
from tests.attribution._rules import content_of, parse, source_of

ASIDES = [
    ("To his successor, Mr. Obama leaves a divisive legacy: new emissions rules, and an aggressive - some say "
     "unrealistic - pledge made in Paris to reduce emissions by 2050.", "say", "some", "unrealistic"),
    ("The plan is bold -- critics say reckless -- and will cost billions.", "say", "critics", "reckless"),
    ("Climate change played to his highest ideals - critics would call them messianic impulses - but it also "
     "exposed his weaknesses.", "call", "critics", "them messianic impulses"),
    ("The deal -- officials say -- will be signed on Friday.", "say", "officials",
     "The deal will be signed on Friday"),
    ("It was a known fact - and the minister said so - that the talks had failed.", "said", "the minister", "so"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"), ASIDES, ids=["np", "clause", "modal", "hole", "and"]
)
def test_dash_aside(nlp: Language, sentence: str, cue: str, source: str, content: str) -> None:
    doc, atts = parse(nlp, sentence, "rules")
    a = next(a for a in atts if a.rule == "dash_aside")
    assert doc[a.cue[-1]].text == cue
    assert source_of(doc, a) == source
    assert content_of(doc, a) == content


@pytest.mark.parametrize(
    "sentence",
    [
        "Axelrod has become an observer - an impartial umpire calling balls and strikes - on cable news.",
        "At least seven delegates have signed on - names he said would be released soon - to the effort.",
        "He assured the crowd that he doesn't have small hands - as Rubio has said - and more.",
        "The senator - who said the plan was dead - voted for it anyway.",
        "Kim Tae-hyo said the well-known troops had arrived.",
    ],
    ids=["participle", "relative", "as-clause", "who", "hyphens"],
)
def test_no_dash_aside(nlp: Language, sentence: str) -> None:
    """A participle, a relative clause, an ``as`` clause and hyphens inside words are no aside."""
    _doc, atts = parse(nlp, sentence, "rules")
    assert [a for a in atts if a.rule == "dash_aside"] == []


def test_aside_dashes_and_spaced_dash(nlp: Language) -> None:
    doc = nlp("The plan is bold -- critics say reckless -- and well-known.")
    say = next(t for t in doc if t.text == "say")
    opening, closing = aside_dashes(say) or (-1, -1)
    assert (doc[opening].text, doc[closing].text) == ("--", "--")
    hyphen = next(t for t in doc if t.text == "-")
    assert spaced_dash(doc[opening]) and not spaced_dash(hyphen)
