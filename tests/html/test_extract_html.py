"""HTML extraction: body, title, date, authors, captions; pages without an article; garbage never raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.html import choose_title, extract_html, figcaptions
from newsgraph.clean.html_options import HtmlOptions

PARAGRAPHS = [
    "The defence ministry said on Tuesday that it would review every option for military support, including "
    "the supply of weapons, after reports that thousands of troops had been sent to the front.",
    "Officials told reporters that the government would respond in stages, depending on how the deployment "
    "developed over the coming weeks, and that no decision had yet been taken on lethal aid.",
    "Opposition lawmakers criticised the plan, arguing that the country should not be drawn into a distant "
    "war, while analysts said the move reflected growing concern about security on the peninsula.",
    "The ministry added that a delegation would travel to Brussels next week to consult allies on the issue "
    "and to share intelligence gathered by the national intelligence service in recent days.",
]

ARTICLE = (
    """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Seoul weighs weapons support for Kyiv | The Daily Example</title>
<meta property="og:title" content="Seoul weighs weapons support for Kyiv | The Daily Example">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-10-22T09:30:00+09:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<main><article>
<h1>Seoul weighs weapons support for Kyiv</h1>
<p class="byline">By Jane Doe</p>
<figure><img src="a.jpg"><figcaption>Soldiers stand guard near the border on Monday. <span class="credit">Photo: John Roe/Reuters</span></figcaption></figure>
"""
    + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + """
<figure><img src="b.jpg"><figcaption>The president speaks at a cabinet meeting in Seoul on Tuesday. [JOINT PRESS CORPS]</figcaption></figure>
</article></main>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""
)


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return extract_html(ARTICLE, url="https://www.dailyexample.com/world/2024/10/22/seoul-weapons")


def test_body_keeps_every_paragraph_and_drops_boilerplate(article) -> None:  # type: ignore[no-untyped-def]
    for p in PARAGRAPHS:
        assert p in article.body
    assert "\n\n" in article.body
    for junk in ("Home", "Privacy", "All rights reserved", "Soldiers stand guard"):
        assert junk not in article.body
    assert not article.errors


def test_metadata(article) -> None:  # type: ignore[no-untyped-def]
    assert article.title == "Seoul weighs weapons support for Kyiv"  # the <h1>, without the site name
    assert article.published == "2024-10-22"
    assert [a.name for a in article.authors] == ["Jane Doe"]


def _undated(extra_head: str = "", footer: str = "Copyright 2025 The Daily Example.") -> str:
    """ARTICLE without its date: no meta date, a URL without one, a copyright year in the footer."""
    page = ARTICLE.replace(
        '<meta property="article:published_time" content="2024-10-22T09:30:00+09:00">', extra_head
    )
    return page.replace("Copyright 2024 The Daily Example. All rights reserved.", footer)


@pytest.mark.parametrize(
    ("extra_head", "footer", "expected"),
    [
        ("", "Copyright 2025 The Daily Example.", None),  # a bare year is not a publication date
        ("", "&copy; 2023-2025 The Daily Example.", None),
        (
            '<meta property="article:published_time" content="2025-01-01T08:00:00Z">',
            "Copyright 2025",
            "2025-01-01",
        ),
        ("", "Published January 1, 2025. Copyright 2025", "2025-01-01"),
        ("", "Published 1 January 2025", "2025-01-01"),
        ("", "Posted 01/01/2025", "2025-01-01"),
    ],
)
def test_a_year_alone_is_not_the_first_of_january(extra_head: str, footer: str, expected: str | None) -> None:
    art = extract_html(_undated(extra_head, footer), url="https://www.dailyexample.com/world/seoul-weapons")
    assert art.published == expected
    assert PARAGRAPHS[0] in art.body


def test_captions_with_credit_split(article) -> None:  # type: ignore[no-untyped-def]
    caps = [(c.text, c.credit) for c in article.captions]
    assert ("Soldiers stand guard near the border on Monday.", "Photo: John Roe/Reuters") in caps
    assert ("The president speaks at a cabinet meeting in Seoul on Tuesday.", "JOINT PRESS CORPS") in caps
    assert len(caps) == len({c[0] for c in caps})  # each once


def test_figcaption_without_credit_and_duplicates() -> None:
    from trafilatura.utils import load_html

    tree = load_html(
        "<html><body><figure><figcaption>A quiet street in the old town at dawn.</figcaption></figure>"
        "<figure><figcaption>A quiet street in the old town at dawn.</figcaption></figure>"
        "<figure><figcaption>  </figcaption></figure></body></html>"
    )
    caps = figcaptions(tree)
    assert [(c.text, c.credit) for c in caps] == [("A quiet street in the old town at dawn.", None)]


def test_page_without_article_gives_empty_body() -> None:
    page = "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav><form><input></form></body></html>"
    c = extract_html(page)
    assert c.body == ""
    assert c.title == "Login"


@pytest.mark.parametrize(
    "junk", ["", "   ", "not html at all", "<", "<html>", "\x00\x01\x02", "<p>" * 5000, "<?xml?>"]
)
def test_junk_never_raises(junk: str) -> None:
    c = extract_html(junk)
    assert isinstance(c.body, str)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    c = extract_html(f"<html><body><article><p>{text}</p></article></body></html>")
    assert isinstance(c.body, str)


def test_options_without_cleaner_keep_paragraphs() -> None:
    c = extract_html(ARTICLE, options=HtmlOptions(run_cleaner=False))
    assert c.body.split("\n\n")[0].startswith("By Jane Doe") or c.body.startswith(PARAGRAPHS[0])
    assert PARAGRAPHS[-1] in c.body


@pytest.mark.parametrize(
    ("title", "h1", "site", "url", "expected"),
    [
        ("Big news today | Example Times", ("Big news today",), None, None, "Big news today"),
        ("Big news today - Example Times", (), "Example Times", None, "Big news today"),
        ("Example Times: all the news", (), None, None, "Example Times: all the news"),
        ("Storm hits coast — Foo News", (), None, "https://www.foonews.com/a", "Storm hits coast"),
        (None, ("Only heading",), None, None, "Only heading"),
        (None, (), None, None, None),
    ],
)
def test_choose_title(
    title: str | None, h1: tuple[str, ...], site: str | None, url: str | None, expected: str | None
) -> None:
    assert choose_title(title, h1, site, url) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Luke Kim December", "Luke Kim"),
        ("Cazzy Magennis Last Updated August 1", "Cazzy Magennis"),
        ("Jane Doe Dec. 3, 2024", "Jane Doe"),
        ("Tom May", "Tom May"),
        ("Read more about The Upwork Team", "The Upwork Team"),
        ("© 2024", None),
        ("Conditions Privacy Policy", None),
    ],
)
def test_clean_author(raw: str, expected: str | None) -> None:
    from newsgraph.clean.html import clean_author

    assert clean_author(raw) == expected
