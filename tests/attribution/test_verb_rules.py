"""Each verb rule of :data:`newsgraph.attribution.verb_rules.VERB_RULES` on its own sentence (hand-written).

For every rule: a sentence it handles (the rule itself returns its content, and the attribution record carries
its name) and a sentence it must leave alone (the rule returns None there).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.attribution.final_report import final_report_rule
from newsgraph.attribution.frames import STOP_MEDIA, STOP_RAISING, Found, VerbRule
from newsgraph.attribution.perception import perception_rule
from newsgraph.attribution.records import RULE_NAMES, Thresholds
from newsgraph.attribution.sourceless import expected_rule, impression_rule
from newsgraph.attribution.verb_rules import (
    VERB_RULES,
    answer_rule,
    ccomp_rule,
    dobj_rule,
    light_rule,
    make_clear_rule,
    media_saying_rule,
    parenthetical_rule,
    participle_extension,
    passive_rule,
    phrasal_mark_rule,
    phrasal_rule,
    raising_rule,
    stray_that_rule,
    verb_frame,
    xcomp_rule,
)
from tests.attribution._rules import content_of, find, parse, source_of


class Case(NamedTuple):
    rule: VerbRule
    sentence: str
    cue: str  # the verb the rule reads
    source: str
    content: str


CASES = [
    Case(ccomp_rule, "The mayor said that the bridge would reopen in May.", "said", "The mayor",
         "that the bridge would reopen in May"),
    Case(stray_that_rule, "Adelson said on Friday during a news conference that he may wait until February.",
         "said", "Adelson", "that he may wait until February"),
    Case(answer_rule, "Most Democrats said yes.", "said", "Most Democrats", "yes"),
    Case(make_clear_rule, "He made it clear that he would run again.", "made", "He", "that he would run again"),
    Case(xcomp_rule, "The union vowed to fight the cuts.", "vowed", "The union", "to fight the cuts"),
    Case(phrasal_mark_rule, "The senator is calling for the government to cut fuel taxes.", "calling",
         "The senator", "the government to cut fuel taxes"),
    Case(phrasal_rule, "The protesters called for the immediate release of the prisoners.", "called",
         "The protesters", "the immediate release of the prisoners"),
    Case(dobj_rule, "The ministry denied the report.", "denied", "The ministry", "the report"),
    Case(light_rule, "Blackwell also took a shot at Hillary Clinton.", "took", "Blackwell", "Hillary Clinton"),
    Case(passive_rule, "The budget plan was criticized by opposition lawmakers.", "criticized",
         "opposition lawmakers", "The budget plan"),
    Case(parenthetical_rule, "The plan, many economists say, will fail.", "say", "many economists",
         "The plan will fail"),
    Case(final_report_rule, "Residents also shouted, “Save our park,” pointing to the mayor’s plan to sell the land, "
         "the Daily Courier reports.", "reports", "the Daily Courier",
         "Residents also shouted, “Save our park,” pointing to the mayor’s plan to sell the land"),
]  # fmt: skip

# sentences where the rule finds nothing (another rule, or none, applies)
NEGATIVE = [
    (ccomp_rule, "The ministry denied the report.", "denied"),
    (stray_that_rule, "The mayor said that the bridge would reopen.", "said"),
    (answer_rule, "The mayor said that the bridge would reopen.", "said"),
    (make_clear_rule, "He made a cake for the party.", "made"),
    (xcomp_rule, "The ministry denied the report.", "denied"),
    (phrasal_mark_rule, "The protesters called for the immediate release of the prisoners.", "called"),
    (phrasal_rule, "The senator is calling for the government to cut fuel taxes.", "calling"),
    (dobj_rule, "The candidate launched his campaign in June.", "launched"),
    (light_rule, "He took a photo of the crowd.", "took"),
    (passive_rule, "The ministry denied the report.", "denied"),
    (parenthetical_rule, "The mayor said that the bridge would reopen.", "said"),
    (raising_rule, "The mayor said that the bridge would reopen.", "said"),
    (media_saying_rule, "The ministry denied the report.", "denied"),
    (final_report_rule, "The mayor said that the bridge would reopen.", "said"),
    (final_report_rule, "The bridge will reopen, the mayor said on Monday in a statement.", "said"),
]


def _verb(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("case", CASES, ids=[c.rule.__name__ for c in CASES])
def test_rule_finds_its_content(nlp: Language, case: Case) -> None:
    doc, atts = parse(nlp, case.sentence)
    frame = verb_frame(_verb(doc, case.cue), Thresholds())
    assert frame is not None
    found = case.rule(frame)
    assert isinstance(found, Found)
    a = find(doc, atts, case.cue)
    assert a.rule == found.rule  # the record carries the rule's name
    assert source_of(doc, a) == case.source
    assert content_of(doc, a) == case.content
    for s, e in a.content:
        assert doc.text[s:e] in case.sentence


@pytest.mark.parametrize("rule,sentence,cue", NEGATIVE, ids=[r.__name__ for r, _, _ in NEGATIVE])
def test_rule_leaves_other_sentences_alone(nlp: Language, rule: VerbRule, sentence: str, cue: str) -> None:
    doc = nlp(sentence)
    frame = verb_frame(_verb(doc, cue), Thresholds())
    if frame is not None:
        assert rule(frame) is None


STOPS = [
    (raising_rule, "Obama seemed to recognize the significance of the victory.", "seemed", STOP_RAISING,
     "recognize"),
    (media_saying_rule, "The town released a statement Wednesday saying the comments were false.", "released",
     STOP_MEDIA, "saying"),
]  # fmt: skip


@pytest.mark.parametrize("rule,sentence,cue,stop,owner", STOPS, ids=[s[0].__name__ for s in STOPS])
def test_stop_rules_leave_the_attribution_to_another_verb(
    nlp: Language, rule: VerbRule, sentence: str, cue: str, stop: object, owner: str
) -> None:
    doc, atts = parse(nlp, sentence)
    frame = verb_frame(_verb(doc, cue), Thresholds())
    assert frame is not None and rule(frame) is stop
    assert len(atts) == 1
    assert doc[atts[0].cue[0]].text == owner


def test_every_rule_is_tested_and_named() -> None:
    # the source-less rules have their own cases in test_sourceless.py, perception in test_perception.py
    tested = {c.rule for c in CASES} | {raising_rule, media_saying_rule, expected_rule, impression_rule}
    tested |= {perception_rule}
    assert set(VERB_RULES) == tested
    assert {c.rule.__name__.removesuffix("_rule") for c in CASES} <= set(RULE_NAMES)
    assert all(r.__doc__ for r in VERB_RULES)


def test_participle_extension_runs_to_the_clause_end(nlp: Language) -> None:
    text = (
        "Lima called for the immediate withdrawal of Chilean ships allegedly sent to patrol alongside Peru in its "
        "fishing zone on Monday and signaled it may expel the envoy."
    )
    doc = nlp(text)
    frame = verb_frame(_verb(doc, "called"), Thresholds())
    assert frame is not None
    ships = _verb(doc, "ships")
    short = Found("phrasal", _verb(doc, "the").i, ships.i, (_verb(doc, "for").i,))
    longer = participle_extension(frame, short)
    assert doc[longer.start : longer.end + 1].text == (
        "the immediate withdrawal of Chilean ships allegedly sent to patrol alongside Peru in its fishing zone"
    )  # through the participle's clause, without the date adjunct and the coordinated "signaled"
    assert participle_extension(frame, Found("ccomp", short.start, short.end)) == Found(
        "ccomp", short.start, ships.i
    )
