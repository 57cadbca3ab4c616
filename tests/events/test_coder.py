"""The coder on hand-written sentences: type, mode, arguments, tense/negation rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.events import CodedEvent, code_sentence
from newsgraph.events.actors import actor_from_token


def first_event(nlp: Language, text: str) -> CodedEvent:
    events = code_sentence(nlp(text)[:])
    assert events, f"no event in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Seoul called for the immediate withdrawal of the troops.", "REQUEST", "yield"),
        ("The minister urged Japan to resume talks.", "REQUEST", "meet"),
        ("Hanoi accused Beijing of violating its waters.", "ACCUSE", "allege"),
        ("The ministry condemned the attack on the embassy.", "ACCUSE", "disapprove"),
        ("The spokesman dismissed the reports as lies.", "REJECT", None),
        ("Tehran refused to meet the envoys.", "REJECT", None),
        ("Pakistan plans to send 5,000 troops to the border.", "MOBILIZE", "troops"),
        ("Germany will provide tanks to Poland.", "AGREE", None),  # future cooperation (manual, AGREE)
        ("Germany provided tanks to Poland.", "AID", None),
        ("The army deployed missiles near the border.", "MOBILIZE", "weapons"),
        ("Rebels released 20 hostages on Sunday.", "RETREAT", "release"),
        ("Police arrested 40 protesters in the capital.", "COERCE", "arrest"),
        ("Thousands of workers staged a demonstration in Lagos.", "PROTEST", "demo"),
        ("Iran threatened to close the strait.", "THREATEN", None),
        (
            "The union said it would boycott the elections.",
            "THREATEN",
            "restrict",
        ),  # future conflict -> THREATEN
        ("The two leaders held talks in Geneva.", "CONSULT", None),
        ("Washington imposed sanctions on Moscow.", "SANCTION", "discontinue"),
        ("Gunmen killed three soldiers near the border.", "ASSAULT", None),
        ("Israeli tanks opened fire on the convoy.", "ASSAULT", "firearms"),
        ("The court lifted the ban on the party.", "CONCEDE", None),
        ("Sudan must return the helicopter, Russia said.", "REQUEST", None),
    ],
)
def test_types(nlp: Language, text: str, etype: str, mode: str | None) -> None:
    ev = first_event(nlp, text)
    assert (ev.type, ev.mode) == (etype, mode)


def test_actors_from_dependencies(nlp: Language) -> None:
    ev = first_event(nlp, "Hanoi accused Beijing of violating its waters.")
    assert ev.source is not None and ev.source.text == "Hanoi"
    assert ev.target is not None and ev.target.text == "Beijing"
    src, tgt = actor_from_token(ev.source), actor_from_token(ev.target)
    assert src is not None and src.country == "VNM"
    assert tgt is not None and tgt.country == "CHN"


def test_request_recipient_is_the_content_actor(nlp: Language) -> None:
    ev = first_event(nlp, "Seoul called for the immediate withdrawal of North Korean troops.")
    tgt = actor_from_token(ev.target)
    assert tgt is not None and tgt.country == "PRK"


def test_transfer_recipient_not_the_thing(nlp: Language) -> None:
    ev = first_event(nlp, "Germany provided tanks to Poland.")
    assert ev.target is not None and ev.target.text == "Poland"
    assert "military" in ev.context


def test_nested_content_is_marked_embedded(nlp: Language) -> None:
    events = code_sentence(nlp("Seoul called for the withdrawal of the troops.")[:], nested=True)
    kinds = {e.type: e.embedded for e in events}
    assert kinds == {"REQUEST": False, "RETREAT": True}


def test_adjunct_is_not_content(nlp: Language) -> None:
    events = code_sentence(nlp("At a meeting in Geneva, the envoy rejected the proposal.")[:], nested=True)
    meeting = next(e for e in events if e.type == "CONSULT")
    assert not meeting.embedded


def test_hedge_keeps_type(nlp: Language) -> None:
    ev = first_event(nlp, "South Korea may consider providing weapons to Ukraine.")
    assert ev.type == "AID" and ev.hedged


def test_negated_cooperation_is_reject(nlp: Language) -> None:
    assert first_event(nlp, "The president will not meet the rebels.").type == "REJECT"


def test_no_event_in_plain_statement(nlp: Language) -> None:
    assert code_sentence(nlp("The weather was mild in Seoul.")[:]) == []
