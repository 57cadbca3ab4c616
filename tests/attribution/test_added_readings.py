"""What a model reading must look like to be added (``combine``): a weak cue's clause is its own
(``weak_cue_takes_a_clause``), the content lies on one side of the cue (``content_on_one_side``); and a speaker's
name never runs past its source phrase (``name_within_source``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.component import QuotesComponent, name_within_source
from newsgraph.attribution.model.combine import content_on_one_side, weak_cue_takes_a_clause
from newsgraph.attribution.records import Attribution

RECEIVE = (
    "Despite media pronouncements that Clinton was the winner of the debate, she did not receive a bump in "
    "one of the first polls to emerge."
)


def _reading(text: str, nlp: Language, cue: str, source: str, contents: list[str]) -> tuple[Doc, Attribution]:
    doc = nlp(text)
    c = next(t.i for t in doc if t.text == cue)
    s = text.index(source)
    first = next(t.i for t in doc if t.idx == s)
    last = next(t.i for t in doc if t.idx + len(t.text) == s + len(source))
    frags = [(text.index(x), text.index(x) + len(x)) for x in contents]
    return doc, Attribution(cue=[c], source=(first, last + 1), content=frags, rule="model", cue_extent=[c])


def test_a_weak_cue_needs_a_clause_of_its_own(nlp: Language) -> None:
    doc, m = _reading(RECEIVE, nlp, "receive", "she", ["that Clinton was the winner of the debate"])
    assert not weak_cue_takes_a_clause(doc, m)  # the clause is the pronouncements', three arcs away
    doc, m = _reading("She saw that the plan failed.", nlp, "saw", "She", ["that the plan failed"])
    assert weak_cue_takes_a_clause(doc, m)
    text = "Clinton, seizing on a Times report that Trump had a net loss in 1995, said he was a disaster."
    doc, m = _reading(text, nlp, "seizing", "Clinton", ["a Times report that Trump had a net loss in 1995"])
    assert weak_cue_takes_a_clause(doc, m)  # the clause is inside the phrase the cue governs


@pytest.mark.parametrize(
    ("text", "cue", "source", "contents", "ok"),
    [
        (
            RECEIVE,
            "receive",
            "she",
            ["that Clinton was the winner of the debate", "a bump in one of the first polls to emerge"],
            False,
        ),
        ("Kim warned that prices would rise.", "warned", "Kim", ["that prices would rise"], True),
        ("Prices will rise, Kim warned.", "warned", "Kim", ["Prices will rise"], True),
    ],
)
def test_content_on_one_side(
    nlp: Language, text: str, cue: str, source: str, contents: list[str], ok: bool
) -> None:
    doc, m = _reading(text, nlp, cue, source, contents)
    assert content_on_one_side(doc, m) is ok


def test_no_attribution_to_a_verb_between_two_phrases(nlp: Language) -> None:
    comp = QuotesComponent(nlp, "check")
    doc = nlp(RECEIVE)
    assert all(doc[a.cue[0]].lemma_ != "receive" for a in comp.attributions(doc))


def test_name_within_source() -> None:
    assert name_within_source((0, 30), (0, 4)) == (0, 4)
    assert name_within_source((2, 5), (0, 8)) == (2, 5)
    assert name_within_source((6, 9), (0, 4)) == (6, 9)  # no overlap: the name as read


def test_an_appositive_after_the_verb_is_not_in_the_name(nlp: Language) -> None:
    text = (
        "A majority of voters expect Clinton to win Monday's debate, the first of the general election, at "
        "Hofstra University -- 44 percent to Trump's 34 percent."
    )
    quotes = nlp(text)._.quotes
    assert [q.speaker.resolved_from or q.speaker.name for q in quotes] == ["A majority of voters"]
