"""Rules ``object_of_no_report`` (a noun-phrase content is a fact only under a cue of saying, knowing or
(dis)confirming), ``attributive_theme_states_nothing`` ("police shooting" says nothing of who shot whom) and
``reader_is_no_source``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Article
from newsgraph.propositions.statement import attributive_theme


@pytest.mark.parametrize(
    ("text", "noun", "attributive"),
    [
        ("He denied the alleged troop deployment.", "deployment", True),
        ("Defense spending rose.", "spending", True),
        ("The deployment of troops began.", "deployment", False),
        ("Russia's invasion of Ukraine began.", "invasion", False),
    ],
)
def test_attributive_theme(text: str, noun: str, attributive: bool) -> None:
    from newsgraph.nlp import MODEL_NAME, load_pipeline

    doc = load_pipeline(MODEL_NAME, ())(text)
    head = next(t for t in doc if t.text == noun)
    theme = {c.i for c in head.children if c.dep_ == "compound"} or {
        k.i for c in head.children if c.dep_ == "prep" for k in c.children
    }
    assert attributive_theme(doc, theme) is attributive


def test_offered_things_are_no_propositions(article: Callable[[str], Article]) -> None:
    a = article(
        "Laptops\n\n"
        "The MSI Sword 15 offers solid gaming performance. The ZenFone series offers a balance of performance and "
        "affordability.\n\n"
        "The ministry denied the alleged troop deployment. The ministry confirmed the deployment of troops.\n"
    )
    offered = {c.id for c in a.claims if (c.cue or "").lower().startswith("offer")}
    assert not offered  # goods offered are no attribution (offer_gives_words), so no claim ...
    assert not any(offered & set(p.claims) for p in a.propositions)  # ... and no tracked fact
    statements = [p.statement for p in a.propositions]
    assert statements == ["Troops were deployed"]  # from "the deployment of troops", not "troop deployment"


def test_the_reader_is_no_source(article: Callable[[str], Article]) -> None:
    """Rule ``reader_is_no_source``: what "you" are told you want is no tracked fact; a named source's is. (What
    the reader is told they know is no claim at all since attribution's ``reader_is_no_speaker``; a "you" on a
    verb of speech is still a claim, and still no tracked fact.)"""
    a = article(
        "Learning apps\n\n"
        "If you want to learn a foreign language quickly, you know that daily practice matters.\n\n"
        "You said that short lessons work best for beginners.\n\n"
        "Maria Lopez, a linguist at the university, said that daily practice improves recall.\n"
    )
    you = {c.id: c.cue for c in a.claims if (c.source.resolved_from or "").lower() == "you"}
    assert list(you.values()) == ["said"], [(c.source, c.text) for c in a.claims]
    assert not any(set(you) & set(p.claims) for p in a.propositions)
    assert any(st.source.name == "Maria Lopez" for p in a.propositions for st in p.stances)


def test_a_statement_keeps_its_long_complement(article: Callable[[str], Article]) -> None:
    """Rule ``statement_keeps_its_complement``: the statement was "My hope is" when the complement ran past twelve
    tokens; a clause's complement is part of what it states, however long."""
    a = article(
        "Climate\n\n"
        '"My hope is that as a former president I can have a little more influence on some of my friends in '
        'the Senate and in the House," he said, speaking to the students of the university.\n'
    )
    statements = [p.statement for p in a.propositions]
    assert any(s.startswith("My hope is that as a former president I can have") for s in statements), (
        statements
    )
    assert "My hope is" not in statements


def test_an_intransitive_event_noun_states_who_did_it(article: Callable[[str], Article]) -> None:
    """Rule ``intransitive_event``: "the death of Mr. Crutcher" is "Mr. Crutcher died", not "… was died"."""
    a = article(
        "Tulsa\n\n"
        "The police chief confirmed the death of Terence Crutcher on Friday.\n\n"
        "The mayor acknowledged the collapse of the bridge.\n"
    )
    statements = [p.statement for p in a.propositions]
    assert "Terence Crutcher died" in statements, statements
    assert "The bridge collapsed" in statements, statements


def test_a_copula_with_nothing_after_it_states_nothing(article: Callable[[str], Article]) -> None:
    """Rule ``statement_keeps_its_complement``: "The benefits is" was a tracked statement."""
    a = article(
        "Loyalty\n\n"
        "Members of the programme feel the benefits is when the redemption rates are lower than the fees.\n"
    )
    assert all(not p.statement.endswith(" is") for p in a.propositions), [p.statement for p in a.propositions]


def test_advice_to_the_reader_is_no_fact(article: Callable[[str], Article]) -> None:
    """Rule ``reader_is_no_source`` inside a content: "recommend that you get travel insurance" is advice; a
    direct quote's "you" is someone addressed, and stays."""
    a = article(
        "Travel\n\n"
        "Travel agents recommend that you get travel insurance before every long trip abroad.\n\n"
        '"You should resign before the vote next week," the senator told the minister on Tuesday.\n'
    )
    statements = [p.statement for p in a.propositions]
    assert not any("travel insurance" in s for s in statements), statements
    assert any(s.startswith("You should resign") for s in statements), statements
