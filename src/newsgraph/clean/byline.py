"""By-lines: "By Jane Doe and John Roe", "BY SEO JI-EUN [seo.jieun1@joongang.co.kr]", "Jane Doe | Reuters",
"By JANE DOE, Associated Press", "(Reporting by X; Editing by Y)". Names come back with their case restored.
"""

from __future__ import annotations

import re

from newsgraph.clean.lexicon import NEWS_AGENCIES, ORG_WORDS
from newsgraph.models import Author

_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_BY = re.compile(
    r"^[\W_]{0,3}(?:(?:words|story|text|written|reported|posted|article|report|photos?\s+and\s+text)\s+)?by\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_CREDITS = re.compile(
    r"^[(\[]?\s*(?:(?:additional\s+)?(?:reporting|writing|compiled|written|research)\s+by\b.*)$",
    re.IGNORECASE,
)
_CREDIT_PART = re.compile(
    r"(?:^|[;,.(]\s*|\band\s+|\bwith\s+)(?P<role>(?:additional\s+)?(?:reporting|writing|research|editing|compiled|"
    r"written|graphics|production|photography|video))\s+by\s+(?P<names>[^;()]+)",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\s(?:and|AND|And|und|et)\s)\s*")
_PIPE = re.compile(r"\s*[|/–—]\s*|\s+-\s+")
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?$")
_PARTICLES = frozenset(
    (
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "bin",
        "bint",
        "al",
        "el",
        "dos",
        "das",
        "st.",
        "y",
    )
)
_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
_KOREAN_SYLLABLE = re.compile(
    r"^(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhyw])?(?:yeo|yae|wae|eo|ae|ya|ye|yo|yu|wa|wo|we|wi|oe|eu|ui|oo|ee|"
    r"ou|a|e|i|o|u)(?:ng|[kntlmpgbrd])?$"
)
_MAX_BYLINE = 160
_LOCATION_SUFFIX = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w.'’ -]{0,40}$")


def _is_name_token(tok: str) -> bool:
    return bool(_NAME_TOKEN.match(tok)) and (tok[0].isupper() or tok.lower() in _PARTICLES)


def _looks_like_name(part: str) -> bool:
    toks = part.split()
    if not 2 <= len(toks) <= 5:
        return False
    low = [t.lower().strip(".,") for t in toks]
    if any(t in ORG_WORDS for t in low) or part.lower() in NEWS_AGENCIES:
        return False
    caps = [t for t in toks if t.lower() not in _PARTICLES and t.lower() not in _SUFFIXES]
    return bool(caps) and all(_is_name_token(t) for t in toks) and toks[0][0].isupper()


def _cap_part(p: str, first: bool) -> str:
    low = p.lower()
    if not low:
        return p
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2].upper() + low[3:]
    if "'" in low or "’" in low:
        q = "'" if "'" in low else "’"
        return q.join(_cap_part(x, True) for x in low.split(q))
    return low[0].upper() + low[1:]


def restore_case(name: str) -> str:
    """Title-case an all-caps name: "SEO JI-EUN" -> "Seo Ji-eun", "JEAN-PIERRE DUPONT" -> "Jean-Pierre Dupont".

    A hyphenated given name whose parts are both romanised Korean syllables keeps the second part lower-case,
    as Korean names are written in English ("Kim Jong-un", "Ji-eun").
    """
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    out = []
    for i, tok in enumerate(name.split()):
        low = tok.lower()
        if i > 0 and low in _PARTICLES:
            out.append(low)
            continue
        parts = tok.split("-")
        if len(parts) == 2 and all(_KOREAN_SYLLABLE.match(p.lower()) for p in parts):
            out.append(_cap_part(parts[0], True) + "-" + parts[1].lower())
        else:
            out.append("-".join(_cap_part(p, j == 0) for j, p in enumerate(parts)))
    return " ".join(out)


def _names(segment: str) -> list[str]:
    """Person names in a by-line segment; stops at the first piece that is an affiliation."""
    segment = _EMAIL.sub(" ", segment)
    segment = re.sub(r"[\[(<{][^\])>}]{0,80}[\])>}]", " ", segment)
    names = []
    for piece in _SPLIT.split(segment):
        piece = _LOCATION_SUFFIX.sub("", piece.strip(" .:-–—'\"“”"))
        if not piece:
            continue
        if _looks_like_name(piece):
            names.append(restore_case(piece))
        elif names or piece.lower() in NEWS_AGENCIES:
            # "By Jane Doe, Associated Press": the affiliation closes the list
            break
        else:
            return []
    return names


def parse_byline(line: str) -> list[Author] | None:  # noqa: C901, PLR0912
    """Authors if ``line`` is a by-line, else None. (An agency-only by-line gives an empty list.)"""
    text = line.strip()
    if not text or len(text) > _MAX_BYLINE:
        return None
    emails = _EMAIL.findall(text)
    m = _BY.match(text)
    names: list[str] = []
    if m:
        rest = m.group("rest")
        rest = _PIPE.split(rest)[0] if _PIPE.search(rest) else rest
        names = _names(rest)
        if not names and rest.strip(" .").lower() not in NEWS_AGENCIES:
            return None
    elif _CREDITS.match(text):
        for cm in _CREDIT_PART.finditer(text):
            if cm.group("role").lower().endswith(("reporting", "writing", "written", "compiled", "research")):
                names.extend(_names(cm.group("names")))
        if not names:
            return None
    else:
        parts = _PIPE.split(text)
        if len(parts) == 2 and parts[1].strip(" .").lower() in NEWS_AGENCIES | {"staff"}:
            names = _names(parts[0])
            if not names:
                return None
        else:
            return None
    authors = [Author(name=n) for n in dict.fromkeys(names)]
    if emails and authors:
        if len(emails) == len(authors):
            for a, e in zip(authors, emails, strict=True):
                a.email = e
        else:
            authors[0].email = emails[0]
    return authors


def trailing_byline(text: str) -> tuple[list[Author], int] | None:
    """A by-line printed at the *end* of a paragraph ("... the official said. BY JANE DOE [jd@x.com]")."""
    if len(text) < 20:
        return None
    tail = text[-_MAX_BYLINE:]
    m = re.search(r"(?:(?<=[.!?”\"])|(?<=[.!?”\"]\s))\s*(?=\(?(?:by|reporting\s+by)\s)", tail, re.IGNORECASE)
    if not m:
        return None
    cut = len(text) - len(tail) + m.end()
    authors = parse_byline(text[cut:])
    if not authors:
        return None
    return authors, cut
