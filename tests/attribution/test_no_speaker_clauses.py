"""Rules ``tough_adjective_has_no_speaker`` (:func:`newsgraph.attribution.reported.tough_adjective`) and
``subordinate_clause_is_no_parenthetical`` (:func:`newsgraph.attribution.constructions.subordinated`): a cue word in
"it is hard to deny …" or in "when your claim is denied" is no one's denial. Hand-written sentences through the
real parse and rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.constructions import subordinated
from newsgraph.attribution.reported import tough_adjective, verb_subject

from ._rules import cue_texts, parse


@pytest.mark.parametrize(
    ("text", "verb", "tough"),
    [
        ("It is hard to deny this camera, but the lens is slow.", "deny", True),
        ("It is important to note that most policies will not cover a cancelled trip.", "note", True),
        # the subject of these adjectives speaks
        ("The minister was quick to deny that the port would close.", "deny", False),
        ("She is likely to say that the vote was rigged.", "say", False),
    ],
)
def test_tough_adjective(nlp: Language, text: str, verb: str, tough: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert tough_adjective(tok) is tough
    assert (verb_subject(tok) is None) is tough


@pytest.mark.parametrize(
    ("text", "verb", "subordinate"),
    [
        ("There are legal remedies available when your claim is denied.", "denied", True),
        ("The board will reopen the case if the inspectors say so.", "say", True),
        # a true parenthetical, and an "as" clause
        ("The plan, many economists say, will fail.", "say", False),
        ("As the senator put it, the bill is dead.", "put", False),
    ],
)
def test_subordinated(nlp: Language, text: str, verb: str, subordinate: bool) -> None:
    doc = nlp(text)
    assert subordinated(next(t for t in doc if t.text == verb)) is subordinate


@pytest.mark.parametrize(
    "text",
    [
        "It is hard to deny this camera, but for me it comes down to the images.",
        "While the path to benefits is not simple, there are legal remedies available when your claim is denied.",
    ],
)
def test_no_denial_read(nlp: Language, text: str) -> None:
    doc, records = parse(nlp, text, "rules")
    assert not any("den" in c for c in cue_texts(doc, records)), cue_texts(doc, records)


def test_the_parenthetical_still_reads(nlp: Language) -> None:
    doc, records = parse(nlp, "The plan, many economists say, will fail.", "rules")
    assert cue_texts(doc, records) == ["say"]
