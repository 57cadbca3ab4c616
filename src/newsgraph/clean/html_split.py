"""An article split by an in-story ad or a related-stories box: the extractor keeps the first content block only
(3 of 24 paragraphs). The page's prose paragraphs are listed before the body pass (:func:`prose_paragraphs`);
when the body holds too little of them, the missing paragraphs that sit in the same kind of container as the
kept ones (same parent tag and class: the second ``<div class="article-body">`` after the ad) are put back
after the kept paragraph that precedes them on the page (:func:`continue_split_article`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean.html_options import HtmlElement

_OUTSIDE_TAGS = frozenset({"footer", "nav", "aside", "header"})
# containers whose paragraphs are not the article's, whatever their layout
_OUTSIDE_CLASS = re.compile(
    r"comment|related|sidebar|newsletter|promo|recommend|teaser|footer|share|widget|subscribe|signup|popular|"
    r"trending|outbrain|taboola|disqus|author-?bio|bio-?box|title|\bads?\b|\bad-|advert",
    re.IGNORECASE,
)
_KEY_CHARS = 60
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", ":")


@dataclass(frozen=True)
class ProsePara:
    """One prose paragraph of the page: its text (whitespace folded) and its container's signature."""

    text: str
    container: tuple[str, str]
    outside: bool  # inside a footer/nav/aside/header
    furniture: bool  # inside a comments/related/promo/ad container (by its class or id)


def prose_paragraphs(tree: HtmlElement, min_words: int = 12) -> list[ProsePara]:
    """The ``<p>`` elements of at least ``min_words`` words, in document order (read before the body pass)."""
    out: list[ProsePara] = []
    for p in tree.iter("p"):
        raw = p.text_content()
        if len(raw.split(None, min_words)) < min_words:
            continue
        outside = furniture = False
        for a in p.iterancestors():
            outside = outside or a.tag in _OUTSIDE_TAGS
            furniture = (
                furniture or _OUTSIDE_CLASS.search(f"{a.get('class', '')} {a.get('id', '')}") is not None
            )
        parent = p.getparent()
        sig = (str(parent.tag), parent.get("class") or "") if parent is not None else ("", "")
        out.append(ProsePara(" ".join(raw.split()), sig, outside, furniture))
    return out


def prose_chars(paras: list[ProsePara]) -> int:
    """Characters of the prose paragraphs outside ``<footer>``, ``<nav>``, ``<aside>`` and ``<header>``."""
    return sum(len(p.text) for p in paras if not p.outside)


def _key(text: str) -> str:
    return text[:_KEY_CHARS]


def continue_split_article(text: str, paras: list[ProsePara]) -> str:  # noqa: C901
    """``text`` (paragraphs split by newlines) with the page's missing prose paragraphs put back: those after
    the first kept one, outside any page furniture, ending as a sentence ends, in a container of the same tag
    and (non-empty) class as a kept paragraph's, each after the kept paragraph before it. Unchanged when nothing qualifies."""
    lines = text.split("\n")
    folded = [" ".join(line.split()) for line in lines]
    where: dict[str, int] = {}
    for i, line in enumerate(folded):
        if len(line) >= 20:
            where.setdefault(_key(line), i)
    first: dict[str, int] = {}  # a text's first place on the page (later copies are teasers of it)
    for i, p in enumerate(paras):
        first.setdefault(_key(p.text), i)
    kept_sigs = {
        p.container
        for i, p in enumerate(paras)
        if _key(p.text) in where and p.container[1] and first[_key(p.text)] == i
    }
    if not kept_sigs:
        return text
    inserts: dict[int, list[str]] = {}
    anchor: int | None = None
    added: set[str] = set()
    for i, p in enumerate(paras):
        at = where.get(_key(p.text))
        if first[_key(p.text)] != i:
            continue
        if at is not None:
            anchor = at
            continue
        if (
            anchor is None
            or p.outside
            or p.furniture
            or p.container not in kept_sigs
            or _key(p.text) in added
        ):
            continue
        added.add(_key(p.text))
        inserts.setdefault(anchor, []).append(p.text)
    if not inserts:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        out.extend(inserts.get(i, ()))
    return "\n".join(out)
