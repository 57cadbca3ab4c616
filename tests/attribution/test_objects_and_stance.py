"""Contents that are objects, short answers, light-verb and stance constructions: ``denied the report``,
``said yes``, ``took a shot at X``, ``a supporter of X``, ``as X put it`` (hand-written sentences; each runs the real
parse + rules)."""

from __future__ import annotations

from spacy.language import Language

from tests.attribution._rules import content_of, extent_of, find, parse, source_of


def test_weak_object_cue_needs_a_speaker_or_speech_object(nlp: Language) -> None:
    _doc, atts = parse(nlp, "The candidate launched his campaign in June.")
    assert atts == []


def test_statement_saying_is_one_attribution(nlp: Language) -> None:
    doc, atts = parse(nlp, "The town released a statement Wednesday saying the comments were false.")
    assert len(atts) == 1
    a = atts[0]
    assert content_of(doc, a) == "the comments were false"
    assert extent_of(doc, a) == "released a statement Wednesday saying"


# ----------------------------------------------------------------------------------------- recall rules


def test_as_x_put_it(nlp: Language) -> None:
    doc, atts = parse(nlp, "As the senator put it, the bill is dead.")
    a = find(doc, atts, "put")
    assert extent_of(doc, a) == "put it"
    assert source_of(doc, a) == "the senator"
    assert content_of(doc, a) == "the bill is dead"
    doc, atts = parse(nlp, "As the Washington Post observed, Republicans now control both chambers.")
    a = find(doc, atts, "observed")
    assert source_of(doc, a) == "the Washington Post"
    assert content_of(doc, a) == "Republicans now control both chambers"
    doc, atts = parse(nlp, "As he walked in, the crowd cheered.")
    assert atts == []


def test_agent_noun_without_possessor(nlp: Language) -> None:
    doc, atts = parse(nlp, "Israel is the main issue for Adelson, a fierce supporter of the nation.")
    a = find(doc, atts, "supporter")
    assert source_of(doc, a) == "Adelson"
    assert content_of(doc, a) == "the nation"
    assert extent_of(doc, a) == "a fierce supporter of"
    doc, atts = parse(nlp, "Dayton is a supporter of Clinton.")
    a = find(doc, atts, "supporter")
    assert (source_of(doc, a), content_of(doc, a)) == ("Dayton", "Clinton")
    doc, atts = parse(nlp, "The stadium is a supporter of the roof.")  # not a speaker
    assert atts == []


def test_light_verbs_with_stance_nouns(nlp: Language) -> None:
    doc, atts = parse(nlp, "Blackwell also took a shot at Hillary Clinton.")
    a = find(doc, atts, "shot")
    assert (source_of(doc, a), content_of(doc, a)) == ("Blackwell", "Hillary Clinton")
    doc, atts = parse(nlp, "Most voters have no idea who their state senator is.")
    a = find(doc, atts, "idea")
    assert content_of(doc, a) == "who their state senator is"
    doc, atts = parse(nlp, "He made it clear that he would run again.")
    a = find(doc, atts, "clear")
    assert extent_of(doc, a) == "made it clear"
    assert content_of(doc, a) == "that he would run again"
    doc, atts = parse(nlp, "He took a photo of the crowd.")
    assert atts == []


def test_short_answers_and_relative_clauses(nlp: Language) -> None:
    doc, atts = parse(nlp, "Most Democrats said yes, but half said so.")
    assert [content_of(doc, a) for a in atts] == ["yes", "so"]
    doc, atts = parse(nlp, "Cook did not say when.")
    a = find(doc, atts, "say")
    assert content_of(doc, a) == "when"
    doc, atts = parse(nlp, "The changes, which officials said will take effect next year, are small.")
    a = find(doc, atts, "said")
    assert source_of(doc, a) == "officials"
    assert a.content[0] == (doc.text.index("which"), doc.text.index("which") + 5)
    assert content_of(doc, a) == "which will take effect next year"


def test_see_x_as_y(nlp: Language) -> None:
    doc, atts = parse(nlp, "Many voters viewed him as a traitor.")
    a = find(doc, atts, "viewed")
    assert content_of(doc, a) == "him as a traitor"
    doc, atts = parse(nlp, "She saw him at the station.")
    assert atts == []


def test_that_clause_hung_on_a_noun_of_the_cue(nlp: Language) -> None:
    doc, atts = parse(nlp, "Adelson said on Friday during a news conference that he may wait until February.")
    a = find(doc, atts, "said")
    assert content_of(doc, a) == "that he may wait until February"


def test_agree_with_and_think_so(nlp: Language) -> None:
    doc, atts = parse(nlp, "Former President Bill Clinton agreed with the analysis.")
    a = find(doc, atts, "agreed")
    assert content_of(doc, a) == "the analysis"
    doc, atts = parse(nlp, "Ted Cruz apparently thinks so, too.")
    a = find(doc, atts, "thinks")
    assert (source_of(doc, a), content_of(doc, a)) == ("Ted Cruz", "so")


def test_stance_adjective_about_something(nlp: Language) -> None:
    doc, atts = parse(nlp, "Sanders was less shy about Wall Street.")
    a = find(doc, atts, "shy")
    assert (source_of(doc, a), content_of(doc, a)) == ("Sanders", "Wall Street")
    assert extent_of(doc, a) == "was less shy about"
    doc, atts = parse(nlp, "The old city is full of tourists.")  # no speaker, no stance
    assert atts == []
