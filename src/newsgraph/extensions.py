"""spaCy ``Doc`` extension attributes newsgraph's components read and write.

``doc._.quotes`` / ``entities`` / ``claims`` / ``events`` / ``propositions`` hold contract models (:mod:`newsgraph.models`);
``doc._.published`` is the article's ISO date (set by the caller, used to resolve relative dates);
``doc._.authors`` the names on its byline (set by the caller; a sole author is the *I* of a column);
``doc._.sitename`` the name of the site that published it (set by the caller; the site is the *we* of its pages);
``doc._.mentions`` (set by ``newsgraph_quotes``) maps each canonical speaker name to its surface mentions
``[(start, end), ...]`` (the speakers' coreference chains);
``doc._.errors`` collects :class:`~newsgraph.models.ErrorRecord` entries from components.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

from newsgraph.models import ErrorRecord

_ATTRS = (
    "quotes",
    "entities",
    "claims",
    "events",
    "propositions",
    "errors",
    "published",
    "authors",
    "sitename",
    "article_id",
    "mentions",
)


def register_extensions() -> None:
    """Register the ``Doc._`` attributes (idempotent)."""
    for name in _ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def index_sentences(doc: Doc) -> None:
    """Make ``Token.sent`` / ``Span.sent`` O(log n) on this doc (idempotent).

    spaCy's default ``Span.sent`` first calls ``Doc.has_annotation("SENT_START")``, which walks the whole doc, so
    code that asks ``token.sent`` for many tokens is quadratic in the document length. Every newsgraph component
    calls this first; it installs ``user_token_hooks["sent"]`` / ``user_span_hooks["sent"]`` backed by one pass
    over ``doc.sents`` (same results: the sentence containing the token, or the span's first token).
    """
    if "sent" in doc.user_token_hooks or len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return
    from bisect import bisect_right

    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sent_at(i: int) -> object:
        return sents[max(bisect_right(starts, i) - 1, 0)]

    doc.user_token_hooks["sent"] = lambda tok: sent_at(tok.i)
    doc.user_span_hooks["sent"] = lambda span: sent_at(span.start)


_TEXT_KEY = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins every token's text on each access: O(n) per call)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


@contextmanager
def stage_errors(doc: Doc, stage: str, prefix: str = "") -> Iterator[None]:
    """Run a component's work on one doc: an exception inside the block becomes an
    :class:`~newsgraph.models.ErrorRecord` in ``doc._.errors`` (set to ``[]`` first if unset), never a crash -
    one document's quirk must not sink the batch."""
    if doc._.errors is None:
        doc._.errors = []
    try:
        yield
    except Exception as exc:
        doc._.errors.append(ErrorRecord(stage=stage, message=f"{prefix}{type(exc).__name__}: {exc}"))


M = TypeVar("M", bound=BaseModel)


def fill_stage(doc: Doc, field: str, make: Callable[[Doc], list[M]]) -> Doc:
    """The body of a newsgraph component that fills one list field: index the sentences, set ``doc._.<field>``
    to ``[]``, then to ``make(doc)`` under :func:`stage_errors` (stage ``field``), so a failure leaves the
    field empty and an error record, never an exception."""
    index_sentences(doc)
    doc._.set(field, [])
    with stage_errors(doc, field):
        doc._.set(field, make(doc))
    return doc
