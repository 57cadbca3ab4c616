"""Speakers named from the writer's or reader's point of view (``I``, ``we``, ``you``, ``your state``) and place
names that the grammar makes people (``Senator Paris``); hand-written sentences, checked through the contract."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.attribution._rules import quotes_of


@pytest.mark.parametrize(
    "text,surface",
    [
        ("You said the plan would work.", "You"),
        ("Your state said the plan would work.", "Your state"),
        ("“I will not resign,” I said.", "I"),
    ],
)
def test_first_or_second_person_without_antecedent_is_unknown(nlp: Language, text: str, surface: str) -> None:
    q = quotes_of(nlp, text)[0]
    assert (q.speaker.name, q.speaker.kind, q.speaker.resolved_from) == ("unknown", "unknown", surface)
    assert q.speaker.span is not None and text[q.speaker.span[0] : q.speaker.span[1]] == surface


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("John Smith said the plan works. Our editor said the tool was not ready.", "Our editor"),
        (
            "Ann Lee said the bridge was safe. My brother told the council that the road would close.",
            "My brother",
        ),
    ],
)
def test_possessed_noun_is_not_the_speaker(nlp: Language, text: str, surface: str) -> None:
    """Rule ``possessed_noun_is_not_the_speaker``: "our editor" is someone else than the speaker before it."""
    q = quotes_of(nlp, text)[-1]
    assert (q.speaker.name, q.speaker.kind, q.speaker.resolved_from) == ("unknown", "unknown", surface)


def test_first_person_outside_a_quote_takes_the_speaker_before(nlp: Language) -> None:
    text = "The mayor said the bridge was safe. We told the council that the road would close."
    q = next(q for q in quotes_of(nlp, text) if q.cue == "told")
    assert (q.speaker.name, q.speaker.resolved_from) == ("the mayor", "We")


@pytest.mark.parametrize(
    "text,name",
    [
        ("Senator Paris claims the contract was never signed.", "Paris"),
        (
            "The singer Paris Jackson arrived late. Paris claims the contract was never signed.",
            "Paris Jackson",
        ),
        ("Paris smiled and said the contract was never signed.", "Paris"),
    ],
)
def test_place_name_the_grammar_makes_a_person(nlp: Language, text: str, name: str) -> None:
    q = next(q for q in quotes_of(nlp, text) if q.text.startswith("the contract"))
    assert (q.speaker.name, q.speaker.kind) == (name, "person")


def test_capital_as_a_state_stays_a_state(nlp: Language) -> None:
    q = quotes_of(nlp, "Paris claims the contract was never signed.")[0]
    assert (q.speaker.name, q.speaker.kind) == ("France", "state")


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("V.A. suggests that veterans will wait longer for care.", "V.A.", "organization"),
        ("The U.S. said the talks would resume.", "United States", "state"),
    ],
)
def test_unplaced_acronym_is_an_organization(nlp: Language, text: str, name: str, kind: str) -> None:
    """Rule ``unplaced_acronym_is_an_organization``: the NER reads "V.A. suggests …" as a place; it is no state.
    ("AI suggests …", the first example, is no quote at all since ``machine_is_no_speaker``.)"""
    q = quotes_of(nlp, text)[0]
    assert (q.speaker.name, q.speaker.kind) == (name, kind)


def test_unplaced_acronym() -> None:
    from newsgraph.attribution.geo import unplaced_acronym

    assert unplaced_acronym("AI") and unplaced_acronym("V.A.")
    assert not unplaced_acronym("UK") and not unplaced_acronym("U.S.") and not unplaced_acronym("Strava")
