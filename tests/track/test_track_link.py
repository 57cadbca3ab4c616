"""Cross-article entity keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.models import Entity
from newsgraph.track.link import country_code, entity_key, normalise_name, resolve_initials, resolve_surnames


def key(name: str, type_: str, country: str | None = None) -> str:
    return entity_key(Entity(id="e", name=name, type=type_, country=country))


@pytest.mark.parametrize(
    ("name", "type_", "country", "want"),
    [
        ("Kim Tae-hyo", "PERSON", None, "PER:kim tae-hyo"),
        ("principal deputy national security adviser Kim Tae-hyo", "PERSON", None, "PER:kim tae-hyo"),
        ("President Yoon Suk Yeol's", "PERSON", None, "PER:yoon suk yeol"),
        ("Secretary of State John Kerry", "PERSON", None, "PER:john kerry"),
        ("Sen. Bernie Sanders, I-Vt.", "PERSON", None, "PER:bernie sanders"),
        ("Mr. Trump", "PERSON", None, "PER:trump"),
        ("José Ángel Gurría", "PERSON", None, "PER:jose angel gurria"),
        ("O’Brien", "PERSON", None, "PER:o'brien"),
        ("South Korea", "GPE", "KOR", "GPE:KOR"),
        ("Seoul", "GPE", "kor", "GPE:KOR"),
        ("South Korean", "NORP", None, "GPE:KOR"),
        ("the U.S.", "GPE", None, "GPE:USA"),
        ("United States", "GPE", None, "GPE:USA"),
        ("Russia", "GPE", None, "GPE:RUS"),
        ("North Korea", "GPE", None, "GPE:PRK"),
        ("Iran", "GPE", None, "GPE:IRN"),
        ("Seoul", "GPE", None, "GPE:seoul"),
        ("IN", "GPE", None, "GPE:in"),
        ("Republicans", "NORP", None, "NORP:republicans"),
        ("the National Security Council", "ORG", None, "ORG:national security council"),
        ("The New York Times", "ORG", None, "ORG:new york times"),
        ("the Democratic National Committee (DNC)", "ORG", None, "ORG:democratic national committee"),
        ("General Motors", "ORG", None, "ORG:general motors"),
        ("the Korean Peninsula", "LOC", None, "LOC:korean peninsula"),
    ],
)
def test_entity_key(name: str, type_: str, country: str | None, want: str) -> None:
    assert key(name, type_, country) == want


def test_same_person_across_articles_links_and_different_people_do_not() -> None:
    assert key("President Donald J. Trump", "PERSON") == key("Donald J. Trump’s", "PERSON")
    assert key("Hillary Clinton", "PERSON") != key("Bill Clinton", "PERSON")
    assert key("Georgia", "GPE") != key("Georgia", "ORG")


def test_country_code_ignores_short_non_country_words() -> None:
    assert country_code("it") is None
    assert country_code("me") is None
    assert country_code("Britain") == "GBR"


@given(st.sampled_from(["Kim Tae-hyo", "Hillary Clinton", "Ted Cruz", "Ban Ki-moon"]),
       st.sampled_from(["", "President ", "Sen. ", "former Secretary "]),
       st.sampled_from(["", "'s", "’s"]), st.booleans())  # fmt: skip
def test_key_is_invariant_to_case_titles_and_possessives(
    name: str, title: str, poss: str, upper: bool
) -> None:
    surface = f"{title}{name}{poss}"
    surface = surface.upper() if upper else surface
    assert key(surface, "PERSON") == key(name, "PERSON") == "PER:" + name.lower()


def test_normalise_name_keeps_one_word() -> None:
    assert normalise_name("President") == "president"


def test_resolve_surnames_only_when_unambiguous() -> None:
    keys = [
        "PER:donald trump",
        "PER:trump",
        "PER:clinton",
        "PER:hillary clinton",
        "PER:bill clinton",
        "PER:cruz",
    ]
    assert resolve_surnames(keys) == {"PER:trump": "PER:donald trump"}


def test_docs_examples_run() -> None:
    import doctest
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "docs" / "tracking.md"
    res = doctest.testfile(str(doc), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert res.attempted >= 4 and res.failed == 0


@pytest.mark.parametrize(
    ("name", "country", "want"),
    [("Charlotte", "USA", "GPE:charlotte"), ("Virginia", "USA", "GPE:virginia"), ("Seoul", "KOR", "GPE:KOR"),
     ("South Korea", "KOR", "GPE:KOR"), ("Pyongyang", "PRK", "GPE:PRK")],
)  # fmt: skip
def test_place_is_not_its_country(name: str, country: str, want: str) -> None:
    assert key(name, "GPE", country) == want


def test_surname_goes_to_the_dominant_full_name_only() -> None:
    keys = ["PER:obama", "PER:barack obama", "PER:michelle obama", "PER:clinton", "PER:hillary clinton",
            "PER:bill clinton"]  # fmt: skip
    weights = {
        "PER:barack obama": 90,
        "PER:michelle obama": 10,
        "PER:hillary clinton": 60,
        "PER:bill clinton": 40,
    }
    assert resolve_surnames(keys, weights) == {
        "PER:obama": "PER:barack obama"
    }  # Clinton: 60% is not dominant
    assert resolve_surnames(keys) == {}  # without weights only a unique full name


def test_middle_initial_variant_joins_only_when_unambiguous() -> None:
    keys = ["PER:donald trump", "PER:donald j trump", "PER:george bush", "PER:george w bush", "PER:george h w bush",
            "PER:loretta e lynch"]  # fmt: skip
    assert resolve_initials(keys) == {"PER:donald j trump": "PER:donald trump"}


def test_nickname_variant_joins_short_and_formal_first_names() -> None:
    from newsgraph.track.link import resolve_nicknames

    keys = ["PER:len burman", "PER:leonard e burman", "PER:bill clinton", "PER:hillary clinton", "PER:ted cruz",
            "PER:edward cruz", "PER:burman", "PER:mike pence", "PER:michael r pence"]  # fmt: skip
    assert resolve_nicknames(keys) == {  # Ted is not only Edward
        "PER:len burman": "PER:leonard e burman", "PER:mike pence": "PER:michael r pence"}  # fmt: skip
    two = ["PER:bill bush", "PER:william a bush", "PER:william b bush"]
    assert resolve_nicknames(two) == {}  # two formal names fit: neither
    initials = ["PER:george bush", "PER:george w bush", "PER:george h w bush"]
    assert resolve_nicknames(initials) == {}  # initials alone are resolve_initials' to judge
    assert resolve_nicknames(["ORG:bill", "PER:bill", "PER:william"]) == {}  # people with two names or more


def test_surname_before_suffix() -> None:
    assert resolve_surnames(["PER:biden", "PER:joseph r biden jr"]) == {"PER:biden": "PER:joseph r biden jr"}
    assert resolve_surnames(["PER:jr", "PER:joseph r biden jr"]) == {}  # a suffix alone is no surname
