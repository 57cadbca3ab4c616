"""Find the article in a page of lines: classify each unit as prose or not, then take the densest run of prose.

The run is the maximum-sum contiguous sequence of unit scores (the body-text-extraction idea of Finn et al.,
applied to rendered text): prose lines score their length, headings and labels cost a little, menu items,
share bars and "Related" headings cost a lot. Linear time (Kadane).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.clean.boilerplate import is_comment_heading, is_related_heading
from newsgraph.clean.lines import Unit

GOOD, MEDIUM, SHORT, LISTITEM = "good", "medium", "short", "listitem"
METADATA = frozenset({"caption", "credit", "byline", "date"})
_BARRIER = -400.0


def prose_class(u: Unit, use_stopwords: bool) -> str:
    """jusText-style class of a line from its length, punctuation and stop-word density."""
    wl = u.wordlen
    stop_ok = u.stop_ratio >= 0.22 or not use_stopwords or u.cjk >= 20
    sentence = u.terminal or u.punct >= 2
    if u.bullet and wl <= 8 and not u.terminal:
        return LISTITEM
    if u.chars < 300 and u.text.endswith(("...", "…")) and not u.text.endswith(("....", "……")):
        return SHORT  # a cut-off teaser ("The company said on Monday that it would...")
    if (wl >= 15 or u.cjk >= 40) and sentence and stop_ok:
        return GOOD
    if wl >= 25 and stop_ok and u.upper_ratio < 0.5:
        return GOOD
    headline = not u.terminal and u.titlecase_ratio >= 0.7 and wl <= 20
    if (
        wl >= 7
        and (sentence or u.stop_ratio >= 0.3)
        and (u.stop_ratio >= 0.12 or not use_stopwords)
        and not headline
    ):
        return MEDIUM
    return SHORT


def stopwords_informative(units: Sequence[Unit]) -> bool:
    """Do our stop-word lists cover this document's language? (False for e.g. Japanese or Turkish.)"""
    long_units = [u for u in units if u.words >= 12]
    if not long_units:
        return True
    total = sum(u.words for u in long_units)
    return sum(u.stop_ratio * u.words for u in long_units) / max(1, total) >= 0.1


def unit_score(u: Unit) -> float:
    if u.reason is not None:
        if u.kind == "related":
            return _BARRIER
        if u.reason == "comment":
            return _BARRIER / 2
        return -max(40.0, min(float(u.chars), 400.0))
    if u.kind in METADATA:
        return 0.0
    damp = 0.25 if "comments" in u.extra else 1.0
    if u.kind == GOOD:
        return damp * (float(min(u.chars, 2000)) + 2 * u.cjk)
    if u.kind == MEDIUM:
        return damp * 0.5 * u.chars
    if u.kind == LISTITEM:
        return 0.0 if "inlist" in u.extra else -40.0
    return -15.0 - (0.2 * u.chars if u.chars > 60 else 0.0)


INDENT_PENALTY = 100.0


def apply_indent_penalty(units: Sequence[Unit], scores: list[float], penalty: float = INDENT_PENALTY) -> None:
    """Prose that resumes at another indentation after something else came between is probably another block
    (a comment thread, a teaser list): crossing into it costs ``penalty``. Renderers that keep the page layout
    (inscriptis, lynx, w3m) indent by nesting; plain scrapes have no indentation and are unaffected."""
    prev_indent: int | None = None
    prev_i = -5
    for i, u in enumerate(units):
        if u.reason is None and u.kind in (GOOD, MEDIUM):
            if prev_indent is not None and abs(u.indent - prev_indent) > 1 and prev_i < i - 1:
                scores[i] -= penalty
            prev_indent = u.indent
            prev_i = i


