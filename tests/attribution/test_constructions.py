"""Attribution constructions added for recall, on small hand-written sentences (no dataset text).

Each test runs the real parse + rules and checks cue, source and content of the attribution it targets.
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.models import Article, span_errors
from tests.attribution._rules import content_of, extent_of, find, parse, source_of


def test_cue_extent_covers_auxiliaries_and_circumstances(nlp: Language) -> None:
    doc, atts = parse(nlp, "The mayor said in a statement on Monday that the bridge would reopen.")
    a = find(doc, atts, "said")
    assert extent_of(doc, a) == "said in a statement on Monday"
    assert [doc[i].text for i in a.cue] == ["said"]  # the product cue stays the verb
    assert content_of(doc, a).startswith("that the bridge")
    doc, atts = parse(nlp, "The governor went on to say that taxes would fall.")
    a = find(doc, atts, "say")
    assert extent_of(doc, a) == "went on to say"
    assert source_of(doc, a) == "The governor"


def test_cue_extent_of_a_quote_after_the_cue_verb(nlp: Language) -> None:
    doc, atts = parse(nlp, "“We will win,” the senator told reporters on Tuesday.")
    a = find(doc, atts, "told")
    assert extent_of(doc, a) == "told reporters on Tuesday"
    assert source_of(doc, a) == "the senator"


def test_noun_cue_extent_takes_its_preposition(nlp: Language) -> None:
    doc, atts = parse(nlp, "The mayor's announcement of new jobs surprised the union.", "rules")
    a = find(doc, atts, "announcement")
    assert "of" in extent_of(doc, a).split() and content_of(doc, a) == "new jobs"


def test_called_for_with_infinitive_clause(nlp: Language) -> None:
    doc, atts = parse(nlp, "The senator is calling for the government to cut fuel taxes.")
    a = find(doc, atts, "calling")
    assert source_of(doc, a) == "The senator"
    assert content_of(doc, a) == "the government to cut fuel taxes"
    assert "for" in [doc[i].text for i in a.cue]


def test_passive_with_agent_credits_the_agent(nlp: Language) -> None:
    doc, atts = parse(nlp, "The budget plan was criticized by opposition lawmakers.")
    a = find(doc, atts, "criticized")
    assert source_of(doc, a) == "opposition lawmakers"
    assert content_of(doc, a) == "The budget plan"


def test_impersonal_passive_has_no_source(nlp: Language) -> None:
    doc, atts = parse(nlp, "It was reported that the minister had resigned.")
    a = find(doc, atts, "reported")
    assert a.source is None
    assert content_of(doc, a) == "that the minister had resigned"
    quote = next(q for q in doc._.quotes if q.cue == "reported")
    assert quote.speaker.name == "unknown"


def test_asked_whether_is_an_attribution_without_source(nlp: Language) -> None:
    doc, atts = parse(nlp, "Asked whether he would run again, the senator said he was undecided.")
    a = find(doc, atts, "Asked")
    assert a.source is None and a.rule == "asked"
    assert content_of(doc, a) == "whether he would run again"
    said = find(doc, atts, "said")
    assert source_of(doc, said) == "the senator"
    doc, atts = parse(nlp, "Asked about the strike, the minister declined to comment.")
    a = find(doc, atts, "Asked")
    assert "about" in [doc[i].text for i in a.cue] and content_of(doc, a) == "the strike"


def test_light_verb_with_speech_noun(nlp: Language) -> None:
    doc, atts = parse(nlp, "The mayor made no mention of the strike.")
    a = find(doc, atts, "made")
    assert source_of(doc, a) == "The mayor" and content_of(doc, a) == "the strike"
    doc, atts = parse(nlp, "The judge made the observation that the law was unclear.")
    a = find(doc, atts, "made")
    assert content_of(doc, a) == "that the law was unclear"


def test_subject_of_likely_to_say(nlp: Language) -> None:
    doc, atts = parse(nlp, "Older voters are more likely to say that the economy is weak.")
    a = find(doc, atts, "say")
    assert source_of(doc, a) == "Older voters"
    assert content_of(doc, a) == "that the economy is weak"


def test_participle_modifying_a_noun_takes_it_as_source(nlp: Language) -> None:
    doc, atts = parse(nlp, "The police received several calls saying that shots had been fired.")
    a = find(doc, atts, "saying")
    assert source_of(doc, a) == "several calls"
    assert content_of(doc, a) == "that shots had been fired"


def test_adding_clause_is_split_from_the_outer_content(nlp: Language) -> None:
    doc, atts = parse(nlp, "The coach said that the team was tired, adding that the schedule was unfair.")
    said = find(doc, atts, "said")
    adding = find(doc, atts, "adding")
    assert content_of(doc, said) == "that the team was tired"
    assert content_of(doc, adding) == "that the schedule was unfair"
    assert source_of(doc, adding) == "The coach"


def test_while_clause_with_its_own_speaker_is_split(nlp: Language) -> None:
    text = "The mayor accused the council of wasting money while the council argued that the mayor had lied."
    doc, atts = parse(nlp, text)
    outer = find(doc, atts, "accused")
    inner = find(doc, atts, "argued")
    assert "while" not in content_of(doc, outer) and "wasting money" in content_of(doc, outer)
    assert source_of(doc, inner) == "the council" and content_of(doc, inner) == "that the mayor had lied"


def test_temporal_clause_stays_in_the_content(nlp: Language) -> None:
    doc, atts = parse(nlp, "The mayor said the plan failed when the council announced new cuts.")
    said = find(doc, atts, "said")
    assert "when the council announced new cuts" in content_of(doc, said)
    assert not any(doc[a.cue[0]].text == "announced" for a in atts)


def test_quote_records_carry_the_cue_phrase(nlp: Language) -> None:
    text = "The ministry said in a statement on Saturday that the talks would resume next week."
    doc = nlp(text)
    (q,) = doc._.quotes
    assert q.cue == "said" and q.cue_phrase == "said in a statement on Saturday"
    assert q.cue_phrase_span is not None and text[q.cue_phrase_span[0] : q.cue_phrase_span[1]] == q.cue_phrase
    assert span_errors(Article(id="t", body=text, quotes=doc._.quotes)) == []


def test_cue_phrase_runs_through_hyphenated_words_and_brackets(nlp: Language) -> None:
    text = "The official told reporters in a closed-door briefing on Monday that the plan was dead."
    (q,) = nlp(text)._.quotes
    assert q.cue_phrase == "told reporters in a closed-door briefing on Monday"
    text = "The official told reporters at the United Nations (UN) headquarters that the plan was dead."
    (q,) = nlp(text)._.quotes
    assert q.cue_phrase == "told reporters at the United Nations (UN) headquarters"
