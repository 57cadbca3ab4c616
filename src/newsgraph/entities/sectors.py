"""PLOVER actor sector codes from an entity's name and role words, and news-media detection.

PLOVER (manual, "Sector Codes") replaced CAMEO's agent codes with 3-letter sectors: GOV, MIL, JUD, LEG, COP,
SPY, PTY, REB, BUS, JRN (journalists and media: CAMEO's old MED), MED (health), EDU, REL, CVL, OPP, ... plus
international non-state "countries" (IGO, UNO, EUR, NGO, MNC). This module reads the sector from the head words
of the name and of the role/title attributes ("principal deputy national security adviser" -> GOV, "North Korean
state media" -> JRN, "National Intelligence Service" -> SPY). The lexicon is of role nouns, not of articles.
"""

from __future__ import annotations

import re

__all__ = ["MEDIA_BRANDS", "SECTOR_WORDS", "international_code", "is_media", "sector_of"]

# Role/organisation words -> sector, strongest first (the first sector whose word occurs wins).
SECTOR_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "SPY",
        frozenset({"intelligence", "spy", "spies", "espionage", "cia", "nis", "fsb", "mi6", "mossad", "kgb"}),
    ),
    (
        "JRN",
        frozenset(
            {
                "media",
                "newspaper",
                "newspapers",
                "reporter",
                "reporters",
                "journalist",
                "journalists",
                "correspondent",
                "editor",
                "columnist",
                "broadcaster",
                "television",
                "tv",
                "radio",
                "magazine",
                "newsroom",
                "anchor",
            }
        ),
    ),
    (
        "MIL",
        frozenset(
            {
                "military",
                "army",
                "navy",
                "air force",
                "troops",
                "troop",
                "soldier",
                "soldiers",
                "marines",
                "marine corps",
                "armed forces",
                "forces",
                "general",
                "commander",
                "defense ministry",
                "defence ministry",
                "joint chiefs",
                "admiral",
                "battalion",
                "brigade",
                "pentagon",
            }
        ),
    ),
    (
        "COP",
        frozenset(
            {"police", "policeman", "policemen", "officers", "sheriff", "fbi", "detective", "interpol"}
        ),
    ),
    (
        "JUD",
        frozenset(
            {"court", "judge", "judges", "justice", "prosecutor", "prosecutors", "tribunal", "judiciary"}
        ),
    ),
    (
        "LEG",
        frozenset(
            {
                "parliament",
                "parliamentary",
                "assembly",
                "lawmaker",
                "lawmakers",
                "legislator",
                "legislators",
                "legislature",
                "senate",
                "senator",
                "congress",
                "congressman",
                "congresswoman",
                "duma",
                "knesset",
                "bundestag",
                "mp",
                "mps",
                "house of representatives",
                "rep",
                "rep.",
                "sen",
                "sen.",
            }
        ),
    ),
    (
        "PTY",
        frozenset(
            {"party", "democrat", "democrats", "republican", "republicans", "gop", "g.o.p", "dnc", "rnc"}
        ),
    ),
    (
        "REB",
        frozenset(
            {"rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "guerrilla", "guerrillas"}
        ),
    ),
    (
        "GOV",
        frozenset(
            {
                "government",
                "president",
                "presidential",
                "prime minister",
                "premier",
                "minister",
                "ministry",
                "cabinet",
                "administration",
                "official",
                "officials",
                "secretary",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "ambassador",
                "embassy",
                "diplomat",
                "diplomats",
                "envoy",
                "adviser",
                "advisor",
                "national security council",
                "security adviser",
                "governor",
                "mayor",
                "chancellor",
                "king",
                "queen",
                "state department",
                "foreign ministry",
                "white house",
                "kremlin",
                "leader",
                "representative",
                "delegation",
                "consul",
                "agency",
                "department",
                "regime",
                "state",
            }
        ),
    ),
    (
        "MED",
        frozenset({"hospital", "doctor", "doctors", "physician", "physicians", "nurse", "nurses", "health"}),
    ),
    (
        "EDU",
        frozenset(
            {"university", "school", "college", "professor", "student", "students", "teacher", "teachers"}
        ),
    ),
    ("REL", frozenset({"church", "pope", "bishop", "imam", "rabbi", "mosque", "clergy", "vatican"})),
    (
        "BUS",
        frozenset(
            {
                "company",
                "corp",
                "corp.",
                "inc",
                "inc.",
                "ltd",
                "bank",
                "firm",
                "business",
                "ceo",
                "executive",
                "group",
                "industries",
                "electronics",
                "motors",
            }
        ),
    ),
    ("REF", frozenset({"refugee", "refugees", "migrants", "displaced"})),
    (
        "CVL",
        frozenset({"protesters", "protester", "activist", "activists", "civilians", "residents", "voters"}),
    ),
)

