"""The ``newsgraph_quotes`` component on small hand-written texts (not the sample): rules and speakers."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.models import Article, Quote, span_errors
from tests.attribution._rules import quotes_of


def test_quote_before_after_and_around_cue(nlp: Language) -> None:
    text = (
        "Maria Lopez, the city's mayor, spoke on Monday.\n\n"
        "“The budget is balanced,” Lopez said.\n\n"
        "She told reporters: “We will not raise taxes.”\n\n"
        "“This is a good day,” she said, “for every family in the city.”"
    )
    qs = quotes_of(nlp, text)
    direct = [q for q in qs if q.type == "direct"]
    assert [q.speaker.name for q in direct] == ["Maria Lopez"] * len(direct)
    assert any(q.text == "“The budget is balanced,”" and q.cue == "said" for q in direct)
    assert any("We will not raise taxes" in q.text and q.cue == "told" for q in direct)
    around = [q for q in direct if "good day" in q.text or "every family" in q.text]
    assert around and all(q.cue == "said" for q in around)
    assert "“This is a good day,”" in around[0].text and "every family" in around[-1].text
    assert {q.speaker.resolved_from for q in direct} >= {"Lopez", "She"}
    assert all(q.speaker.description == "city's mayor" for q in direct)


def test_multi_sentence_and_multi_paragraph_quote(nlp: Language) -> None:
    text = (
        "Senator John Doe spoke after the vote.\n\n"
        "“We lost today. We will win tomorrow. The people are with us,” Doe said.\n\n"
        "“The first part of a long statement.\n\n“The second part of it,” he added."
    )
    qs = quotes_of(nlp, text)
    multi = next(q for q in qs if q.text.startswith("“We lost today."))
    assert multi.type == "direct" and multi.speaker.name == "John Doe" and "with us" in multi.text
    para = next(q for q in qs if q.text.startswith("“The first part"))
    assert "\n\n“The second part of it,”" in para.text
    assert para.speaker.name == "John Doe" and para.cue == "added"


def test_indirect_according_to_and_mixed(nlp: Language) -> None:
    text = (
        "The Interior Ministry confirmed on Friday that 40 people had been arrested. "
        "According to the police, the protest was peaceful. "
        "Government critics dismissed the report as “a cover-up.”"
    )
    qs = quotes_of(nlp, text)
    by_cue = {q.cue: q for q in qs}
    assert by_cue["confirmed"].type == "indirect"
    assert by_cue["confirmed"].speaker.kind == "organization"
    assert by_cue["confirmed"].text.startswith("that 40 people")
    acc = next(q for q in qs if q.cue and q.cue.startswith("According"))
    assert acc.speaker.name == "the police" and "protest was peaceful" in acc.text
    assert by_cue["dismissed"].type == "mixed" and "a cover-up" in by_cue["dismissed"].text


def test_scare_quotes_and_titles_are_notquotes_of(nlp: Language) -> None:
    text = "The so-called “peace plan” was discussed at the screening of “The Last Emperor” in the capital."
    assert quotes_of(nlp, text) == []


def test_no_quotes_at_all(nlp: Language) -> None:
    assert quotes_of(nlp, "The river rose by two meters overnight. Roads were closed in three towns.") == []


def test_shared_surname_resolves_by_recency_not_first_match(nlp: Language) -> None:
    text = (
        "Park Ji-won, the opposition leader, criticized the budget last week.\n\n"
        "On Tuesday, Finance Minister Park Sung-ho presented the plan to parliament.\n\n"
        "“The plan protects growth,” Park said."
    )
    qs = quotes_of(nlp, text)
    q = next(q for q in qs if q.type == "direct")
    assert q.speaker.name == "Park Sung-ho" and q.speaker.resolved_from == "Park"


def test_anonymous_source_never_borrows_a_named_person(nlp: Language) -> None:
    text = (
        "Secretary of State John Kerry arrived in Cairo on Sunday.\n\n"
        "“Talks will resume next week,” a senior State Department official told reporters.\n\n"
        "The official added that no agreement had been reached."
    )
    qs = quotes_of(nlp, text)
    assert len(qs) == 2
    for q in qs:
        assert q.speaker.kind == "anonymous"
        assert q.speaker.name == "a senior State Department official"
    assert qs[1].speaker.resolved_from == "The official"


def test_capital_as_actor_is_a_state(nlp: Language) -> None:
    qs = quotes_of(
        nlp, "Moscow denied the accusations on Monday, and Kyiv said that the attack had been repelled."
    )
    names = {(q.speaker.name, q.speaker.kind, q.speaker.resolved_from) for q in qs}
    assert ("Russia", "state", "Moscow") in names
    assert ("Ukraine", "state", "Kyiv") in names


def test_bad_input_is_fast_and_does_not_crash(nlp: Language) -> None:
    para = "“We are ready,” the minister said. Officials said that talks would continue."
    texts = [
        "\n\n".join(para for _ in range(500)),  # a 500-paragraph article
        "“" + " ".join(["This is a very long quotation that goes on."] * 300) + "”",  # one long quote
        "“" * 2500 + "”" * 2500 + '"' * 5000,  # 10,000 quotation marks
        "He said “this never ends.\n\nShe said” and “so on",  # unbalanced
    ]
    for i, text in enumerate(texts):
        doc = nlp(text)
        quotes: list[Quote] = doc._.quotes
        assert span_errors(Article(id="t", body=text, quotes=quotes)) == []
        assert not doc._.errors
        assert doc.user_data["newsgraph_quotes_seconds"] < 5.0  # the component itself, not spaCy's parse
        if i == 0:
            assert len(quotes) >= 500
            assert {q.speaker.kind for q in quotes} <= {"anonymous", "unknown"}


def test_non_english_text_does_not_crash(nlp: Language) -> None:
    text = (
        "Le gouvernement a déclaré mardi qu'il envisageait d'envoyer des armes. « Nous sommes prêts », a dit le "
        "ministre aux journalistes. 政府は火曜日に声明を発表した。「準備はできている」と大臣は述べた。"
    )
    for q in quotes_of(nlp, text):
        assert q.text in text
