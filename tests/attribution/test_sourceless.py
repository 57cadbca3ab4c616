"""Source-less verb rules (``newsgraph.attribution.sourceless``) on hand-written sentences."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.language import Language

from newsgraph.attribution.frames import Found, VerbRule
from newsgraph.attribution.records import RULE_NAMES, Thresholds
from newsgraph.attribution.sourceless import expected_rule, impression_rule
from newsgraph.attribution.verb_rules import VERB_RULES, verb_frame
from tests.attribution._rules import find, parse


class Case(NamedTuple):
    rule: VerbRule
    sentence: str
    cue: str
    fragments: list[str]


CASES = [
    Case(impression_rule, "The mayor seemed tired of the fight.", "seemed", ["The mayor", "tired of the fight"]),
    Case(impression_rule, "The new stadium looks like a long shot.", "looks",
         ["The new stadium", "like a long shot"]),
    Case(expected_rule, "The economy is expected to grow by two percent.", "expected",
         ["The economy", "to grow by two percent"]),
    Case(expected_rule, "The governor is widely believed to favor the tax.", "believed",
         ["The governor", "to favor the tax"]),
]  # fmt: skip

NEGATIVE = [
    (impression_rule, "The mayor looked at the report.", "looked"),
    (impression_rule, "It seems that the mayor is tired.", "seems"),
    (impression_rule, "The mayor seems sure the council will approve it.", "seems"),
    (expected_rule, "The plan was criticized by opposition lawmakers.", "criticized"),
    (expected_rule, "The mayor expected a large crowd.", "expected"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule.__name__}-{c.cue}" for c in CASES])
def test_sourceless_rule(nlp: Language, case: Case) -> None:
    doc, atts = parse(nlp, case.sentence, model="rules")
    verb = next(t for t in doc if t.text == case.cue)
    frame = verb_frame(verb, Thresholds())
    assert frame is not None
    found = case.rule(frame)
    assert isinstance(found, Found) and found.sourceless
    a = find(doc, atts, case.cue)
    assert a.rule == found.rule
    assert a.source is None and a.source_head is None
    assert [doc.text[s:e] for s, e in a.content] == case.fragments


@pytest.mark.parametrize(
    "rule,sentence,cue", NEGATIVE, ids=[f"{r.__name__}-{s[:12]}" for r, s, _ in NEGATIVE]
)
def test_sourceless_rule_leaves_other_sentences_alone(
    nlp: Language, rule: VerbRule, sentence: str, cue: str
) -> None:
    doc = nlp(sentence)
    frame = verb_frame(next(t for t in doc if t.text == cue), Thresholds())
    if frame is not None:
        assert rule(frame) is None


def test_sourceless_rules_are_registered() -> None:
    assert {expected_rule, impression_rule} <= set(VERB_RULES)
    assert {"expected", "impression"} <= set(RULE_NAMES)
