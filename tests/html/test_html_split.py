"""An article split by an in-story ad or a related box keeps all its paragraphs (``html_split``, ``html_body``)."""

from __future__ import annotations

from trafilatura.utils import load_html

from newsgraph.clean.html import extract_html
from newsgraph.clean.html_body import is_cut_short
from newsgraph.clean.html_split import continue_split_article, prose_chars, prose_paragraphs


def _para(i: int) -> str:
    return (
        f"Paragraph {i} of the story: the council voted on Tuesday to extend the library's opening hours after a "
        f"long public consultation that drew many written responses from residents, officials said."
    )


def _split_page(n: int = 24, first_block: int = 3) -> str:
    first = "".join(f"<p>{_para(i)}</p>" for i in range(first_block))
    rest = "".join(f"<p>{_para(i)}</p>" for i in range(first_block, n))
    return (
        "<html><head><title>Library hours</title></head><body><h1>Library hours</h1>"
        f"<div class='story-body'>{first}</div>"
        "<div class='ad-slot'><p>Advertisement: buy our product now, it is the best product you can buy, "
        "really it is.</p></div>"
        "<div class='related-box'><h3>Related stories</h3><ul><li><a href='/a'>Council delays vote</a></li>"
        "<li><a href='/b'>Fees to rise</a></li></ul></div>"
        f"<div class='story-body'>{rest}</div>"
        "<footer><p>Copyright Example News, all rights reserved, no part of this page may be copied.</p></footer>"
        "</body></html>"
    )


def test_prose_paragraphs_and_chars() -> None:
    paras = prose_paragraphs(load_html(_split_page(6)))
    assert [p.text for p in paras if not p.outside and not p.furniture] == [_para(i) for i in range(6)]
    assert sum(p.outside for p in paras) == 1  # the footer line
    assert all(p.furniture for p in paras if p.text.startswith("Advertisement"))
    assert prose_chars(paras) == sum(len(p.text) for p in paras if not p.outside)


def test_is_cut_short() -> None:
    assert is_cut_short(300, 5000, 0.5)
    assert not is_cut_short(3000, 5000, 0.5)
    assert not is_cut_short(100, 900, 0.5)  # too little prose to judge


def test_continue_split_article_puts_back_the_rest_in_order() -> None:
    paras = prose_paragraphs(load_html(_split_page(8)))
    text = "\n".join(_para(i) for i in range(3))
    out = continue_split_article(text, paras).split("\n")
    assert out == [_para(i) for i in range(8)]


def test_continue_split_article_leaves_other_containers_and_teaser_copies() -> None:
    page = (
        "<html><body><div class='story-body'>"
        + "".join(f"<p>{_para(i)}</p>" for i in range(3))
        + "</div><div class='teasers'><p>"
        + _para(0)
        + "</p><p>A teaser of another story that is long enough to be prose but sits elsewhere.</p></div>"
        + "<div class='other'><p>Another story entirely, written at length, with words enough to count here.</p>"
        + "</div></body></html>"
    )
    text = "\n".join(_para(i) for i in range(3))
    assert continue_split_article(text, prose_paragraphs(load_html(page))) == text


def test_extract_html_keeps_every_paragraph_of_a_split_article() -> None:
    c = extract_html(_split_page(24))
    paras = c.body.split("\n\n")
    assert paras == [_para(i) for i in range(24)]
    assert "Advertisement" not in c.body
