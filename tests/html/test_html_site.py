"""The site's name from a page's metadata (:mod:`newsgraph.clean.html_site`): one test per rule, and the name
carried from the HTML to ``Article.sitename``."""

from __future__ import annotations

import pytest

from newsgraph.clean.html import extract_html
from newsgraph.clean.html_site import (
    is_platform,
    looks_like_a_name,
    site_name,
    site_part,
    without_handle_mark,
)


@pytest.mark.parametrize(
    ("raw", "name"),
    [("@UCLAHealth", "UCLAHealth"), ("Heating &amp; Cooling", "Heating & Cooling"), ("  Digit  ", "Digit")],
)
def test_without_handle_mark(raw: str, name: str) -> None:
    assert without_handle_mark(raw) == name


@pytest.mark.parametrize(
    ("raw", "keys", "title", "name"),
    [
        ("Wirecutter: Reviews for the Real World", (), None, "Wirecutter"),
        ("Healthcare AI | Aidoc Always-on AI", ("aidoc",), None, "Aidoc Always-on AI"),
        ("Electrician in Ponchatoula, LA - Costs - homeyou", ("homeyou",), None, "homeyou"),
        (
            "How to Design a Website: a Complete Guide | Clay",
            (),
            "How to Design a Website: a Complete Guide",
            "Clay",
        ),
        ("Fermyon • Experience the next wave of cloud computing.", (), None, "Fermyon"),
        ("Vegan Cafe in New Orleans |", (), None, "Vegan Cafe in New Orleans"),
        ("The Daily Example", ("example",), None, "The Daily Example"),
    ],
)
def test_site_part(raw: str, keys: tuple[str, ...], title: str | None, name: str) -> None:
    assert site_part(raw, keys, title) == name


@pytest.mark.parametrize(
    ("name", "title", "ok"),
    [
        ("The White Coat Investor", None, True),
        ("39 Best Electrician Tools for Your Tool Belt and Your Business", None, False),
        ("Best toothbrushes of 2025", "Best Toothbrushes of 2025", False),
        ("site", None, False),
        ("What is Smart Energy?", None, False),
    ],
)
def test_looks_like_a_name(name: str, title: str | None, ok: bool) -> None:
    assert looks_like_a_name(name, title) is ok


@pytest.mark.parametrize(
    ("name", "platform"),
    [("Medium", True), ("WordPress.com", True), ("jdoe's Substack", True), ("GitHub Resources", False)],
)
def test_is_platform(name: str, platform: bool) -> None:
    assert is_platform(name) is platform


def test_site_name_prefers_a_name_to_a_handle_and_refuses_platforms() -> None:
    assert site_name("@trezy_io", "Trezy SAS") == "Trezy SAS"
    assert site_name("@golang", None) == "golang"
    assert site_name("Medium", None, "https://jdoe.medium.com/post") is None
    assert site_name("Electrician in Ponchatoula - Costs 2025 - homeyou", "Homeyou") == "Homeyou"
    assert site_name(None, None) is None


PAGE = """<html><head><title>Best toothbrushes | GearLab Reviews</title>
<meta property="og:site_name" content="GearLab Reviews: Tested by Experts"></head><body><article>
<h1>Best toothbrushes</h1>
<p>We tested twelve electric toothbrushes over three months in our lab in Denver, brushing twice a day.</p>
<p>We recommend choosing a brush with soft bristles for most adults and for children over six years old.</p>
</article></body></html>"""


def test_the_site_name_reaches_the_record() -> None:
    assert extract_html(PAGE).sitename == "GearLab Reviews"
    assert (
        extract_html(
            PAGE.replace('<meta property="og:site_name" content="GearLab Reviews: Tested by Experts">', "")
        ).sitename
        is None
    )
