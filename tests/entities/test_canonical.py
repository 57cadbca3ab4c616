"""Canonical entities (newsgraph.entities.canonical) on hand-written articles."""

from __future__ import annotations

import pytest

from newsgraph.entities.canonical import build_entities, link_speakers
from newsgraph.models import Entity, Quote, Speaker
from newsgraph.nlp import load_pipeline

TEXT = (
    "80.2 F\n"
    "Los Angeles\n\n"
    "The Japanese government convened the National Security Council (NSC) on Monday after a missile test.\n\n"
    "Chief Cabinet Secretary Hayashi Yoshimasa said Tokyo would protest. The NSC will meet again on Friday.\n\n"
    "Hayashi added that Japanese officials were in contact with Washington. He gave no details.\n\n"
    "French President Emmanuel Macron called for restraint, and Macron said Paris stood ready to help."
)


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return load_pipeline(components=())(TEXT)


def _by_name(ents: list[Entity], name: str) -> Entity:
    return next(e for e in ents if e.name == name)


def test_countries_merge_capitals_and_demonyms(doc) -> None:  # type: ignore[no-untyped-def]
    ents = build_entities(doc)
    japan = _by_name(ents, "Japan")
    assert japan.country == "JPN" and japan.type == "GPE"
    surfaces = {m.text for m in japan.mentions}
    assert {"Japanese", "Tokyo"} <= surfaces
    usa = _by_name(ents, "United States")
    assert "Washington" in {m.text for m in usa.mentions}
    france = _by_name(ents, "France")
    assert {"Paris"} <= {m.text for m in france.mentions}


def test_acronym_merges_with_full_name(doc) -> None:  # type: ignore[no-untyped-def]
    ents = build_entities(doc)
    nsc = [e for e in ents if "NSC" in {m.text for m in e.mentions}]
    assert len(nsc) == 1 and nsc[0].name == "National Security Council"
    assert len(nsc[0].mentions) >= 3  # the full name, "(NSC)" and the later "The NSC"
    assert not any(e.name == "NSC" for e in ents)


def test_surname_joins_full_name_and_roles(doc) -> None:  # type: ignore[no-untyped-def]
    ents = build_entities(doc)
    macron = _by_name(ents, "Emmanuel Macron")
    assert [m.text for m in macron.mentions].count("Macron") == 1
    assert macron.country == "FRA" and macron.sector == "GOV"
    assert any("president" in a.lower() for a in macron.attributes)


def test_boilerplate_and_numbers_are_not_entities(doc) -> None:  # type: ignore[no-untyped-def]
    ents = build_entities(doc)
    names = {e.name for e in ents}
    assert "80.2 F" not in names and "Los Angeles" not in names
    assert not any(e.type in ("DATE", "CARDINAL", "TIME", "QUANTITY") for e in ents)
    ids = [e.id for e in ents]
    assert ids == [f"ent{i}" for i in range(1, len(ents) + 1)]
    for e in ents:
        for m in e.mentions:
            assert TEXT[m.span[0] : m.span[1]] == m.text


def test_speakers_link_and_add_pronoun_mentions(doc) -> None:  # type: ignore[no-untyped-def]
    he = TEXT.index("He gave")
    hay = TEXT.index("Hayashi added")
    quotes = [
        Quote(
            id="q1",
            type="indirect",
            text="no details",
            span=(TEXT.index("no details"), TEXT.index("no details") + 10),
            speaker=Speaker(name="Hayashi Yoshimasa", kind="person", span=(he, he + 2), resolved_from="He"),
        ),
        Quote(
            id="q2",
            type="indirect",
            text="x",
            span=(hay + 20, hay + 21),
            speaker=Speaker(
                name="Hayashi Yoshimasa",
                kind="person",
                span=(hay, hay + 7),
                description="chief cabinet secretary",
            ),
        ),
    ]
    ents = build_entities(doc, quotes)
    link_speakers(ents, quotes, TEXT)
    person = next(e for e in ents if e.type == "PERSON" and "Hayashi" in e.name)
    assert quotes[0].speaker.entity == person.id == quotes[1].speaker.entity
    assert "He" in {m.text for m in person.mentions}
    assert person.sector == "GOV"


EPITHET = "Donald Trump says he has plans. The Republican presidential nominee noted that his campaign spent little."


def test_person_speaker_links_only_to_a_person_entity() -> None:
    """Rule ``person_speaks_as_person``: the epithet's span holds the NORP mention "Republican"; the speaker is
    Donald Trump, not the Republicans."""
    doc = load_pipeline(components=())(EPITHET)
    s = EPITHET.index("The Republican")
    q = Quote(
        id="q1",
        type="indirect",
        text="his campaign spent little",
        span=(EPITHET.index("his campaign"), len(EPITHET) - 1),
        speaker=Speaker(
            name="Donald Trump", kind="person", span=(s, s + 35), resolved_from=EPITHET[s : s + 35]
        ),
    )
    ents = build_entities(doc, [q])
    link_speakers(ents, [q], EPITHET)
    trump = next(e for e in ents if e.name == "Donald Trump")
    assert q.speaker.entity == trump.id
    assert all(e.type == "PERSON" or (s, s + 35) not in [m.span for m in e.mentions] for e in ents)


def test_person_speaker_does_not_take_a_non_person_entity_by_name() -> None:
    ents = [Entity(id="ent1", name="Ivanka Trump", type="PRODUCT")]
    q = Quote(
        id="q1", type="indirect", text="x", span=(0, 1), speaker=Speaker(name="Ivanka Trump", kind="person")
    )
    link_speakers(ents, [q], "x")
    assert q.speaker.entity is None  # the store then keys her as a person (PER:ivanka trump)


def test_a_firm_named_after_its_founder_is_an_organisation() -> None:
    """Rule ``organization_head`` at the entities: the NER's PERSON "Beth Helmstetter Events" is a firm (it was a
    person with 20 quotes in the WCXB store's speakers list)."""
    doc = load_pipeline(components=())(
        "Beth Helmstetter Events says couples should book early. Beth Helmstetter Events plans weddings."
    )
    ents = build_entities(doc)
    firm = next(e for e in ents if e.name == "Beth Helmstetter Events")
    assert firm.type == "ORG"
