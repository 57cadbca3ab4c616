"""Find publication dates in short lines: fast regexes for the common formats, dateparser as a gated fallback.

``parse_date(text)`` returns an ISO ``YYYY-MM-DD`` string or ``None``; ``date_line(text)`` says whether a line is
*about* a date (a date plus filler such as "Published", "Updated", a time or a weekday) so it can be removed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(rf"\b{_YEAR}[-/.年]\s?(?P<month>[01]?\d)[-/.月]\s?{_DAY}(?:日)?(?!\d)")),
    ("mdy", re.compile(rf"\b{_MON}\.?\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)),
    ("dmy", re.compile(rf"\b{_DAY}\.?\s+(?:of\s+)?{_MON}\.?,?\s+{_YEAR}\b", re.IGNORECASE)),
    ("num", re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep){_YEAR}\b")),
    ("my", re.compile(rf"\b{_MON}\.?,?\s+{_YEAR}\b", re.IGNORECASE)),
]

_FILLER = re.compile(
    r"\b(?:published|updated|posted|modified|created|last|first|date|on|at|am|pm|a\.m\.|p\.m\.|"
    r"utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|bst|cet|cest|kst|jst|ist|"
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"hrs?|mins?|minutes?|hours?|read|reading|time|ago|edited|by|and|of|the)\b|"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?|[|,:.·•/()\[\]–—-]",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_MAX_LINE = 200


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= d.year <= dt.date.today().year + 1:
        return None
    return d.isoformat()


def find_date(text: str) -> tuple[str, int, int] | None:
    """First full date in ``text`` as (ISO date, start, end) of the match; month-year only if nothing better."""
    t = text[:_MAX_LINE]
    best: tuple[str, int, int] | None = None
    for kind, pat in _PATTERNS:
        m = pat.search(t)
        if not m:
            continue
        g = m.groupdict()
        iso: str | None = None
        if kind == "ymd":
            iso = _valid(int(g["year"]), int(g["month"]), int(g["day"]))
        elif kind in ("mdy", "dmy"):
            iso = _valid(int(g["year"]), _MONTHS[g["mon"].lower()], int(g["day"]))
        elif kind == "num":
            a, b = int(g["a"]), int(g["b"])
            # US order unless the first number cannot be a month; dots are the European convention
            day_first = g["sep"] == "." or a > 12
            iso = _valid(int(g["year"]), b if day_first else a, a if day_first else b)
        elif kind == "my" and best is None:
            iso = _valid(int(g["year"]), _MONTHS[g["mon"].lower()], 1)
            if iso:
                iso = iso[:7]
        if iso and (best is None or m.start() < best[1] or len(best[0]) < 10):
            if best is not None and len(best[0]) == 10 and len(iso) < 10:
                continue
            best = (iso, m.start(), m.end())
    return best


def parse_date(text: str) -> str | None:
    """ISO date found in ``text``, or None."""
    found = find_date(text)
    return found[0] if found else None


def date_line(text: str, *, fallback: bool = False) -> str | None:
    """The ISO date if the whole line is a date stamp ("Tuesday, October 22, 2024", "Updated: 2024.10.22 17:34").

    With ``fallback`` a short line our patterns miss (other languages: "22. Oktober 2024") goes to dateparser,
    which is slow (~0.1 s a call): the cleaner uses it only for a few lines next to the headline.
    """
    if len(text) > 120:
        return None
    found = find_date(text)
    if found is None:
        return _fallback(text) if fallback else None
    iso, s, e = found
    rest = text[:s] + " " + text[e:]
    rest = _FILLER.sub(" ", rest)
    leftover = _LETTERS.findall(rest)
    return iso if len(leftover) <= 1 else None


_FALLBACK_HINT = re.compile(r"\b(?:19|20)\d{2}\b")
_DAY_HINT = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")


def _fallback(text: str) -> str | None:
    """Non-English month names ("22 octobre 2024"): ask dateparser, but only for short lines with a year."""
    if (
        len(text) > 60
        or len(text.split()) > 6
        or not _FALLBACK_HINT.search(text)
        or not _DAY_HINT.search(text)
    ):
        return None
    return _dateparser(text)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> str | None:
    try:
        import dateparser

        d = dateparser.parse(
            text,
            languages=["en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "tr", "ja", "ko", "zh"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:
        return None
    if d is None:
        return None
    return _valid(d.year, d.month, d.day)


_NAME_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)"
)
_PATH_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/")


def date_in_file_name(path: str | None) -> str | None:
    """The ISO date a saved page's name carries (``joongang-2024-10-22-weapons-ukraine.txt``,
    ``20161009_debate.html``, ``site/2016/10/09/story.html``), or None: the publication date of a document whose
    text has none of its own. Only the file's name and its ``/YYYY/MM/DD/`` folders are read."""
    if not path:
        return None
    norm = path.replace("\\", "/")
    name = norm.rsplit("/", 1)[-1]
    for m in _NAME_DATE.finditer(name):
        iso = _valid(int(m["year"]), int(m["month"]), int(m["day"]))
        if iso:
            return iso
    m2 = _PATH_DATE.search(norm)
    return _valid(int(m2["year"]), int(m2["month"]), int(m2["day"])) if m2 else None
