"""Second round of attribution constructions: precision fixes (sentences that must NOT give an attribution) and
recall rules (continuing quotations, ``as X put it``, agent nouns, light verbs, short answers, cue extents).

Hand-written sentences only (no dataset text); each test runs the real parse + rules.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.records import Attribution
from newsgraph.models import Article, Quote, span_errors


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


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    assert span_errors(Article(id="t", body=text, quotes=doc._.quotes)) == []
    return list(doc._.quotes)


def _cues(doc: Doc, atts: list[Attribution]) -> list[str]:
    return [" ".join(doc[i].text for i in a.cue) for a in atts]


def _find(doc: Doc, atts: list[Attribution], cue: str) -> Attribution:
    for a in atts:
        if any(doc[i].text == cue for i in a.cue):
            return a
    raise AssertionError(f"no attribution with cue {cue!r}: {_cues(doc, atts)}")


def _content(doc: Doc, a: Attribution) -> str:
    return " ".join(doc.text[s:e] for s, e in a.content)


def _source(doc: Doc, a: Attribution) -> str | None:
    return doc[a.source[0] : a.source[1]].text if a.source else None


def _extent(doc: Doc, a: Attribution) -> str:
    return " ".join(doc[i].text for i in a.cue_extent)


# ----------------------------------------------------------------------------------------- precision fixes


def test_participle_after_for_or_into_does_not_take_the_clause_subject(nlp: Language) -> None:
    # the one refusing is Snyder, not the governor: no attribution credits "The governor" with "refusing"
    doc, atts = _atts(nlp, "The governor chastised Snyder for refusing to ask for federal help.")
    assert not any(
        doc[a.verb].lemma_ == "refuse" and _source(doc, a) == "The governor"
        for a in atts
        if a.verb is not None
    )
    doc, atts = _atts(nlp, "The lawyers deceived the judge into thinking that prison was normal.")
    assert not any(doc[a.verb].lemma_ == "think" for a in atts if a.verb is not None)


def test_participle_after_by_keeps_the_clause_subject(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The senator ended the debate by saying that the bill was dead.")
    a = _find(doc, atts, "saying")
    assert _source(doc, a) == "The senator"
    assert _extent(doc, a) == "ended the debate by saying"


def test_purpose_clause_after_an_object_is_not_an_attribution(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Obama visited the court on Friday to view the flag-draped casket.")
    assert "view" not in _cues(doc, atts)
    doc, atts = _atts(nlp, "The governor went on to praise the new budget.")
    a = _find(doc, atts, "praise")  # "went on to": the infinitive continues the subject's act
    assert _source(doc, a) == "The governor"


def test_weak_object_cue_needs_a_speaker_or_speech_object(nlp: Language) -> None:
    _doc, atts = _atts(nlp, "The candidate launched his campaign in June.")
    assert atts == []


def test_relative_pronoun_is_no_passive_content(nlp: Language) -> None:
    doc, atts = _atts(nlp, "A deal that was rejected by large majorities in Congress will not play well.")
    assert not any(_content(doc, a).lower() in {"that", "which", "who"} for a in atts)


def test_statement_saying_is_one_attribution(nlp: Language) -> None:
    doc, atts = _atts(nlp, "The town released a statement Wednesday saying the comments were false.")
    assert len(atts) == 1
    a = atts[0]
    assert _content(doc, a) == "the comments were false"
    assert _extent(doc, a) == "released a statement Wednesday saying"


# ----------------------------------------------------------------------------------------- recall rules


def test_quote_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "“We are ready for talks,” the foreign minister told reporters in a briefing on Monday.\n\n"
        "“The troops will stay where they are.”"
    )
    quotes = _quotes(nlp, text)
    second = [q for q in quotes if q.text.startswith("“The troops")]
    assert len(second) == 1
    assert second[0].speaker.name == "the foreign minister"


def test_quote_paragraph_after_indirect_speech_continues_its_speaker(nlp: Language) -> None:
    text = "The foreign minister said the troops would stay.\n\n“We will not leave before the spring.”"
    quotes = _quotes(nlp, text)
    q = [q for q in quotes if q.text.startswith("“We will")]
    assert len(q) == 1 and q[0].speaker.name == "the foreign minister"


def test_quote_with_text_after_it_is_no_continuation(nlp: Language) -> None:
    text = "The foreign minister said the troops would stay.\n\n“Peace now” banners hung from every window."
    quotes = _quotes(nlp, text)
    assert not any(q.text.startswith("“Peace") for q in quotes)


def test_as_x_put_it(nlp: Language) -> None:
    doc, atts = _atts(nlp, "As the senator put it, the bill is dead.")
    a = _find(doc, atts, "put")
    assert _extent(doc, a) == "put it"
    assert _source(doc, a) == "the senator"
    assert _content(doc, a) == "the bill is dead"
    doc, atts = _atts(nlp, "As the Washington Post observed, Republicans now control both chambers.")
    a = _find(doc, atts, "observed")
    assert _source(doc, a) == "the Washington Post"
    assert _content(doc, a) == "Republicans now control both chambers"
    doc, atts = _atts(nlp, "As he walked in, the crowd cheered.")
    assert atts == []


def test_agent_noun_without_possessor(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Israel is the main issue for Adelson, a fierce supporter of the nation.")
    a = _find(doc, atts, "supporter")
    assert _source(doc, a) == "Adelson"
    assert _content(doc, a) == "the nation"
    assert _extent(doc, a) == "a fierce supporter of"
    doc, atts = _atts(nlp, "Dayton is a supporter of Clinton.")
    a = _find(doc, atts, "supporter")
    assert (_source(doc, a), _content(doc, a)) == ("Dayton", "Clinton")
    doc, atts = _atts(nlp, "The stadium is a supporter of the roof.")  # not a speaker
    assert atts == []


def test_light_verbs_with_stance_nouns(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Blackwell also took a shot at Hillary Clinton.")
    a = _find(doc, atts, "shot")
    assert (_source(doc, a), _content(doc, a)) == ("Blackwell", "Hillary Clinton")
    doc, atts = _atts(nlp, "Most voters have no idea who their state senator is.")
    a = _find(doc, atts, "idea")
    assert _content(doc, a) == "who their state senator is"
    doc, atts = _atts(nlp, "He made it clear that he would run again.")
    a = _find(doc, atts, "clear")
    assert _extent(doc, a) == "made it clear"
    assert _content(doc, a) == "that he would run again"
    doc, atts = _atts(nlp, "He took a photo of the crowd.")
    assert atts == []


def test_short_answers_and_relative_clauses(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Most Democrats said yes, but half said so.")
    assert [_content(doc, a) for a in atts] == ["yes", "so"]
    doc, atts = _atts(nlp, "Cook did not say when.")
    a = _find(doc, atts, "say")
    assert _content(doc, a) == "when"
    doc, atts = _atts(nlp, "The changes, which officials said will take effect next year, are small.")
    a = _find(doc, atts, "said")
    assert _source(doc, a) == "officials"
    assert a.content[0] == (doc.text.index("which"), doc.text.index("which") + 5)
    assert _content(doc, a) == "which will take effect next year"


def test_cue_phrase_takes_trailing_circumstances_after_a_quote(nlp: Language) -> None:
    doc, atts = _atts(nlp, "“We did our best,” Bush said, holding back tears.")
    a = _find(doc, atts, "said")
    assert _extent(doc, a) == "said , holding back tears"
    assert [doc[i].text for i in a.cue] == ["said"]
    doc, atts = _atts(nlp, "“We did our best,” Bush said, adding that the vote was close.")
    a = _find(doc, atts, "said")
    assert _extent(doc, a) == "said"  # "adding" is its own attribution


def test_participle_cue_phrase_opens_at_the_governing_verb(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Rubio hit back again, saying Christie was too focused on his campaign.")
    a = _find(doc, atts, "saying")
    assert _extent(doc, a) == "hit back again , saying"
    assert _source(doc, a) == "Rubio"


def test_seem_to_gives_the_inner_verb_the_attribution(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Obama seemed to recognize the significance of the victory.")
    assert len(atts) == 1
    a = atts[0]
    assert [doc[i].text for i in a.cue] == ["recognize"]
    assert _extent(doc, a) == "seemed to recognize"
    assert _content(doc, a) == "the significance of the victory"


def test_see_x_as_y(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Many voters viewed him as a traitor.")
    a = _find(doc, atts, "viewed")
    assert _content(doc, a) == "him as a traitor"
    doc, atts = _atts(nlp, "She saw him at the station.")
    assert atts == []


def test_that_clause_hung_on_a_noun_of_the_cue(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Adelson said on Friday during a news conference that he may wait until February.")
    a = _find(doc, atts, "said")
    assert _content(doc, a) == "that he may wait until February"


def test_agree_with_and_think_so(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Former President Bill Clinton agreed with the analysis.")
    a = _find(doc, atts, "agreed")
    assert _content(doc, a) == "the analysis"
    doc, atts = _atts(nlp, "Ted Cruz apparently thinks so, too.")
    a = _find(doc, atts, "thinks")
    assert (_source(doc, a), _content(doc, a)) == ("Ted Cruz", "so")


def test_stance_adjective_about_something(nlp: Language) -> None:
    doc, atts = _atts(nlp, "Sanders was less shy about Wall Street.")
    a = _find(doc, atts, "shy")
    assert (_source(doc, a), _content(doc, a)) == ("Sanders", "Wall Street")
    assert _extent(doc, a) == "was less shy about"
    doc, atts = _atts(nlp, "The old city is full of tourists.")  # no speaker, no stance
    assert atts == []
