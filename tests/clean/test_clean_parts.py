"""Unit tests of the cleaner's parts: by-lines, name case, dates, datelines, captions, line boilerplate."""

from __future__ import annotations

import pytest

from newsgraph.clean.boilerplate import line_reason
from newsgraph.clean.byline import parse_byline, restore_case
from newsgraph.clean.captions import credit_only, split_caption
from newsgraph.clean.dateline import split_dateline
from newsgraph.clean.dates import date_line, parse_date
from newsgraph.clean.lines import split_units


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("BY SEO JI-EUN [seo.jieun1@joongang.co.kr]", ["Seo Ji-eun"]),
        ("By JANE DOE, Associated Press", ["Jane Doe"]),
        ("Jane Doe | Reuters", ["Jane Doe"]),
        ("By Jane Doe, John Roe & Mary Major", ["Jane Doe", "John Roe", "Mary Major"]),
        ("(Reporting by Jane Doe in Seoul; Editing by Mark Potter)", ["Jane Doe"]),
        (
            "Reporting by Jane Doe and John Roe; Writing by Mary Major; Editing by Tom Brown",
            ["Jane Doe", "John Roe", "Mary Major"],
        ),
        ("Written by Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("By Reuters", []),
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    authors = parse_byline(line)
    assert authors is not None
    assert [a.name for a in authors] == names


def test_byline_email() -> None:
    authors = parse_byline("BY SEO JI-EUN [seo.jieun1@joongang.co.kr]")
    assert authors and authors[0].email == "seo.jieun1@joongang.co.kr"


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the bank kept rates unchanged.",
        "By the time the police arrived, the crowd had left.",
        "Stand by me",
        "South Korea may consider sending weapons to Ukraine",
        "by",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("raw", "restored"),
    [
        ("SEO JI-EUN", "Seo Ji-eun"),
        ("KIM JONG-UN", "Kim Jong-un"),
        ("JEAN-PIERRE DUPONT", "Jean-Pierre Dupont"),
        ("MARY O'BRIEN", "Mary O'Brien"),
        ("RONALD MCDONALD", "Ronald McDonald"),
        ("Jane Doe", "Jane Doe"),
        ("HWANG JOON-KOOK", "Hwang Joon-kook"),
        ("ANNA SMITH-JONES", "Anna Smith-Jones"),
    ],
)
def test_restore_case(raw: str, restored: str) -> None:
    assert restore_case(raw) == restored


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tuesday, October 22, 2024", "2024-10-22"),
        ("Oct. 22, 2024 11:03 PM", "2024-10-22"),
        ("22 October 2024", "2024-10-22"),
        ("Updated: 2024.10.22 17:34", "2024-10-22"),
        ("Published 2024-10-22T08:00:00Z", "2024-10-22"),
        ("10/22/2024", "2024-10-22"),
        ("22/10/2024", "2024-10-22"),
        ("22.10.2024", "2024-10-22"),
        ("Published 10:31 AM EDT, Wed October 23, 2024", "2024-10-23"),
        ("2024年10月22日", "2024-10-22"),
        ("Reuters November 18, 2019 11:03 PM", "2019-11-18"),
    ],
)
def test_date_lines(text: str, iso: str) -> None:
    assert date_line(text) == iso


def test_date_line_rejects_sentences_and_bad_dates() -> None:
    assert date_line("The company was founded on October 22, 2024 in a garage in Seoul.") is None
    assert parse_date("The company was founded on October 22, 2024 in Seoul.") == "2024-10-22"
    assert date_line("February 30, 2024") is None
    assert date_line("80.2 F") is None


def test_date_fallback_other_languages() -> None:
    assert date_line("22. Oktober 2024", fallback=True) == "2024-10-22"


@pytest.mark.parametrize(
    ("para", "dateline"),
    [
        ("SEOUL, Oct 22 (Reuters) - South Korea said on Tuesday.", "SEOUL, Oct 22 (Reuters) -"),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) —"),
        ("(Reuters) — The company said.", "(Reuters) —"),
        ("LONDON — Britain's economy grew.", "LONDON —"),
        (
            "NEW YORK, Oct. 22, 2024 /PRNewswire/ -- Acme Corp today said.",
            "NEW YORK, Oct. 22, 2024 /PRNewswire/ --",
        ),
    ],
)
def test_datelines(para: str, dateline: str) -> None:
    found = split_dateline(para)
    assert found is not None and found[0] == dateline
    assert para.endswith(found[1])


@pytest.mark.parametrize(
    "para", ["The man - who was not named - left.", "I - for one - disagree.", "NASA - the agency said"]
)
def test_not_datelines(para: str) -> None:
    assert split_dateline(para) is None


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        (
            "Kim Tae-hyo speaks during a press briefing in Seoul on Tuesday. [JOINT PRESS CORPS]",
            "Kim Tae-hyo speaks during a press briefing in Seoul on Tuesday.",
            "JOINT PRESS CORPS",
        ),
        (
            "Lawmakers leave the Capitol after the vote. (AP Photo/John Roe)",
            "Lawmakers leave the Capitol after the vote.",
            "AP Photo/John Roe",
        ),
        (
            "A trader watches screens in Seoul, October 22, 2024. REUTERS/Kim Hong-Ji",
            "A trader watches screens in Seoul, October 22, 2024.",
            "REUTERS/Kim Hong-Ji",
        ),
        (
            "Firefighters work at the site of a blaze. Photo: Jane Doe/Reuters",
            "Firefighters work at the site of a blaze.",
            "Photo: Jane Doe/Reuters",
        ),
        (
            "The president waves to supporters at the rally. (Getty Images)",
            "The president waves to supporters at the rally.",
            "Getty Images",
        ),
        (
            "Photo: Protesters gather near the harbour / Jane Doe",
            "Protesters gather near the harbour",
            "Jane Doe",
        ),
    ],
)
def test_captions(line: str, text: str, credit: str) -> None:
    assert split_caption(line) == (text, credit)


@pytest.mark.parametrize(
    "line",
    [
        "He called it “smearing the image of [North Korea] and undermining relations.”",
        "BY SEO JI-EUN [seo.jieun1@joongang.co.kr]",
        "The vote [AP]",
        "It rained all day in Seoul on Tuesday.",
    ],
)
def test_not_captions(line: str) -> None:
    assert split_caption(line) is None


def test_credit_only_lines() -> None:
    assert credit_only("Image Credit: WeWork") == "WeWork"
    assert credit_only("Photo: Reuters") == "Reuters"
    assert credit_only("The photo was taken in 1999 by a tourist from Ohio.") is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("80.2 F", "weather"),
        ("23°C Sunny", "weather"),
        ("- Advertisement -", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Share on Facebook", "share"),
        ("Share this article", "share"),
        ("Subscribe to our newsletter", "subscribe"),
        ("We use cookies to give you the best experience on our website.", "cookie"),
        ("© 2024 Example Media. All rights reserved.", "copyright"),
        ("Read more", "read-more"),
        ("Continue reading", "read-more"),
        ("Skip to main content", "navigation"),
        ("Home | World | Business | Sport", "navigation"),
        ("3 days ago", "comment"),
    ],
)
def test_line_reasons(line: str, reason: str) -> None:
    (u,) = split_units(line)
    assert line_reason(u) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The company said it would share the cost with its partners over the next three years.",
        "Officials said the advertisement had been withdrawn after complaints from viewers.",
        "Seoul called for the immediate withdrawal of North Korean troops.",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    (u,) = split_units(line)
    assert line_reason(u) is None
