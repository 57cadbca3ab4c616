"""Resolve the relative dates of news prose against the article's publication date.

News convention (AP style): a bare weekday ("on Tuesday", "late Monday") is the most recent such day on or before
publication; "last Friday" is the Friday before publication; "next Friday" the one after. "Oct. 19" / "in June"
take the publication year unless that would put them more than half a year after publication (then the year
before). Anything else ("two days ago", "10/19/2024", "Sept. 3, 2023") goes to ``dateparser`` with the publication
date as ``RELATIVE_BASE``. The result is an ISO date at the precision of the text: ``2024-10-18``, ``2024-06``,
``2022``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_FILLER = re.compile(
    r"\b(on|in|at|by|since|until|late|early|earlier|later|this|that|the|of|during|mid|around|about)\b|"
    r"\b(morning|afternoon|evening|night|overnight)\b|[,.]",
    re.I,
)
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH_DAY = re.compile(_MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?(?:,?\s+(\d{4}))?\b", re.I
)
_MONTH_YEAR = re.compile(r"^\s*" + _MONTH + r"\.?(?:,?\s+(\d{4}))?\s*$", re.I)
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*$")


def parse_published(published: str | date | None) -> date | None:
    """The publication date of an ISO date / datetime string (None when missing or unreadable)."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _month_index(name: str) -> int:
    return MONTHS[
        name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]
    ]


def _with_year(month: int, day: int | None, year: str | None, base: date) -> str:
    if year:
        y = int(year)
    else:
        y = base.year
        probe = date(y, month, min(day or 1, 28))
        if probe > base + timedelta(days=183):
            y -= 1
    if day is None:
        return f"{y:04d}-{month:02d}"
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return f"{y:04d}-{month:02d}"


def resolve_date(text: str, published: str | date | None) -> str | None:  # noqa: C901, PLR0912
    """ISO date for a date expression, relative to the publication date; None when it cannot be resolved."""
    base = parse_published(published)
    raw = text.strip()
    if not raw:
        return None
    low = raw.lower()
    if (m := _MONTH_DAY.search(raw)) and (base or m.group(3)):
        return _with_year(
            _month_index(m.group(1)), int(m.group(2)), m.group(3), base or date(int(m.group(3)), 1, 1)
        )
    if (m := _DAY_MONTH.search(raw)) and (base or m.group(3)):
        return _with_year(
            _month_index(m.group(2)), int(m.group(1)), m.group(3), base or date(int(m.group(3)), 1, 1)
        )
    core = re.sub(r"\s+", " ", _FILLER.sub(" ", low)).strip()
    if m := _YEAR.match(core):
        return m.group(1)
    if base is None:
        return None
    if core in ("today", "tonight", "now", "day", "earlier day"):
        return base.isoformat()
    if core == "yesterday":
        return (base - timedelta(days=1)).isoformat()
    if core == "tomorrow":
        return (base + timedelta(days=1)).isoformat()
    words = core.split()
    wd = [w for w in words if w in WEEKDAYS]
    if len(wd) == 1 and len(words) <= 2:
        target = WEEKDAYS.index(wd[0])
        back = (base.weekday() - target) % 7
        if "last" in words or "past" in words:
            back = back or 7
        elif "next" in words or "coming" in words:
            return (base + timedelta(days=(target - base.weekday()) % 7 or 7)).isoformat()
        return (base - timedelta(days=back)).isoformat()
    if core in ("last week", "past week", "this week", "week"):
        d = base - timedelta(days=7) if core in ("last week", "past week") else base
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if core in ("last year", "past year"):
        return str(base.year - 1)
    if core in ("this year",):
        return str(base.year)
    if core in ("last month", "past month"):
        prev = base.replace(day=1) - timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}"
    if core == "this month":
        return f"{base.year:04d}-{base.month:02d}"
    if m := _MONTH_YEAR.match(core):
        return _with_year(_month_index(m.group(1)), None, m.group(2), base)
    return _dateparser(raw, base)


def _dateparser(text: str, base: date) -> str | None:
    if not re.search(r"\d|ago|week|day", text, re.I):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"] if re.search(r"\d{1,2}[/.-]\d{1,2}", text) else [],
    }
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:
        return None
    return found.date().isoformat() if found else None
