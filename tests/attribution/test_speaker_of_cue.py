"""Whose words a cue verb reports: the subject through participles, infinitives, passives and raising verbs
(hand-written sentences; each runs the real parse + rules)."""

from __future__ import annotations

from spacy.language import Language

from tests.attribution._rules import content_of, cue_texts, extent_of, find, parse, source_of


def test_participle_after_for_or_into_does_not_take_the_clause_subject(nlp: Language) -> None:
    # the one refusing is Snyder, not the governor: no attribution credits "The governor" with "refusing"
    doc, atts = parse(nlp, "The governor chastised Snyder for refusing to ask for federal help.")
    assert not any(
        doc[a.verb].lemma_ == "refuse" and source_of(doc, a) == "The governor"
        for a in atts
        if a.verb is not None
    )
    doc, atts = parse(nlp, "The lawyers deceived the judge into thinking that prison was normal.")
    assert not any(doc[a.verb].lemma_ == "think" for a in atts if a.verb is not None)


def test_participle_after_by_keeps_the_clause_subject(nlp: Language) -> None:
    doc, atts = parse(nlp, "The senator ended the debate by saying that the bill was dead.")
    a = find(doc, atts, "saying")
    assert source_of(doc, a) == "The senator"
    assert extent_of(doc, a) == "ended the debate by saying"


def test_purpose_clause_after_an_object_is_not_an_attribution(nlp: Language) -> None:
    doc, atts = parse(nlp, "Obama visited the court on Friday to view the flag-draped casket.")
    assert "view" not in cue_texts(doc, atts)
    doc, atts = parse(nlp, "The governor went on to praise the new budget.")
    a = find(doc, atts, "praise")  # "went on to": the infinitive continues the subject's act
    assert source_of(doc, a) == "The governor"


def test_relative_pronoun_is_no_passive_content(nlp: Language) -> None:
    doc, atts = parse(nlp, "A deal that was rejected by large majorities in Congress will not play well.")
    assert not any(content_of(doc, a).lower() in {"that", "which", "who"} for a in atts)


def test_seem_to_gives_the_inner_verb_the_attribution(nlp: Language) -> None:
    doc, atts = parse(nlp, "Obama seemed to recognize the significance of the victory.")
    assert len(atts) == 1
    a = atts[0]
    assert [doc[i].text for i in a.cue] == ["recognize"]
    assert extent_of(doc, a) == "seemed to recognize"
    assert content_of(doc, a) == "the significance of the victory"
