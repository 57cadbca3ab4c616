"""Author names of an HTML page: the rules applied to the by-line candidates that trafilatura's metadata search
finds (meta tags, JSON-LD, the page's by-line markup), so that the names are the writers' and only theirs.

Measured failure kinds on WCXB (``eval/extraction.py``), each a named rule with its own test in
``tests/html/test_html_names.py``:

* the site or the publisher given as the author ("USA TODAY", "Condé Nast"): :func:`is_site_name`;
* a job title glued to the name ("Jane Doe Senior Editor"): :func:`strip_role`;
* words that are not names at all ("Updated", "Written By", "Lead Reviewer"): :func:`is_person_name`;
* slug duplicates beside the name ("Chuck-Ross" beside "Chuck Ross"): :func:`drop_slug_duplicates`;
* a "Family, Given" list split into single words ("Roy", "Jane", "Patel", "Ravi"): :func:`join_split_names`;
* the dots of initials and titles lost ("Justin C Meserole" for "Justin C. Meserole"): :func:`restore_dots`;
* no by-line in the metadata, but a link to the writer's profile page (``/author/jane-doe``):
  :func:`profile_link_author`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from newsgraph.clean.html_options import HtmlElement


def _words(text: str) -> list[str]:
    return text.split()


# the last word of a job title glued after a name
_ROLE_NOUNS = frozenset(
    _words("""editor editors writer writers reporter reporters correspondent correspondents founder co-founder cofounder
    contributor contributors columnist producer winemaker reviewer director ceo cto cfo author journalist analyst
    photographer strategist manager president officer specialist consultant expert scientist researcher
    dietitian nutritionist attorney lawyer advisor adviser instructor coach designer developer engineer
    marketer owner partner host anchor critic blogger curator intern fellow chair chairman""")
)
# words that may come before a role noun inside the title ("Senior Staff Writer", "Tech Reporter")
_ROLE_MODIFIERS = frozenset(
    _words("""senior staff contributing associate managing executive deputy chief lead head tech technology news
    trending features feature sports politics political health science digital social commerce shopping deals
    editorial assistant principal general freelance guest special content copy desk night national foreign
    business culture travel food style fashion investigative data video audio photo web seo marketing product
    trial certified registered licensed board co and of the""")
)
# credentials after a name ("RN", "BSN", "PhD", "MD"); all-caps tokens of 2-5 letters in this set
_CREDENTIALS = frozenset(
    _words("RN BSN MSN NP MD DO PHD PH.D MBA CPA CFA CFP CPP PSP JD LLM MPH MS MA BA BS DDS DVM PE PMP ESQ")
)
_NOT_NAMES = frozenset(
    _words("""updated update published posted written by staff admin administrator share menu home search
    subscribe newsletter comments comment follow on in at of the and more read about contact human name personal
    finance guest unknown january february march july august september october november december""")
)
_TITLES = frozenset(_words("Mrs Prof Rev Sgt Gen Col Capt Sen Rep Gov Hon"))
_BULLETS = " \t•·|–—-:,;/"
_SLUG_SEG = re.compile(r"(?:^|/)(?:author|authors|writer|writers|people|person|staff|contributor|contributors|"
                       r"producers|profile|profiles|team|by|journalist|journalists|columnist|columnists|"
                       r"reporter|reporters|experts?)/([a-z0-9%._-]+?)/?(?:[?#]|$)", re.IGNORECASE)  # fmt: skip
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


def alnum(text: str) -> str:
    """``text`` folded to lower-case ASCII letters and digits: ``"Condé Nast"`` -> ``"condenast"``."""
    return re.sub(r"[^0-9a-z]+", "", _ascii_fold(text))


def strip_role(name: str) -> str:
    """``name`` without a job title or credentials glued after it ("Jane Doe Tech Reporter" -> "Jane Doe",
    "Jane Doe RN" -> "Jane Doe"); a name of fewer than two words is left as it is."""
    tokens = name.split()
    if tokens and tokens[0].casefold() == "the":  # "The Currency editors" names a group, not a person
        return name.strip(_BULLETS)
    end = len(tokens)
    while end > 2 and tokens[end - 1].strip(".,").upper() in _CREDENTIALS:
        end -= 1
    if end > 2 and tokens[end - 1].casefold().strip(".,") in _ROLE_NOUNS:
        end -= 1
        while end > 2 and tokens[end - 1].casefold().strip(".,") in _ROLE_MODIFIERS | _ROLE_NOUNS:
            end -= 1
    return " ".join(tokens[:end]).strip(_BULLETS) if end < len(tokens) else name.strip(_BULLETS)


def is_person_name(name: str) -> bool:
    """Whether ``name`` can be a person's name: not only job-title, credential or by-line furniture words
    ("Lead Reviewer", "Co-Founder", "BSN", "Updated", "Written By", "Personal finance")."""
    tokens = [t.strip(".,()").casefold() for t in name.split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return False
    furniture = _ROLE_NOUNS | _ROLE_MODIFIERS | _NOT_NAMES
    if all(t in furniture or t.upper() in _CREDENTIALS for t in tokens) and any(
        t in _ROLE_NOUNS or t in _NOT_NAMES or t.upper() in _CREDENTIALS for t in tokens
    ):
        return False
    return any(ch.isalpha() for ch in name)


_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')


def publisher_name(tree: HtmlElement) -> str | None:
    """The publisher named by the page: ``<meta name="publisher">`` or the JSON-LD ``publisher``'s name."""
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").lower() == "publisher" and meta.get("content"):
            return str(meta.get("content"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            m = _LD_PUBLISHER.search(script.text)
            if m:
                return m.group(1)
    return None


def site_keys(sitename: str | None, publisher: str | None, url: str | None) -> set[str]:
    """Folded forms of the site's name, its publisher's name and its host's main label (``usatoday``)."""
    keys: set[str] = set()
    for s in (sitename, publisher):
        if s:
            keys.add(alnum(s))
            # "OneUptime | One Complete Observability platform." -> "oneuptime"
            head = re.split(r"\s+[|:–—-]\s+", s, maxsplit=1)[0]
            keys.add(alnum(head))
    if url and len(labels := host_labels(url)) >= 2:
        keys.add(alnum(labels[-2]))
    return {k for k in keys if len(k) >= 3}


_GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "blog", "news"})


