"""Nested attributions worth keeping and longer cue phrases (hand-written sentences; each runs the real parse +
rules)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.attribution._rules import content_of, find, parse, source_of

# coordinated_with_cue (newsgraph.attribution.nested): a second speech predicate of the outer source that the parse
# hung on the outer content's verb is its own attribution, with the outer source; the outer content stops before it
COORDINATED = [
    ("The senator said his attacks on the governor have given his campaign momentum and said that the governor "
     "did not represent the party.", "said", "The senator", "the governor did not represent the party"),
    ("The mayor says she respects the governor and calls him a capable leader.", "calls", "The mayor",
     "him a capable leader"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,source,content", COORDINATED, ids=["said-and-said", "says-and-calls"])
def test_coordinated_cue_gets_the_outer_source(
    nlp: Language, sentence: str, cue: str, source: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    inner = [a for a in atts if a.verb is not None and doc[a.verb].text == cue][-1]
    assert source_of(doc, inner) == source
    assert content in content_of(doc, inner)
    outer = atts[0]
    assert outer is not inner
    assert content not in content_of(doc, outer)


def test_shared_modal_keeps_the_predicate_inside(nlp: Language) -> None:
    doc, atts = parse(nlp, "The governor says he would meet the mayor and tell him the plan is over.", "rules")
    assert [doc[a.verb].text for a in atts if a.verb is not None] == ["says"]
    assert "tell him" in content_of(doc, find(doc, atts, "says"))
