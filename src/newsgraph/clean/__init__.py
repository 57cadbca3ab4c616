"""Clean: turn a plain-text scrape or an HTML page into title, date, authors, body, captions and an audit trail.

``clean_text`` / ``clean_batch`` are newsgraph's own plain-text scrape cleaner (:mod:`newsgraph.clean.text`);
``extract_html`` (:mod:`newsgraph.clean.html`) extracts an HTML page and runs the same cleaner over the result.
All return :class:`Cleaned`.
"""

from __future__ import annotations

from newsgraph.clean.html import extract_html
from newsgraph.clean.text import Cleaned, clean_batch, clean_text, repeated_lines

__all__ = ["Cleaned", "clean_batch", "clean_text", "extract_html", "repeated_lines"]
