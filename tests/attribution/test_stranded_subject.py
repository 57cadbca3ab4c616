"""``subject_before_the_verb`` (:mod:`newsgraph.attribution.stranded`) and ``speech_beside_the_quote``
(:mod:`newsgraph.attribution.rules`), each on hand-written sentences through the real parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.rules import _Index, speech_beside_the_quote
from newsgraph.attribution.stranded import introduces, place_continues, subject_before_the_verb
from tests.attribution._rules import find, parse, quotes_of, source_of

PLEA = "As a part of his plea, Anton Vasile Popa, 39, said that he stole nearly 200 passwords from his home abroad."


def test_a_name_the_parse_hung_on_the_introduction_is_the_subject(nlp: Language) -> None:
    doc, atts = parse(nlp, PLEA, "rules")
    said = next(t for t in doc if t.lower_ == "said")
    assert doc[said.i - 4].dep_ == "appos"  # the parse this rule is for: "Popa" hangs on "plea"
    found = subject_before_the_verb(said)
    assert found is not None and found.text == "Popa"
    a = find(doc, atts, "said")
    assert (source_of(doc, a) or "").startswith("Anton Vasile Popa")
    assert [q.speaker.name for q in quotes_of(nlp, PLEA)] == ["Anton Vasile Popa"]


@pytest.mark.parametrize(
    "sentence,verb",
    [
        (
            "Marco Lenz offered the reporters coffee, then says he will answer every question.",
            "says",
        ),  # a clause
        ("Ask the mayor, the clerk said.", "Ask"),  # an imperative
        ("The senator said the bill would pass.", "said"),  # its own subject
    ],
    ids=["clause", "imperative", "own_subject"],
)
def test_no_subject_from_a_clause_an_imperative_or_a_verb_that_has_one(
    nlp: Language, sentence: str, verb: str
) -> None:
    doc = nlp(sentence)
    assert subject_before_the_verb(next(t for t in doc if t.text == verb)) is None


def test_introductions_and_places(nlp: Language) -> None:
    doc = nlp("At the plant in Dayton, Ohio, union leader Carla Diaz said the workers would strike.")
    assert introduces(doc[0])  # "At"
    ohio = next(t for t in doc if t.text == "Ohio")
    assert place_continues(doc[ohio.i : ohio.i + 1])
    said = next(t for t in doc if t.text == "said")
    found = subject_before_the_verb(said)
    if found is not None:  # when the parse leaves "said" without its subject, the name is the subject
        assert found.text == "Diaz"


@pytest.mark.parametrize(
    "text,speech",
    [
        ("“Absolutely,” he said when a reporter asked again.", True),
        ("Asked whether he would run again, Ortiz said, “Probably.”", True),
        ("“Judge,” Brafman said, “I have never seen this.”", True),
        ("Speaking on ABC’s “This Week,” Carson admitted the error.", False),  # a title after a possessive
        ("“Broad City” Star Asked Actors To Act Whiter.", False),  # a headline: no mark inside the quote
    ],
    ids=["after", "before", "name_after", "title", "headline"],
)
def test_a_short_capitalised_quote_beside_a_speech_verb_is_speech(
    nlp: Language, text: str, speech: bool
) -> None:
    doc = nlp(text)
    q = quote_spans(text)[0]
    assert speech_beside_the_quote(doc, _Index(doc).tokens_in(q)) is speech
    quoted = [x for x in quotes_of(nlp, text) if x.text.startswith(text[q[0] : q[1]])]
    assert bool(quoted) is speech


@pytest.mark.parametrize(
    "source,outside",
    [("a part of his plea, Anton Vasile Popa, 39,", True), ("Anton Vasile Popa, 39,", False)],
    ids=["phrase", "name"],
)
def test_a_source_in_a_prepositional_phrase_never_replaces_the_rules(
    nlp: Language, source: str, outside: bool
) -> None:
    """``source_in_a_prepositional_phrase``: the model read ``[a part of his plea, …] said``."""
    from newsgraph.attribution.model.combine import source_in_a_prepositional_phrase
    from newsgraph.attribution.records import Attribution

    doc = nlp(PLEA)
    start = PLEA.index(source)
    toks = [t.i for t in doc if start <= t.idx < start + len(source)]
    said = next(t.i for t in doc if t.lower_ == "said")
    m = Attribution(cue=[said], source=(toks[0], toks[-1] + 1), content=[], rule="model")
    assert source_in_a_prepositional_phrase(doc, m) is outside
    doc, atts = parse(nlp, PLEA)  # combined: the rule's source stays
    assert (source_of(doc, find(doc, atts, "said")) or "").startswith("Anton Vasile Popa")


def test_an_agent_is_no_prepositional_phrase(nlp: Language) -> None:
    from newsgraph.attribution.model.combine import source_in_a_prepositional_phrase
    from newsgraph.attribution.records import Attribution

    doc = nlp("The plan was criticized by the mayor on Monday.")
    cue = next(t.i for t in doc if t.text == "criticized")
    mayor = next(t.i for t in doc if t.text == "mayor")
    m = Attribution(cue=[cue], source=(mayor - 1, mayor + 1), content=[], rule="model")
    assert not source_in_a_prepositional_phrase(doc, m)
