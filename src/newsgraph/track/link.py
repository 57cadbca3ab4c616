"""Cross-article entity linking: one canonical key per real-world entity, computed from one article's Entity.

The key is ``<GROUP>:<canonical>``:

* countries and nationalities (GPE/NORP) with an ISO 3166-1 alpha-3 ``country`` -> ``GPE:KOR`` (so "South
  Korea", "Seoul's government" resolved to KOR upstream, and "South Korean" all link); without ``country`` the
  name is looked up (pycountry names plus a table of common short names and demonyms: "U.S.", "Britain",
  "Russian"); other places -> ``GPE:seoul``; a city or region keeps its own key even with a ``country``
  (``GPE:charlotte``, not the United States: :func:`is_subnational_place`);
* PERSON -> ``PER:kim tae-hyo`` (the full name, lower-cased, accents folded, titles and possessives removed);
* ORG -> ``ORG:national security council`` (leading "the" removed);
* anything else -> ``<LABEL>:<normalised name>`` (``LOC:korean peninsula``, ``FAC:...``).

>>> from newsgraph.models import Entity
>>> entity_key(Entity(id="e1", name="President Yoon Suk Yeol's", type="PERSON"))
'PER:yoon suk yeol'
>>> entity_key(Entity(id="e2", name="South Korea", type="GPE", country="KOR"))
'GPE:KOR'
>>> entity_key(Entity(id="e3", name="North Korean", type="NORP"))
'GPE:PRK'
>>> entity_key(Entity(id="e4", name="the National Security Council", type="ORG"))
'ORG:national security council'

Limits (by design: the key is a pure function of one Entity, so it is stable and needs no global state):
a person named only by surname in an article ("Trump") gets a different key from the full name unless the
article's own coreference gave the Entity its full name; aliases and acronyms ("NSC" vs "National Security
Council", "Pyongyang" as a metonym for PRK) link only when an upstream stage set ``country``/``name``;
two different people with the same name share a key; romanisation variants ("Kim Tae Hyo" / "Kim Tae-hyo")
do not link. :func:`resolve_surnames` optionally maps surname-only PERSON keys onto a unique full-name key
within a collection.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from newsgraph.models import Entity

_TYPE_GROUP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "GPE", "NORP": "GPE"}

# Titles, honorifics and role words stripped from the front of names (lower-case, no trailing dot).
_TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice-president vp premier chancellor prime minister pm secretary undersecretary
    sen senator rep representative congressman congresswoman gov governor lt lieutenant mayor
    gen general adm admiral col colonel maj major capt captain sgt sergeant cmdr commander
    king queen prince princess sheikh emir ayatollah pope cardinal bishop judge justice chief
    ambassador amb minister spokesman spokeswoman spokesperson deputy acting former then
    candidate nominee leader chairman chairwoman chair ceo director foreign defense defence state
    treasury interior homeland security national principal adviser advisor attorney house speaker
    """.split()  # noqa: SIM905
)
_ORG_LEAD = ("the ",)
_PUNCT = re.compile(r"[^\w\s'\-&]")
_POSSESSIVE = re.compile(r"(?<=\w)['’](?:s\b|(?=\s|$))")
_SPACE = re.compile(r"\s+")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

# Short names, abbreviations and demonyms pycountry does not resolve (ISO alpha-3).
# fmt: off
_COUNTRY_ALIASES: dict[str, str] = {
    "us": "USA", "u s": "USA", "usa": "USA", "america": "USA", "united states of america": "USA",
    "the united states": "USA", "american": "USA", "americans": "USA",
    "uk": "GBR", "u k": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "british": "GBR", "briton": "GBR", "britons": "GBR", "english": "GBR",
    "russia": "RUS", "russian": "RUS", "russians": "RUS",
    "south korea": "KOR", "korea": "KOR", "republic of korea": "KOR", "rok": "KOR",
    "south korean": "KOR", "south koreans": "KOR", "korean": "KOR", "koreans": "KOR",
    "north korea": "PRK", "dprk": "PRK", "north korean": "PRK", "north koreans": "PRK",
    "china": "CHN", "prc": "CHN", "chinese": "CHN", "japan": "JPN", "japanese": "JPN",
    "ukraine": "UKR", "ukrainian": "UKR", "ukrainians": "UKR", "iran": "IRN", "iranian": "IRN",
    "iranians": "IRN", "iraq": "IRQ", "iraqi": "IRQ", "iraqis": "IRQ", "syria": "SYR", "syrian": "SYR",
    "syrians": "SYR", "israel": "ISR", "israeli": "ISR", "israelis": "ISR", "palestine": "PSE",
    "palestinian": "PSE", "palestinians": "PSE", "turkey": "TUR", "turkish": "TUR", "turks": "TUR",
    "germany": "DEU", "german": "DEU", "germans": "DEU", "france": "FRA", "french": "FRA",
    "mexico": "MEX", "mexican": "MEX", "mexicans": "MEX", "canada": "CAN", "canadian": "CAN",
    "canadians": "CAN", "cuba": "CUB", "cuban": "CUB", "cubans": "CUB", "venezuela": "VEN",
    "venezuelan": "VEN", "saudi": "SAU", "saudis": "SAU", "saudi arabia": "SAU",
    "afghan": "AFG", "afghans": "AFG", "pakistani": "PAK", "pakistanis": "PAK", "indian": "IND",
    "indians": "IND", "vietnam": "VNM", "vietnamese": "VNM", "taiwan": "TWN", "taiwanese": "TWN",
    "burma": "MMR", "myanmar": "MMR", "holland": "NLD", "dutch": "NLD", "ivory coast": "CIV",
    "kosovo": "XKX", "czechia": "CZE", "polish": "POL", "poles": "POL", "italian": "ITA",
    "italians": "ITA", "spanish": "ESP", "greek": "GRC", "greeks": "GRC", "egyptian": "EGY",
    "egyptians": "EGY", "libyan": "LBY", "libyans": "LBY", "yemeni": "YEM", "lebanese": "LBN",
    "jordanian": "JOR", "qatari": "QAT", "emirati": "ARE", "uae": "ARE", "belarusian": "BLR",
    "belarus": "BLR",
}
# fmt: on


