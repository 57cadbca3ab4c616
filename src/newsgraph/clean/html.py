"""HTML pages: trafilatura (with htmldate) for body, title, date and authors; ``<figcaption>`` for captions; then
newsgraph's plain-text cleaner over the extracted text for leftover boilerplate, bylines and datelines.

One parse per page; metadata with trafilatura's own extractors (its by-line search re-done faster with the same
rules in :mod:`newsgraph.clean.html_author`) and htmldate; the body with one fast trafilatura pass (a second pass
with its fallback extractors only when the fast text is short). The settings in :data:`DEFAULT_OPTIONS` were
chosen by measurement on AEB and WCXB (``eval/extraction.py``; ``docs/ingest.md`` has the table and the speed
figures). Of the cleaner's output only its line-level verdicts and metadata are used. The first call loads the
date and place tables once (:func:`warm_up`). :func:`extract_html` never raises: a page it cannot read yields an
empty body and an ``html`` error entry.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass

from newsgraph.clean.html_names import host_labels, publisher_name
from newsgraph.clean.html_options import DEFAULT_OPTIONS, HtmlElement, HtmlOptions
from newsgraph.clean.html_site import site_name
from newsgraph.clean.text import Cleaned, clean_text
from newsgraph.models import Author, Caption, ErrorRecord

# trafilatura logs every page without an article at ERROR level; for us that is a per-document error entry.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_CREDIT_CLASS = re.compile(r"credit|copyright|byline|attribution|source|photographer|author", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")
_MAX_CAPTIONS = 50


def _fold(text: str) -> str:
    return " ".join(text.split())  # the same as re.sub(r"\s+", " ", text).strip(), 3x faster


@functools.lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    return _fold(unicodedata.normalize("NFKC", text)).casefold()


def figcaptions(tree: HtmlElement) -> list[Caption]:
    """Captions from ``<figcaption>`` elements, each once; the credit comes from a credit-like child element
    (``<cite>``, ``<small>``, ``class="credit"``...) or from a trailing credit tag in the text."""
    from newsgraph.clean.captions import split_caption

    out: list[Caption] = []
    seen: set[str] = set()
    for fc in tree.iter("figcaption"):
        credit: str | None = None
        credit_text = ""
        for el in fc.iter():
            if el is fc or not isinstance(el.tag, str):
                continue
            cls = f"{el.get('class', '')} {el.get('itemprop', '')}"
            if el.tag in {"cite", "small"} or _CREDIT_CLASS.search(cls):
                credit_text = _fold(el.text_content())
                break
        full = _fold(fc.text_content())
        if not full:
            continue
        text = full
        if credit_text and full.endswith(credit_text) and len(credit_text) < len(full):
            text = full[: -len(credit_text)].strip(" -–—|")
            credit = credit_text.strip(" ()[]")
        else:
            split = split_caption(full)
            if split:
                text, credit = split
        key = _norm(text)
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(Caption(text=text, credit=credit or None))
        if len(out) >= _MAX_CAPTIONS:
            break
    return out


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_AUTHOR_PREFIX = re.compile(
    r"^(?:(?:written|posted|reviewed|edited|reported|article|words|story|text|recipe)\s+by|by|author|read more about|"
    r"more from|about)\s*:?\s+",
    re.IGNORECASE,
)
# A date or "Last updated" glued to the name by the page layout ("Jane Doe December 3, 2024").
_AUTHOR_TAIL = re.compile(
    rf"\s+(?:(?:last\s+)?updated|published|posted)\b.*$|\s+(?:on\s+)?{_MONTHS}\.?\s+\d.*$|"
    rf"\s+(?!may\b){_MONTHS}$|\s+\d.*$",
    re.IGNORECASE,
)
_AUTHOR_JUNK = re.compile(
    r"©|\b(?:privacy|policy|conditions|cookies?|terms|subscribe|newsletter|sign in|log in)\b", re.I
)
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def clean_author(name: str) -> str | None:
    """An author name without a "By"/"Read more about" prefix or a glued-on date; None for non-names."""
    n = _AUTHOR_PREFIX.sub("", _fold(name))
    n = _AUTHOR_TAIL.sub("", n).strip(" ,;|-–—:")
    if not n or len(n) > 100 or _AUTHOR_JUNK.search(n) or not _TWO_LETTERS.search(n):
        return None
    return n


def _authors(raw: str | None) -> list[Author]:
    if not raw:
        return []
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(raw):
        name = clean_author(part)
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return [Author(name=n) for n in names]


def _split_authors(raw: str | None) -> list[str]:
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(raw or ""):
        name = clean_author(part)
        if name:
            names.append(name)
    return names


def choose_authors(
    tree: HtmlElement,
    meta_author: str | None,
    sitename: str | None,
    url: str | None,
    html: str | None,
    publisher: str | None,
) -> str | None:
    """The writers' names ("; "-joined): the first of the candidate by-lines (meta tags and JSON-LD, then the
    by-line markup, then a link to a writer's profile page, then a "By ..." line) that still names a person after the rules of
    :mod:`newsgraph.clean.html_names`. A candidate that names only the site is passed over for a later one, and
    kept when no later candidate names a person (organisations do sign articles). Last candidate: a "By Jane
    Doe" by-line written out in the page's text. ``publisher``: the page's :func:`publisher_name`, read once by
    the caller, which also names the site with it."""
    from newsgraph.clean.html_author import extract_author
    from newsgraph.clean.html_names import byline_text_author, clean_names, profile_link_author, site_keys

    keys = site_keys(sitename, publisher, url)
    fallback: list[str] = []
    for step in range(4):
        if step == 0:
            raw = meta_author
        elif step == 1:
            raw = extract_author(tree)
        elif step == 2:
            raw = profile_link_author(tree)
        else:
            raw = byline_text_author(tree)
        names = _split_authors(raw)
        if not names:
            continue
        kept = clean_names(names, keys, html)
        if kept:
            return "; ".join(kept)
        if not fallback:
            fallback = clean_names(names, set(), html)
    return "; ".join(fallback) or None


def _merge_authors(html_authors: list[Author], text_authors: list[Author]) -> list[Author]:
    """HTML metadata names first; e-mails (and names) the text byline adds are kept."""
    if not html_authors:
        return text_authors
    by_name = {_norm(a.name): a for a in text_authors}
    merged = [Author(name=a.name, email=(by_name.get(_norm(a.name)) or a).email) for a in html_authors]
    return merged


def _prune_paragraphs(
    text: str, captions: list[Caption], headings: list[str], description: str | None, opts: HtmlOptions
) -> tuple[str, list[tuple[str, str]]]:
    """Drop paragraphs of trafilatura's text that belong elsewhere in the record: the headline repeated at the top
    (it is the ``title``), the standfirst repeated from the meta description (optional), figcaptions (they are
    ``captions``). Repeated paragraphs stay: on AEB 86% of them are repeated in the gold text too."""
    caption_keys = set()
    for c in captions:
        caption_keys.add(_norm(c.text))
        if c.credit:
            caption_keys.add(_norm(f"{c.text} {c.credit}"))
            caption_keys.add(_norm(c.credit))
    heading_keys = {_norm(h) for h in headings if h}
    desc_key = _norm(description) if description and opts.drop_standfirst else None
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for para in text.split("\n"):
        stripped = para.strip()
        if not stripped:
            continue
        # the key only where a rule can use it: most paragraphs are neither first nor beside captions
        key = _norm(stripped) if caption_keys or len(kept) <= 1 else ""
        reason = None
        if not kept and key in heading_keys:
            reason = "title"
        elif desc_key and len(kept) <= 1 and key == desc_key:
            reason = "standfirst"
        elif key in caption_keys:
            reason = "duplicate-caption"
        if reason:
            dropped.append((stripped, reason))
            continue
        kept.append(stripped)
    return "\n".join(kept), dropped


# htmldate's last-resort parser is dateparser over all ~200 languages, compiling a split regex per locale per
# string: one such call costs seconds. Restricting it to the languages of most news sites keeps the same rules.
DATEPARSER_LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr", "sv", "da", "nb", "fi", "cs", "ro", "hu",
    "el", "ko", "ja", "zh", "ar", "he", "id", "vi", "hi",
)  # fmt: skip


@functools.cache
def _install_date_parser() -> None:
    """Point htmldate's external parser at a dateparser restricted to :data:`DATEPARSER_LANGUAGES` (once)."""
    try:
        import htmldate.extractors as hx
        from dateparser import DateDataParser

        parser = DateDataParser(
            languages=list(DATEPARSER_LANGUAGES),
            settings={
                "NORMALIZE": True,
                "PARSERS": ["custom-formats", "absolute-time"],
                "PREFER_DATES_FROM": "past",
                "PREFER_LOCALE_DATE_ORDER": True,
                "RETURN_AS_TIMEZONE_AWARE": False,
                "STRICT_PARSING": True,
            },
        )
        hx.get_external_parser = lambda: parser  # type: ignore[assignment]
    except Exception:  # htmldate internals moved: keep its default parser
        return


