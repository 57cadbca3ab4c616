"""Rules ``speech_clause`` (a reporting verb with its own ``that`` clause owns the attribution, not the verb or
adjective it depends on) and ``occasion_infinitive`` (``went out of his way to say``: the clause's subject
speaks)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.reported import occasion_infinitive, speech_clause
from tests.attribution._rules import content_of, extent_of, find, parse, source_of


@pytest.mark.parametrize(
    ("text", "cue", "extent", "source", "content"),
    [
        (
            "Sexton was quick to point out that not all Trump supporters held such views.",
            "point",
            "was quick to point out",
            "Sexton",
            "that not all Trump supporters held such views",
        ),
        (
            "The senator tried to explain that the plan would save money.",
            "explain",
            "tried to explain",
            "The senator",
            "that the plan would save money",
        ),
    ],
)
def test_the_inner_reporting_verb_owns_the_clause(
    nlp: Language, text: str, cue: str, extent: str, source: str, content: str
) -> None:
    doc, atts = parse(nlp, text, model="rules")
    a = find(doc, atts, cue)
    assert extent_of(doc, a) == extent
    assert source_of(doc, a) == source
    assert content_of(doc, a) == content
    assert len(atts) == 1  # no second attribution on "quick" / "tried"


def test_speech_clause_needs_a_reporting_verb_and_a_clause(nlp: Language) -> None:
    doc = nlp("The union vowed to fight the cuts, and she tried to argue that the cuts were legal.")
    fight = next(t for t in doc if t.lower_ == "fight")
    argue = next(t for t in doc if t.lower_ == "argue")
    assert not speech_clause(fight)  # no reporting verb: "vowed" keeps "to fight the cuts"
    assert speech_clause(argue)
    doc = nlp("She wanted to argue the case.")
    assert not speech_clause(next(t for t in doc if t.lower_ == "argue"))  # no clause of its own


def test_a_promise_keeps_its_infinitive(nlp: Language) -> None:
    doc, atts = parse(nlp, "The union vowed to fight the cuts.", model="rules")
    a = find(doc, atts, "vowed")
    assert content_of(doc, a) == "to fight the cuts"


@pytest.mark.parametrize(
    ("text", "verb", "clause"),
    [
        ("He went out of his way to say that Russia's economy had hit bottom this year.", "say", "went"),
        ("She took the opportunity to announce that she would run.", "announce", "took"),
    ],
)
def test_occasion_infinitive_speaks_for_the_clause_subject(
    nlp: Language, text: str, verb: str, clause: str
) -> None:
    doc, atts = parse(nlp, text, model="rules")
    a = find(doc, atts, verb)
    assert source_of(doc, a) in {"He", "She"}
    assert content_of(doc, a).startswith("that ")
    found = occasion_infinitive(next(t for t in doc if t.lower_ == verb))
    assert found is not None and found.lower_ == clause


def test_a_noun_that_is_no_occasion_keeps_its_infinitive(nlp: Language) -> None:
    doc = nlp("She was the first candidate to say that the war was a mistake.")
    say = next(t for t in doc if t.lower_ == "say")
    assert occasion_infinitive(say) is None
