"""Names as a reader sees them: stray punctuation trimmed, possessives dropped. Pure functions over strings, shared
by speaker resolution (:mod:`newsgraph.attribution.speakers`) and the store's listings (:mod:`newsgraph.store`)."""

from __future__ import annotations

import re

__all__ = [
    "ORG_HEADS",
    "STRAY_EDGE",
    "clean_name",
    "coordinated_names",
    "is_generic_description",
    "is_prefixed_form",
    "is_proper_name",
    "is_unresolved_description",
    "name_of",
    "names_a_possession",
    "organization_name",
    "principal_of",
    "strip_possessive",
]

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


ORG_HEADS = frozenset(
    {
        "agency", "alliance", "association", "bank", "bureau", "caucus", "center", "centre", "club", "coal",
        "coalition", "co", "college", "commission", "committee", "company", "consulting", "corp", "corporation",
        "council", "department", "energy", "enterprises", "events", "federation", "foundation", "fund", "group",
        "holdings", "inc", "industries", "institute", "labs", "league", "llc", "ltd", "ministry", "motors",
        "network", "organization", "organisation", "partners", "party", "productions", "services", "society",
        "solutions", "studios", "technologies", "union", "university", "ventures",
    }
)  # fmt: skip
"""Last words that make a capitalised name an organisation's ("Patriot Coal", "Acme Corp.", "Green Party", and
firms named after their founder: "Beth Helmstetter Events", a person with 20 quotes on the WCXB store)."""


def organization_name(name: str) -> bool:
    """Rule ``organization_head``: a capitalised name whose last word is an organisation head ("Patriot Coal",
    "Acme Corp.", "the Green Party") names an organisation, whatever a NER or the speaker rules guessed."""
    words = name_of(name).replace(",", " ").split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    return words[-1].rstrip(".").casefold() in ORG_HEADS


NAME_CONNECTORS = frozenset({"the", "of", "and", "for", "on", "&", "de", "du", "la", "von", "van"})


def is_proper_name(text: str) -> bool:
    """Rule ``proper_name``: every word of ``text`` is capitalised but the connectors of names ("the Central and
    East European Coalition", "Bank of America"); "a web video by the Republican National Committee" is not a
    name but a description holding one."""
    words = name_of(text).replace(",", " ").split()
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_CONNECTORS for w in words
    )


_PREFIXED = re.compile(r"^[a-z]+-[A-Z]")


def is_prefixed_form(name: str) -> bool:
    """Rule ``prefixed_form_is_no_name``: "pro-Clinton", "anti-Trump", "ex-Obama" are adjectives made of a name;
    they name nobody, and are no alias of the person."""
    return bool(_PREFIXED.match(name.strip()))


_POSSESSION = re.compile(r"^['’]s?\s+\S")


def names_a_possession(rest: str) -> bool:
    """Rule ``possessive_is_not_the_possessor``: a phrase that goes on after a name's possessive ("Mr. Clarke's new
    company", ``rest`` = "'s new company") names the possession, not the name's bearer. ``rest``: the text of
    the phrase after the name."""
    return bool(_POSSESSION.match(rest))


# an article, a demonstrative, a possessive or a quantifier: "the agency", "their teams", "many companies"
_DETERMINERS = (
    *("the ", "this ", "that ", "these ", "those ", "a ", "an "),
    *("their ", "its ", "his ", "her ", "our ", "my ", "your "),
    *("many ", "some ", "several ", "most ", "few ", "other ", "all ", "both ", "each ", "every "),
)


def is_generic_description(name: str) -> bool:
    """Rule ``generic_description``: a speaker named by common nouns only ("police", "the agency", "sources", "the
    report": no capital letter) names no one entity; two articles' "police" are not one speaker."""
    text = name.strip()
    return any(ch.isalpha() for ch in text) and text == text.lower()


def is_unresolved_description(name: str) -> bool:
    """Rule ``unresolved_description``: a :func:`is_generic_description` that begins with a determiner ("the agency",
    "the report", and possessives and quantifiers: "their teams", "many companies") is a description whose
    antecedent was not found: anonymous, not a name."""
    return is_generic_description(name) and name.strip().startswith(_DETERMINERS)


_CONJUNCTION = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_INITIAL = re.compile(r"^[A-Z]\.?$")


def coordinated_names(name: str) -> list[str]:
    """Rule ``coordinated_speakers``: "Obama and Hillary Clinton", "Jeff Merkley, Sherrod Brown and Robert
    Menendez" name several people; their conjuncts, or [] when ``name`` is not a list of two or more names. A
    conjunct ending in an initial shares the next one's surname ("Charles G. and David H. Koch") and a
    lower-case word makes a description ("Republicans and Democrats on the committee"), and "&" or a repeated
    name a company ("Procter & Gamble", "Johnson and Johnson"): no split."""
    parts = [p for p in _CONJUNCTION.split(name_of(name)) if p]
    if len(parts) < 2 or len(set(parts)) < len(parts) or "&" in name:
        return []  # "Johnson and Johnson", "Procter & Gamble": a company
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4 or _INITIAL.match(words[-1]) or not is_proper_name(part):
            return []
        if any(w.lower() in NAME_CONNECTORS for w in words):
            return []
    return parts
