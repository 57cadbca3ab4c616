"""Wire-story datelines at the start of the first paragraph: "SEOUL, Oct 22 (Reuters) - ", "WASHINGTON (AP) — ",
"(Reuters) — ", "LONDON — ", "NEW YORK, Oct. 22, 2024 /PRNewswire/ -- ". The sentence after it is kept.
"""

from __future__ import annotations

import re

_DATE = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)"
_PLACE_CAPS = r"[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){0,2})?"
_PLACE_ANY = r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}(?:,\s*[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){0,2})?"
_AGENCY = r"\((?:[A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3})\)"
_WIRE = r"/\s?[A-Z][\w ]{1,30}/"
_DASH = r"\s*[-–—]{1,2}\s+"

_DATELINE = re.compile(
    rf"^(?:(?:{_PLACE_ANY}){_DATE}?\s*{_AGENCY}|{_AGENCY}|(?:{_PLACE_CAPS}){_DATE}?(?:\s*{_AGENCY})?"
    rf"|(?:{_PLACE_ANY}){_DATE}?\s*{_WIRE})(?:\s*{_WIRE})?{_DASH}"
)
MAX_DATELINE = 90


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """(dateline, rest) if the paragraph opens with a dateline, else None."""
    head = paragraph[: MAX_DATELINE + 5]
    m = _DATELINE.match(head)
    if not m or m.end() > MAX_DATELINE:
        return None
    dateline = paragraph[: m.end()].strip()
    rest = paragraph[m.end() :].lstrip()
    letters = [c for c in dateline if c.isalpha()]
    # an all-caps place needs at least two capitals; a lone "I -" is not a dateline
    if len(letters) < 2 or not rest or not (rest[0].isupper() or rest[0] in "\"“‘'"):
        return None
    return dateline, rest
