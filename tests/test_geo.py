"""Places, capitals, demonyms and state organs to ISO alpha-3 (newsgraph.geo)."""

from __future__ import annotations

import pytest

from newsgraph.geo import country_by_code, country_of, demonym_of, find_countries, is_demonym


@pytest.mark.parametrize(
    ("text", "alpha3", "name"),
    [
        ("Seoul", "KOR", "South Korea"),
        ("South Korean", "KOR", "South Korea"),
        ("Republic of Korea", "KOR", "South Korea"),
        ("South Korea’s", "KOR", "South Korea"),
        ("Pyongyang", "PRK", "North Korea"),
        ("North Korean", "PRK", "North Korea"),
        ("North Koreans", "PRK", "North Korea"),
        ("DPRK", "PRK", "North Korea"),
        ("Democratic People's Republic of Korea", "PRK", "North Korea"),
        ("Kyiv", "UKR", "Ukraine"),
        ("Kiev", "UKR", "Ukraine"),
        ("Ukrainian", "UKR", "Ukraine"),
        ("Moscow", "RUS", "Russia"),
        ("the Kremlin", "RUS", "Russia"),
        ("Russian Federation", "RUS", "Russia"),
        ("Washington", "USA", "United States"),
        ("American", "USA", "United States"),
        ("U.S.", "USA", "United States"),
        ("the United States", "USA", "United States"),
        ("Britain", "GBR", "United Kingdom"),
        ("Beijing", "CHN", "China"),
        ("Tehran", "IRN", "Iran"),
    ],
)
def test_country_of(text: str, alpha3: str, name: str) -> None:
    ref = country_of(text)
    assert ref is not None, text
    assert (ref.alpha3, ref.name) == (alpha3, name)


def test_people_and_lower_case_words_are_not_countries() -> None:
    assert country_of("Jordan", label="PERSON") is None
    assert country_of("Georgia", label="PERSON") is None
    assert country_of("turkey") is None
    assert country_of("us") is None
    assert country_of("Korea") is None  # ambiguous between the two Koreas: not guessed


def test_cities_need_a_place_label() -> None:
    assert country_of("Donetsk") is None  # could be anything without the NER label
    ref = country_of("Donetsk", label="GPE")
    assert ref is not None and ref.alpha3 == "UKR" and ref.matched_as == "city"
    texas = country_of("Texas", label="GPE")
    assert texas is not None and texas.alpha3 == "USA"


def test_matched_as_and_helpers() -> None:
    assert country_of("Seoul") == country_of("South Korea")  # equality ignores how it matched
    assert country_of("Seoul").matched_as == "capital"  # type: ignore[union-attr]
    assert country_of("Kremlin").matched_as == "organ"  # type: ignore[union-attr]
    assert is_demonym("Ukrainian") and not is_demonym("Ukraine")
    assert demonym_of("KOR") == "South Korean"
    kp = country_by_code("KP")
    assert kp is not None and kp.alpha3 == "PRK"


def test_find_countries_in_text() -> None:
    text = "South Korea’s spy agency said North Korean troops reached Russia. The U.S. and the Kremlin disagreed."
    found = [(m.text, m.country.alpha3) for m in find_countries(text)]
    assert found == [
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Russia", "RUS"),
        ("U.S.", "USA"),
        ("Kremlin", "RUS"),
    ]
    for m in find_countries(text):
        assert text[m.start : m.end] == m.text


def test_fold_drops_accents_and_curly_quotes_and_keeps_ascii_as_is() -> None:
    from newsgraph.geo import _fold

    assert _fold("Côte d\u2019Ivoire") == "Cote d'Ivoire"
    assert _fold("\u2018Korea\u2019s") == "'Korea's"
    assert _fold("North Korea's") == "North Korea's"
    got = find_countries("Envoys from Türkiye and North Korea\u2019s army met.")
    assert [(m.text, m.country.alpha3) for m in got] == [("Türkiye", "TUR"), ("North Korea", "PRK")]


@pytest.mark.parametrize("code", ["AI", "IT", "TV", "PR", "ID", "V.A."])
def test_two_letter_code_that_is_a_word_names_no_country(code: str) -> None:
    """Rule ``two_letter_code``: "AI suggests …" (the NER says GPE) is not Anguilla."""
    assert country_of(code, label="GPE") is None
    assert country_of(code) is None
    assert find_countries(f"{code} suggests best-selling serums to shoppers.") == []


@pytest.mark.parametrize(
    ("code", "alpha3"), [("US", "USA"), ("UK", "GBR"), ("U.S.", "USA"), ("U.A.E.", "ARE")]
)
def test_two_letter_code_prose_uses_is_a_country(code: str, alpha3: str) -> None:
    ref = country_of(code, label="GPE")
    assert ref is not None and ref.alpha3 == alpha3
