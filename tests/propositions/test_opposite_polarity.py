"""Rule ``opposite_polarity`` (:mod:`newsgraph.propositions.polarity`): a member states the opposite of a
proposition when its main predicate's negation differs under one predicate, or, for a paraphrase under another
predicate, at a verb both contents hold. Texts written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.models import Article
from newsgraph.nlp import MODEL_NAME, load_pipeline
from newsgraph.propositions.polarity import verb_polarity


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(MODEL_NAME, ())


@pytest.mark.parametrize(
    ("text", "lemma", "negated"),
    [
        ("He has had disagreements with the mayor but cannot allow the rival to win", "allow", True),
        ("He has had disagreements with the mayor but cannot allow the rival to win", "have", False),
        ("The ministry did not send troops to the border", "send", True),
        ("The ministry sent troops to the border", "send", False),
        ("The ministry sent troops to the border", "deploy", None),
    ],
)
def test_verb_polarity(nlp: Language, text: str, lemma: str, negated: bool | None) -> None:
    doc = nlp(text)
    assert verb_polarity(doc, (0, len(text)), lemma) is negated


def test_a_shared_negated_verb_is_no_denial(article: Callable[[str], Article]) -> None:
    """The senator's two statements agree: both say he cannot allow the rival to win."""
    a = article(
        "Friends again: Hale backs the nominee, who is pleased.\n\n"
        "Senator from Ohio says he cannot allow Mary Lund to win the governorship.\n\n"
        "Sen. Tom Hale (R-Ohio) is endorsing the party's nominee after a year of insults.\n\n"
        "In a message posted Friday, Hale said he has had serious disagreements with the party's nominee but "
        "cannot allow Mary Lund to become governor of the state."
    )
    joined = [p for p in a.propositions if len(p.stances) == 2]
    assert joined, "the two statements should be one proposition"
    assert not any(p.disputed for p in a.propositions)
    assert all(s.status != "denied" for p in a.propositions for s in p.stances)


def test_a_negated_main_predicate_still_denies(article: Callable[[str], Article]) -> None:
    a = article(
        "The defence ministry said the army sent troops to the border on Monday.\n\n"
        "The foreign minister, Ana Ruiz, said the army did not send troops to the border."
    )
    disputed = [p for p in a.propositions if p.disputed]
    assert disputed, [p.statement for p in a.propositions]
    assert {s.status for s in disputed[0].stances} >= {"denied"}


def test_a_paraphrase_that_would_deny_stays_apart(article: Callable[[str], Article]) -> None:
    """Rule ``paraphrase_is_no_denial`` (``polarity.paraphrase_denial``): shared words under another predicate,
    with the shared verb negated in one content only, do not make one source deny what another found."""
    a = article(
        "Headache study\n\n"
        "A 2019 review found that breathing exercises did not reduce the frequency or pain intensity of "
        "migraines.\n\n"
        "The comparison found that both exercises were more effective at reducing pain intensity than no "
        "treatment."
    )
    assert len(a.propositions) == 2, [p.statement for p in a.propositions]
    assert not any(p.disputed for p in a.propositions)
    assert all(s.status != "denied" for p in a.propositions for s in p.stances)


@pytest.mark.parametrize(
    ("text", "one"),
    [
        # copula_kinds_differ: "not a miracle cell" and "a normal cell" say the same, so no self-denial
        (
            '"The neuron is not a miracle cell," Okafor says. "It\'s a normal cell that can carry a signal."',
            False,
        ),
        # one side without a modifier is still the same predicate: a denial
        ("The mayor said the tunnel is a big mistake. The council said the tunnel is not a mistake.", True),
    ],
)
def test_copula_kinds_differ(article: Callable[[str], Article], text: str, one: bool) -> None:
    a = article(text)
    denied = any(s.status == "denied" for p in a.propositions for s in p.stances)
    assert denied is one, [
        (p.statement, [(s.source.name, s.status) for s in p.stances]) for p in a.propositions
    ]
