"""Rule ``passive_addressee`` (:mod:`newsgraph.attribution.complements`, applied by ``speakers_not_addressees`` in
:mod:`.rules`): the subject of a passive ``ask`` / ``tell`` / ``assure`` is who was asked or told, not the speaker.
Hand-written sentences; each runs the real parse and rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.complements import passive_addressee, passive_agent
from tests.attribution._rules import parse


@pytest.mark.parametrize(
    ("text", "verb", "addressee", "agent"),
    [
        ("Sanders was asked whether he would endorse Clinton.", "asked", "Sanders", None),
        ("Voters were assured by the governor that the dam would hold.", "assured", "Voters", "governor"),
        ("Sanders asked whether Clinton would endorse him.", "asked", None, None),  # active: the asker
        ("Sanders was quoted as saying that he would stay.", "quoted", None, None),  # not an addressee verb
    ],
)
def test_passive_addressee(
    nlp: Language, text: str, verb: str, addressee: str | None, agent: str | None
) -> None:
    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    subj = passive_addressee(v)
    assert (subj.text if subj is not None else None) == addressee
    by = passive_agent(v)
    assert (by.text if by is not None else None) == agent


def test_an_addressee_is_no_source(nlp: Language) -> None:
    doc, atts = parse(
        nlp, "Sanders was asked whether he would endorse Clinton before the convention.", "rules"
    )
    (a,) = [a for a in atts if doc[a.cue[0]].text == "asked"]
    assert a.source is None
    (s, e) = a.content[0]
    assert doc.text[s:e] == "whether he would endorse Clinton before the convention"


def test_the_agent_is_the_source(nlp: Language) -> None:
    doc, atts = parse(nlp, "Voters were assured by the governor that the dam would hold.", "rules")
    (a,) = [a for a in atts if doc[a.cue[0]].text == "assured"]
    assert a.source is not None and doc[a.source[0] : a.source[1]].text == "the governor"
