"""Recall rules of the third round (hand-written sentences; each runs the real parse + rules): opinion nouns after a
light verb, cue phrases through a raising adjective or a relative clause."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.attribution._rules import content_of, extent_of, find, parse, source_of

# light_rule (newsgraph.attribution.constructions.LIGHT_NOUNS): an opinion noun joins the cue, its object is content
LIGHT = [
    ("The senator offered his congratulations to the new mayor.", "offered",
     "offered his congratulations to", "the new mayor"),
    ("The committee should offer an opinion on the new rules.", "offer",
     "should offer an opinion on", "the new rules"),
    ("The governor gave a stern assessment of the budget.", "gave", "gave a stern assessment of", "the budget"),
]  # fmt: skip


@pytest.mark.parametrize(
    "sentence,cue,extent,content", LIGHT, ids=["congratulations", "opinion", "assessment"]
)
def test_light_verb_with_an_opinion_noun(
    nlp: Language, sentence: str, cue: str, extent: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, cue)
    assert a.rule == "light"
    assert extent_of(doc, a) == extent
    assert content_of(doc, a) == content


def test_light_verb_with_a_plain_object_keeps_the_object(nlp: Language) -> None:
    _doc, atts = parse(nlp, "The company offered a discount to new customers.")
    assert all(a.rule != "light" for a in atts)


# raising_adjective (newsgraph.attribution.extent): "are more likely to say" is one cue phrase
RAISING = [
    ("Older voters are slightly more likely to say that the economy is improving.", "say",
     "are slightly more likely to say"),
    ("The group was more likely to support the mayor.", "support", "was more likely to support"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,extent", RAISING, ids=["ccomp", "dobj"])
def test_raising_adjective_joins_the_cue_phrase(nlp: Language, sentence: str, cue: str, extent: str) -> None:
    doc, atts = parse(nlp, sentence)
    assert extent_of(doc, find(doc, atts, cue)) == extent


def test_adjective_after_the_cue_is_no_raising(nlp: Language) -> None:
    doc, atts = parse(nlp, "She is likely to win the vote, the pollster said.")
    assert extent_of(doc, find(doc, atts, "said")) == "said"


# relative_clause_cue (newsgraph.attribution.extent): the auxiliaries of a relative-clause cue verb
RELATIVE = [
    ("The mayor, who had previously endorsed the plan, spoke on Monday.", "endorsed", "had previously endorsed"),
    ("The governor, who has repeatedly pledged to cut taxes, won easily.", "pledged", "has repeatedly pledged"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,extent", RELATIVE, ids=["dobj", "xcomp"])
def test_relative_clause_cue_takes_its_auxiliaries(
    nlp: Language, sentence: str, cue: str, extent: str
) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, cue)
    assert extent_of(doc, a) == extent
    assert source_of(doc, a) is not None and source_of(doc, a).startswith("The ")  # type: ignore[union-attr]


def test_main_clause_cue_keeps_its_subject_out(nlp: Language) -> None:
    doc, atts = parse(nlp, "The mayor had previously endorsed the plan.")
    a = find(doc, atts, "endorsed")
    assert extent_of(doc, a) == "had previously endorsed"
    assert source_of(doc, a) == "The mayor"
