"""Quotation-mark spans in plain text: curly and straight double quotes, multi-paragraph quotes, recovery.

:func:`quote_spans` returns ``[start, end)`` character spans that include the marks themselves. It is linear in
the text length and never raises:

* curly ``“ … ”`` and straight ``" … "`` double quotes (a straight mark opens when it follows whitespace, an
  opening bracket or the start of a paragraph, and closes otherwise);
* a quote that runs over several paragraphs is one span: a paragraph with an opening mark and no closing mark
  goes on in the next one when that one opens with a mark again (the usual style) or its first mark closes the
  quote;
* an unbalanced opening mark is closed at the end of its paragraph; a stray closing mark is ignored;
* single quotes (``‘ … ’``) inside a double quote are nested quotes and stay part of the outer span; a double
  quote with no double quotes around it may also use single curly marks when the text contains no double marks.
"""

from __future__ import annotations

import re
from functools import lru_cache

Span = tuple[int, int]

OPEN = "“„«"
CLOSE = "”»"
STRAIGHT = '"'
MAX_QUOTE_CHARS = 20_000
"""An 'open' quote longer than this (a stray mark in a huge article) is closed at its paragraph end."""

_PARA = re.compile(r"\n\s*\n|\n")
TURN_LABEL = re.compile(r"[“\"]?[ \t]*([A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){0,3})[ \t]*:[ \t]+(?=\S)")
"""A transcript turn's speaker label at a paragraph start (``PENCE: Well, look, …``, ``"JAKE TAPPER: …``): up to
four all-caps words and a colon, after an optional quotation mark."""


def turn_mark(text: str, ps: int, pe: int) -> bool:
    """Rule ``turn_mark``: a paragraph that opens with a quotation mark and a speaker label (``"PENCE: …``) is a
    transcript turn pasted with its quote: the mark opens no quotation, and a quote left open before it ends with
    the paragraph before."""
    if ps >= pe or not (text[ps] in OPEN or text[ps] in STRAIGHT):
        return False
    m = TURN_LABEL.match(text, ps, pe)
    return m is not None and sum(ch.isalpha() for ch in m.group(1)) >= 2


def paragraphs(text: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _is_opening_straight(text: str, i: int, para_start: int) -> bool:
    if i == para_start:
        return True
    prev = text[i - 1]
    return prev.isspace() or prev in "([{—–-:/"


def _closes_first(text: str, ps: int, pe: int, opens: str, closes: str, straight: str) -> bool:
    """The paragraph's first quotation mark closes a quote (``… the boats.”`` after an unclosed ``“``)."""
    for i in range(ps, pe):
        ch = text[i]
        if ch in closes:
            return True
        if ch in opens:
            return False
        if ch in straight:
            return not _is_opening_straight(text, i, ps)
    return False


def _scan(text: str, opens: str, closes: str, straight: str) -> list[Span]:  # noqa: C901, PLR0912
    """Quote spans delimited by ``opens``/``closes`` (and the symmetric ``straight`` mark)."""
    spans: list[Span] = []
    paras = paragraphs(text)
    start: int | None = None  # open quote start (may come from an earlier paragraph)
    for pi, (ps, pe) in enumerate(paras):
        i = ps
        # A quote still open from the previous paragraph continues only if this one opens with a mark again.
        turn = turn_mark(text, ps, pe)
        if turn:
            i = ps + 1
        if start is not None:
            first = text[ps] if ps < pe else ""
            if turn:
                spans.append((start, paras[pi - 1][1]))
                start = None
            elif first and (first in opens or first in straight):
                i = ps + 1
            elif _closes_first(text, ps, pe, opens, closes, straight):
                pass  # the quote goes on without a repeated mark and closes in this paragraph
            else:
                prev_end = paras[pi - 1][1]
                spans.append((start, prev_end))
                start = None
        while i < pe:
            ch = text[i]
            if start is None:
                if ch in opens or (ch in straight and _is_opening_straight(text, i, ps)):
                    start = i
            elif ch in closes or (ch in straight and not _is_opening_straight(text, i, ps)):
                spans.append((start, i + 1))
                start = None
            elif ch in opens and ch not in straight:
                # A second opening mark before any closing one: the first quote was never closed.
                spans.append((start, i))
                start = i
            i += 1
        if start is not None and start < ps:
            pass
        if start is not None:
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            too_long = pe - start > MAX_QUOTE_CHARS
            nxt_end = paras[pi + 1][1] if pi + 1 < len(paras) else 0
            goes_on = (
                nxt is not None
                and not turn_mark(text, nxt, nxt_end)
                and (
                    text[nxt] in opens
                    or text[nxt] in straight
                    or _closes_first(text, nxt, nxt_end, opens, closes, straight)
                )
            )
            if too_long or not goes_on:
                spans.append((start, pe))
                start = None
    return [s for s in spans if s[1] - s[0] > 1]


def quote_spans(text: str) -> list[Span]:
    """All top-level double-quote spans (marks included), sorted and non-overlapping. The rules, the model's
    features, its linking and the combination's gates all ask for one doc's spans: the scan runs once per text
    (a fresh list each call)."""
    return list(_quote_spans(text))


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[Span, ...]:
    return tuple(_scan_quotes(text))


def _scan_quotes(text: str) -> list[Span]:
    if not text:
        return []
    if "''" in text:  # ''double apostrophes'' used as quotation marks (same length, offsets unchanged)
        text = text.replace("''", '" ')
    has_double = any(c in text for c in OPEN + CLOSE + STRAIGHT)
    if has_double:
        spans = _scan(text, OPEN, CLOSE, STRAIGHT)
    else:
        spans = [s for s in _scan(text, "‘", "’", "") if _looks_like_single_quote(text, s)]
    spans.sort()
    out: list[Span] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def _looks_like_single_quote(text: str, span: Span) -> bool:
    """A ‘…’ span that is a quotation rather than a run between two apostrophes."""
    e = span[1]
    if text[e - 1] != "’":
        return False
    after = text[e : e + 1]
    return not (after.isalpha())  # ’s, ’t ... are apostrophes


def strip_marks(text: str, span: Span) -> Span:
    """The span without its enclosing quotation marks and edge whitespace."""
    s, e = span
    while s < e and (text[s] in OPEN + CLOSE + STRAIGHT + "‘’" or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in OPEN + CLOSE + STRAIGHT + "‘’" or text[e - 1].isspace()):
        e -= 1
    return s, e
