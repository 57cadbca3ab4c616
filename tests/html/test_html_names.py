"""Author-name rules of the HTML path (``newsgraph.clean.html_names``), each on a small page or name list."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from newsgraph.clean.html import choose_title, extract_html
from newsgraph.clean.html_names import (
    clean_names,
    drop_slug_duplicates,
    host_labels,
    is_person_name,
    is_site_name,
    join_split_names,
    profile_link_author,
    restore_dots,
    site_keys,
    strip_role,
)

PARA = (
    "The council voted on Tuesday to extend the library's opening hours after a long public consultation that "
    "drew hundreds of written responses from residents across the district. "
)


def test_strip_role() -> None:
    assert strip_role("Jane Doe Tech Reporter") == "Jane Doe"
    assert strip_role("Jane Doe Senior Staff Writer") == "Jane Doe"
    assert strip_role("Jane Doe RN") == "Jane Doe"
    assert strip_role("Jane Doe Founder") == "Jane Doe"
    assert strip_role("Jane Doe •") == "Jane Doe"
    assert strip_role("Editor") == "Editor"  # a single word is left as it is
    assert strip_role("The Weekly editors") == "The Weekly editors"  # a group, not a person


def test_is_person_name() -> None:
    assert is_person_name("Jane Doe")
    assert is_person_name("News Desk")
    for junk in (
        "Updated",
        "Written By",
        "Lead Reviewer",
        "Co-Founder",
        "BSN",
        "Personal finance",
        "October",
    ):
        assert not is_person_name(junk), junk


def test_site_name() -> None:
    keys = site_keys("Example Times | News you can use", None, "https://www.exampletimes.com/a/b")
    assert is_site_name("EXAMPLE TIMES", keys)
    assert is_site_name("Example Times Sponsored", keys)
    assert not is_site_name("Jane Doe", keys)
    assert is_site_name("Condé Nast", site_keys(None, "Conde Nast", None))


def test_host_labels() -> None:
    """The host's labels without the generic ones, whatever the scheme, port, path or case."""
    assert host_labels("https://www.USAToday.com:443/story/x") == ["usatoday", "com"]
    assert host_labels("http://m.news.bbc.co.uk/a") == ["bbc", "co", "uk"]
    assert host_labels("amp.example.org") == ["example", "org"]
    assert host_labels("https://localhost/") == ["localhost"]


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Troops cross the border | Example Times", "https://exampletimes.com/a", "Troops cross the border"),
        ("Troops cross the border - EXAMPLE.ORG", "https://www.example.org/a", "Troops cross the border"),
        (
            "Troops cross the border - Other Paper",
            "https://www.example.org/a",
            "Troops cross the border - Other Paper",
        ),
    ],
)
def test_title_site_segment_from_the_url(title: str, url: str, expected: str) -> None:
    """The title's site segment is found from the host alone (no site name in the metadata): its main label
    or all its labels joined; another paper's name stays."""
    assert choose_title(title, (), None, url) == expected


def test_drop_slug_duplicates() -> None:
    assert drop_slug_duplicates(["Chuck Ross", "Chuck-Ross"]) == ["Chuck Ross"]
    assert drop_slug_duplicates(["chuck-ross", "Chuck Ross"]) == ["Chuck Ross"]
    assert drop_slug_duplicates(["Mary-Kate", "Chuck Ross"]) == ["Mary-Kate", "Chuck Ross"]


def test_join_split_names_needs_the_page_to_write_them_so() -> None:
    names = ["Doe", "Jane", "Roe", "Richard"]
    assert join_split_names(names, '<meta name="citation_author" content="Doe, Jane">') == [
        "Jane Doe",
        "Richard Roe",
    ]
    assert join_split_names(names, "<p>Doe and Jane</p>") == names
    assert join_split_names(["Jane", "Peter"], "Jane, Peter") == ["Peter Jane"]
    assert join_split_names(["Jane Doe", "Roe"], "Jane Doe, Roe") == ["Jane Doe", "Roe"]


def test_restore_dots() -> None:
    assert restore_dots("Justin C Meserole", "<span>By Justin C. Meserole</span>") == "Justin C. Meserole"
    assert restore_dots("Dr Jane Doe", "<b>Dr. Jane Doe</b>") == "Dr. Jane Doe"
    assert restore_dots("Example com", "<p>Example.com</p>") == "Example.com"
    assert restore_dots("Jane Doe", "<p>Jane. Doe</p>") == "Jane Doe"  # no short token: not looked up
    assert restore_dots("Justin C Meserole", "<p>Justin C Meserole</p>") == "Justin C Meserole"


def test_profile_link_author() -> None:
    page = (
        "<html><body><nav><a href='/author/nav-person'>Nav Person</a></nav><article>"
        "<a href='/topics/jane-doe'>Jane Doe</a><a href='/author/jane-doe'>Read more</a>"
        "<a href='https://example.com/people/jane-doe/'>Jane Doe</a></article></body></html>"
    )
    assert profile_link_author(load_html(page)) == "Jane Doe"
    assert (
        profile_link_author(load_html("<html><body><a href='/author/x'>Jane Doe</a></body></html>")) is None
    )


def test_clean_names_order() -> None:
    keys = site_keys("Example Times", None, None)
    assert clean_names(["Example Times"], keys) == []
    assert clean_names(["Jane Doe Staff Writer", "Jane-Doe", "Updated"], keys) == ["Jane Doe"]


def _page(head: str, body: str) -> str:
    return (
        f"<html><head><title>Library hours | Example Times</title>{head}</head><body><article>"
        f"<h1>Library hours</h1>{body}<p>{PARA * 3}</p><p>{PARA}</p></article></body></html>"
    )


def test_site_name_author_replaced_by_the_writer() -> None:
    head = (
        '<meta name="author" content="Example Times"><meta property="og:site_name" content="Example Times">'
    )
    c = extract_html(_page(head, '<p class="byline">By Jane Doe</p>'), url="https://exampletimes.com/a")
    assert [a.name for a in c.authors] == ["Jane Doe"]


def test_site_name_kept_when_no_writer_is_named() -> None:
    head = (
        '<meta name="author" content="Example Times"><meta property="og:site_name" content="Example Times">'
    )
    c = extract_html(_page(head, ""), url="https://exampletimes.com/a")
    assert [a.name for a in c.authors] == ["Example Times"]


def test_writer_from_profile_link_when_metadata_has_none() -> None:
    c = extract_html(_page("", "<div><a href='/authors/jane-doe'>Jane Doe</a></div>"), url="https://x.org/a")
    assert [a.name for a in c.authors] == ["Jane Doe"]


def test_byline_text_author() -> None:
    from newsgraph.clean.html_names import byline_text_author

    page = (
        "<html><body><footer><p>By Footer Person</p></footer><article><p>By the way, this is prose.</p>"
        "<p class='meta'>Written by <span>Jane Doe</span></p></article></body></html>"
    )
    assert byline_text_author(load_html(page)) == "Jane Doe"
    assert byline_text_author(load_html("<html><body><p>By the river we sat.</p></body></html>")) is None


def test_publisher_is_not_an_author() -> None:
    from newsgraph.clean.html_names import publisher_name

    ld = '<script type="application/ld+json">{"publisher": {"@type": "Organization", "name": "Big Media"}}</script>'
    assert publisher_name(load_html(_page(ld, ""))) == "Big Media"
    head = '<meta name="author" content="Jane Doe, Big Media Group"><meta name="publisher" content="Big Media Group">'
    c = extract_html(_page(head, ""), url="https://www.examplemag.com/story")
    assert [a.name for a in c.authors] == ["Jane Doe"]
