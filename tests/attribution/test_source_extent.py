"""Who a source is: rules ``temporal_modifier_is_no_name``, ``object_control`` (:mod:`newsgraph.attribution.reported`),
``capitalised_mid_sentence`` (:mod:`newsgraph.attribution.casing`), and the nouns a participle's speaker holds
(``MEDIA_NOUNS``). Hand-written sentences through the real parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.casing import capitalised_mid_sentence, lower_first
from newsgraph.attribution.reported import (
    np_core,
    np_slice,
    object_controller,
    temporal_modifier,
    unbroken_phrase,
)

from ._rules import find, parse, quotes_of, source_of

TIMED = "Trump this week also said he would consider naming a new judge to the court. Voters like Trump."


def test_a_time_phrase_is_no_part_of_the_name(nlp: Language) -> None:
    doc = nlp(TIMED)
    trump, week = doc[0], doc[2]  # the parse hangs "this week" on the name here
    assert temporal_modifier(week) is True, [(t.text, t.dep_, t.head.text) for t in doc]
    assert temporal_modifier(trump) is False
    assert doc[slice(*np_slice(trump))].text == "Trump this week"  # PolNeAR's source span keeps the time
    assert doc[slice(*np_core(trump))].text == "Trump"  # the name does not


def test_the_speaker_of_a_timed_source(nlp: Language) -> None:
    assert [q.speaker.name for q in quotes_of(nlp, TIMED) if q.cue == "said"] == ["Trump"]


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # circumstance_leaves_the_source: the time or occasion the parse hung on the subject
        ("The senator in an interview said the bill was dead.", "The senator", "the senator"),
        ("A city poll in June showed that most residents backed the plan.", "A city poll", "a city poll"),
        # a place or a gathering says who
        ("The man in the video said the police had hit him.", "The man in the video", "the man in the video"),
        (
            "Many people at his rallies agreed with the plan to close the border.",
            "Many people at his rallies",
            None,
        ),
    ],
)
def test_circumstance_leaves_the_source(nlp: Language, text: str, source: str, speaker: str | None) -> None:
    doc, atts = parse(nlp, text, "rules")
    assert source_of(doc, atts[0]) == source
    if speaker is not None:
        assert [q.speaker.name for q in quotes_of(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("Ross this week said it would rain. Voters like Ross.", "Ross", True),
        # no other capitalised use after a lower-case word: a common noun at the start of a sentence
        ("Officials said it would rain. The officials left.", "Officials", False),
        # a title-case headline is no evidence ("Officials Say" after a capital)
        ("Storm Officials Say Rain Is Coming\n\nOfficials said it would rain.", "Officials", False),
        # stop words keep the old rule
        ("The mayor said it would rain. He read The Times.", "The", False),
    ],
)
def test_capitalised_mid_sentence(nlp: Language, text: str, word: str, kept: bool) -> None:
    doc = nlp(text)
    first = next(t for t in doc if t.text == word and t.is_sent_start)
    assert capitalised_mid_sentence(first) is kept


def test_lower_first(nlp: Language) -> None:
    doc = nlp("Officials said it would rain.")
    assert lower_first("Officials", doc[0]) == "officials"
    doc = nlp("NATO said it would act.")
    assert lower_first("NATO", doc[0]) == "NATO"


@pytest.mark.parametrize(
    ("text", "verb", "controller"),
    [
        ("Federal law requires candidates to disclose their assets.", "disclose", "candidates"),
        ("The senator urged supporters to say no to the plan.", "say", "supporters"),
        # no object: the subject speaks
        ("The senator wants to say more about the plan.", "say", None),
        # subject control: the one who promises announces
        ("The mayor promised voters to announce the budget by Friday.", "announce", None),
    ],
)
def test_object_control(nlp: Language, text: str, verb: str, controller: str | None) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    got = object_controller(tok)
    assert (got.text if got is not None else None) == controller, [(t.text, t.dep_, t.head.text) for t in doc]


def test_object_control_gives_the_source(nlp: Language) -> None:
    doc, atts = parse(
        nlp, "Federal law requires candidates to disclose their assets and sources of income.", "rules"
    )
    found = [a for a in atts if any(doc[i].text == "disclose" for i in a.cue)]
    assert found, [(doc[a.cue[0]].text, source_of(doc, a)) for a in atts]
    assert all(source_of(doc, a) == "candidates" for a in found)


def test_participle_of_a_news_conference(nlp: Language) -> None:
    doc, atts = parse(
        nlp,
        "“We will get there together,” she said at a news conference announcing that her department was suing "
        "the state over the new law.",
        "rules",
    )
    assert source_of(doc, find(doc, atts, "announcing")) == "she"


APPOSITIVE_AFTER_VERB = (
    "A majority of voters expect Clinton to win Monday's debate, the first of the general election, at "
    "Hofstra University -- 44 percent to Trump's 34 percent."
)


def test_unbroken_phrase(nlp: Language) -> None:
    """The parse hangs "the first of …" (after the verb) on the subject: the subject's span stops before the verb."""
    doc = nlp(APPOSITIVE_AFTER_VERB)
    majority = next(t for t in doc if t.text == "majority")
    assert majority.right_edge.i > majority.head.i, [(t.text, t.dep_, t.head.text) for t in doc]
    assert unbroken_phrase(majority, majority.left_edge.i, majority.right_edge.i) == (0, 3)
    assert doc[slice(*np_slice(majority))].text == "A majority of voters"
    # a phrase in one piece keeps all of it
    doc = nlp("The minister of finance, a former banker, said the plan would work.")
    minister = next(t for t in doc if t.text == "minister")
    assert doc[slice(*np_slice(minister))].text == "The minister of finance, a former banker"


