"""Events of a whole document from hand-made claims and entities (independent of the upstream stages)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.events.assemble import events_for_doc
from newsgraph.models import Article, Claim, Entity, Event, Mention, Speaker, span_errors

TEXT = (
    "Both Chile and Peru have denied the alleged troop deployment. "
    "Foreign Minister Ana Gomez accused Bolivia of massing troops last Friday. "
    "Chile may consider providing weapons to Peru, an official said on Tuesday. "
    "Police arrested 40 protesters in Lima late Monday."
)


def _span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def _doc(nlp: Language) -> Doc:
    doc = nlp(TEXT)
    doc._.published = "2024-10-22"
    gomez = Entity(
        id="n1",
        name="Ana Gomez",
        type="PERSON",
        country="CHL",
        sector="GOV",
        mentions=[Mention(text="Ana Gomez", span=_span(TEXT, "Ana Gomez"))],
    )
    doc._.entities = [gomez]
    doc._.claims = [
        Claim(
            id="c1",
            text="the alleged troop deployment",
            span=_span(TEXT, "the alleged troop deployment"),
            source=Speaker(name="Chile and Peru", kind="state"),
            status="denied",
            cue="denied",
            cue_span=_span(TEXT, "denied"),
        ),
        Claim(
            id="c2",
            text="Bolivia of massing troops",
            span=_span(TEXT, "Bolivia of massing troops"),
            source=Speaker(name="Ana Gomez", kind="person", entity="n1"),
            status="alleged",
            cue="accused",
            cue_span=_span(TEXT, "accused"),
        ),
        Claim(
            id="c3",
            text="Chile may consider providing weapons to Peru",
            span=_span(TEXT, "Chile may consider providing weapons to Peru"),
            source=Speaker(name="an official", kind="anonymous"),
            status="hedged",
            cue="said",
            cue_span=_span(TEXT, "said"),
        ),
    ]
    return doc


def _one(events: list[Event], etype: str, claim: str | None) -> Event:
    found = [e for e in events if e.type == etype and e.claim == claim]
    assert len(found) == 1, [(e.type, e.claim, e.text) for e in events]
    return found[0]


def test_events_from_claims(nlp: Language) -> None:
    events = events_for_doc(_doc(nlp), _doc(nlp)._.claims, _doc(nlp)._.entities)
    # a denied deployment stays denied; the denial itself is a REJECT by the claim's source
    dep = _one(events, "MOBILIZE", "c1")
    assert (
        dep.status == "denied" and dep.mode == "troops" and dep.score == -6.5 and dep.cameo in ("152", "154")
    )
    rej = _one(events, "REJECT", "c1")
    assert rej.status == "asserted" and rej.source_actor is not None and rej.source_actor.country == "CHL"
    # the accusation: a person's country and sector come from their entity; the date from "last Friday"
    acc = _one(events, "ACCUSE", "c2")
    assert acc.source_actor is not None and acc.source_actor.entity == "n1"
    assert (acc.source_actor.country, acc.source_actor.sector) == ("CHL", "GOV")
    assert acc.target_actor is not None and acc.target_actor.country == "BOL"
    assert acc.date == "2024-10-18" and acc.date_text == "last Friday"
    massing = _one(events, "MOBILIZE", "c2")
    assert massing.status == "alleged"
    # hedged aid
    aid = _one(events, "AID", "c3")
    assert aid.status == "hedged" and "military" in aid.context
    assert aid.source_actor is not None and aid.source_actor.country == "CHL"
    assert aid.target_actor is not None and aid.target_actor.country == "PER"
    assert aid.date == "2024-10-22"


def test_writer_reported_action_and_spans(nlp: Language) -> None:
    doc = _doc(nlp)
    events = events_for_doc(doc, doc._.claims, doc._.entities)
    arrest = _one(events, "COERCE", None)
    assert arrest.mode == "arrest" and arrest.status == "asserted" and arrest.date == "2024-10-21"
    art = Article(id="t", body=TEXT, events=events)
    assert span_errors(art) == []
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


def test_without_claims_reads_status_from_parse(nlp: Language) -> None:
    doc = nlp(
        "Russia has not confirmed the deployment of North Korean troops. Troops allegedly crossed the border."
    )
    doc._.published = "2024-10-22"
    events = events_for_doc(doc)
    dep = next(e for e in events if e.type == "MOBILIZE")
    assert dep.status == "unconfirmed"
    assert dep.source_actor is not None and dep.source_actor.country == "PRK"


def test_component_records_errors_instead_of_raising(nlp: Language) -> None:
    from newsgraph.events.component import EventsComponent

    doc = nlp("Seoul urged Pyongyang to withdraw.")
    doc._.claims = ["not a claim"]  # a broken upstream record
    doc._.errors = []
    EventsComponent(nlp, "newsgraph_events")(doc)
    assert doc._.events == []
    assert doc._.errors and doc._.errors[0].stage == "events"
