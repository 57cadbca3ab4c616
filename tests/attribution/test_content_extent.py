"""Content refinements (``object_extension``, ``speaker_clause_verbs``) on hand-written sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.content_extent import coordinated_that, extends_object, object_run_on
from tests.attribution._rules import content_of, find, parse, source_of

# an object content runs on through the cue verb's trailing phrases
RUN_ON = [
    ("The prosecutor charged the driver with reckless homicide.", "charged",
     "the driver with reckless homicide"),
    ("The donor wrote a large check to a group backing the mayor.", "wrote",
     "a large check to a group backing the mayor"),
    ("The ministry described the report as a fabrication.", "described", "the report as a fabrication"),
    ("The senator likened the bill to a blank check.", "likened", "the bill to a blank check"),
]  # fmt: skip

# ... and stops before a date adjunct, a participle after a comma, or a coordinated verb
STOPS = [
    ("The ministry denied the report on Monday.", "denied", "the report"),
    ("The union rejected the offer, walking out of the talks.", "rejected", "the offer"),
    ("The ministry denied the report and left the room.", "denied", "the report"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,content", RUN_ON, ids=[c for _, c, _ in RUN_ON])
def test_object_content_runs_on(nlp: Language, sentence: str, cue: str, content: str) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, cue)
    assert content_of(doc, a) == content
    s, e = a.content[0]
    assert doc.text[s:e] == content


@pytest.mark.parametrize("sentence,cue,content", STOPS, ids=["date", "participle", "coordination"])
def test_object_content_stops(nlp: Language, sentence: str, cue: str, content: str) -> None:
    doc, atts = parse(nlp, sentence)
    assert content_of(doc, find(doc, atts, cue)) == content


def test_object_run_on_reads_the_verbs_dependents(nlp: Language) -> None:
    doc = nlp("The court charged the driver with reckless homicide on Monday.")
    verb = next(t for t in doc if t.text == "charged")
    driver = next(t for t in doc if t.text == "driver")
    assert doc[object_run_on(verb, driver.i)].text == "homicide"
    with_ = next(t for t in doc if t.text == "with")
    on = next(t for t in doc if t.text == "on")
    assert extends_object(with_) and not extends_object(on)


def test_a_verb_in_the_speakers_relative_clause_is_no_quote_cue(nlp: Language) -> None:
    text = (
        "“Turnout will be lower this year,” said Ann Ruiz, a pollster who has known the candidates for years. "
        "“Voters are tired.”"
    )
    doc, atts = parse(nlp, text)
    cues = [doc[a.cue[0]].text for a in atts]
    assert "known" not in cues
    second = next(a for a in atts if "Voters are tired" in content_of(doc, a))
    assert doc[second.cue[0]].text == "said"


# dobj rule: a pronoun object with a predicate after it is a judgement about it (``_predicate_after``)
PRONOUN_OBJECTS = [
    ("Many delegates call it a waste of money.", "call", "it a waste of money"),
    ("The governor described it as a betrayal.", "described", "it as a betrayal"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,content", PRONOUN_OBJECTS, ids=["oprd", "as"])
def test_pronoun_object_with_a_predicate(nlp: Language, sentence: str, cue: str, content: str) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, cue)
    assert a.rule == "dobj"
    assert content_of(doc, a) == content


def test_bare_pronoun_object_is_no_content(nlp: Language) -> None:
    _doc, atts = parse(nlp, "The governor described it.")
    assert atts == []


# survey_in (newsgraph.attribution.adjuncts): one identified poll reports the rest of the sentence
SURVEYS = [
    ("The mayor held a wide lead among older voters in a new Gallup poll.", "a new Gallup poll",
     "The mayor held a wide lead among older voters"),
    ("In the latest Quinnipiac survey, most voters opposed the tax.", "the latest Quinnipiac survey",
     "most voters opposed the tax"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,source,content", SURVEYS, ids=["after", "before"])
def test_survey_in(nlp: Language, sentence: str, source: str, content: str) -> None:
    # the rule itself: the learned keep gate may drop a fronted poll
    doc, atts = parse(nlp, sentence, "rules")
    a = next(a for a in atts if a.rule == "survey_in")
    assert doc[a.cue[0]].lower_ == "in"
    assert source_of(doc, a) == source
    assert content_of(doc, a) == content


def test_the_polls_in_general_report_nothing(nlp: Language) -> None:
    _doc, atts = parse(nlp, "The senator has slipped in the polls since March.")
    assert [a for a in atts if a.rule == "survey_in"] == []


# coordination_extension: verbs the parse coordinated with the cue verb instead of the content's verb
COORDINATED = [
    ("He pledged to enact judicial reform, fix the broken courts and lower taxes.", "pledged",
     "to enact judicial reform, fix the broken courts and lower taxes"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,content", COORDINATED, ids=["infinitives"])
def test_infinitive_content_runs_on_through_coordination(
    nlp: Language, sentence: str, cue: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, cue)
    assert a.rule == "xcomp"
    assert content_of(doc, a) == content


def test_coordinated_clause_with_its_own_subject_stays_out(nlp: Language) -> None:
    doc, atts = parse(nlp, "The union vowed to fight the cuts, and the mayor left the room.")
    assert content_of(doc, find(doc, atts, "vowed")) == "to fight the cuts"


# mixed_quote_extent: a quoted fragment inside the phrase its cue verb governs takes the whole phrase
MIXED = [
    ("The governor is already claiming victory in the so-called “rust belt bracket.”", "claiming",
     "victory in the so-called “rust belt bracket.”"),
    ("The senator offered himself as a “law and order” candidate.", "offered",
     "himself as a “law and order” candidate"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,content", MIXED, ids=["prep", "as"])
def test_mixed_quote_takes_the_whole_phrase(nlp: Language, sentence: str, cue: str, content: str) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, cue)
    assert content_of(doc, a) == content
    assert a.quotes and a.type == "mixed"


def test_a_whole_quoted_complement_stays_the_quote(nlp: Language) -> None:
    doc, atts = parse(nlp, "“We will win,” the senator told reporters.")
    a = find(doc, atts, "told")
    assert content_of(doc, a) == "“We will win,”"
    assert a.type == "direct"


# reported._media_sender: the one who sends a statement speaks, not the statement
SENDERS = [
    ("The town council released a statement saying the comments were false.", "The town council"),
    ("The campaign responded with a note saying the report was wrong.", "The campaign"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,source", SENDERS, ids=["dobj", "pobj"])
def test_statement_saying_credits_the_sender(nlp: Language, sentence: str, source: str) -> None:
    doc, atts = parse(nlp, sentence)
    a = find(doc, atts, "saying")
    assert source_of(doc, a) == source


def test_a_statement_of_nobody_keeps_the_statement(nlp: Language) -> None:
    doc, atts = parse(nlp, "A statement saying the comments were false was posted online.")
    assert source_of(doc, find(doc, atts, "saying")) == "A statement"


def test_coordinated_that_clause_hung_on_the_cue_verb(nlp: Language) -> None:
    # the parse of a PolNeAR sentence: the second "that" clause hangs on the cue verb, not on the first clause
    words = ["He", "said", "that", "it", "failed", ",", "and", "that", "they", "left", "."]
    heads = [1, 1, 4, 4, 1, 1, 1, 9, 9, 1, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "cc", "mark", "nsubj", "conj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    said, failed, left = doc[1], doc[4], doc[9]
    assert coordinated_that(said, failed.i) == left.i
    other = Doc(nlp.vocab, words=[*words[:7], "they", "left", "."], heads=[1, 1, 4, 4, 1, 1, 1, 8, 1, 1],
                deps=[*deps[:7], "nsubj", "conj", "punct"])  # fmt: skip
    assert coordinated_that(other[1], 4) == 4  # "and they left": a main clause of its own


def test_a_coordinated_main_clause_is_no_content(nlp: Language) -> None:
    doc, atts = parse(nlp, "The mayor said that the budget was tight, and the council left.")
    assert content_of(doc, find(doc, atts, "said")) == "that the budget was tight"


def test_find_reports_only_what_a_study_finds(nlp: Language) -> None:
    doc, atts = parse(nlp, "A new survey found broad support for the tax among older voters.")
    a = find(doc, atts, "found")
    assert a.rule == "dobj" and source_of(doc, a) == "A new survey"
    assert content_of(doc, a).startswith("broad support for the tax")
    doc, atts = parse(nlp, "The former senator found a new job at a law firm.")
    assert [a for a in atts if doc[a.cue[0]].text == "found"] == []