def test_negative_source_names_no_one(nlp: Language) -> None:
    """names_no_one: "no major AI company" is nobody: kind unknown, no entity (it had been filed under "AI")."""
    from newsgraph.attribution.pronouns import names_no_one

    text = (
        "Most critically, no major AI company has agreed to honour the standard. Google said it would wait."
    )
    quotes = quotes_of(nlp, text)
    agreed = next(q for q in quotes if q.cue == "agreed")
    assert agreed.speaker.kind == "unknown" and agreed.speaker.name == "no major AI company"
    said = next(q for q in quotes if q.cue == "said")
    assert said.speaker.kind == "organization"
    doc = nlp(text)
    assert names_no_one(next(t for t in doc if t.lower_ == "no"))
    assert not names_no_one(next(t for t in doc if t.text == "Google"))


SPLIT_SOURCE = (
    "Voters cheered the mayor, and top campaign aide Maria Oduya, who called Reyes “a fraud” over the weekend, "
    "said the race was over."
)


def test_the_clause_of_the_cue_is_no_part_of_its_source(nlp: Language) -> None:
    """``source_holds_no_cue``: the relative clause that holds the cue leaves the source but for its pronoun
    (PolNeAR's source); a cue outside the clause keeps the whole phrase."""
    doc, atts = parse(nlp, SPLIT_SOURCE, "rules")
    called = find(doc, atts, "called")
    assert source_of(doc, called) == "top campaign aide Maria Oduya, who"
    oduya = next(t for t in doc if t.text == "Oduya")
    cue = next(t for t in doc if t.text == "called")
    whole, own = np_slice(oduya), np_slice(oduya, cue)
    assert doc[whole[0] : whole[1]].text.endswith("over the weekend")
    assert doc[own[0] : own[1]].text == "top campaign aide Maria Oduya, who"


def test_an_object_the_parse_folded_into_the_predicate_is_read(nlp: Language) -> None:
    """``object_inside_the_predicate``: the parse makes *Trump* a modifier of the predicate *a con man*; the
    object content is still read, with its predicate."""
    doc, atts = parse(nlp, "Smith, who called Trump “a con man” on Twitter, declined to comment.", "rules")
    assert next(t for t in doc if t.text == "Trump").dep_ == "nmod"  # the parse this rule is for
    called = find(doc, atts, "called")
    assert called.rule == "dobj"
    assert doc.text[called.content[0][0] : called.content[-1][1]].startswith("Trump “a con man”")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # participle_read_as_a_clause: the parse makes the participle a clausal subject
        (
            "Large majorities of primary voters in six states going to the polls on Tuesday said they back the plan.",
            "Large majorities of primary voters in six states",
        ),
        (
            "Many Republicans clamoring for less federal involvement in schools support the replacement bill.",
            "Many Republicans",
        ),
    ],
)
def test_participle_read_as_a_clause(nlp: Language, text: str, source: str) -> None:
    from newsgraph.attribution.reported import participle_read_as_a_clause

    doc, atts = parse(nlp, text, "rules")
    assert [source_of(doc, a) for a in atts] == [source]
    csubj = next(t for t in doc if t.dep_ == "csubj")
    assert participle_read_as_a_clause(csubj) is not None
    doc = nlp("What the mayor said was a surprise to everyone.")
    assert all(participle_read_as_a_clause(t) is None for t in doc if t.dep_ == "csubj")
