"""Pronoun sources that do not take the latest antecedent (``newsgraph.attribution.pronouns``): quantifiers name an
anonymous group, a relative pronoun is the noun its clause modifies, a plural pronoun is never one state, and an
organisation the NER took for a person is no *he*. Hand-written sentences through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.pronouns import (
    a_state_is_it,
    quantifier_speaker,
    relative_noun,
    unresolved_pronoun,
    words_outside_quotes,
)
from newsgraph.attribution.speakers import SpeakerResolver
from newsgraph.models import Speaker
from tests.attribution._rules import quotes_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Florida will vote in November. Some believe the state will decide the election.", "some"),
        (
            "The governor met donors on Friday. Those close to him say that he will run again.",
            "those close to him",
        ),
        ("Many argue that the tax is unfair to renters.", "many"),
    ],
)
def test_quantifier_is_anonymous(nlp: Language, text: str, name: str) -> None:
    q = quotes_of(nlp, text)[-1]
    assert (q.speaker.name, q.speaker.kind) == (name, "anonymous"), q.speaker
    s, e = q.speaker.span or (0, 0)
    assert text[s:e].lower() == name


def test_quantifier_of_a_named_group_is_not_this_rule(nlp: Language) -> None:
    doc = nlp("Some of the senators said that the bill would fail.")
    some = next(t for t in doc if t.lower_ == "some")
    assert quantifier_speaker(some) is None


def test_relative_pronoun_takes_its_noun(nlp: Language) -> None:
    text = (
        "Russia tested a missile on Monday. Mr. Obama read the scientific literature, which warned that the "
        "planet was warming fast."
    )
    doc = nlp(text)
    which = next(t for t in doc if t.lower_ == "which")
    got_speaker = SpeakerResolver(doc).resolve((which.i, which.i + 1), which.i)
    assert got_speaker.name == "the scientific literature", got_speaker
    which = next(t for t in doc if t.lower_ == "which")
    got = relative_noun(which)
    assert got is not None and got[0].text == "literature"
    assert doc[got[1][0] : got[1][1]].text == "the scientific literature"
    assert relative_noun(next(t for t in doc if t.text == "Russia")) is None


def test_a_state_is_it(nlp: Language) -> None:
    class C:
        def __init__(self, name: str, kind: str) -> None:
            self.speaker = Speaker(name=name, kind=kind)

    assert not a_state_is_it("they", C("United States", "state"))
    assert a_state_is_it("it", C("United States", "state"))
    assert a_state_is_it("they", C("Russia and China", "state"))
    assert a_state_is_it("they", C("the union", "organization"))
    text = (
        "The United States sent more troops to the region on Monday.\n\nThey said that the plan was rushed."
    )
    q = quotes_of(nlp, text)[-1]
    assert q.speaker.name != "United States", q.speaker
    assert quotes_of(nlp, "The United States said on Monday that it had sent more troops.")[
        0
    ].speaker.name == ("United States")


def test_an_organisation_named_like_a_person_is_no_he(nlp: Language) -> None:
    text = (
        "Patriot Coal filed for bankruptcy in 2015. Tom Clarke bought two of its mines.\n\n"
        "“Coal isn't the villain,” he said."
    )
    q = next(q for q in quotes_of(nlp, text) if q.type == "direct")
    assert q.speaker.name == "Tom Clarke", q.speaker


def test_words_outside_quotes(nlp: Language) -> None:
    doc = nlp("I went there. “I love it,” she said. My view is simple.")
    assert [doc.text[i : i + 2] for i in words_outside_quotes(doc)] == ["I ", "My"]


def test_a_possessive_pronoun_source_is_its_possessor(nlp: Language) -> None:
    doc = nlp("Mitt Romney lost in 2012. His comment about the 47 percent was never forgotten.")
    his = next(t for t in doc if t.text == "His")
    sp = SpeakerResolver(doc).resolve((his.i, his.i + 1), his.i)
    assert (sp.name, sp.kind, sp.resolved_from) == ("Mitt Romney", "person", "His")


def test_unresolved_is_no_antecedent(nlp: Language) -> None:
    assert unresolved_pronoun(Speaker(name="she", kind="unknown"))
    assert not unresolved_pronoun(Speaker(name="Big Machine", kind="unknown"))
    assert not unresolved_pronoun(Speaker(name="she", kind="person"))
    doc = nlp("She arrived late. His message was clear.")
    r = SpeakerResolver(doc)
    she, his = doc[0], next(t for t in doc if t.text == "His")
    assert r.resolve((she.i, she.i + 1), she.i).kind == "unknown"
    assert r.resolve((his.i, his.i + 1), his.i).name == "His"  # not the unresolved "She" before it


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Barack Obama and Hillary Clinton said on Monday that the deal was fair. They added that it would pass.",
            "Barack Obama and Hillary Clinton",
        ),
        (
            "Senators Chuck Grassley and Patrick Leahy say other changes are needed. "
            "The program has expanded well beyond its original intent, they say.",
            "Chuck Grassley and Patrick Leahy",
        ),
    ],
)
def test_coordinated_people_speak_together(nlp: Language, text: str, pair: str) -> None:
    first, second = quotes_of(nlp, text)
    assert (first.speaker.name, first.speaker.kind) == (pair, "person"), first.speaker
    s, e = first.speaker.span or (0, 0)
    assert text[s:e] == pair  # the span is the body's own words
    assert second.speaker.name == pair and second.speaker.resolved_from in {"They", "they"}
    # one person stays one person, and "he" never goes to a pair
    solo = quotes_of(
        nlp, "Barack Obama and Hillary Clinton met on Monday. Later he said the talks had failed."
    )
    assert all(" and " not in q.speaker.name for q in solo)


def test_an_organisation_named_with_and_is_it(nlp: Language) -> None:
    """Rule ``organization_head`` in the resolver: "the Central and East European Coalition" is one organisation
    (an *it*), not a pair like "Russia and China" (a *they*); a capitalised name ending in an organisation head
    is an organisation even when no NER label says so."""
    text = (
        "The Central and East European Coalition wants to keep its old policy. "
        "On Tuesday, it said that it would welcome the plans."
    )
    said = next(q for q in quotes_of(nlp, text) if q.cue == "said")
    assert (said.speaker.name, said.speaker.kind) == (
        "the Central and East European Coalition",
        "organization",
    )
    assert said.speaker.resolved_from == "it"
