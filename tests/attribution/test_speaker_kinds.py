"""Speakers a journalist can list: an organisation's name is an organisation (``organization_head``), "the
agency" is the organisation named just before (``definite_institution``), and "Mr. Clarke's new company" is not
Mr. Clarke (``possessive_is_not_the_possessor``). Hand-written sentences through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph import extract_text
from tests.attribution._rules import quotes_of


@pytest.mark.parametrize(
    "text",
    [
        "Acme Coal said on Monday that it would close the mine in the spring.",
        "Harlan Coal said on Monday that it would close the mine in the spring.",
        "Northfield Energy Group said on Monday that it would close the plant in the spring.",
    ],
)
def test_organization_head(nlp: Language, text: str) -> None:
    (q,) = quotes_of(nlp, text)
    assert q.speaker.kind == "organization", q.speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The figures come from the Congressional Budget Office. "
            "The agency said on Tuesday that the poorest fifth paid 1 percent of all taxes.",
            "Congressional Budget Office",
        ),
        # nothing named to refer to: the description stays a description
        ("The agency said on Tuesday that the poorest fifth paid 1 percent of all taxes.", "the agency"),
    ],
)
def test_definite_institution(nlp: Language, text: str, name: str) -> None:
    q = quotes_of(nlp, text)[-1]
    assert q.speaker.name == name, q.speaker
    assert q.speaker.kind == "organization"


def test_possessive_is_not_the_possessor() -> None:
    a = extract_text(
        "Tom Clarke bought the bankrupt mine in May for almost nothing. "
        "Mr. Clarke's new company said it would clean up the land within ten years."
    )
    clarke = next(e.id for e in a.entities if e.name.endswith("Clarke"))
    q = next(q for q in a.quotes if "clean up" in q.text)
    assert q.speaker.entity != clarke, q.speaker
    assert "company" in q.speaker.name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Companies say the new rules will raise their costs.", "unknown"),
        ("Some agencies said the new rules will raise their costs.", "unknown"),
        ("The companies said the new rules will raise their costs.", "organization"),  # ones named before
        ("Authorities said the new rules will raise their costs.", "organization"),  # one body
        ("The company said the new rules will raise its costs.", "organization"),
    ],
)
def test_class_of_organizations(nlp: Language, text: str, kind: str) -> None:
    """Rule ``class_of_organizations``: a bare plural names a class of organisations, no organisation."""
    (q,) = quotes_of(nlp, text)
    assert q.speaker.kind == kind, q.speaker