def fold(text: str) -> str:
    """Lower-case, accents folded, typographic quotes/dashes made ASCII, whitespace collapsed."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.replace("’", "'").replace("‘", "'").replace("`", "'").replace("‐", "-").replace("‑", "-")
    return _SPACE.sub(" ", t).strip().lower()


def normalise_name(name: str, *, strip_titles: bool = True) -> str:
    """Folded name without possessives, punctuation (dots in "U.S." too) or leading titles."""
    t = fold(name)
    t = _PAREN.sub(" ", t)  # "Democratic National Committee (DNC)"
    t = _POSSESSIVE.sub("", t)
    t = t.replace(".", "")
    t = _PUNCT.sub(" ", t)
    t = _SPACE.sub(" ", t).strip(" -'&")
    if strip_titles:
        words = t.split(" ")
        # keep at least one word; "Minister" alone stays "minister"; "Secretary of State John Kerry" -> "john kerry"
        while len(words) > 1 and (words[0] in _TITLES or words[0] == "of"):
            words.pop(0)
        t = " ".join(words)
    return t


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-3 for a country name, short name or demonym ("U.S.", "South Korean"), else None."""
    t = normalise_name(name, strip_titles=False)
    if t.startswith("the "):
        t = t[4:]
    if t in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[t]
    if not t or len(t) < 4:  # do not let "in", "it", "me" hit alpha-2/alpha-3 codes
        return None
    import pycountry

    db: Any = pycountry.countries
    for attr in ("name", "common_name", "official_name"):
        hit = db.get(**{attr: t})
        if hit is not None:
            return str(hit.alpha_3)
    try:
        return str(pycountry.countries.lookup(t).alpha_3)
    except LookupError:
        return None


_SUBNATIONAL = frozenset({"city", "us-state", "province"})


def is_subnational_place(name: str) -> bool:
    """Rule ``place_is_not_its_country``: a city or region (Charlotte, Virginia, Tulsa) keeps its own key even when
    an upstream stage set its country; a country, demonym, capital or state organ ("Seoul" speaking for South
    Korea) keys on the country.

    >>> is_subnational_place("Charlotte"), is_subnational_place("Seoul"), is_subnational_place("South Korea")
    (True, False, False)
    """
    from newsgraph.geo import country_of

    ref = country_of(name, "GPE")
    return ref is not None and ref.matched_as in _SUBNATIONAL


def entity_key(entity: Entity) -> str:
    """Cross-article canonical key of an article-level Entity (see the module docstring)."""
    label = (entity.type or "").upper()
    group = _TYPE_GROUP.get(label, label or "MISC")
    if group == "GPE":
        if entity.country and not is_subnational_place(entity.name):
            return f"GPE:{entity.country.upper()}"
        code = country_code(entity.name)
        if code:
            return f"GPE:{code}"
        name = normalise_name(entity.name, strip_titles=False)
        name = name[4:] if name.startswith("the ") else name
        return f"{'NORP' if label == 'NORP' else 'GPE'}:{name}"
    if group == "PER":
        # "Bernie Sanders, I-Vt." / "Kim Tae-hyo, deputy adviser": the name is before the first comma
        head = entity.name.split(",", 1)[0] if "," in entity.name.strip(", ") else entity.name
        return f"PER:{normalise_name(head)}"
    name = normalise_name(entity.name, strip_titles=False)
    for lead in _ORG_LEAD:
        if name.startswith(lead) and len(name) > len(lead):
            name = name[len(lead) :]
    return f"{group}:{name}"


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes after a surname (rule ``surname_before_suffix``: "Joseph R. Biden Jr." is a Biden)."""


def without_suffix(words: list[str]) -> list[str]:
    """A normalised name's words without a trailing generational suffix (``joseph r biden jr`` -> ``joseph r
    biden``)."""
    return words[:-1] if len(words) > 1 and words[-1] in NAME_SUFFIXES else words


DOMINANT_SHARE = 0.8
"""Rule ``dominant_full_name``: the share of a surname's full-name weight one full name must hold."""


