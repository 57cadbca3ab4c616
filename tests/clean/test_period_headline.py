"""Rule ``headline_with_period`` (:func:`newsgraph.clean.text.period_headline`): a headline some scrapes end with a
full stop is still the title, so it leaves the body and the wire dateline after it is cut. Texts written for
the tests."""

from __future__ import annotations

import pytest

from newsgraph.clean.content import MEDIUM
from newsgraph.clean.lines import split_units
from newsgraph.clean.text import clean_text, lead_after_headline
from tests.conftest import need_dataset

LEAD = (
    "The city council voted on Tuesday to close the old bridge to heavy traffic after engineers found cracks in two "
    "of its piers, a decision that will send trucks on a detour of several miles through the centre of town."
)
MORE = (
    "Council members said the repairs could take a year. The mayor said the city would ask the state for help "
    "with the cost, which engineers put at about four million dollars, and would hold a public meeting next week."
)


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        (f"Council Closes Old Bridge to Heavy Trucks After Cracks Found.\n\n{LEAD}\n\n{MORE}",
         "Council Closes Old Bridge to Heavy Trucks After Cracks Found.", "The city council"),
        (f"Council closes old bridge to trucks after cracks found.\n\nSPRINGFIELD, Ill., Sept. 26 (UPI) — {LEAD}\n\n{MORE}",
         "Council closes old bridge to trucks after cracks found.", "The city council"),
        (f"Council closes old bridge to trucks.\n\nSPRINGFIELD (AP) — {LEAD}\n\n{MORE}",
         "Council closes old bridge to trucks.", "The city council"),
    ],
)  # fmt: skip
def test_a_headline_ending_with_a_period_is_the_title(text: str, title: str, body_start: str) -> None:
    c = clean_text(text)
    assert c.title == title
    assert c.body.startswith(body_start), c.body[:80]


@pytest.mark.parametrize(
    "first",
    [
        "The council met on Tuesday.",  # a short sentence in sentence case, no dateline after it
        "Council Closes Bridge. Trucks Must Detour Through Town.",  # two sentences: no headline
    ],
)
def test_a_sentence_ending_with_a_period_is_no_title(first: str) -> None:
    c = clean_text(f"{first}\n\n{LEAD}\n\n{MORE}")
    assert c.title is None
    assert c.body.endswith(MORE)


@pytest.mark.parametrize(
    ("paragraph", "lead"),
    [
        (
            "LOS ANGELES, Sept. 28 (UPI) — In a preview clip, the singer performs a song for the candidate.",
            True,
        ),
        ("In a preview clip, the singer performs a song for the candidate.", False),
    ],
)
def test_lead_after_headline(paragraph: str, lead: bool) -> None:
    (u,) = [u for u in split_units(paragraph) if u.text]
    u.kind = MEDIUM  # a short lead scores "medium", not "good"
    assert lead_after_headline(u) is lead


def test_a_short_wire_lead_keeps_its_headline() -> None:
    """On a PolNeAR dev article (UPI), whose lead scores "medium": the headline before it is the title."""
    path = need_dataset("polnear") / "data" / "dev" / "text"
    (f,) = sorted(path.glob("breitbart_2016-09-28_mary-j-blige-*.txt"))
    c = clean_text(f.read_text(encoding="utf-8"))
    assert c.title is not None and c.title.startswith("Mary J. Blige sings to Hillary Clinton")
    assert c.body.startswith("In a preview clip")
