"""The story's text from the page's structured data, when the visible markup holds only part of it.

Publishers put the whole story in JSON-LD (``"articleBody"`` of a ``NewsArticle``/``Article``/``BlogPosting``)
or in an embedded data block (``<script id="__NEXT_DATA__">``) while the markup shows a teaser, a paywalled
first part, or paragraphs loaded by script. :func:`structured_article_body` reads it (before the body pass, on
the intact tree); :func:`prefer_fuller_body` uses it instead of the extracted body only when it is clearly the
fuller version of the same story: much longer, and holding the extracted paragraphs. Plain-text article bodies
lose the markup's line breaks, so a subheading runs into the next paragraph ("DataThe"):
:func:`split_glued_headings` puts the break back where the page's own ``<h2>``-``<h4>`` say a heading was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from newsgraph.clean.html_options import HtmlElement

_MAX_SCRIPT_CHARS = 2_000_000
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|br|tr|section|figure)\b[^>]*>", re.IGNORECASE
)


def _walk(obj: Any, depth: int = 0) -> Iterator[str]:
    """Every string value of an ``articleBody`` key in a JSON document (depth-limited)."""
    if depth > 12:
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "articleBody" and isinstance(v, str):
                yield v
            elif isinstance(v, dict | list):
                yield from _walk(v, depth + 1)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v, depth + 1)


def structured_article_body(tree: HtmlElement) -> str | None:
    """The longest ``articleBody`` of the page's JSON-LD or ``__NEXT_DATA__`` blocks, as text with one paragraph
    a line (HTML inside it is reduced to its text, block elements to line breaks); None when there is none."""
    best = ""
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        if kind != "application/ld+json" and script.get("id") != "__NEXT_DATA__":
            continue
        raw = script.text or ""
        if "articleBody" not in raw or len(raw) > _MAX_SCRIPT_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for body in _walk(data):
            if len(body) > len(best):
                best = body
    if not best:
        return None
    if _TAG.search(best):
        from html import unescape

        best = unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", best)))
    lines = [" ".join(line.split()) for line in best.splitlines()]
    return "\n".join(line for line in lines if line) or None


def page_subheadings(tree: HtmlElement, limit: int = 60) -> list[str]:
    """The texts of the page's ``<h2>``, ``<h3>`` and ``<h4>`` elements (at most ``limit``)."""
    out: list[str] = []
    for h in tree.iter("h2", "h3", "h4"):
        text = " ".join(h.text_content().split())
        if 2 <= len(text) <= 150:
            out.append(text)
            if len(out) >= limit:
                break
    return out


def split_glued_headings(text: str, headings: list[str]) -> str:
    """Line breaks put back after subheadings that run into the next paragraph with no space ("Why it matters
    DataThe figures show" -> "... Data" / "The figures show"): a heading of the page, at the start of a line or
    after a sentence end, directly followed by a capital letter."""
    for h in sorted(set(headings), key=len, reverse=True):
        if h not in text:
            continue
        pattern = re.compile(rf"(^|(?<=[.!?\"”’)])\s*)({re.escape(h)})(?=[A-Z])", re.MULTILINE)
        text = pattern.sub("\n\\2\n", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _fold(text: str) -> str:
    return " ".join(text.split())


def prefer_fuller_body(text: str, structured: str | None, headings: list[str], min_ratio: float = 1.5) -> str:
    """``structured`` (subheadings split off) instead of the extracted ``text`` when it is at least ``min_ratio``
    times as long, at least 500 characters, and holds at least 80% (in characters) of the extracted paragraphs
    of 8 words or more (the same story, not a summary or another article); else ``text``."""
    if not structured or len(structured) < 500 or len(structured) < min_ratio * len(text):
        return text
    whole = _fold(structured)
    paras = [_fold(p) for p in text.split("\n") if len(p.split()) >= 8]
    if paras:
        found = sum(len(p) for p in paras if p[:50] in whole)
        if found < 0.8 * sum(len(p) for p in paras):
            return text
    elif text.strip():
        return text
    return split_glued_headings(structured, headings)
