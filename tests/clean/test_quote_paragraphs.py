"""A body that ends on a short quotation paragraph keeps it (rule ``extend_quote_paragraphs``): too short to score as
prose, it used to fall outside the body as boilerplate."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_text
from newsgraph.clean.content import is_quote_paragraph
from newsgraph.clean.lines import split_units

STORY = (
    "Senate passes the farm bill\n\n"
    "The Senate passed the farm bill on Tuesday after a long debate that ran well past midnight in Washington.\n\n"
    'Senator Maria Lopez said she had doubts until the last hour. "I was not sure we had the votes," she said '
    "after the vote, which ended a fight over subsidies that had lasted for most of the year.\n\n"
)


@pytest.mark.parametrize(
    "line,kept",
    [
        ("“It was a long night.”", True),
        ('"We will be back," she said.', False),  # text after the closing mark: prose, scored as such
        ("“Thanks.”", False),  # too short to tell from a widget
        ("“Read more”", False),  # no sentence punctuation inside the marks
        ('"Nobody expected the vote to be this close!"', True),
    ],
)
def test_is_quote_paragraph(line: str, kept: bool) -> None:
    unit = split_units(line)[0]
    assert is_quote_paragraph(unit) is kept


def test_a_closing_quote_paragraph_stays_in_the_body() -> None:
    out = clean_text(STORY + "“It was a long night.”\n\nShare this article\nFacebook\nTwitter\n")
    assert out.body.endswith("“It was a long night.”")
    assert "Share this article" not in out.body
    assert all(r.text != "“It was a long night.”" for r in out.removed)


def test_a_short_line_that_is_not_a_quote_still_goes() -> None:
    out = clean_text(STORY + "Tags: farm bill\n")
    assert "Tags" not in out.body
