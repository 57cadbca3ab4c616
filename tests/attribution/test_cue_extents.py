"""The cue phrase as corpora mark it (``Quote.cue_phrase``): trailing circumstances after a quote, a participle's
governing verb (hand-written sentences; each runs the real parse + rules)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.attribution._rules import extent_of, find, parse, source_of


def test_cue_phrase_takes_trailing_circumstances_after_a_quote(nlp: Language) -> None:
    doc, atts = parse(nlp, "“We did our best,” Bush said, holding back tears.")
    a = find(doc, atts, "said")
    assert extent_of(doc, a) == "said , holding back tears"
    assert [doc[i].text for i in a.cue] == ["said"]
    doc, atts = parse(nlp, "“We did our best,” Bush said, adding that the vote was close.")
    a = find(doc, atts, "said")
    assert extent_of(doc, a) == "said"  # "adding" is its own attribution


def test_participle_cue_phrase_opens_at_the_governing_verb(nlp: Language) -> None:
    doc, atts = parse(nlp, "Rubio hit back again, saying Christie was too focused on his campaign.")
    a = find(doc, atts, "saying")
    assert extent_of(doc, a) == "hit back again , saying"
    assert source_of(doc, a) == "Rubio"


def test_refusal_takes_its_verb(nlp: Language) -> None:
    """Rule ``refusal_takes_its_verb``: the refused verb with its object's preposition joins the cue phrase."""
    doc, atts = parse(nlp, "A spokesman for the company declined to comment on the lawsuit.")
    assert extent_of(doc, find(doc, atts, "declined")) == "declined to comment on"
    doc, atts = parse(nlp, "The minister refused to offer his own figure for the layoffs.")
    assert extent_of(doc, find(doc, atts, "refused")) == "refused to offer"
    doc, atts = parse(nlp, "The minister promised to offer his own figure for the layoffs.")
    assert extent_of(doc, find(doc, atts, "promised")) == "promised"  # only a refusal


@pytest.mark.parametrize(
    ("text", "cue", "extent"),
    [
        # comma_aside_joins_the_cue: a comma-set phrase of the cue verb before the content
        (
            "The defendant said, per a translator, that the money had been a loan.",
            "said",
            "said , per a translator",
        ),
        ("He said, however, that the plan would fail.", "said", "said , however"),
        # no content right after the closing comma: the aside is not the cue's
        ("“We will win,” she said, in a statement, and left the room.", "said", "said"),
    ],
)
def test_comma_aside_joins_the_cue(nlp: Language, text: str, cue: str, extent: str) -> None:
    doc, atts = parse(nlp, text)
    assert extent_of(doc, find(doc, atts, cue)) == extent