@functools.cache
def warm_up() -> None:
    """Load once what extraction otherwise loads lazily on the first page that happens to need it: dateparser's
    locale and time-zone tables (htmldate's parser, the cleaner's date lines), htmldate's month names and the
    cleaner's gazetteer. About 1 s, paid by the first :func:`extract_html` call instead of scattered over the
    first pages of a batch (where it made per-page timings erratic)."""
    from newsgraph.clean.boilerplate import is_place_line
    from newsgraph.clean.dates import date_line

    _install_date_parser()
    is_place_line("Seoul")
    # a date in no language: dateparser tries (and so compiles) every locale it has been given
    date_line("22 xqzv 2024", fallback=True)
    with contextlib.suppress(Exception):  # htmldate internals moved: nothing to warm
        import htmldate.extractors as hx

        hx.get_external_parser().get_date_data("22 xqzv 2024")
        month_words = getattr(hx, "month_words", None)
        if callable(month_words):
            month_words()


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    og_title: str | None = None
    description: str | None = None
    h1: tuple[str, ...] = ()
    site: str | None = None


def page_metadata(
    tree: HtmlElement, url: str | None, opts: HtmlOptions = DEFAULT_OPTIONS, html: str | None = None
) -> PageMeta:
    """Title, author and publication date with trafilatura's metadata extractors and htmldate.

    The same steps as ``trafilatura.extract_metadata`` (meta tags, then JSON-LD, then the page's markup), minus
    what newsgraph does not use (site name, categories, tags, licence), which costs a third of its time.
    """
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

    _install_date_parser()
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD parser has bugs on odd markup
        meta = extract_meta_json(tree, meta)
    title = meta.title or extract_title(tree)
    publisher = publisher_name(tree)
    author = choose_authors(tree, meta.author, meta.sitename, url or meta.url, html, publisher)
    date = find_date(
        tree,
        extensive_search=opts.extensive_date_search,
        original_date=opts.original_date,
        outputformat="%Y-%m-%d",
        url=url or meta.url,
    )
    if date and date.endswith("-01-01") and not _says_new_year(tree, date[:4]):
        date = None  # htmldate read only a year (a copyright line) and filled in 1 January
    h1 = tuple(t for t in (_fold(h.text_content()) for h in tree.iterfind(".//h1")) if t)[:5]
    return PageMeta(
        title=choose_title(title, h1, meta.sitename, url or meta.url),
        author=author or None,
        date=date or None,
        og_title=meta.title,
        description=meta.description,
        h1=h1,
        site=site_name(meta.sitename, publisher, url or meta.url, title),
    )


