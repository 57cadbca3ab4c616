"""Rules ``title_noun`` (``the former first lady`` is a title a writer uses instead of a name), the named-modifier
check reading only capitalised names (``first`` tagged as a name is none), and ``known_gender_first`` (a gendered
pronoun prefers a person of its gender named shortly before to a nearer name of unknown gender)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Span

from newsgraph.attribution.gender import KNOWN_GENDER_CHARS, known_gender_first
from newsgraph.attribution.titles import (
    behind_a_preposition,
    person_in_title_phrase,
    runs_over_a_verb,
    title_noun,
)
from tests.attribution._rules import quotes_of

LEAD = (
    "Hillary Clinton, the former secretary of State, stressed her support of the 2011 raid that killed "
    "Osama bin Laden during a forum sponsored by NBC News and said she has the steadiness the job needs.\n\n"
)


def test_title_noun(nlp: Language) -> None:
    doc = nlp("The former first lady and the old lady met the senator.")
    first_lady, old_lady, senator = (t for t in doc if t.lower_ in {"lady", "senator"})
    assert title_noun(first_lady)
    assert not title_noun(old_lady)  # "lady" alone is no title
    assert title_noun(senator)


def test_the_former_first_lady_is_the_person_named_before(nlp: Language) -> None:
    text = (
        LEAD
        + "The former first lady said it was a mistake to use private email while at the State Department."
    )
    quotes = quotes_of(nlp, text)
    assert quotes[-1].speaker.name == "Hillary Clinton"
    assert quotes[-1].speaker.resolved_from == "The former first lady"


def test_she_goes_to_the_woman_named_before_not_to_an_unknown_name(nlp: Language) -> None:
    text = LEAD + "Speaking later, she denied that she mishandled classified information."
    quotes = quotes_of(nlp, text)
    denied = next(q for q in quotes if q.cue == "denied")
    assert denied.speaker.name == "Hillary Clinton"


@dataclass
class _C:
    pos: int


def test_known_gender_first() -> None:
    nearest, known = _C(900), _C(700)
    assert known_gender_first(nearest, known, 1000) is known
    assert known_gender_first(nearest, None, 1000) is nearest
    far = _C(1000 - KNOWN_GENDER_CHARS - 1)
    assert known_gender_first(nearest, far, 1000) is nearest  # too far back: the nearest stays


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Barack Obama spoke. Advisers to Mr. Obama said the president was tired.",
            "advisers to Mr. Obama",
            "anonymous",
        ),
        ("A spokesman for Mr. Trump said the report was false.", "a spokesman for Mr. Trump", "anonymous"),
        ("Secretary of State John Kerry said the talks would resume.", "John Kerry", "person"),
        ("The president's spokesman, Josh Earnest, said the talks would resume.", "Josh Earnest", "person"),
        (
            "South Korean Ambassador to the United Nations Hwang Joon-kook said the move was a gamble.",
            "Hwang Joon-kook",
            "person",
        ),
    ],
)
def test_title_with_a_name(nlp: Language, text: str, name: str, kind: str) -> None:
    quotes = quotes_of(nlp, text)
    assert (quotes[-1].speaker.name, quotes[-1].speaker.kind) == (name, kind)


def test_behind_a_preposition(nlp: Language) -> None:
    doc = nlp("Advisers to Mr. Obama met on Monday.")
    obama = next(e for e in doc.ents if e.text == "Obama")
    assert behind_a_preposition(obama, doc[0])
    advisers = doc[0]
    assert person_in_title_phrase(advisers, [obama]) is None


def test_an_entity_over_the_cue_is_no_name(nlp: Language) -> None:
    doc = nlp("Obama Sees Personal Insult if Voters Stay Home")
    ent = Span(doc, 0, 4, label="ORG")  # what the NER made of the headline
    assert runs_over_a_verb(ent, 1)  # the speaker's phrase is "Obama"; "Sees" is the cue
    assert not runs_over_a_verb(ent, 4)
