"""Relative dates resolved against the publication date (news convention)."""

from __future__ import annotations

import pytest

from newsgraph.events.dates import parse_published, resolve_date

PUB = "2024-10-22"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tuesday", "2024-10-22"),  # a bare weekday: the most recent such day on or before publication
        ("on Tuesday", "2024-10-22"),
        ("Friday", "2024-10-18"),
        ("last Friday", "2024-10-18"),
        ("last Tuesday", "2024-10-15"),  # "last" never means the publication day itself
        ("late Monday", "2024-10-21"),
        ("Monday night", "2024-10-21"),
        ("next Monday", "2024-10-28"),
        ("Oct. 19", "2024-10-19"),
        ("October 19", "2024-10-19"),
        ("19 October", "2024-10-19"),
        ("Sept. 3, 2023", "2023-09-03"),
        ("in June", "2024-06"),
        ("December", "2024-12"),
        ("October 2023", "2023-10"),
        ("2022", "2022"),
        ("yesterday", "2024-10-21"),
        ("today", "2024-10-22"),
        ("earlier in the day", "2024-10-22"),
        ("two days ago", "2024-10-20"),
        ("last year", "2023"),
        ("last month", "2024-09"),
    ],
)
def test_resolve(text: str, iso: str) -> None:
    assert resolve_date(text, PUB) == iso


def test_unresolvable_and_missing_base() -> None:
    assert resolve_date("in the future", PUB) is None
    assert resolve_date("Tuesday", None) is None
    assert resolve_date("Oct. 19, 2024", None) == "2024-10-19"  # absolute dates need no base
    assert parse_published("2024-10-22T09:30:00+09:00") is not None
    assert resolve_date("in November", "2024-02-10") == "2023-11"  # over half a year ahead: last year's
    assert parse_published("not a date") is None