def best_region(scores: Sequence[float]) -> tuple[int, int] | None:
    """[start, end) of the maximum-sum run (Kadane), or None when nothing scores above zero."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    cur = 0.0
    start = 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur = s
            start = i
        else:
            cur += s
        if cur > best:
            best = cur
            best_span = (start, i + 1)
    return best_span


SHORT_TEXT_CHARS = 600
"""The most a text may hold for :func:`short_text_is_its_own_body` to read it as all body."""


def short_text_is_its_own_body(units: Sequence[Unit]) -> tuple[int, int] | None:
    """[start, end) of a short text made of sentences, which no run of prose scored: a claim pasted into the
    form, a one-line flash (``Politifact said the claim was false.``) has no line long enough to count as prose,
    yet it is the whole text. At most one line besides the sentences (a headline, a date), whatever was dropped
    as boilerplate: a page of menus, labels and a "Thanks for reading." still has no body."""
    sentences = [
        u for u in units if u.reason is None and u.kind not in METADATA and u.terminal and u.wordlen >= 3
    ]
    if not sentences or len(units) - len(sentences) > 1 or sum(u.chars for u in units) > SHORT_TEXT_CHARS:
        return None
    return sentences[0].index, sentences[-1].index + 1


def mark_related(units: Sequence[Unit]) -> None:
    """A "Related"/"Most read"/"Comments" heading and the list of short lines after it are one related block."""
    i = 0
    n = len(units)
    prose = 0
    in_comments = False
    while i < n:
        u = units[i]
        if u.kind == GOOD and u.reason is None:
            prose += u.chars
        if u.reason is None and prose >= 300 and is_comment_heading(u):
            # a comment thread runs to the end of the page: readers' prose weighs little from here on
            u.reason = "related"
            u.kind = "related"
            if not in_comments:  # mark once: linear even with thousands of "Comments" headings
                in_comments = True
                for v in units[i + 1 :]:
                    v.extra["comments"] = "1"
            i += 1
            continue
        if u.reason in (None, "read-more") and is_related_heading(u):
            u.reason = u.reason or "related"
            u.kind = "related"
            j = i + 1
            while j < n and units[j].reason is None and units[j].kind in (SHORT, LISTITEM, MEDIUM):
                units[j].reason = "related"
                j += 1
            i = j
            continue
        i += 1


def _announced(units: Sequence[Unit], i: int) -> bool:
    """Is the list starting at unit i announced by the text before it ("Key cost factors:")?"""
    if i == 0:
        return False
    prev = units[i - 1]
    return prev.reason is None and prev.text.rstrip().endswith(":") and not prev.bullet


def mark_link_lists(units: Sequence[Unit]) -> None:
    """Runs of 3+ short list items (menus, tag clouds) are navigation wherever they stand - unless a line ending
    in a colon announces the list and its items read like phrases rather than link labels."""
    i = 0
    n = len(units)
    while i < n:
        if units[i].reason is None and units[i].kind == LISTITEM:
            j = i
            while j < n and (units[j].kind == LISTITEM or units[j].reason == "navigation"):
                j += 1
            run = units[i:j]
            avg_words = sum(u.wordlen for u in run) / max(1, len(run))
            if _announced(units, i) and avg_words >= 3:
                for u in run:
                    if u.reason is None:
                        u.extra["inlist"] = "1"
            elif j - i >= 3:
                for u in run:
                    if u.reason is None:
                        u.reason = "navigation"
            i = j
            continue
        i += 1


def extend_colon_list(units: Sequence[Unit], end: int, max_items: int = 80) -> int:
    """A body that ends on "... tour dates:" goes on with the list it announces (short lines, same indent)."""
    if end <= 0 or end >= len(units):
        return end
    last = units[end - 1]
    if not last.text.endswith(":") or last.reason is not None:
        return end
    j = end
    while j < len(units) and j - end < max_items:
        u = units[j]
        if u.reason is not None or u.kind == GOOD or abs(u.indent - last.indent) > 2:
            break
        j += 1
    return j


QUOTED_SENTENCE = re.compile(r"""^[“"]\S.*\S[“”"]$""", re.DOTALL)
"""A paragraph that is one quotation, marks at both ends (``“It was a long night.”``)."""


def is_quote_paragraph(u: Unit) -> bool:
    """A paragraph that is only a quotation of three words or more, ending on sentence punctuation inside (or just
    before) its closing mark: the speaker's last words, not page furniture."""
    text = u.text.strip()
    return (
        u.reason is None
        and u.kind not in METADATA
        and u.wordlen >= 3
        and QUOTED_SENTENCE.match(text) is not None
        and text[-2:-1] in {".", "!", "?", "…", ","}
    )


def extend_quote_paragraphs(units: Sequence[Unit], end: int, max_units: int = 5) -> int:
    """A body that ends on short quotation paragraphs keeps them (``“It was a long night.”`` is too short to score
    as prose, and an article often ends on one); at most ``max_units`` of them."""
    j = end
    while 0 < j < len(units) and j - end < max_units and is_quote_paragraph(units[j]):
        j += 1
    return j