_JAN = r"(?:jan\w*|ene\w*|genn\w*)\.?"


@functools.lru_cache(maxsize=64)
def _new_year_pattern(year: str) -> re.Pattern[str]:
    """1 January of ``year`` written with its day: ISO, numeric either way round, or with the month's name."""
    forms = [
        rf"{year}[-/.]?0?1[-/.]?0?1(?!\d)",  # 2025-01-01, 2025/1/1, 20250101 (URLs)
        rf"(?<!\d)0?1[-/.]0?1[-/.]{year}",  # 01/01/2025, 1.1.2025
        rf"(?<!\d)0?1(?:st|er|\.|º)?\s+(?:of\s+|de\s+)?{_JAN},?\s+{year}",  # 1 January 2025, 1er janvier 2025
        rf"{_JAN}\s+0?1(?:st)?(?!\d),?\s+{year}",  # January 1, 2025
    ]
    return re.compile("|".join(forms), re.IGNORECASE)


def _says_new_year(tree: HtmlElement, year: str) -> bool:
    """Whether the page (text, attributes, URLs) gives 1 January ``year`` with its day.

    htmldate returns ``YYYY-01-01`` when all it found was a year, mostly a copyright line (measured on WCXB: 60
    such dates, 1 right). A date of 1 January is kept only when the page writes that day somewhere.
    """
    import lxml.html

    page = lxml.html.tostring(tree, encoding="unicode")
    return _new_year_pattern(year).search(page) is not None


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|/)\s+|\s*\|\s*")
_ALNUM = re.compile(r"[^0-9a-z]+")


def _alnum(text: str) -> str:
    return _ALNUM.sub("", _norm(text))


def _site_keys(sitename: str | None, url: str | None) -> set[str]:
    keys = set()
    if sitename:
        keys.add(_alnum(sitename))
    if url and len(labels := host_labels(url)) >= 2:
        keys.add(_alnum(labels[-2]))
        keys.add(_alnum("".join(labels)))
    return {k for k in keys if len(k) >= 3}


