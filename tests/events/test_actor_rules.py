"""Source / target actor rules of the coder, one hand-written sentence per rule (no dataset text)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.events.actors import actor_from_speaker, actor_from_token
from newsgraph.events.coder import code_sentence
from newsgraph.events.records import CodedEvent
from newsgraph.models import Actor, Speaker


def _main(nlp: Language, text: str, lemma: str | None = None) -> CodedEvent:
    events = code_sentence(nlp(text)[:], nested=lemma is not None)
    if lemma is not None:
        events = [e for e in events if e.lemma == lemma]
    assert events, f"no event in {text!r}"
    return events[0]


def _actors(nlp: Language, text: str, lemma: str | None = None) -> tuple[Actor | None, Actor | None]:
    ev = _main(nlp, text, lemma)
    return actor_from_token(ev.source), actor_from_token(ev.target)


def _countries(nlp: Language, text: str, lemma: str | None = None) -> tuple[str | None, str | None]:
    src, tgt = _actors(nlp, text, lemma)
    return (src.country if src else None, tgt.country if tgt else None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # direct object, a person/group noun (attacked soldiers are recipients, not transferred things)
        ("Rebels wounded two British soldiers near the border.", (None, "GBR")),
        # prepositional object of the trigger
        ("Chile lodged a protest with Argentina over the fishing dispute.", ("CHL", "ARG")),
        # object of a nominal trigger, its agent the subject of the light verb
        ("Canada imposed new sanctions on Iran.", ("CAN", "IRN")),
        ("Brazil held talks with Japan on Monday.", ("BRA", "JPN")),
        # possessive agent and "of" object of a nominal trigger
        ("Russia's invasion of Ukraine shocked Europe.", ("RUS", "UKR")),
        # demonyms, capitals and seats of government as countries
        ("The Kremlin accused Kyiv of shelling the power plant.", ("RUS", "UKR")),
        ("Seoul urged Pyongyang to return to talks.", ("KOR", "PRK")),
    ],
)
def test_basic_roles_and_country_names(nlp: Language, text: str, want: tuple[str | None, str | None]) -> None:
    assert _countries(nlp, text) == want


def test_passive_subject_is_the_target_and_the_agent_the_source(nlp: Language) -> None:
    assert _countries(nlp, "Two Kenyan soldiers were killed by Somali militants.") == ("SOM", "KEN")


def test_passive_without_agent_has_no_source_from_the_reporting_verb(nlp: Language) -> None:
    # "police said": the police report the killing, they are not its actor
    src, tgt = _countries(
        nlp, "Three Iraqi civilians were killed in a bombing in Baghdad, Egyptian police said."
    )
    assert src is None and tgt == "IRQ"


def test_passive_subject_naming_people_even_without_an_actor_noun(nlp: Language) -> None:
    assert _countries(nlp, "A camp for Congolese refugees was attacked by Burundian militiamen.") == (
        "BDI",
        "COD",
    )


def test_moved_forces_belong_to_the_source(nlp: Language) -> None:
    # the peacekeepers are what is withdrawn: their nationality is the actor, the place the recipient
    src, tgt = _countries(nlp, "Eighty Indian peacekeepers were withdrawn from Lebanon on Friday.")
    assert src == "IND" and tgt == "LBN"


def test_transferred_troops_are_not_the_target(nlp: Language) -> None:
    assert _countries(nlp, "Japan sent 600 soldiers to Iraq.") == ("JPN", "IRQ")


def test_content_clause_subject_is_the_target(nlp: Language) -> None:
    assert _countries(nlp, "The United States demanded that Iran halt uranium enrichment.") == ("USA", "IRN")


def test_content_clause_of_a_nominal_trigger_under_a_reporting_verb(nlp: Language) -> None:
    assert _countries(nlp, "Germany reiterated its demand that Turkey release the journalists.") == (
        "DEU",
        "TUR",
    )


def test_condition_subject_is_the_target_of_a_threat(nlp: Language) -> None:
    ev = _main(nlp, "Iran threatened to close the strait unless Washington lifted the sanctions.")
    assert ev.type == "THREATEN"
    assert (actor_from_token(ev.source).country, actor_from_token(ev.target).country) == ("IRN", "USA")  # type: ignore[union-attr]


def test_owner_of_the_object_is_the_target(nlp: Language) -> None:
    assert _countries(nlp, "Ghana rejected a Nigerian peace plan.") == ("GHA", "NGA")
    assert _countries(nlp, "The opposition party will boycott Kenya's elections.")[1] == "KEN"


def test_place_is_the_target_when_no_actor_is_named(nlp: Language) -> None:
    assert _countries(nlp, "Serbia lifted the night curfew in Montenegro.") == ("SRB", "MNE")
    # the refusal is aimed where the deployment would have gone
    assert _countries(nlp, "Pakistan has refused to deploy peacekeepers in Iraq.") == ("PAK", "IRQ")


def test_meeting_place_is_not_a_target(nlp: Language) -> None:
    _, tgt = _countries(nlp, "Egyptian and Jordanian diplomats met in Geneva on Monday.")
    assert tgt is None


def test_territories_outside_iso(nlp: Language) -> None:
    assert _countries(nlp, "Israeli troops raided a refugee camp in the West Bank.") == ("ISR", "PSE")
    assert (
        _countries(nlp, "The British government outlawed a militant group in Northern Ireland.")[1] == "GBR"
    )


def test_demonyms_missing_from_the_gazetteer(nlp: Language) -> None:
    src, tgt = _actors(nlp, "An Argentine judge ordered the arrest of a Saudi businessman.")
    assert src is not None and (src.country, src.sector) == ("ARG", "JUD")
    assert tgt is not None and tgt.country == "SAU"


def test_title_and_nationality_give_country_and_government_sector(nlp: Language) -> None:
    src, tgt = _actors(nlp, "The Israeli prime minister met the Egyptian president in Cairo.")
    assert src is not None and (src.country, src.sector) == ("ISR", "GOV")
    assert tgt is not None and (tgt.country, tgt.sector) == ("EGY", "GOV")


def test_capitalised_title_and_capital_city_sectors(nlp: Language) -> None:
    src, _ = _actors(nlp, "President Mugabe accused Britain of plotting a coup.")
    assert src is not None and src.sector == "GOV"
    src, _ = _actors(nlp, "Washington accused Havana of harbouring fugitives.")
    assert src is not None and (src.country, src.sector) == ("USA", "GOV")


def test_compound_actor_keeps_every_country(nlp: Language) -> None:
    src, _ = _actors(nlp, "North Korea and Russia signed a mutual defence pact.")
    assert src is not None and src.country == "PRK" and src.countries == ["PRK", "RUS"]
    assert src.name == "North Korea and Russia"
    src, _ = _actors(nlp, "Senior Hungarian and Romanian officials agreed to cooperate on refugees.")
    assert src is not None and src.countries == ["HUN", "ROU"]


def test_compound_target(nlp: Language) -> None:
    _, tgt = _actors(nlp, "The group threatened to attack the United States and Britain.")
    assert tgt is not None and tgt.countries == ["USA", "GBR"]


def test_single_actor_has_no_countries_list(nlp: Language) -> None:
    src, _ = _actors(nlp, "Seoul urged Pyongyang to return to talks.")
    assert src is not None and src.countries == []


def test_compound_speaker() -> None:
    act = actor_from_speaker(Speaker(name="North Korea and Russia"))
    assert act.country == "PRK" and act.countries == ["PRK", "RUS"]
    assert actor_from_speaker(Speaker(name="South Korea")).countries == []


def test_obliged_party_is_the_target_and_the_speaker_the_source(nlp: Language) -> None:
    ev = _main(nlp, "Russia said on Tuesday that Sudan must return the captured helicopter.")
    assert ev.type == "REQUEST"
    assert (actor_from_token(ev.source).country, actor_from_token(ev.target).country) == ("RUS", "SDN")  # type: ignore[union-attr]


def test_nominal_trigger_announced_by_its_actor(nlp: Language) -> None:
    assert _countries(nlp, "Italy announced a suspension of air links with Serbia.") == ("ITA", "SRB")


def test_relative_clause_does_not_lend_its_country(nlp: Language) -> None:
    # Hamas is the addressee of the condition; Egypt, inside the relative clause, is not its country
    _, tgt = _actors(
        nlp, "Israel threatened to ban the vote if Hamas, which rejects Egypt's plan, took part."
    )
    assert tgt is not None and tgt.country != "EGY"


def test_possessive_pronoun_goes_to_the_clause_subject(nlp: Language) -> None:
    ev = _main(nlp, "Demonstrators in Baghdad blocked a road to show their anger at the United States.")
    assert ev.type == "PROTEST"
    tgt = actor_from_token(ev.target)
    assert tgt is None or tgt.country != "IRQ"  # "their" is the demonstrators', not Baghdad
