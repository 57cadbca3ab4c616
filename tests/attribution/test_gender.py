"""``he`` and ``she`` only go to a person they can stand for (``newsgraph.attribution.gender``): honorifics and
titles, the article's own pronouns, and the shipped first-name table. Hand-written sentences through the real
pipeline."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from newsgraph.attribution.gender import (
    NAMES_PATH,
    first_name,
    first_name_genders,
    gender_word_before,
    genders,
    pronoun_gender_agrees,
    sentence_evidence,
)
from tests.attribution._rules import quotes_of


def test_pronoun_gender_agrees() -> None:
    assert pronoun_gender_agrees("she", "f") and pronoun_gender_agrees("He", "m")
    assert not pronoun_gender_agrees("she", "m") and not pronoun_gender_agrees("him", "f")
    assert pronoun_gender_agrees("she", None)  # no gender known: anyone
    assert pronoun_gender_agrees("they", "m")  # not a gendered pronoun


def test_gender_word_before(nlp: Language) -> None:
    doc = nlp("Mrs. Lopez and Mr. Park met the minister.")
    assert [t.text for t in doc][:5] == ["Mrs.", "Lopez", "and", "Mr.", "Park"]
    assert gender_word_before(doc, 1) == "f" and gender_word_before(doc, 4) == "m"
    assert gender_word_before(doc, 0) is None and gender_word_before(doc, 7) is None


def test_pronoun_after_the_only_person(nlp: Language) -> None:
    doc = nlp("Maria Lopez said she would run again. Tom Park and Maria Lopez said he was wrong.")
    first, second = list(doc.sents)
    found = sentence_evidence(first)
    assert found is not None and (found[0].text, found[1]) == ("Maria Lopez", "f")
    assert sentence_evidence(second) is None  # two people: whose "he"?
    assert sentence_evidence(nlp("Maria Lopez said he and she would run.")[:]) is None  # no agreement


def test_genders_in_an_article(nlp: Language) -> None:
    text = (
        "Jordan Avery said she would vote no. Jordan Avery added that she had read the bill. "
        "Mr. Casey Quinn arrived late. Robin Hale, the congresswoman from Ohio, spoke last."
    )
    doc = nlp(text)
    people = [
        (
            "Jordan Avery",
            [(0, 12), (text.index("Jordan Avery added"), text.index("Jordan Avery added") + 12)],
            None,
        ),
        ("Casey Quinn", [(text.index("Casey"), text.index("Casey") + 11)], None),
        ("Robin Hale", [(text.index("Robin"), text.index("Robin") + 10)], "the congresswoman from Ohio"),
    ]
    assert genders(doc, people) == {"Jordan Avery": "f", "Casey Quinn": "m", "Robin Hale": "f"}


def test_first_name_table_ships_and_loads_once() -> None:
    assert NAMES_PATH.exists() and NAMES_PATH.stat().st_size < 20_000
    table = first_name_genders()
    assert first_name_genders() is table
    assert table.get("Hillary") == "f" and table.get("Donald") == "m"
    raw = json.loads(NAMES_PATH.read_text(encoding="utf-8"))
    assert set(raw["names"].values()) <= {"m", "f"}
    assert first_name("Hillary Rodham Clinton") == "Hillary" and first_name("Obama") is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Hillary Clinton spoke in Ohio on Monday. Donald Trump was in Iowa.\n\n“We will win,” she said.",
            "Hillary Clinton",
        ),
        (
            "Mrs. Jordan Avery arrived first. Mr. Casey Quinn came later.\n\n“The vote is close,” she said.",
            "Jordan Avery",
        ),
    ],
)
def test_she_skips_a_man_named_last(nlp: Language, text: str, speaker: str) -> None:
    q = next(q for q in quotes_of(nlp, text) if q.type == "direct")
    assert q.speaker.name == speaker, q.speaker
