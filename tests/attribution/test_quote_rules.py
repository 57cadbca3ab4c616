"""Each quote rule (:data:`newsgraph.attribution.quote_rules.QUOTE_RULES`, and the inverted / interrupted speaker
of a quote's cue verb) on its own hand-written sentence; the quote's speaker is checked through the contract."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.language import Language

from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.quote_rules import QUOTE_RULES, quote_speaker, verb_follows_quote
from tests.attribution._rules import parse, quotes_of


class Case(NamedTuple):
    rule: str
    text: str
    quote: str  # the quote starts with this
    source: str
    speaker: str


CASES = [
    Case("colon_quote", "Walsh continued: “They are asking for this, and they are pushing hard.”", "“They are",
         "Walsh", "Walsh"),
    Case("colon_quote", "Greta Nilsen is sending voters a blunt new message: “Turn out or lose the town.”", "“Turn out",
         "Greta Nilsen", "Greta Nilsen"),
    Case("comma_quote", "Anna Berg, curator at the city museum, said, “These paintings show the harbour.”", "“These",
         "Anna Berg, curator at the city museum", "Anna Berg"),
    Case("said_colon", "The tax code keeps growing. Said Morris: “I don’t think she cares about the budget.”", "“I don",
         "Morris", "Morris"),
    Case("words_of", "In the words of the chief inspector, Paul Hendry, “We have never seen a fire spread this fast.”",
         "“We have", "the chief inspector, Paul Hendry", "Paul Hendry"),
    Case("dash_byline", "“The vote was a disgrace and everyone knows it.” ― Maria Lopez\n“Next time we win.” ― Tom Reyes",
         "“Next time", "Tom Reyes", "Tom Reyes"),
    Case("speech_sentence_before", "Senator Maria Lopez spoke at length on Tuesday.\n\n“We will not back down on this "
         "bill.”", "“We will", "Senator Maria Lopez", "Maria Lopez"),
    Case("speech_sentence_before", "The minister responded angrily. “Nobody in this room believes that story.”",
         "“Nobody", "The minister", "the minister"),
    Case("inverted_quote", '"The campaign is in trouble. Real trouble," said Mary Winters, a Chicago-based president '
         "of the Midwest Teachers Union.", '"The campaign', "Mary Winters, a Chicago-based president of the Midwest "
         "Teachers Union", "Mary Winters"),
    Case("inverted_quote", '"The danger," said Tomas Berger, an economist at the state university, "is that we lose '
         'the factories."', '"The danger', "Tomas Berger, an economist at the state university", "Tomas Berger"),
    Case("interrupted_quote", '"The roads are closed. All of them," council member Nadia Petrova told reporters, '
         '"until the snow stops."', '"The roads', "council member Nadia Petrova", "Nadia Petrova"),
]  # fmt: skip


RULES = {r.__name__: r for r in QUOTE_RULES}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{i}" for i, c in enumerate(CASES)])
def test_quote_rule(nlp: Language, case: Case) -> None:
    doc, _ = parse(nlp, case.text)
    q = next(q for q in quote_spans(case.text) if case.text[q[0] :].startswith(case.quote))
    first = next(t.i for t in doc if t.idx >= q[0])
    if case.rule in RULES:
        att = RULES[case.rule](doc, q, first)
        assert att is not None and att.rule == case.rule
        assert att.source is not None
        source = doc[att.source[0] : att.source[1]].text
    else:  # the speaker of a cue verb whose parsed subject is inside the quote
        verb = next(t for t in doc if t.lemma_ in {"say", "tell"})
        found = quote_speaker(verb, q)
        assert found is not None and found[3] == case.rule
        source = doc[found[0] : found[1]].text
    assert source == case.source
    quote = next(q for q in quotes_of(nlp, case.text) if q.text.startswith(case.quote))
    assert quote.type in {"direct", "mixed"}  # mixed: a verb rule read "told reporters, “until …”" as content
    assert quote.speaker.name == case.speaker


def test_every_quote_rule_is_tested() -> None:
    assert {r.__name__ for r in QUOTE_RULES} <= {c.rule for c in CASES}


def test_negation_inside_the_quote_is_not_the_cue(nlp: Language) -> None:
    quotes = quotes_of(nlp, "“Are we ready? Probably not,” Ms. Carter said. “Will we be ready? Absolutely.”")
    assert [q.cue for q in quotes] == ["said", "said"]
    assert [q.speaker.name for q in quotes] == ["Carter", "Carter"]


def test_a_dash_inside_a_sentence_is_no_byline(nlp: Language) -> None:
    quotes = quotes_of(
        nlp, "They sang “Happy Birthday to the Mayor of the Town” — and then the lights went out."
    )
    assert not any(q.cue == "—" for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "The minister explained the plan. “Nobody in this room believes that story.”",  # the verb has its object
        "The minister spoke. “Nobody in this room believes that story,” a critic said later.",  # a cue of its own
        "The minister arrived late. “Nobody in this room believes that story.”",  # no speech verb
        "The minister spoke. The crowd cheered. “Nobody in this room believes that story.”",  # not right before
    ],
)
def test_speech_sentence_before_needs_a_bare_speech_verb_right_before(nlp: Language, text: str) -> None:
    from newsgraph.attribution.quote_rules import speech_sentence_before

    doc, _ = parse(nlp, text)
    q = next(q for q in quote_spans(text) if text[q[0] :].startswith("“Nobody"))
    first = next(t.i for t in doc if t.idx >= q[0])
    assert speech_sentence_before(doc, q, first) is None


def test_a_split_quote_whose_verb_lost_its_subject_keeps_the_name_after_the_verb(nlp: Language) -> None:
    """``verb_follows_quote``: the parser gives the name to the quote's second half (``Berger`` the subject of
    ``is``), so ``said`` has no subject; the name right after the verb is still the speaker."""
    text = '"The danger," said Tomas Berger, an economist at the state university, "is that we lose the factories."'
    doc, _ = parse(nlp, text)
    said = next(t for t in doc if t.lower_ == "said")
    first, second = quote_spans(text)
    assert not any(c.dep_ in {"nsubj", "nsubjpass"} for c in said.children)  # the parse this rule is for
    assert verb_follows_quote(said, first) and not verb_follows_quote(said, second)
    quotes = quotes_of(nlp, text)
    assert [q.speaker.name for q in quotes] == ["Tomas Berger"] * len(quotes) and quotes
    assert quotes[0].text.startswith('"The danger')
