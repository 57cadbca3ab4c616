"""Clean: turn a plain-text scrape or an HTML page into title, date, authors, body, captions and an audit trail.

``clean_text`` / ``clean_batch`` are newsgraph's own plain-text scrape cleaner (:mod:`newsgraph.clean.text`);
``extract_html`` (:mod:`newsgraph.clean.html`) extracts an HTML page and runs the same cleaner over the result.
All return :class:`Cleaned`.
"""

from __future__ import annotations

from newsgraph.clean.text import Cleaned, clean_batch, clean_text, repeated_lines


def _extract_html_fallback(html: str, *, url: str | None = None) -> Cleaned:
    """Used only when clean/html.py is absent: trafilatura alone, then the text cleaner."""
    import trafilatura

    body = trafilatura.extract(html, url=url) or ""
    return clean_text(body)


try:
    from newsgraph.clean.html import extract_html
except ImportError:  # pragma: no cover - clean/html.py not there yet
    extract_html = _extract_html_fallback  # type: ignore[assignment]


__all__ = ["Cleaned", "clean_batch", "clean_text", "extract_html", "repeated_lines"]
