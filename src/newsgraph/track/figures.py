"""The figures a claim states, for the tracker's number rule (:func:`numbers_agree`): "leads by 5 points" and "by 9
points" are two facts; "$679 billion in 2025" and "$10.5 trillion by 2025" are too."""

from __future__ import annotations

import re

from newsgraph.lexicon.numbers import SCALE_WORDS

__all__ = ["numbers", "numbers_agree"]

_NUM_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
}  # fmt: skip
_NUM = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])|\b(" + "|".join(_NUM_WORDS) + r")\b", re.I
)


_YEAR = re.compile(r"(?:19|20)\d\d")


def numbers(text: str) -> frozenset[str]:
    """Numbers stated in a claim ("3.5", "1,000" -> "1000", "five" -> "5"), for the number-conflict rule. A scale
    word after a figure is no number of its own ("$679 billion" states 679); a year is kept apart as ``y2025``
    (:func:`numbers_agree`)."""
    out = set()
    prev_end: int | None = None
    for m in _NUM.finditer(text):
        if m.group(1):
            n = m.group(1).replace(",", "")
            out.add(f"y{n}" if _YEAR.fullmatch(n) else n)
        elif not (
            m.group(2).lower() in SCALE_WORDS
            and prev_end is not None
            and not text[prev_end : m.start()].strip()
        ):
            out.add(_NUM_WORDS[m.group(2).lower()])
        prev_end = m.end()
    return frozenset(out)


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Rule ``numbers_agree``: when both claims state figures they share one, and when both state years they share
    one. Years are compared apart, so "$679 billion in 2025" and "$10.5 trillion by 2025" are two facts, while
    "up 3 percent" and "up 3 percent in 2024" can still be one; a year alone against a figure alone shares
    nothing."""
    qa, qb = {n for n in a if n[:1] != "y"}, {n for n in b if n[:1] != "y"}
    ya, yb = a - qa, b - qb
    if (qa and qb and not qa & qb) or (ya and yb and not ya & yb):
        return False
    # both state numbers, but never of one kind ("in 2016" vs "3 points"): as before, no shared figure
    return not (a and b and not ((qa and qb) or (ya and yb)))
