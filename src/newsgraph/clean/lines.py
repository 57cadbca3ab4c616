"""Split a scrape into units (lines, or hard-wrapped lines joined into paragraphs) and compute line features.

Everything here is linear in the input: one pass to split, one pass per unit for features, and only simple
anchored regular expressions (no nested quantifiers), so a 5 MB single line or 10,000 quotation marks cost
milliseconds, not minutes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from newsgraph.clean.lexicon import STOPWORDS

# C0/C1 control characters (except tab/newline) are treated as spaces so NUL bytes never reach the body.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_WS = re.compile(r"\s+")
_BULLET = re.compile(r"^(?:[*+•·▪►▸‣◦●○■□➤→-]|\d{1,3}[.)]|[a-z][.)])\s+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_EMAILISH = re.compile(r"@[^\s@.]{1,63}\.\w")
_HANDLE = re.compile(r"(?:^|\s)[@#]\w")
_TERMINAL = frozenset(".!?。！？…:;")
_CLOSERS = frozenset("\"'”’»)]」』）*")
# Ideographic and syllabic scripts write words without spaces: count their characters instead of words.
_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK = re.compile(f"[{_CJK_CLASS}]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω]")  # Latin, Latin-1, Cyrillic and Greek capitals
_PUNCT = re.compile(r"[.,;:!?。、，]")

# A unit longer than this is prose for sure; features are computed on a prefix so a 5 MB line stays cheap.
_FEATURE_PREFIX = 2000


def normalize_input(text: str) -> str:
    """Unify line endings and replace control characters (NUL, form feed, ...) by spaces."""
    if not isinstance(text, str):  # defensive: the cleaner never raises
        text = str(text)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LINE_SEPARATORS.sub("\n", text)


def fold_ws(text: str) -> str:
    """Collapse every whitespace run (incl. no-break spaces) into one space and strip the ends."""
    return _WS.sub(" ", text).strip()


_KEEP_DIGITS_WORDS = 12


def line_key(text: str) -> str:
    """Hash of a line normalised for cross-document repetition (CCNet style: case, digits and spaces folded)."""
    norm = fold_ws(unicodedata.normalize("NFKC", text).casefold())
    if norm.count(" ") < _KEEP_DIGITS_WORDS:
        # Short lines: fold digits so "Updated 3 hours ago" / "Page 2 of 9" match across documents. Long prose
        # keeps its digits: template leads ("The mayor of town 3 said ...") differ by their numbers and are
        # story text, and folding them would make a body (and its id) depend on the rest of the batch.
        norm = "".join("0" if ch.isdigit() else ch for ch in norm)
    return hashlib.blake2b(norm.encode("utf-8", "replace"), digest_size=8).hexdigest()


@dataclass(slots=True)
class Unit:
    """One candidate paragraph: a line of the input, or several hard-wrapped lines joined."""

    text: str
    index: int
    indent: int
    blank_before: bool
    bullet: bool = False
    chars: int = 0
    words: int = 0
    cjk: int = 0
    stop_ratio: float = 0.0
    terminal: bool = False
    punct: int = 0
    upper_ratio: float = 0.0
    titlecase_ratio: float = 0.0
    digit_ratio: float = 0.0
    urlish: int = 0
    separators: int = 0
    # filled by the cleaner
    reason: str | None = None
    kind: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def wordlen(self) -> int:
        """Words, counting two CJK characters as one word."""
        return self.words + self.cjk // 2


def _features(u: Unit) -> None:
    t = u.text[:_FEATURE_PREFIX]
    bullet = _BULLET.match(t)
    if bullet and len(t) > bullet.end():
        u.bullet = True
        t = t[bullet.end() :]
    elif t in {"*", "+", "-", "•"}:
        u.bullet = True
        t = ""
    u.chars = len(u.text)
    words = _WORD.findall(t)
    u.cjk = len(_CJK.findall(t))
    u.words = len(words) - (sum(1 for w in words if w[0] >= "\u3040" and _CJK.match(w[0])) if u.cjk else 0)
    if words:
        u.stop_ratio = sum(1 for w in words if w.lower() in STOPWORDS) / len(words)
        alpha = [w for w in words if w[0].isalpha()]
        if alpha:
            u.titlecase_ratio = sum(1 for w in alpha if w[0].isupper()) / len(alpha)
    letters = sum(map(len, words))
    if letters:
        u.upper_ratio = len(_UPPER.findall(t)) / letters
    if t:
        u.digit_ratio = sum(t.count(d) for d in "0123456789") / len(t)
    end = t.rstrip()
    while end and end[-1] in _CLOSERS:
        end = end[:-1]
    u.terminal = bool(end) and end[-1] in _TERMINAL
    u.punct = len(_PUNCT.findall(t))
    low = t.lower()
    u.urlish = low.count("http://") + low.count("https://") + low.count("www.")
    if "@" in t:
        u.urlish += len(_EMAILISH.findall(t))
    if "@" in t or "#" in t:
        u.urlish += len(_HANDLE.findall(t))
    u.separators = sum(t.count(s) for s in ("|", " · ", " • ", "»", "›", " / ", " > "))


def _wrap_width(lines: list[str]) -> int:
    return max((len(x) for x in lines), default=0)


def _should_join(block: list[str]) -> list[bool]:
    """For each line but the last: is it hard-wrapped into the next one?"""
    joins = [False] * max(0, len(block) - 1)
    if len(block) < 2:
        return joins
    stripped = [x.strip() for x in block]
    width = _wrap_width(stripped)
    if not 50 <= width <= 110:
        return joins
    for i in range(len(block) - 1):
        a, b = stripped[i], stripped[i + 1]
        if not a or not b or _BULLET.match(b) or (_BULLET.match(a) and len(a) < 0.6 * width):
            continue
        # a wrapped line fills most of the width; the next line continues it
        # a line ending in a bracketed tag or repeated verbatim is a caption or a list, not a wrapped line
        if a == b or a[-1] in ")]":
            continue
        joins[i] = len(a) >= 0.6 * width and (a[-1] not in ".!?:" or b[0].islower())
    return joins


def split_units(text: str) -> list[Unit]:
    """Non-empty lines as units, hard-wrapped paragraphs joined with single spaces."""
    raw_lines = text.split("\n")
    units: list[Unit] = []
    blank = True
    block: list[str] = []

    def flush() -> None:
        nonlocal blank
        if not block:
            return
        joins = _should_join(block)
        cur: list[str] = []
        first_raw = block[0]
        for i, line in enumerate(block):
            if not cur:
                first_raw = line
            cur.append(line.strip())
            if i < len(joins) and joins[i]:
                continue
            txt = fold_ws(" ".join(cur))
            indent = len(first_raw) - len(first_raw.lstrip())
            if txt:
                units.append(Unit(text=txt, index=len(units), indent=indent, blank_before=blank))
                blank = False
            cur = []
        block.clear()

    for line in raw_lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            blank = True
    flush()
    for u in units:
        _features(u)
    return units
