"""Rule ``conjunct_outside_quotes`` (:func:`newsgraph.attribution.reported.conjunct_outside_quotes`): a cue verb
outside quotation marks is not coordinated with a verb inside them, so its speaker is not the quoted words'
subject. Hand-written sentences through the real parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.reported import conjunct_outside_quotes, verb_subject

# the parse coordinates "asserting" with the verb of the quote before it ("makes"), whose subject is "That"
MISPARSED = (
    "Mr. Adams hardly settled the question, treating the senator's jab first as praise -- ''That makes me "
    "clever'' -- and, when pressed after the hearing, asserting, ''Of course, I pay my taxes.''"
)


def test_the_parse_under_test_still_coordinates_into_the_quote(nlp: Language) -> None:
    doc = nlp(MISPARSED)
    verb = next(t for t in doc if t.text == "asserting")
    assert verb.dep_ == "conj" and verb.head.text == "makes", [(t.text, t.dep_, t.head.text) for t in doc]


def test_the_speaker_comes_from_the_conjunct_outside_the_quotes(nlp: Language) -> None:
    doc = nlp(MISPARSED)
    verb = next(t for t in doc if t.text == "asserting")
    conj = conjunct_outside_quotes(verb)
    assert conj is not None and conj.text == "treating"
    subj = verb_subject(verb)
    assert subj is not None and subj.text == "Adams"


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        # an ordinary coordination outside quotes is left to the parse
        ("The governor smiled and said that the budget was balanced.", "said", "governor"),
        # a cue inside the quote with its conjunct inside the quote: the rule does not apply
        ("“We went there and we said that it was wrong,” Ms. Lee recalled.", "said", "we"),
    ],
)
def test_conjuncts_the_rule_leaves_alone(nlp: Language, text: str, verb: str, source: str) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert conjunct_outside_quotes(tok) is None
    subj = verb_subject(tok)
    assert subj is not None and subj.text == source, [(t.text, t.dep_, t.head.text) for t in doc]


def test_the_quoted_speaker_is_gone_from_the_pipeline(nlp: Language) -> None:
    from newsgraph.attribution.component import QuotesComponent

    doc = nlp(MISPARSED)
    atts = QuotesComponent(nlp, "newsgraph_quotes", model="rules").attributions(doc)
    speakers = {doc[a.source[0] : a.source[1]].text for a in atts if a.source is not None}
    assert "That" not in speakers and any("Adams" in s for s in speakers), speakers
