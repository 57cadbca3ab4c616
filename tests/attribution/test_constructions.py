"""Attribution constructions added for recall, on small hand-written sentences (no dataset text).

Each test runs the real parse + rules and checks cue, source and content of the attribution it targets.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.records import Attribution
from newsgraph.models import Article, span_errors


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsgraph.nlp import load_pipeline

    return load_pipeline(components=("newsgraph_quotes",))


def _atts(nlp: Language, text: str) -> tuple[Doc, list[Attribution]]:
    from newsgraph.attribution.component import QuotesComponent

    doc = nlp(text)
    assert span_errors(Article(id="t", body=text, quotes=doc._.quotes)) == []
    assert not doc._.errors
    comp = QuotesComponent(nlp, "check")
    return doc, comp.attributions(doc)


def _find(doc: Doc, atts: list[Attribution], cue: str) -> Attribution:
    for a in atts:
        if any(doc[i].text == cue for i in a.cue):
            return a
    raise AssertionError(f"no attribution with cue {cue!r}: {[[doc[i].text for i in a.cue] for a in atts]}")


def _content(doc: Doc, a: Attribution) -> str:
    return " ".join(doc.text[s:e] for s, e in a.content)


def _source(doc: Doc, a: Attribution) -> str | None:
    return doc[a.source[0] : a.source[1]].text if a.source else None


def _extent(doc: Doc, a: Attribution) -> str:
    return " ".join(doc[i].text for i in a.cue_extent)


def test_cue_extent_covers_auxiliaries_and_circumstances(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The mayor said in a statement on Monday that the bridge would reopen.")
    a = _find(doc, atts, "said")
    assert _extent(doc, a) == "said in a statement on Monday"
    assert [doc[i].text for i in a.cue] == ["said"]  # the product cue stays the verb
    assert _content(doc, a).startswith("that the bridge")
    doc, atts = _atts(nlp, "The governor went on to say that taxes would fall.")
    a = _find(doc, atts, "say")
    assert _extent(doc, a) == "went on to say"
    assert _source(doc, a) == "The governor"


def test_cue_extent_of_a_quote_after_the_cue_verb(nlp: Language) -> None:
    doc, atts = _atts(nlp, "“We will win,” the senator told reporters on Tuesday.")
    a = _find(doc, atts, "told")
    assert _extent(doc, a) == "told reporters on Tuesday"
    assert _source(doc, a) == "the senator"


def test_noun_cue_extent_takes_its_preposition(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The mayor's announcement of new jobs surprised the union.")
    a = _find(doc, atts, "announcement")
    assert "of" in _extent(doc, a).split() and _content(doc, a) == "new jobs"


def test_called_for_with_infinitive_clause(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The senator is calling for the government to cut fuel taxes.")
    a = _find(doc, atts, "calling")
    assert _source(doc, a) == "The senator"
    assert _content(doc, a) == "the government to cut fuel taxes"
    assert "for" in [doc[i].text for i in a.cue]


def test_passive_with_agent_credits_the_agent(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The budget plan was criticized by opposition lawmakers.")
    a = _find(doc, atts, "criticized")
    assert _source(doc, a) == "opposition lawmakers"
    assert _content(doc, a) == "The budget plan"


def test_impersonal_passive_has_no_source(nlp: Language) -> None:
    doc, atts = _atts(nlp, "It was reported that the minister had resigned.")
    a = _find(doc, atts, "reported")
    assert a.source is None
    assert _content(doc, a) == "that the minister had resigned"
    quote = next(q for q in doc._.quotes if q.cue == "reported")
    assert quote.speaker.name == "unknown"


def test_asked_whether_is_an_attribution_without_source(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Asked whether he would run again, the senator said he was undecided.")
    a = _find(doc, atts, "Asked")
    assert a.source is None and a.rule == "asked"
    assert _content(doc, a) == "whether he would run again"
    said = _find(doc, atts, "said")
    assert _source(doc, said) == "the senator"
    doc, atts = _atts(nlp, "Asked about the strike, the minister declined to comment.")
    a = _find(doc, atts, "Asked")
    assert "about" in [doc[i].text for i in a.cue] and _content(doc, a) == "the strike"


def test_light_verb_with_speech_noun(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The mayor made no mention of the strike.")
    a = _find(doc, atts, "made")
    assert _source(doc, a) == "The mayor" and _content(doc, a) == "the strike"
    doc, atts = _atts(nlp, "The judge made the observation that the law was unclear.")
    a = _find(doc, atts, "made")
    assert _content(doc, a) == "that the law was unclear"


def test_subject_of_likely_to_say(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Older voters are more likely to say that the economy is weak.")
    a = _find(doc, atts, "say")
    assert _source(doc, a) == "Older voters"
    assert _content(doc, a) == "that the economy is weak"


def test_participle_modifying_a_noun_takes_it_as_source(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The police received several calls saying that shots had been fired.")
    a = _find(doc, atts, "saying")
    assert _source(doc, a) == "several calls"
    assert _content(doc, a) == "that shots had been fired"


def test_adding_clause_is_split_from_the_outer_content(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The coach said that the team was tired, adding that the schedule was unfair.")
    said = _find(doc, atts, "said")
    adding = _find(doc, atts, "adding")
    assert _content(doc, said) == "that the team was tired"
    assert _content(doc, adding) == "that the schedule was unfair"
    assert _source(doc, adding) == "The coach"


def test_while_clause_with_its_own_speaker_is_split(nlp: Language) -> None:
    text = "The mayor accused the council of wasting money while the council argued that the mayor had lied."
    doc, atts = _atts(nlp, text)
    outer = _find(doc, atts, "accused")
    inner = _find(doc, atts, "argued")
    assert "while" not in _content(doc, outer) and "wasting money" in _content(doc, outer)
    assert _source(doc, inner) == "the council" and _content(doc, inner) == "that the mayor had lied"


def test_temporal_clause_stays_in_the_content(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The mayor said the plan failed when the council announced new cuts.")
    said = _find(doc, atts, "said")
    assert "when the council announced new cuts" in _content(doc, said)
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
