"""trafilatura's by-line search (``trafilatura.metadata.extract_author``) with the same rules, about 3x faster.

trafilatura evaluates three author XPath expressions and a discard expression over a copy of the page, each
testing every element's ``class``/``id`` with EXSLT regular expressions: about 7 ms a page on news pages, more
than htmldate. Here the same tests run in one pass over the page's elements, with the verdict for each distinct
``class`` / ``id`` value cached (news pages repeat the same few class names hundreds of times). Then, as in
trafilatura: candidates of the first expression before the second's, each in document order; candidates inside
a discarded section skipped; the first whose text (without discarded sub-sections) is 3-119 characters wins;
names normalised with trafilatura's ``normalize_authors``. A candidate holding a discarded sub-section (a
``<time>``, a ``<figure>``) is pruned on a copy with trafilatura's own XPaths, so its text is exactly
trafilatura's. ``tests/html/test_html_author.py`` checks the result equals trafilatura's on fixture and
benchmark pages; the patterns are copied from ``trafilatura.xpaths`` (``AUTHOR_XPATHS``,
``AUTHOR_DISCARD_XPATHS``) of trafilatura 2.3.
"""

from __future__ import annotations

import functools
import re
from copy import deepcopy
from typing import Any

from newsgraph.clean.html_options import HtmlElement

# which rule an element's attributes satisfy (the tag restrictions are applied after)
_DISCARD = 1  # AUTHOR_DISCARD_XPATHS[0] (a, div, section, span)
_SPECIFIC = 2  # AUTHOR_XPATHS[0] (a, address, div, link, p, span, strong) and //author
_GENERIC = 4  # AUTHOR_XPATHS[1] (a, div, h3, h4, p, span)
_ANY = 8  # AUTHOR_XPATHS[2] (any element)

_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})

_CLASS_RULES: tuple[tuple[int, frozenset[str], re.Pattern[str] | None], ...] = (
    (
        _DISCARD,
        frozenset({"comments", "title", "date"}),
        re.compile(
            "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
            "article-(?:share|support)|print|category|meta-date|meta-reviewer"
        ),
    ),
    (_SPECIFIC, frozenset({"author"}), re.compile("author-?name|AuthorName|authorName")),
    (
        _GENERIC,
        frozenset({"byline", "username", "byl", "BBL"}),
        re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"),
    ),
    (_ANY, frozenset(), re.compile("[Aa]uthor|screenname|writer|[Bb]yline")),
)
_ID_RULES: tuple[tuple[int, frozenset[str], re.Pattern[str] | None], ...] = (
    (_DISCARD, frozenset({"comments"}), re.compile("^comments|comment-?list|ProductReviews")),
    (_SPECIFIC, frozenset({"author"}), None),
    (_GENERIC, frozenset(), re.compile("author|zuozhe|bianji|xiaobian")),
    (_ANY, frozenset(), re.compile("[Aa]uthor")),
)


def _bits(value: str, rules: tuple[tuple[int, frozenset[str], re.Pattern[str] | None], ...]) -> int:
    out = 0
    for bit, exact, pattern in rules:
        if value in exact or (pattern is not None and pattern.search(value)):
            out |= bit
    return out


@functools.lru_cache(maxsize=1 << 16)
def _class_bits(value: str) -> int:
    return _bits(value, _CLASS_RULES)


@functools.lru_cache(maxsize=1 << 16)
def _id_bits(value: str) -> int:
    return _bits(value, _ID_RULES)


def _other_bits(get: Any) -> int:
    """The rules on ``itemprop``, ``rel``, ``data-testid`` and ``data-component``."""
    out = 0
    itemprop = get("itemprop") or ""
    if itemprop == "author name":
        out |= _SPECIFIC
    if "author" in itemprop:
        out |= _GENERIC | _ANY
    if get("rel") == "author" or get("data-testid") in ("AuthorCard", "AuthorURL"):
        out |= _SPECIFIC
    component = get("data-component") or ""
    if "Figure" in component:
        out |= _DISCARD
    if "Byline" in component:
        out |= _ANY
    return out


def _scan(tree: HtmlElement) -> tuple[set[Any], list[list[Any]]]:  # noqa: C901
    """(elements the discard rules remove, candidates of the three author expressions in document order)."""
    # XPath ``rel='me'``: a child element <rel> whose text is "me"
    rel_me = {r.getparent() for r in tree.iter("rel") if r.text_content() == "me"}
    discard: set[Any] = set()
    specific: list[Any] = []
    generic: list[Any] = []
    anywhere: list[Any] = []
    for el in tree.iter():
        tag = el.tag
        if tag.__class__ is not str:  # comments, processing instructions
            continue
        if tag == "time" or tag == "figure":
            discard.add(el)
            continue
        attrs = el.attrib
        n = len(attrs)
        if not n and tag != "author" and el not in rel_me:
            continue
        get = attrs.get
        cls = get("class")
        ident = get("id")
        bits = (_class_bits(cls) if cls else 0) | (_id_bits(ident) if ident else 0)
        if n > (cls is not None) + (ident is not None):
            bits |= _other_bits(get)
        if tag == "author" or el in rel_me:
            bits |= _SPECIFIC
        if not bits:
            continue
        if bits & _DISCARD and tag in _DISCARD_TAGS:
            discard.add(el)
        if bits & _SPECIFIC and (tag in _SPECIFIC_TAGS or tag == "author"):
            specific.append(el)
        if bits & _GENERIC and tag in _GENERIC_TAGS:
            generic.append(el)
        if bits & _ANY:
            anywhere.append(el)
    return discard, [specific, generic, anywhere]


def extract_author(tree: HtmlElement) -> str | None:
    """The page's by-line as ``trafilatura.metadata.extract_author(tree)`` finds it; the tree is not modified."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    discard, expressions = _scan(tree)
    for candidates in expressions:
        for el in candidates:
            if el in discard or any(a in discard for a in el.iterancestors()):
                continue
            if discard and any(d in discard for d in el.iterdescendants()):
                el = prune_unwanted_nodes(deepcopy(el), AUTHOR_DISCARD_XPATHS)
            content: str = trim(" ".join(el.itertext()))
            if content and 2 < len(content) < 120:
                author: str | None = normalize_authors(None, content)
                return author
    return None
