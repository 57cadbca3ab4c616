"""The reader is no speaker, and a columnist's *I* is the byline's writer.

Advice pages, reviews and columns address the reader: ``you may want to donate …``, ``if you prefer a focused
approach …``, ``you know what to prioritize``; writer and reader exhort themselves together: ``Let's explore
how leading companies …``, ``let's say you get a quote``. The parse gives *you* the grammar of a speaker, and a
store of 709 web pages (the WCXB set) had 2,304 "quotes" whose speaker was that *you*, kept as ``unknown`` (and
72 whose speaker was the *'s* of *let's*): the largest block of its claims, and not one of them a statement
anyone made. Rule ``reader_is_no_speaker`` drops an attribution whose source is the second person outside quote
marks, unless its verb is one of speech in the past (``you said yesterday the middle class is still getting
crushed``, ``You wrote, "…"``: an interviewer's question names what someone said), with no modal and no *if* or
*when* (``you should answer: …``, ``if you requested an extension`` advise or suppose). In the present the verb
tells the reader what to say or write, quoted or not (``you write the code yourself``, ``you find it "a little
tricky"``). So is one whose source is the *'s* / *us* of *let's*, when nothing is quoted.

A writer who speaks as *I* outside quote marks (an op-ed, a column, a review) is the article's writer (rule
``first_person_narrator`` in :mod:`~newsgraph.attribution.speakers`), whom the resolver leaves ``unknown``: the
body does not name them. Rule ``byline_is_the_narrator`` names them from the byline when the article has exactly
one author (``doc._.authors``, set by :func:`newsgraph.pipeline.annotate`): with two or more, *I* is any of them.

A company's blog, a review site or a newsroom speaks as *we* outside quote marks (``We recommend choosing a brush
with soft bristles``, ``we think that OneTrip Prime offers the best value``), and through its people and its work
(``Our testers found …``, ``Our analysis shows …``): 1,067 *we* readings in the WCXB store, all ``unknown``.
Rule ``site_is_the_we`` names that *we* (and *our* with a noun of :data:`SITE_VOICES`) after the site that
published the page (``doc._.sitename``, from the page's metadata: :mod:`newsgraph.clean.html_site`), or after the
sole author when the site is named after them (a personal blog). A *we* with a speaker before it is that
speaker's, as before; a page with no site name keeps *we* ``unknown``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.attribution.pronouns import SECOND_PERSON, words_outside_quotes
from newsgraph.attribution.records import Attribution, without
from newsgraph.attribution.short_names import institution_kind
from newsgraph.lexicon.reporting import SPEECH_VERBS
from newsgraph.models import Speaker

READER_WORDS = SECOND_PERSON | {"y'all", "y’all"}
"""Words that address the reader, as a source."""

SUPPOSING = frozenset({"if", "when", "once", "unless", "whenever", "before", "after", "until"})
"""Conjunctions of a clause that supposes what the reader does."""

SINGULAR_NARRATOR = frozenset({"i", "me"})
"""The surface forms of a narrator the resolver leaves ``unknown`` (``resolved_from``, lower-cased)."""

WRITER = "the article's writer"
"""The description of a speaker who is the byline's author."""

PLURAL_NARRATOR = frozenset({"we", "us"})
"""The surface forms of a plural narrator the resolver leaves ``unknown``."""


def reader_source_offsets(doc: Doc) -> frozenset[int]:
    """Character offsets of the second-person words outside quote marks and transcript turns."""
    return frozenset(words_outside_quotes(doc, READER_WORDS))


def reader_is_no_speaker(doc: Doc, a: Attribution, readers: frozenset[int]) -> bool:
    """Rule ``reader_is_no_speaker`` (see the module): the source's head is a second-person word among
    ``readers`` (:func:`reader_source_offsets`) and its verb reports nothing the reader said
    (:func:`reports_what_you_said`); or the source is the *'s* of *let's* (:func:`lets`) and nothing is quoted."""
    head = a.source_token(doc)
    if head is None:
        return False
    if lets(head):
        return not a.quotes
    if head.idx not in readers:
        return False
    verb = a.cue_word(doc)
    return verb is None or not reports_what_you_said(verb)


