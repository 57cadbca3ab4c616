"""Rules ``first_line_headline`` and ``headline_and_dek`` (:mod:`newsgraph.clean.text`): the first line of an
archive export is its headline, even in sentence case with a full stop, and "Headline; Dek." gives the headline.
Texts written for the tests."""

from __future__ import annotations

import pytest

from newsgraph.clean.text import clean_text, headline_and_dek

LEAD = (
    "The city council voted to close the old bridge to heavy traffic after engineers found cracks in two of its "
    "piers, a decision that will send trucks on a detour of several miles through the centre of town."
)
MORE = (
    "Council members expect the repairs to take a year. The mayor wants the state to help with the cost, which "
    "engineers put at about four million dollars, and plans a public meeting next week."
)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            "Old bridge closes to trucks, helped by new cracks.",
            "Old bridge closes to trucks, helped by new cracks.",
        ),
        (
            "Council closes old bridge; Engineers found cracks in two of its piers.",
            "Council closes old bridge",
        ),
        ("Council closes old bridge;", "Council closes old bridge"),
    ],
)
def test_a_short_first_line_is_the_headline(first: str, title: str) -> None:
    c = clean_text(f"{first}\n\n{LEAD}\n\n{MORE}")
    assert c.title == title
    assert c.body.startswith("The city council"), c.body[:80]
    assert first not in c.body


@pytest.mark.parametrize(
    "first",
    [
        "The council met on Tuesday.",  # a weekday: a lead, not a headline
        "The mayor said the bridge would close.",  # "said": a lead
        "Council Closes Bridge. Trucks Must Detour Through Town.",  # two sentences
        "The council voted to close the old bridge to heavy traffic after engineers found cracks in two piers.",  # long
    ],
)
def test_a_first_line_that_reads_as_a_lead_stays_in_the_body(first: str) -> None:
    c = clean_text(f"{first}\n\n{LEAD}\n\n{MORE}")
    assert c.title is None
    assert c.body.endswith(MORE)


@pytest.mark.parametrize(
    ("line", "head"),
    [
        (
            "Carson on defense, attacking critics; His biography is questioned.",
            "Carson on defense, attacking critics",
        ),
        ("Polls close; results soon", None),  # the dek is no sentence
        (
            "The vote failed. Critics cheered; Supporters vowed to try again.",
            None,
        ),  # a sentence before the ";"
        ("Council; Members vote.", None),  # one word is no headline
    ],
)
def test_headline_and_dek(line: str, head: str | None) -> None:
    assert headline_and_dek(line) == head