def choose_title(title: str | None, h1: tuple[str, ...], sitename: str | None, url: str | None) -> str | None:
    """The headline: an ``<h1>`` that the meta title contains (the meta title adds the site name or an SEO
    suffix), else the meta title without a trailing/leading segment naming the site."""
    if not title:
        return h1[0] if len(h1) == 1 else None
    folded = _fold(title)
    nt = _norm(folded)
    for h in h1:
        nh = _norm(h)
        if len(nh) >= 8 and nh in nt and len(nh) >= 0.4 * len(nt):
            return h
    keys = _site_keys(sitename, url)
    parts = _TITLE_SEPARATORS.split(folded)
    if len(parts) > 1 and keys:
        for seg in (parts[-1], parts[0]):
            a = _alnum(seg)
            if a and any(k in a or a in k for k in keys) and len(seg.split()) <= 6:
                rest = folded[: folded.rfind(seg)] if seg is parts[-1] else folded[len(seg) :]
                rest = rest.strip(" |-–—:·»/")
                if rest:
                    return rest
    return folded


def extract_html(html: str, *, url: str | None = None, options: HtmlOptions | None = None) -> Cleaned:
    """Title, date, authors, body and captions of an HTML page; never raises."""

    opts = options or DEFAULT_OPTIONS
    try:
        warm_up()
        return _extract(html, url, opts)
    except Exception as exc:  # one odd page must not sink a batch
        return Cleaned(errors=[ErrorRecord(stage="html", message=f"{type(exc).__name__}: {exc}")])


def _extract(html: str, url: str | None, opts: HtmlOptions) -> Cleaned:  # noqa: C901, PLR0912, PLR0915
    from trafilatura.utils import load_html

    from newsgraph.clean.html_body import body_document
    from newsgraph.clean.html_boxes import box_paragraphs, prune_embedded_posts
    from newsgraph.clean.html_jsonld import page_subheadings, prefer_fuller_body, structured_article_body
    from newsgraph.models import Removed

    if not html or not html.strip():
        return Cleaned(errors=[ErrorRecord(stage="html", message="empty HTML page")])
    tree = load_html(html)
    if tree is None:
        return Cleaned(errors=[ErrorRecord(stage="html", message="unparseable HTML")])
    captions = figcaptions(tree)
    meta = page_metadata(tree, url, opts, html)
    title = _fold(meta.title) if meta.title else None
    published = meta.date
    authors = _authors(meta.author)
    structured = structured_article_body(tree) if opts.use_structured_body else None
    subheads = page_subheadings(tree) if structured else []
    embeds = prune_embedded_posts(tree) if opts.drop_embedded_posts else []
    doc = body_document(tree, html, url, opts)  # the last reader of ``tree``: it is consumed
    if doc is None and not structured:
        return Cleaned(
            title=title, published=published, authors=authors, sitename=meta.site, captions=captions
        )
    text = prefer_fuller_body((doc.text if doc is not None else "") or "", structured, subheads)
    headings = [t for t in (title, meta.og_title, *meta.h1) if t]
    text, dropped = _prune_paragraphs(text, captions, headings, meta.description, opts)
    if opts.drop_boxes:
        unboxed, boxes = box_paragraphs(text.split("\n"))
        text = "\n".join(unboxed)
        dropped += boxes
    removed = [Removed(text=t, reason="embedded-post") for t in embeds]
    removed += [Removed(text=t, reason=r) for t, r in dropped]
    if not opts.run_cleaner:
        body = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
        return Cleaned(
            title=title,
            published=published,
            authors=authors,
            sitename=meta.site,
            body=body,
            captions=captions,
            removed=removed,
        )
    lines = [p for p in text.split("\n") if p.strip()]
    w = opts.cleaner_window
    window = lines[:w] + lines[-w:] if w and len(lines) > 2 * w else lines
    cleaned = clean_text("\n".join(window))
    drop = {
        _norm(r.text): r
        for r in cleaned.removed
        if r.reason.split(":", 1)[0].strip() in opts.cleaner_drop_reasons
    }
    paras: list[str] = []
    for para in text.split("\n"):
        stripped = para.strip()
        if not stripped:
            continue
        hit = drop.get(_norm(stripped)) if drop else None
        if hit is not None:
            removed.append(hit)
        else:
            paras.append(stripped)
    caps = list(captions)
    seen = {_norm(c.text) for c in caps}
    if "caption" in opts.cleaner_drop_reasons:
        for c in cleaned.captions:
            if _norm(c.text) not in seen:
                seen.add(_norm(c.text))
                caps.append(c)
    body = "\n\n".join(paras)
    if body and len(body.split(maxsplit=opts.min_body_words)) < opts.min_body_words:  # word count, capped
        removed.append(Removed(text=body, reason="no-article: too short to be an article body"))
        body = ""
    return Cleaned(
        title=title or cleaned.title,
        published=published or cleaned.published,
        authors=_merge_authors(authors, cleaned.authors),
        sitename=meta.site,
        body=body,
        captions=caps,
        removed=removed,
        errors=cleaned.errors,
    )
