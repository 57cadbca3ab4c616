"""Rule ``perception`` (``newsgraph.attribution.perception``): a verb of perception with a bare clause reports
something seen or heard, not said; neither the rules nor the model's additions make it an attribution."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.perception import STOP_PERCEPTION, perceives_a_bare_clause, perception_rule
from newsgraph.attribution.records import Thresholds
from newsgraph.attribution.verb_rules import verb_frame
from tests.attribution._rules import content_of, find, parse


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        (
            "Tyresha McClenney and Bryan Anderson saw Clinton's running mate Tim Kaine speak at a recent rally.",
            "saw",
        ),
        ("He watched the president sign the bill on Tuesday.", "watched"),
    ],
)
def test_a_bare_clause_after_a_perception_verb_is_no_attribution(nlp: Language, text: str, verb: str) -> None:
    doc, atts = parse(nlp, text)  # the combined setting: the model's reading is refused too
    tok = next(t for t in doc if t.text == verb)
    assert perceives_a_bare_clause(tok)
    frame = verb_frame(tok, Thresholds())
    assert frame is None or perception_rule(frame) is STOP_PERCEPTION
    assert all(doc[a.cue[0]].text != verb for a in atts)


def test_a_that_clause_after_a_perception_verb_still_reports(nlp: Language) -> None:
    doc, atts = parse(nlp, "She saw that the plan had failed.", model="rules")
    assert not perceives_a_bare_clause(next(t for t in doc if t.text == "saw"))
    assert content_of(doc, find(doc, atts, "saw")) == "that the plan had failed"


def test_a_heard_speech_verb_keeps_its_report(nlp: Language) -> None:
    doc, atts = parse(nlp, "I heard him say that the plan had failed.", model="rules")
    assert content_of(doc, find(doc, atts, "say")) == "that the plan had failed"
