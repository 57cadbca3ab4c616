"""Stance rules of the propositions stage that keep a journalist's Disputed claims honest: a question is no
assertion (``question_is_no_assertion``), and one source on both sides, or an unresolved one, makes no dispute
(``two_sided_dispute``). Small texts written for the tests, through the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Article, Proposition

Run = Callable[[str], Article]


def _only(a: Article) -> Proposition:
    assert len(a.propositions) == 1, [p.statement for p in a.propositions]
    return a.propositions[0]


@pytest.mark.parametrize(
    "asked",
    [
        "Lawmakers also asked whether the deals required the recipients to cooperate with Congress.",
        "Lawmakers asked if the deals required the recipients to cooperate with Congress.",
    ],
)
def test_a_question_is_no_assertion(article: Run, asked: str) -> None:
    p = _only(
        article(asked + " Chaffetz denied that the deals required the recipients to cooperate with Congress.")
    )
    assert [(s.source.name.lower(), s.status) for s in p.stances] == [
        ("lawmakers", "hedged"),
        ("chaffetz", "denied"),
    ]
    assert not p.disputed  # asking is neither side


def test_an_open_question_in_the_content_is_neither_side(article: Run) -> None:
    a = article(
        "The chief said the video showed a gun in his hand. "
        "The lawyer said the video does not show whether he had a gun in his hand."
    )
    stances = [(s.source.name, s.status) for p in a.propositions for s in p.stances]
    assert ("the lawyer", "hedged") in stances and not any(p.disputed for p in a.propositions)


def test_a_statement_still_asserts(article: Run) -> None:
    p = _only(
        article(
            "Sources said the deals required the recipients to cooperate with Congress. "
            "Chaffetz denied that the deals required the recipients to cooperate with Congress."
        )
    )
    assert [s.status for s in p.stances] == ["asserted", "denied"] and p.disputed


def test_one_source_on_both_sides_is_no_dispute(article: Run) -> None:
    p = _only(
        article(
            "Megan Hester said families want their own neighborhood schools. "
            "Megan Hester later denied that families want their own neighborhood schools."
        )
    )
    assert {s.status for s in p.stances} == {"asserted", "denied"}
    assert len({s.source.name for s in p.stances}) == 1
    assert not p.disputed


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        (
            "The governor said the senator will release the emails. "
            '"Why won\'t she release the emails? I think there are reasons," the senator said.',
            True,
        ),
        (
            "The council said the mayor will resign before the vote. "
            '"Will the mayor resign before the vote?" the columnist asked readers.',
            True,
        ),
        ('"The mayor will resign before the vote," the columnist said.', False),
        ('"The mayor will resign. Who could blame him?" the columnist said.', False),
    ],
)
def test_a_direct_question_is_no_assertion(article: Run, text: str, hedged: bool) -> None:
    """Rule ``direct_question_is_no_assertion``: the sentence holding the content's predicate ends with "?"."""
    a = article(text)
    statuses = [s.status for p in a.propositions for s in p.stances if not s.writer]
    assert statuses, [c.text for c in a.claims]
    assert ("hedged" in statuses) is hedged
    assert not any(p.disputed for p in a.propositions)


@pytest.mark.parametrize(
    "asked",
    [
        '"Why won\'t she release the emails?" the senator said.',
        '"Will the mayor resign before the vote?" the columnist asked readers.',
    ],
)
def test_a_question_alone_is_no_proposition(article: Run, asked: str) -> None:
    """Rule ``question_alone_is_no_proposition``: no source states what only questions carry, so there is no
    proposition to track ("Won't she release the emails" had been a tracked claim)."""
    a = article(asked)
    assert a.claims  # the question is still read as what the source said
    assert not a.propositions, [p.statement for p in a.propositions]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ('"He will lose the election in November," Clinton said on Monday.', "He"),
        ('"She has never paid her taxes," the senator told reporters.', "She"),
    ],
)
def test_a_pronoun_in_a_direct_quote_is_not_its_speaker(article: Run, text: str, subject: str) -> None:
    """Rule of :func:`~newsgraph.propositions.frames.bound_to_source`, now also when the statement is written: in
    a source's own words "he" / "she" is someone else ("Clinton will lose the election" had been the statement of
    Clinton saying "He will lose the election")."""
    p = _only(article(text))
    assert p.statement.split()[0] == subject, p.statement


def test_a_direct_question_disputes_nothing(article: Run) -> None:
    a = article(
        "The governor said the senator released her emails last year. "
        '"Why won\'t she release her emails?" the mayor said.'
    )
    assert not any(p.disputed for p in a.propositions)


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        # first_person_is_the_writer: "I" outside a quotation is the writer, who then disputes the denial
        (
            "Harbour notes\n\nI know the ferry contract was signed in secret. "
            "The port authority denied that the ferry contract was signed in secret.",
            True,
        ),
        # "you" is the reader, no source at all; a quoted "I" is its speaker
        ("Harbour notes\n\nYou know the ferry contract was signed in secret.", False),
    ],
)
def test_first_person_is_the_writer(article: Run, text: str, writer: bool) -> None:
    from newsgraph.propositions.build import writer_is_the_narrator

    a = article(text)
    assert any(writer_is_the_narrator(c) for c in a.claims) is writer
    stances = [s for p in a.propositions for s in p.stances]
    assert any(s.writer and s.source.name == "the writer" for s in stances) is writer
    if writer:
        assert any(p.disputed for p in a.propositions), [(p.statement, p.stances) for p in a.propositions]


def test_a_quoted_first_person_is_its_speaker(article: Run) -> None:
    a = article('"I know the ferry contract was signed in secret," the mayor said.')
    assert not any(s.writer for p in a.propositions for s in p.stances)