def host_labels(url: str) -> list[str]:
    """The labels of ``url``'s host, lower-cased, without the generic ones (``www``, ``m``, ``amp``, ``blog``,
    ``news``): ``https://www.usatoday.com/story`` -> ``["usatoday", "com"]``."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
    return [x for x in host.split(".") if x not in _GENERIC_HOST_LABELS]


def is_site_name(name: str, keys: set[str]) -> bool:
    """Whether ``name`` is the site or its publisher rather than a writer ("USA TODAY" on usatoday.com,
    "Condé Nast" given as publisher, "Example News Sponsored" on examplenews.com)."""
    a = alnum(name)
    return bool(a) and any(a == k or (a.startswith(k) and len(k) >= 5) for k in keys)


def drop_slug_duplicates(names: list[str]) -> list[str]:
    """Names without URL-slug doubles of another name ("Chuck-Ross" or "chuck-ross" beside "Chuck Ross")."""
    out: list[str] = []
    spaced = {alnum(n) for n in names if " " in n.strip()}
    for n in names:
        if " " not in n.strip() and ("-" in n or "_" in n or n.islower()) and alnum(n) in spaced:
            continue
        out.append(n)
    return out


def join_split_names(names: list[str], html: str | None) -> list[str]:
    """Rejoin a "Family, Given; Family, Given" list that a comma split turned into single words.

    Only when every name is a single capitalised word, there is an even number of them and the page writes
    the first pair as "Family, Given": pairs (family, given) become "Given Family"."""
    if len(names) < 2 or len(names) % 2 or not all(_NAME_TOKEN.match(n) for n in names) or not html:
        return names
    if re.search(rf"{re.escape(names[0])},\s*{re.escape(names[1])}\b", html) is None:
        return names
    return [f"{names[i + 1]} {names[i]}" for i in range(0, len(names), 2)]


def restore_dots(name: str, html: str) -> str:
    """``name`` with the dots trafilatura's normalisation replaced by spaces, when the page writes it so
    ("Justin C Meserole" -> "Justin C. Meserole", "Dr Jane Doe" -> "Dr. Jane Doe", "Example com" ->
    "Example.com"). Only names with an initial, a title or a lower-case token are looked up."""
    tokens = name.split()
    if len(tokens) < 2 or not any(len(t) <= 2 or t in _TITLES or t.islower() for t in tokens):
        return name
    pattern = r"(?:\.\s*|\s+)".join(re.escape(t) for t in tokens)
    for m in re.finditer(pattern, html):
        found = m.group(0)
        if "." in found and "\n" not in found:
            return " ".join(found.split())
    return name


def _slug_of(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii_fold(text)).strip("-")


def profile_link_author(tree: HtmlElement, limit: int = 3000) -> str | None:
    """The writer named by a link to their profile page: ``<a href=".../author/jane-doe">Jane Doe</a>`` (or
    ``/authors/``, ``/people/``, ``/staff/``, ``/contributors/``, ``/producers/``...), the link text being a name
    of two to four words whose slug is the last path segment. The first such link in document order; links
    inside ``<footer>``, ``<aside>`` or ``<nav>`` are skipped. ``limit`` caps the links looked at."""
    for i, a in enumerate(tree.iter("a")):
        if i >= limit:
            break
        href = a.get("href")
        if not href:
            continue
        m = _SLUG_SEG.search(href)
        if m is None:
            continue
        text = " ".join(a.text_content().split())
        words = text.split()
        if not 2 <= len(words) <= 4 or not all(_NAME_TOKEN.match(w) for w in words):
            continue
        slug = m.group(1).lower().rsplit(".", 1)[0]
        if _slug_of(text) != slug and not slug.startswith(_slug_of(text)):
            continue
        if any(anc.tag in {"footer", "aside", "nav"} for anc in a.iterancestors()):
            continue
        return text
    return None


_BYLINE_TEXT = re.compile(
    r"^(?i:(?:(?:written|posted|words|article|story|reported|text)\s+)?by:?)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|van|von|der|da|di|la|le|bin|al)){1,4})$"
)
_BYLINE_START = re.compile(
    r"^\s*(?:(?:written|posted|words|article|story|reported|text)\s+)?by\b", re.IGNORECASE
)


def byline_text_author(tree: HtmlElement, limit: int = 20000) -> str | None:
    """The writer of a by-line written out in the page's text: a short element reading "By Jane Doe" or
    "Written by Jane Doe" (the name capitalised, two to five words), outside ``<footer>``, ``<aside>`` and
    ``<nav>``; the first in document order. ``limit`` caps the elements looked at."""
    for i, el in enumerate(
        tree.iter("p", "span", "div", "li", "address", "em", "strong", "small", "h4", "h5", "h6")
    ):
        if i >= limit:
            break
        start = el.text
        if not start or _BYLINE_START.match(start) is None:
            continue
        text = " ".join(el.text_content().split())
        if len(text) > 80:
            continue
        m = _BYLINE_TEXT.match(text)
        if m is None:
            continue
        if any(a.tag in {"footer", "aside", "nav"} for a in el.iterancestors()):
            continue
        return m.group(1)
    return None


def clean_names(names: Iterable[str], keys: set[str], html: str | None = None) -> list[str]:
    """The rules above in order over one candidate list of names (already split and stripped of "By")."""
    out: list[str] = []
    for n in join_split_names([n for n in names if n], html):
        n = strip_role(n)
        if not n or not is_person_name(n) or is_site_name(n, keys):
            continue
        if html is not None:
            n = restore_dots(n, html)
        if n.casefold() not in {o.casefold() for o in out}:
            out.append(n)
    return drop_slug_duplicates(out)