def resolve_surnames(keys: Iterable[str], weights: Mapping[str, float] | None = None) -> dict[str, str]:
    """Map single-word PERSON keys (``PER:trump``) to the one multi-word key ending in that word
    (``PER:donald trump``) when exactly one such key exists in ``keys``; ambiguous or unknown
    surnames are left out of the mapping.

    With ``weights`` (how often each key is seen, e.g. quotes or articles), rule ``dominant_full_name``: a
    surname also goes to the full name holding at least :data:`DOMINANT_SHARE` of the weight of all full names
    ending in it ("Obama" -> Barack Obama when Michelle Obama is rare in the collection). An article that names
    both in full has already resolved its own surnames (:mod:`newsgraph.entities`); this is for the articles that
    never give the full name.

    >>> resolve_surnames(["PER:donald trump", "PER:trump", "PER:clinton", "PER:hillary clinton", "PER:bill clinton"])
    {'PER:trump': 'PER:donald trump'}
    >>> resolve_surnames(["PER:clinton", "PER:hillary clinton", "PER:bill clinton"],
    ...                  {"PER:hillary clinton": 102, "PER:bill clinton": 12})
    {'PER:clinton': 'PER:hillary clinton'}
    """
    full: dict[str, set[str]] = {}
    singles: set[str] = set()
    for k in keys:
        if not k.startswith("PER:"):
            continue
        raw = k[4:].split()
        if len(raw) == 1:
            singles.add(k)
        elif raw:
            full.setdefault(without_suffix(raw)[-1], set()).add(k)
    out: dict[str, str] = {}
    for k in sorted(singles):
        cands = full.get(k[4:], set())
        if len(cands) == 1:
            out[k] = next(iter(cands))
        elif cands and weights is not None:
            total = sum(weights.get(c, 0) for c in cands)
            best = max(sorted(cands), key=lambda c: weights.get(c, 0))
            if total > 0 and weights.get(best, 0) >= DOMINANT_SHARE * total:
                out[k] = best
    return out


def without_initials(words: list[str]) -> list[str]:
    """A normalised name's words without its middle initials (``donald j trump`` -> ``donald trump``)."""
    return [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) == 1)]


def resolve_initials(keys: Iterable[str]) -> dict[str, str]:
    """Rule ``middle_initial_variant``: map a PERSON key with middle initials (``PER:donald j trump``) to the same
    name without them (``PER:donald trump``) when that key exists and no other initialled variant maps onto it
    (``george w bush`` and ``george h w bush`` both present: neither is merged).

    >>> resolve_initials(["PER:donald trump", "PER:donald j trump", "PER:loretta e lynch"])
    {'PER:donald j trump': 'PER:donald trump'}
    """
    present = set(keys)
    cands: dict[str, list[str]] = {}
    for k in sorted(present):
        if not k.startswith("PER:"):
            continue
        words = k[4:].split()
        if len(words) < 3:
            continue
        base = "PER:" + " ".join(without_initials(words))
        if base != k and base in present:
            cands.setdefault(base, []).append(k)
    return {variants[0]: base for base, variants in cands.items() if len(variants) == 1}


def resolve_nicknames(keys: Iterable[str]) -> dict[str, str]:
    """Rule ``nickname_variant``: a PERSON key with a short first name (``PER:len burman``,
    :data:`~newsgraph.lexicon.nicknames.NICKNAMES`) maps to the one key with the formal name and the same surname
    (``PER:leonard e burman``; middle initials aside). With two such keys (``george w bush``, ``george h w bush``
    for a ``georgie``) or none, it stays.

    >>> resolve_nicknames(["PER:len burman", "PER:leonard e burman", "PER:bill clinton", "PER:hillary clinton"])
    {'PER:len burman': 'PER:leonard e burman'}
    """
    from newsgraph.lexicon.nicknames import NICKNAMES

    def canonical(words: list[str]) -> str:
        return " ".join([NICKNAMES.get(words[0], words[0]), *without_initials(words)[1:]])

    formal: dict[str, list[str]] = {}
    short: list[tuple[str, str]] = []
    for k in sorted(set(keys)):
        words = without_suffix(k[4:].split()) if k.startswith("PER:") else []
        if len(words) < 2:
            continue
        if words[0] in NICKNAMES:
            short.append((k, canonical(words)))
        else:
            formal.setdefault(canonical(words), []).append(k)
    return {k: formal[c][0] for k, c in short if len(formal.get(c, [])) == 1}
