"""Rule ``date_in_file_name``: a document whose text carries no date takes the date in its file's name."""

from __future__ import annotations

import pytest

from newsgraph.clean.dates import date_in_file_name
from newsgraph.ingest.records import RawDocument
from newsgraph.models import Source
from newsgraph.pipeline import prepare_batch


@pytest.mark.parametrize(
    ("path", "iso"),
    [
        ("joongang-2024-10-22-weapons-ukraine.txt", "2024-10-22"),
        ("corpus/huff-post_2016-06-02_israel-talks.txt", "2016-06-02"),
        ("20161009_debate.html", "2016-10-09"),
        ("mirror/site/2016/10/9/story.html", "2016-10-09"),
        (r"C:\news\2015_11_30 budget.txt", "2015-11-30"),
    ],
)
def test_dates_in_file_names(path: str, iso: str) -> None:
    assert date_in_file_name(path) == iso


@pytest.mark.parametrize(
    "path",
    [
        None,
        "story.txt",
        "report-2016-13-45.txt",  # no month 13
        "id2016123456.html",  # a longer number, not a date
        "2016-10-09/story.txt",  # a folder name alone is not the document's date
        "archive-2099-01-01.txt",  # in the future
    ],
)
def test_no_date_in_file_name(path: str | None) -> None:
    assert date_in_file_name(path) is None


BODY = (
    "The city council voted on Monday to close the old bridge.\n\n"
    "The mayor said the repairs would take two years and cost more than the city had planned."
)


def test_an_undated_text_takes_its_file_name_date() -> None:
    art = prepare_batch([RawDocument(Source(path="in/council-2016-10-09-bridge.txt"), BODY)])[0]
    assert art.published == "2016-10-09"


def test_the_text_own_date_wins_over_the_file_name() -> None:
    text = "Bridge to close\n\nOctober 22, 2024\n\n" + BODY
    art = prepare_batch([RawDocument(Source(path="in/council-2016-10-09-bridge.txt"), text)])[0]
    assert art.published == "2024-10-22"


def test_no_file_name_no_date() -> None:
    art = prepare_batch([RawDocument(Source(), BODY)])[0]
    assert art.published is None
