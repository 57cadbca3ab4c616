"""The two-sided dispute rule shared by the propositions stage and the store (``newsgraph.dispute``)."""

from __future__ import annotations

import pytest

from newsgraph.dispute import UNRESOLVED, is_dispute, unresolved_source
from newsgraph.models import Speaker


@pytest.mark.parametrize(
    ("affirm", "deny", "disputed"),
    [
        ({"NIS"}, {"North Korea"}, True),
        ({"NIS", "Russia"}, {"Russia", "North Korea"}, True),  # NIS only affirms, North Korea only denies
        ({"AROS", "Megan Hester"}, {"Megan Hester"}, False),  # the only denier also affirms
        ({"Frank Nervo"}, {"Frank Nervo", "a judge"}, False),  # the only affirmer also denies
        ({"Megan Hester"}, {UNRESOLVED}, False),  # nobody named denies
        (set(), {"North Korea"}, False),
    ],
)
def test_two_sided_dispute(affirm: set[str], deny: set[str], disputed: bool) -> None:
    assert is_dispute(affirm, deny) is disputed


@pytest.mark.parametrize(
    ("name", "kind", "unresolved"),
    [("unknown", "unknown", True), ("they", "unknown", True), ("the family", "unknown", False),
     ("Megan Hester", "person", False), ("officials", "anonymous", False)],
)  # fmt: skip
def test_unresolved_source(name: str, kind: str, unresolved: bool) -> None:
    assert unresolved_source(Speaker(name=name, kind=kind)) is unresolved
