"""The body pass of :func:`newsgraph.clean.html.extract_html`: trafilatura's extraction cascade.

``fast`` mode (no readability/jusText comparison) on the page's tree; a page whose fast text is short (often a
missed article) gets a second, full pass with the fallbacks, kept when longer.

``trafilatura.bare_extraction`` copies a tree it is handed (it prunes in place), about 0.8 ms a page plus its
de-allocation. The body pass is the last reader of newsgraph's tree, so with the trafilatura this was written
against (2.3: ``trafilatura_sequence(tree, options, url)``) the fast pass runs the same steps as
``bare_extraction`` on the tree itself and consumes it; the rare second pass parses the page again. With any
other trafilatura the plain ``bare_extraction`` is used. ``tests/html/test_html_body.py`` checks both give the same
text.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from newsgraph.clean.html_options import HtmlElement, HtmlOptions


def is_cut_short(text_chars: int, prose: int, ratio: float) -> bool:
    """Whether an extracted body of ``text_chars`` characters holds less than ``ratio`` of the page's prose
    paragraphs (``prose`` characters, :func:`newsgraph.clean.html_split.prose_chars`): the extractor kept the first block of an article split by an in-story
    ad or a related-stories box, or picked a teaser. Pages with little prose (under 1,000 characters) are
    never judged cut."""
    return prose >= 1000 and text_chars < ratio * prose


def body_document(tree: HtmlElement, html: str, url: str | None, opts: HtmlOptions) -> Any:
    """trafilatura's ``Document`` for the page (``.text``), or None; ``tree`` (parsed from ``html``) is consumed.

    A second, full pass (trafilatura with its readability/jusText comparison, without ``favor_recall``) runs
    when the fast text is short or :func:`is_cut_short`; its text is kept when longer. A text still cut short
    gets the page's missing paragraphs back (:func:`newsgraph.clean.html_split.continue_split_article`)."""
    from newsgraph.clean.html_split import continue_split_article, prose_chars, prose_paragraphs

    paras = prose_paragraphs(tree) if opts.cut_short_ratio > 0 else []
    prose = prose_chars(paras)
    in_place = _sequence() is not None and opts.fast
    doc = _in_place(tree, url, opts) if in_place else _bare(tree, url, opts, fast=opts.fast)
    n = len(doc.text or "") if doc is not None else 0
    cut = is_cut_short(n, prose, opts.cut_short_ratio)
    short = doc is None or n < opts.fallback_below_chars
    if opts.fast and ((short and opts.fallback_below_chars > 0) or cut):
        # the fast pass pruned ``tree``: trafilatura parses the page again
        full = _bare(html if in_place else tree, url, opts, fast=False, recall=opts.favor_recall and not cut)
        if full is not None and len(full.text or "") > n:
            doc, n = full, len(full.text or "")
    if doc is not None and is_cut_short(n, prose, opts.cut_short_ratio):
        doc.text = continue_split_article(doc.text or "", paras)
    return doc


def _bare(
    page: HtmlElement | str, url: str | None, opts: HtmlOptions, *, fast: bool, recall: bool | None = None
) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=False,
        fast=fast,
        include_comments=opts.include_comments,
        include_tables=opts.include_tables,
        favor_recall=opts.favor_recall if recall is None else recall,
        favor_precision=opts.favor_precision,
    )


@functools.cache
def _sequence() -> Callable[..., Any] | None:
    """trafilatura's cascade if its signature is the one :func:`_in_place` was written against, else None."""
    try:
        from trafilatura.core import trafilatura_sequence

        params = list(inspect.signature(trafilatura_sequence).parameters)
    except Exception:  # moved or renamed: use bare_extraction
        return None
    return trafilatura_sequence if params == ["tree", "options", "url"] else None


def _in_place(tree: HtmlElement, url: str | None, opts: HtmlOptions) -> Any:
    """``bare_extraction(tree, fast=True, with_metadata=False, ...)`` without its copy of ``tree`` (pruned here).

    The same steps as trafilatura 2.3's ``bare_extraction`` for python output, no metadata, no language filter,
    no user XPath and no de-duplication: the cascade, the tree-size and minimum-size checks, ``xmltotxt``."""
    from lxml.etree import strip_tags
    from trafilatura.settings import Document, Extractor
    from trafilatura.xml import xmltotxt

    sequence = _sequence()
    assert sequence is not None
    options = Extractor(
        output_format="python",
        fast=True,
        url=url,
        comments=opts.include_comments,
        tables=opts.include_tables,
        recall=opts.favor_recall,
        precision=opts.favor_precision,
    )
    try:
        postbody, text, _, comments = sequence(tree, options, options.url)
        if options.max_tree_size and len(postbody) > options.max_tree_size:
            strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                return None
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            return None
    except (TypeError, ValueError):  # what bare_extraction turns into None
        return None
    doc = Document()
    doc.text = xmltotxt(postbody, options.formatting)
    doc.raw_text = doc.text
    doc.body = postbody
    return doc
