"""The speed-ups in clean/html.py keep the same results: whitespace folding, lazy paragraph keys, capped word
count, one-time warm-up."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.html import _fold, _norm, _prune_paragraphs, extract_html, warm_up
from newsgraph.clean.html_options import DEFAULT_OPTIONS
from newsgraph.models import Caption

_WS = re.compile(r"\s+")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000\u200b.")), max_size=40
    )
)
def test_fold_is_the_regex_fold(text: str) -> None:
    assert _fold(text) == _WS.sub(" ", text).strip()


def _prune_reference(
    text: str, captions: list[Caption], headings: list[str]
) -> tuple[str, list[tuple[str, str]]]:
    """The rules of _prune_paragraphs with every paragraph's key computed (the pre-speed-up code)."""
    caption_keys = set()
    for c in captions:
        caption_keys.add(_norm(c.text))
        if c.credit:
            caption_keys |= {_norm(f"{c.text} {c.credit}"), _norm(c.credit)}
    heading_keys = {_norm(h) for h in headings if h}
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for para in text.split("\n"):
        stripped = para.strip()
        if not stripped:
            continue
        key = _norm(stripped)
        if not kept and key in heading_keys:
            dropped.append((stripped, "title"))
        elif key in caption_keys:
            dropped.append((stripped, "duplicate-caption"))
        else:
            kept.append(stripped)
    return "\n".join(kept), dropped


_PARAS = st.sampled_from(["Big News Today", "big  news today", "A caption here", "Body text.", "", "  ", "X"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PARAS, max_size=8), st.booleans())
def test_lazy_paragraph_keys_same_result(paras: list[str], with_caption: bool) -> None:
    text = "\n".join(paras)
    captions = [Caption(text="A caption here", credit=None)] if with_caption else []
    headings = ["Big News Today"]
    assert _prune_paragraphs(text, captions, headings, None, DEFAULT_OPTIONS) == _prune_reference(
        text, captions, headings
    )


def _page(words: int) -> str:
    para = " ".join(f"word{i}" for i in range(words))
    return f"<html><head><title>T</title></head><body><article><p>{para}</p></article></body></html>"


def test_min_body_words_boundary() -> None:
    n = DEFAULT_OPTIONS.min_body_words
    assert extract_html(_page(n - 1)).body == ""
    assert extract_html(_page(n)).body.split() == [f"word{i}" for i in range(n)]


def test_warm_up_loads_the_lazy_tables_once() -> None:
    from newsgraph.clean import boilerplate

    warm_up()
    assert boilerplate._places.cache_info().currsize == 1
    assert warm_up.cache_info().currsize == 1
