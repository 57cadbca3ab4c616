"""Second round of attribution constructions: precision fixes (sentences that must NOT give an attribution) and
recall rules (continuing quotations, ``as X put it``, agent nouns, light verbs, short answers, cue extents).

Hand-written sentences only (no dataset text); each test runs the real parse + rules.
"""

from __future__ import annotations

from spacy.language import Language

from tests.attribution._rules import content_of, cue_texts, extent_of, find, parse, quotes_of, source_of

# ----------------------------------------------------------------------------------------- precision fixes


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


def test_weak_object_cue_needs_a_speaker_or_speech_object(nlp: Language) -> None:
    _doc, atts = parse(nlp, "The candidate launched his campaign in June.")
    assert atts == []


def test_relative_pronoun_is_no_passive_content(nlp: Language) -> None:
    doc, atts = parse(nlp, "A deal that was rejected by large majorities in Congress will not play well.")
    assert not any(content_of(doc, a).lower() in {"that", "which", "who"} for a in atts)


def test_statement_saying_is_one_attribution(nlp: Language) -> None:
    doc, atts = parse(nlp, "The town released a statement Wednesday saying the comments were false.")
    assert len(atts) == 1
    a = atts[0]
    assert content_of(doc, a) == "the comments were false"
    assert extent_of(doc, a) == "released a statement Wednesday saying"


# ----------------------------------------------------------------------------------------- recall rules


def test_quote_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "“We are ready for talks,” the foreign minister told reporters in a briefing on Monday.\n\n"
        "“The troops will stay where they are.”"
    )
    quotes = quotes_of(nlp, text)
    second = [q for q in quotes if q.text.startswith("“The troops")]
    assert len(second) == 1
    assert second[0].speaker.name == "the foreign minister"


def test_quote_paragraph_after_indirect_speech_continues_its_speaker(nlp: Language) -> None:
    text = "The foreign minister said the troops would stay.\n\n“We will not leave before the spring.”"
    quotes = quotes_of(nlp, text)
    q = [q for q in quotes if q.text.startswith("“We will")]
    assert len(q) == 1 and q[0].speaker.name == "the foreign minister"


def test_quote_with_text_after_it_is_no_continuation(nlp: Language) -> None:
    text = "The foreign minister said the troops would stay.\n\n“Peace now” banners hung from every window."
    quotes = quotes_of(nlp, text)
    assert not any(q.text.startswith("“Peace") for q in quotes)


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


def test_cue_phrase_takes_trailing_circumstances_after_a_quote(nlp: Language) -> None:
    doc, atts = parse(nlp, "“We did our best,” Bush said, holding back tears.")
    a = find(doc, atts, "said")
    assert extent_of(doc, a) == "said , holding back tears"
    assert [doc[i].text for i in a.cue] == ["said"]
    doc, atts = parse(nlp, "“We did our best,” Bush said, adding that the vote was close.")
    a = find(doc, atts, "said")
    assert extent_of(doc, a) == "said"  # "adding" is its own attribution


def test_participle_cue_phrase_opens_at_the_governing_verb(nlp: Language) -> None:
    doc, atts = parse(nlp, "Rubio hit back again, saying Christie was too focused on his campaign.")
    a = find(doc, atts, "saying")
    assert extent_of(doc, a) == "hit back again , saying"
    assert source_of(doc, a) == "Rubio"


def test_seem_to_gives_the_inner_verb_the_attribution(nlp: Language) -> None:
    doc, atts = parse(nlp, "Obama seemed to recognize the significance of the victory.")
    assert len(atts) == 1
    a = atts[0]
    assert [doc[i].text for i in a.cue] == ["recognize"]
    assert extent_of(doc, a) == "seemed to recognize"
    assert content_of(doc, a) == "the significance of the victory"


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