def reports_what_you_said(verb: Token) -> bool:
    """``You said last year that …``, ``you have written, "…"``: a verb of speech in the past, with no modal and
    no *if* or *when* (:func:`advice_or_supposition`), reports what the person addressed said (an interviewer's
    question). In the present it tells the reader what to say or write (``you write the code yourself``, ``you
    find it "a little tricky"``), quoted or not."""
    if verb.lemma_.lower() not in SPEECH_VERBS or advice_or_supposition(verb):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def advice_or_supposition(verb: Token) -> bool:
    """``you should answer: …``, ``you can request a summary``, ``if you requested an extension``: a verb with a
    modal, or in a clause of condition or time, tells the reader what to say or supposes it; nobody said it."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUPPOSING for c in verb.children)


def drop_reader_sources(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` without those :func:`reader_is_no_speaker` reads (and the quotes that continue them)."""
    readers = reader_source_offsets(doc)
    return without(atts, lambda a: reader_is_no_speaker(doc, a, readers))


def lets(tok: Token) -> bool:
    """``Let's explore …``, ``let us look at …``: the writer and the reader together, the subject of an
    exhortation, not of a report."""
    return tok.lower_ in {"'s", "’s", "us"} and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "let"


def sole_author(doc: Doc) -> str | None:
    """The article's one author (``doc._.authors``), or None when it has none or several."""
    authors = doc._.authors if doc.has_extension("authors") else None
    if not authors or len(authors) != 1 or not str(authors[0]).strip():
        return None
    return str(authors[0]).strip()


def byline_is_the_narrator(sp: Speaker, author: str | None) -> Speaker:
    """Rule ``byline_is_the_narrator`` (see the module): a singular first person the resolver left ``unknown``
    is ``author``, the writer of the article, when there is one."""
    if author is None or sp.kind != "unknown" or (sp.resolved_from or "").lower() not in SINGULAR_NARRATOR:
        return sp
    return sp.model_copy(update={"name": author, "kind": "person", "description": WRITER})


def site_of(doc: Doc) -> str | None:
    """The name of the site that published the article (``doc._.sitename``), or None."""
    site = doc._.sitename if doc.has_extension("sitename") else None
    return str(site).strip() or None if site else None


def _folded(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


SITE_VOICES = frozenset(
    {
        "team", "teams", "staff", "editor", "editors", "editorial", "experts", "testers", "reviewers", "analysts",
        "researchers", "writers", "analysis", "analyses", "test", "tests", "testing", "research", "survey",
        "surveys", "data", "report", "reports", "study", "studies", "findings", "review", "reviews", "article",
        "guide", "methodology", "experience",
    }
)  # fmt: skip
"""Nouns that, after *our*, speak for the site: its people at work and its work (``Our testers found …``, ``Our
analysis shows …``); not its clients, readers or friends."""

SITE = "the site that published the article"
"""The description of a speaker who is the publishing site."""


def speaks_for_the_site(surface: str) -> bool:
    """``we`` / ``us``, or *our* with a noun of :data:`SITE_VOICES` (``Our editorial team``, ``our Q2 2025 Pulse
    Survey``, ``our data and research``): the site's own voice. ``Our clients know …`` is not."""
    words = [w.strip(",.;:") for w in surface.lower().split()]
    if not words:
        return False
    if len(words) == 1:
        return words[0] in PLURAL_NARRATOR
    return words[0] == "our" and any(w in SITE_VOICES for w in words[1:])


def site_is_the_we(sp: Speaker, site: str | None, author: str | None = None) -> Speaker:
    """Rule ``site_is_the_we`` (see the module): a plural first person the resolver left ``unknown``
    (:func:`speaks_for_the_site`) is the site that published the page, kind ``media`` when its name says so
    (``Daily News``) and ``organization`` otherwise; when the site bears its sole author's name (``Mark
    Denney``), the author. An *our* phrase is kept as the description (``Our testers``)."""
    surface = sp.resolved_from or ""
    if site is None or sp.kind != "unknown" or not speaks_for_the_site(surface):
        return sp
    own = surface.lower() not in PLURAL_NARRATOR
    if author is not None and _folded(author) == _folded(site):
        return sp.model_copy(
            update={"name": author, "kind": "person", "description": surface if own else WRITER}
        )
    return sp.model_copy(
        update={"name": site, "kind": institution_kind(site), "description": surface if own else SITE}
    )
