"""Names as a reader sees them: stray punctuation trimmed, possessives dropped. Pure functions over strings, shared
by speaker resolution (:mod:`newsgraph.attribution.speakers`) and the store's listings (:mod:`newsgraph.store`)."""

from __future__ import annotations

import re

__all__ = ["STRAY_EDGE", "clean_name", "name_of", "principal_of", "strip_possessive"]

STRAY_EDGE = frozenset(" \t\n'\"‘’“”`«»,;:-–—()[]")
"""Characters that never start or end a name: quote marks, commas, dashes, brackets, whitespace."""


def strip_possessive(text: str) -> str:
    """``Kim's`` -> ``Kim``; ``Reuters’`` -> ``Reuters``."""
    for suf in ("’s", "'s", "’", "'"):
        if text.endswith(suf):
            return text[: -len(suf)]
    return text


def clean_name(text: str) -> tuple[int, int]:
    """Rule ``clean_name``: bounds ``(start, end)`` of the name inside ``text`` with stray punctuation trimmed from
    both ends and a possessive dropped: ``Donald Trump ''`` (a doubled-apostrophe quote mark caught by the NER) ->
    ``Donald Trump``, ``“Kim's`` -> ``Kim``. Bounds, not a string, so a speaker span stays an exact slice of the
    body."""
    s, e = 0, len(text)
    while True:
        while s < e and text[s] in STRAY_EDGE:
            s += 1
        while e > s and text[e - 1] in STRAY_EDGE:
            e -= 1
        core = strip_possessive(text[s:e])
        if len(core) == e - s or not core.strip():
            return s, e
        e = s + len(core)


def name_of(text: str) -> str:
    """The cleaned name itself (see :func:`clean_name`); the text unchanged when nothing of a name is left."""
    s, e = clean_name(text)
    return text[s:e] if e > s else text.strip()


_PRINCIPAL = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}?)(?:['’]s)?\s+"
    r"(?P<role>campaign|camp|team|administration|aides?|spokes(?:wo)?man|spokesperson|staff|lawyers?|attorneys?)$"
)


def principal_of(name: str) -> str | None:
    """Rule ``speaks_for_principal``: the person an entourage speaks for ("Donald Trump’s campaign", "the Clinton
    team", "Obama's spokesman" -> "Donald Trump", "Clinton", "Obama"); None for any other name."""
    m = _PRINCIPAL.match(name.strip())
    return m.group("name") if m else None