# International non-state actors (PLOVER "country" codes for them).
_INTERNATIONAL: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("UNO", re.compile(r"\b(united nations|u\.?n\.?|unesco|unicef|unhcr|iaea|who)\b", re.I)),
    ("EUR", re.compile(r"\b(european union|e\.?u\.?|european commission|european parliament)\b", re.I)),
    ("IGO", re.compile(r"\b(nato|asean|african union|opec|imf|world bank|wto|g7|g20|oecd|osce)\b", re.I)),
    (
        "NGO",
        re.compile(r"\b(amnesty international|human rights watch|red cross|doctors without borders)\b", re.I),
    ),
)

# News organisations whose names carry no media word (well-known outlets and wire services).
MEDIA_BRANDS: frozenset[str] = frozenset(
    {
        "cnn",
        "bbc",
        "reuters",
        "ap",
        "associated press",
        "afp",
        "bloomberg",
        "politico",
        "axios",
        "nbc",
        "abc",
        "cbs",
        "fox",
        "msnbc",
        "npr",
        "pbs",
        "yonhap",
        "kcna",
        "xinhua",
        "tass",
        "ria novosti",
        "interfax",
        "al jazeera",
        "yahoo",
        "huffpost",
        "huffington post",
        "breitbart",
        "slate",
        "vox",
        "buzzfeed",
        "drudge",
        "drudge report",
        "joongang",
        "chosun",
        "hankyoreh",
        "kyodo",
        "nhk",
        "asahi",
        "nikkei",
        "der spiegel",
        "le monde",
        "el pais",
        "the hill",
        "newsweek",
        "time",
        "the atlantic",
        "the economist",
        "propublica",
        "politifact",
        "c-span",
        "sky news",
        "rt",
        "sputnik",
    }
)
_MEDIA_NAME = re.compile(
    r"\b(news|times|post|journal|herald|tribune|telegraph|guardian|gazette|daily|chronicle|observer|"
    r"dispatch|courier|inquirer|examiner|press|media|newspaper|agency news|news agency|broadcasting|tv|"
    r"television|radio|magazine|journalism|reports?)\b",
    re.I,
)


def _words(text: str) -> str:
    return " " + re.sub(r"[^\w.\- ]+", " ", text.casefold()) + " "


def is_media(text: str) -> bool:
    """True when ``text`` names a news organisation, the media, or a report ("Local media reports", "The Post")."""
    low = text.casefold().strip()
    low = re.sub(r"^(the|a|an)\s+", "", low)
    low = re.sub(r"['\u2019]s$", "", low)
    if low in MEDIA_BRANDS or any(f" {b} " in f" {low} " for b in MEDIA_BRANDS if len(b) > 3):
        return True
    return bool(_MEDIA_NAME.search(text))


def international_code(text: str) -> str | None:
    """PLOVER code of an international non-state actor named in ``text`` (UNO, EUR, IGO, NGO), if any."""
    for code, pat in _INTERNATIONAL:
        if pat.search(text):
            return code
    return None


def sector_of(
    name: str, attributes: list[str] | tuple[str, ...] = (), label: str | None = None
) -> str | None:
    """The PLOVER sector of an actor from its name and role words; ``None`` when nothing indicates one.

    Role attributes are read first (a person's sector is their role: "principal deputy national security
    adviser" -> GOV), then the name ("National Intelligence Service" -> SPY). A person with no role word gets no
    sector; a named news organisation is JRN.
    """
    for text in (*attributes, name):
        w = _words(text)
        for sector, words in SECTOR_WORDS:
            if any(f" {word} " in w for word in words):
                return sector
    if label in ("ORG", "NORP", "GPE", None) and (name.casefold() in MEDIA_BRANDS or is_media(name)):
        return "JRN"
    return None
