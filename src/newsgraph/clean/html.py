"""HTML pages: trafilatura (with htmldate) for body, title, date and authors; ``<figcaption>`` for captions; then
newsgraph's plain-text cleaner over the extracted text for leftover boilerplate, bylines and datelines.

One trafilatura pass per page (``bare_extraction`` returns body and metadata together). The settings in
:data:`DEFAULT_OPTIONS` were chosen by measurement on AEB and WCXB (``eval/extraction.py``; ``docs/ingest.md``
has the table). :func:`extract_html` never raises: a page it cannot read yields an empty body and an
``html`` error entry.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsgraph.models import Author, Caption, ErrorRecord

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsgraph.clean import Cleaned

# trafilatura logs every page without an article at ERROR level; for us that is a per-document error entry.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_WS = re.compile(r"\s+")
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|attribution|source|photographer|author", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")
_MAX_CAPTIONS = 50


@dataclass(frozen=True)
class HtmlOptions:
    """trafilatura settings used by :func:`extract_html` (defaults measured best, see ``docs/ingest.md``)."""

    favor_recall: bool = True
    favor_precision: bool = False
    fast: bool = False
    include_comments: bool = False
    include_tables: bool = True
    extensive_date_search: bool = True
    original_date: bool = True
    run_cleaner: bool = True


DEFAULT_OPTIONS = HtmlOptions()


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


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


def _authors(raw: str | None) -> list[Author]:
    if not raw:
        return []
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(raw):
        name = _fold(part)
        if name and len(name) <= 100 and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return [Author(name=n) for n in names]


def _merge_authors(html_authors: list[Author], text_authors: list[Author]) -> list[Author]:
    """HTML metadata names first; e-mails (and names) the text byline adds are kept."""
    if not html_authors:
        return text_authors
    by_name = {_norm(a.name): a for a in text_authors}
    merged = [Author(name=a.name, email=(by_name.get(_norm(a.name)) or a).email) for a in html_authors]
    return merged


def _drop_caption_paragraphs(body: str, captions: list[Caption]) -> tuple[str, list[str]]:
    """Remove paragraphs that repeat a figcaption (trafilatura sometimes keeps them in the text)."""
    if not captions:
        return body, []
    keys = set()
    for c in captions:
        keys.add(_norm(c.text))
        if c.credit:
            keys.add(_norm(f"{c.text} {c.credit}"))
    kept: list[str] = []
    dropped: list[str] = []
    for para in body.split("\n"):
        if para.strip() and _norm(para) in keys:
            dropped.append(para.strip())
        else:
            kept.append(para)
    return "\n".join(kept), dropped


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None


def page_metadata(tree: HtmlElement, url: str | None, opts: HtmlOptions = DEFAULT_OPTIONS) -> PageMeta:
    """Title, author and publication date with trafilatura's metadata extractors and htmldate.

    The same steps as ``trafilatura.extract_metadata`` (meta tags, then JSON-LD, then the page's markup), minus
    what newsgraph does not use (site name, categories, tags, licence), which costs a third of its time.
    """
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_title

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura's JSON-LD parser has bugs on odd markup
        pass
    title = meta.title or extract_title(tree)
    author = meta.author or extract_author(tree)
    date = find_date(
        tree,
        extensive_search=opts.extensive_date_search,
        original_date=opts.original_date,
        outputformat="%Y-%m-%d",
        url=url or meta.url,
    )
    return PageMeta(title=title or None, author=author or None, date=date or None)


def _trafilatura(tree: HtmlElement, url: str | None, opts: HtmlOptions) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=opts.include_comments,
        include_tables=opts.include_tables,
        favor_recall=opts.favor_recall,
        favor_precision=opts.favor_precision,
        fast=opts.fast,
    )


def extract_html(html: str, *, url: str | None = None, options: HtmlOptions | None = None) -> Cleaned:
    """Title, date, authors, body and captions of an HTML page; never raises."""
    from newsgraph.clean import Cleaned

    opts = options or DEFAULT_OPTIONS
    try:
        return _extract(html, url, opts)
    except Exception as exc:  # one odd page must not sink a batch
        return Cleaned(errors=[ErrorRecord(stage="html", message=f"{type(exc).__name__}: {exc}")])


def _extract(html: str, url: str | None, opts: HtmlOptions) -> Cleaned:
    from trafilatura.utils import load_html

    from newsgraph.clean import Cleaned, clean_text
    from newsgraph.models import Removed

    if not html or not html.strip():
        return Cleaned(errors=[ErrorRecord(stage="html", message="empty HTML page")])
    tree = load_html(html)
    if tree is None:
        return Cleaned(errors=[ErrorRecord(stage="html", message="unparseable HTML")])
    captions = figcaptions(tree)
    meta = page_metadata(tree, url, opts)
    title = _fold(meta.title) if meta.title else None
    published = meta.date
    authors = _authors(meta.author)
    doc = _trafilatura(tree, url, opts)
    if doc is None:
        return Cleaned(title=title, published=published, authors=authors, captions=captions)
    text = doc.text or ""
    text, dropped = _drop_caption_paragraphs(text, captions)
    removed = [Removed(text=d, reason="duplicate-caption") for d in dropped]
    if not opts.run_cleaner:
        body = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
        return Cleaned(title=title, published=published, authors=authors, body=body, captions=captions, removed=removed)
    cleaned = clean_text(text)
    caps = list(captions)
    seen = {_norm(c.text) for c in caps}
    for c in cleaned.captions:
        if _norm(c.text) not in seen:
            seen.add(_norm(c.text))
            caps.append(c)
    return Cleaned(
        title=title or cleaned.title,
        published=published or cleaned.published,
        authors=_merge_authors(authors, cleaned.authors),
        body=cleaned.body,
        captions=caps,
        removed=removed + cleaned.removed,
        errors=cleaned.errors,
    )
