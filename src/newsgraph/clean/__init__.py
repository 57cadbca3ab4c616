"""Clean: turn a plain-text scrape or an HTML page into title, date, authors, body, captions and an audit trail.

STUB interface: ``clean_text``, ``clean_batch`` and ``extract_html`` return :class:`Cleaned`.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from newsgraph.models import Author, Caption, ErrorRecord, Removed


class Cleaned(BaseModel):
    title: str | None = None
    published: str | None = None
    authors: list[Author] = Field(default_factory=list)
    body: str = ""
    captions: list[Caption] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    errors: list[ErrorRecord] = Field(default_factory=list)


def clean_text(text: str, *, repeated: frozenset[str] = frozenset()) -> Cleaned:
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
    return Cleaned(body="\n\n".join(paras))


def clean_batch(texts: Sequence[str]) -> list[Cleaned]:
    return [clean_text(t) for t in texts]


def extract_html(html: str, *, url: str | None = None) -> Cleaned:
    import trafilatura

    body = trafilatura.extract(html, url=url) or ""
    return clean_text(body)
