"""Nested attributions worth keeping and longer cue phrases (hand-written sentences; each runs the real parse +
rules)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.nested import coordination_partner
from newsgraph.attribution.records import Thresholds
from newsgraph.attribution.verb_rules import media_participle, verb_frame
from tests.attribution._rules import content_of, extent_of, find, parse, source_of

# coordinated_with_cue (newsgraph.attribution.nested): a second speech predicate of the outer source that the parse
# hung on the outer content's verb is its own attribution, with the outer source; the outer content stops before it
COORDINATED = [
    ("The senator said his attacks on the governor have given his campaign momentum and said that the governor "
     "did not represent the party.", "said", "The senator", "the governor did not represent the party"),
    ("The mayor says she respects the governor and calls him a capable leader.", "calls", "The mayor",
     "him a capable leader"),
    # _separator: the cut stops at the closing mark of a quoted fragment, which stays with its quote
    ('The officer said the crew immediately "went into search mode to find out what had happened to the boat" and '
     "said the captain's rescue was always the priority.", "said", "The officer",
     "the captain's rescue was always the priority"),
    # coordination_partner, rule coordination_agrees: a coordinated speech verb whose form disagrees with the verb
    # the parse hung it on pairs with the nearest verb above of its own form
    ("The minister said the report was proof that the agency did not understand the law, and accused the "
     "regulator of hiding the figures.", "accused", "The minister", "the regulator of hiding the figures"),
    ('The governor says she\'d shut the plant down and tell the owners "no more delays" and tells voters the town '
     "will recover.", "tells", "The governor", "the town will recover"),
    ("She has called on the council to repair the bridge that links the two towns and proposed a new tax for "
     "the work.", "proposed", "She", "a new tax for the work"),
]  # fmt: skip


@pytest.mark.parametrize(
    "sentence,cue,source,content",
    COORDINATED,
    ids=["said-and-said", "says-and-calls", "after-a-quote", "did-and-past", "would-and-says", "has-called"],
)
def test_coordinated_cue_gets_the_outer_source(
    nlp: Language, sentence: str, cue: str, source: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    inner = [a for a in atts if a.verb is not None and doc[a.verb].text == cue][-1]
    assert source_of(doc, inner) == source
    assert content in content_of(doc, inner)
    assert len(atts) >= 2
    assert all(content not in content_of(doc, a) for a in atts if a is not inner)


# second_report (newsgraph.attribution.nested), rule second_report_after_and: "X said …, and Y said …" where the
# parse makes the second report a second complement of the first cue
SECOND = [
    ("Six in 10 Democratic primary voters said the mayor is honest and trustworthy, and three-quarters said the "
     "same of Sanders.", "three-quarters", "the same of Sanders", "the mayor is honest and trustworthy"),
    ("Most residents said the plan is fair and sensible, and two-thirds said the same of the budget.",
     "two-thirds", "the same of the budget", "the plan is fair and sensible"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,source,content,outer_content", SECOND, ids=["voters", "residents"])
def test_second_report_after_and(
    nlp: Language, sentence: str, source: str, content: str, outer_content: str
) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    assert [source_of(doc, a) for a in atts][1:] == [source]
    assert content_of(doc, atts[1]) == content
    assert content_of(doc, atts[0]) == outer_content


def test_a_nearer_verb_of_the_same_form_keeps_the_parse(nlp: Language) -> None:
    doc = nlp(
        "The aide said the senator was heading to interviews, which she was giving when guards stopped her and "
        "told her to leave."
    )
    told = next(t for t in doc if t.text == "told")
    assert coordination_partner(told).i == told.head.i


def test_shared_modal_keeps_the_predicate_inside(nlp: Language) -> None:
    doc, atts = parse(
        nlp, "The governor says he would meet the mayor and tell him the plan is over.", "rules"
    )
    assert [doc[a.verb].text for a in atts if a.verb is not None] == ["says"]
    assert "tell him" in content_of(doc, find(doc, atts, "says"))


# media_participle (newsgraph.attribution.verb_rules): a cue participle after "issued a statement" is the
# attribution; its cue phrase opens with the light verb and the document noun
MEDIA = [
    ("The two leaders issued a statement describing their meeting as a positive step.", "describing",
     "issued a statement describing", "their meeting as a positive step"),
    ("The council released a letter describing the plan as a failure.", "describing",
     "released a letter describing", "the plan as a failure"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,extent,content", MEDIA, ids=["statement", "letter"])
def test_media_participle_owns_the_attribution(
    nlp: Language, sentence: str, cue: str, extent: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    assert len(atts) == 1
    a = find(doc, atts, cue)
    assert extent_of(doc, a) == extent
    assert content_of(doc, a) == content


def test_media_participle_needs_a_document_noun(nlp: Language) -> None:
    doc = nlp("The senator made comments describing the plan as a failure.")
    f = verb_frame(doc[2], Thresholds())
    assert f is not None
    assert not media_participle(f, doc[3], doc[4])
    doc = nlp("The senator released a statement describing the plan as a failure.")
    f = verb_frame(doc[2], Thresholds())
    assert f is not None
    assert media_participle(f, doc[4], doc[5])


# in_a_statement (newsgraph.attribution.constructions, via stray_that_rule): "says in a statement that …" even when
# the parser hangs the that-clause on the document noun
IN_A_STATEMENT = [
    ("The group's director says in a statement that Smith’s “harsh rhetoric has crossed the line.”", "says",
     "says in a statement", "that Smith’s “harsh rhetoric has crossed the line.”"),
    ("Jane Doe says in a statement that Smith’s rhetoric has crossed the line.", "says", "says in a statement",
     "that Smith’s rhetoric has crossed the line"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,extent,content", IN_A_STATEMENT, ids=["quoted", "plain"])
def test_that_clause_on_the_statement_is_the_content(
    nlp: Language, sentence: str, cue: str, extent: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    a = find(doc, atts, cue)
    assert extent_of(doc, a) == extent
    assert content_of(doc, a) == content


# released_document + drop_document_object: "released the following statement: “…”": the quote is the content,
# the document noun joins the cue phrase
DOCUMENT = [
    ("When the senator died, President Jones released the following statement:\n\n“Mary and I offer our "
     "condolences to the family.”", "released the following statement",
     "“Mary and I offer our condolences to the family.”"),
    ("The governor issued a statement: “We offer our condolences to the family.”", "issued a statement",
     "“We offer our condolences to the family.”"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,extent,content", DOCUMENT, ids=["next-paragraph", "same-sentence"])
def test_released_document_quote_is_the_content(
    nlp: Language, sentence: str, extent: str, content: str
) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    assert len(atts) == 1
    assert extent_of(doc, atts[0]) == extent
    assert content_of(doc, atts[0]) == content
    assert atts[0].type == "direct"


# follows_a_cue (newsgraph.attribution.constructions): an adverbial clause after the cue verb it hangs on is no
# parenthetical around that verb
FOLLOWS = [
    ("“Oh, let him make that decision,” said the senator, urging those calling for his withdrawal to “give him "
     "time.”", "said", "the senator"),
    ("“We will win,” the mayor said at a town hall event Thursday, hinting at his plan for the vote.", "said",
     "the mayor"),
    ("Most Democrats said yes while many Republicans agreed.", "said", "Most Democrats"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,cue,source", FOLLOWS, ids=["urging", "hinting", "while"])
def test_clause_after_a_cue_keeps_the_cue(nlp: Language, sentence: str, cue: str, source: str) -> None:
    doc, atts = parse(nlp, sentence, model="rules")
    assert source_of(doc, find(doc, atts, cue)) == source
    assert all(a.rule != "parenthetical" for a in atts)


# relative_report (newsgraph.attribution.rules): a report inside a relative clause is an attribution of its own
RELATIVE = [
    ("The council passed a parking rule, which merchants said was unfair to small shops.", "said", "merchants",
     "was unfair to small shops"),
    ("Police arrested a group of men who investigators say are tied to the smuggling ring.", "say", "investigators",
     "are tied to the smuggling ring"),
]  # fmt: skip


def test_a_report_in_a_relative_clause_is_kept(nlp: Language) -> None:
    from newsgraph.attribution.rules import relative_report

    for sentence, cue, source, content in RELATIVE:
        doc, atts = parse(nlp, sentence, model="rules")
        a = find(doc, atts, cue)
        assert relative_report(doc, a), sentence
        assert (source_of(doc, a), content in content_of(doc, a)) == (source, True)


def test_a_relative_clause_of_the_speaker_is_no_relative_report(nlp: Language) -> None:
    """``who said`` with the relative pronoun as the reporting verb's own subject is the outer reading's."""
    from newsgraph.attribution.rules import relative_report

    doc, atts = parse(nlp, "The plan was backed by the mayor, who said it would cut traffic.", model="rules")
    assert not any(relative_report(doc, a) for a in atts)
