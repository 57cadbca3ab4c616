"""The whole path as functions over the contract: ingest -> clean -> metadata -> nlp stages.

The pipeline knows no engine. Every engine (:mod:`newsgraph.engines.local`, :mod:`newsgraph.engines.ray_engine`)
runs the same two steps on each batch, :func:`prepare_batch` (clean and metadata) then :func:`annotate` (the spaCy
stages), with its own progress and checkpointing between them; :func:`process_batch` is the two in one call, and
:func:`extract_text` runs them on one string. No stage raises for one bad document: problems become
``Article.errors`` entries and the batch goes on.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import BaseModel

from newsgraph.deadline import DEFAULT_DOC_TIMEOUT, DocumentTimeout, deadline
from newsgraph.ingest import RawDocument
from newsgraph.models import Article, Claim, Entity, ErrorRecord, Event, Proposition, Quote, Source

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_BATCH_SIZE = 32
MAX_NLP_CHARS = 1_000_000
_WS = re.compile(r"\s+")


def doc_timeout() -> float:
    """Seconds one document may spend in a stage (``NEWSGRAPH_DOC_TIMEOUT``, default 120; 0 disables)."""
    return float(os.environ.get("NEWSGRAPH_DOC_TIMEOUT", DEFAULT_DOC_TIMEOUT))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, DocumentTimeout):
        return f"skipped: {exc} (NEWSGRAPH_DOC_TIMEOUT)"
    return f"{type(exc).__name__}: {exc}"


def article_id(body: str) -> str:
    """Stable id: SHA-256 of the NFC-normalised, whitespace-folded, case-folded body (20 hex digits)."""
    norm = _WS.sub(" ", unicodedata.normalize("NFC", body)).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


def _detect_language(text: str) -> str | None:
    from newsgraph.clean.language import detect_language

    return detect_language(text)


def prepare_batch(raws: Sequence[RawDocument]) -> list[Article]:  # noqa: C901
    """Clean each raw document into an Article without NLP (title, date, authors, body, captions, language)."""
    from newsgraph.clean import Cleaned, clean_batch, extract_html
    from newsgraph.clean.dates import date_in_file_name

    cleaned: dict[int, Cleaned] = {}
    errors: dict[int, list[ErrorRecord]] = {i: list(r.errors) for i, r in enumerate(raws)}
    text_idx = [i for i, r in enumerate(raws) if r.text is not None and r.kind == "text"]
    limit = doc_timeout()
    try:
        with deadline(limit * len(text_idx)):
            batch = clean_batch([raws[i].text or "" for i in text_idx])
        for i, one in zip(text_idx, batch, strict=True):
            cleaned[i] = one
    except Exception:  # one bad scrape must not sink the batch: retry one by one, each with its own limit
        from newsgraph.clean import clean_text

        for i in text_idx:
            try:
                with deadline(limit):
                    cleaned[i] = clean_text(raws[i].text or "")
            except Exception as exc2:
                errors[i].append(ErrorRecord(stage="clean", message=_describe(exc2)))
    for i, r in enumerate(raws):
        if r.text is None or r.kind != "html":
            continue
        try:
            with deadline(limit):
                cleaned[i] = extract_html(r.text, url=r.source.url)
        except Exception as exc:
            errors[i].append(ErrorRecord(stage="html", message=_describe(exc)))
    out = []
    for i, r in enumerate(raws):
        c = cleaned.get(i)
        errs = errors[i] + (c.errors if c else [])
        body = c.body if c else ""
        if c is not None and not body.strip():
            errs.append(ErrorRecord(stage="clean", message="no article text found"))
        art = Article(
            id=article_id(
                body if body.strip() else f"{r.source.path}|{r.source.url}|{r.source.warc_record_id}"
            ),
            source=r.source,
            body=body,
            title=c.title if c else None,
            published=(c.published or date_in_file_name(r.source.path)) if c else None,
            authors=c.authors if c else [],
            sitename=c.sitename if c else None,
            captions=c.captions if c else [],
            removed=c.removed if c else [],
            errors=errs,
        )
        if body.strip():
            try:
                art.language = _detect_language(body)
            except Exception as exc:
                art.errors.append(ErrorRecord(stage="language", message=f"{type(exc).__name__}: {exc}"))
        out.append(art)
    return out


def annotate(
    articles: list[Article],
    nlp: Language | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> list[Article]:
    """Run the spaCy pipeline (quotes, entities, claims, events, propositions) over English articles, in place.

    ``n_process > 1`` uses spaCy's own multiprocessing (``nlp.pipe(n_process=...)``): worth it for large lists only.
    """
    from newsgraph.extensions import register_extensions
    from newsgraph.nlp import load_pipeline

    register_extensions()
    todo: list[Article] = []
    for art in articles:
        if not art.body.strip():
            continue
        if art.language != "en":
            art.errors.append(
                ErrorRecord(
                    stage="nlp",
                    message=f"skipped: language is {art.language!r}, the NLP stages are English-only",
                )
            )
            continue
        if len(art.body) > MAX_NLP_CHARS:
            art.errors.append(
                ErrorRecord(stage="nlp", message=f"skipped: body longer than {MAX_NLP_CHARS} characters")
            )
            continue
        todo.append(art)
    if not todo:
        return articles
    nlp = nlp or load_pipeline()
    if n_process > 1:
        _register_plain()

    def _doc(art: Article) -> Doc:
        doc = nlp.make_doc(art.body)
        doc._.published = art.published
        doc._.authors = [a.name for a in art.authors]
        doc._.sitename = art.sitename
        doc._.article_id = art.id
        doc._.errors = []
        return doc

    plain = n_process > 1 and _PLAIN not in nlp.pipe_names
    if plain:  # worker processes send docs back through msgpack: plain dicts only, for this call
        nlp.add_pipe(_PLAIN, last=True)
    limit = doc_timeout()
    # spaCy's memory zone frees the strings and lexemes this batch added to the vocab (every new name, number
    # and URL would otherwise stay for the life of the pipeline): docs are turned into records inside it.
    with nlp.memory_zone():
        _annotate_todo(nlp, todo, _doc, batch_size=batch_size, n_process=n_process, plain=plain, limit=limit)
    return articles


def _annotate_todo(
    nlp: Language,
    todo: list[Article],
    make_doc: Callable[[Article], Doc],
    *,
    batch_size: int,
    n_process: int,
    plain: bool,
    limit: float,
) -> None:
    try:
        with deadline(limit * len(todo)):
            results = list(
                (doc, todo[i])  # the context is an index: worker processes would send back copies of articles
                for doc, i in nlp.pipe(
                    ((make_doc(a), i) for i, a in enumerate(todo)),
                    as_tuples=True,
                    batch_size=batch_size,
                    n_process=n_process,
                )
            )
    except Exception:
        # One document broke a component or ran out of time: redo this batch one by one, each with its own
        # limit, so only that document carries the error.
        results = []
        for art in todo:
            try:
                with deadline(limit):
                    results.append((nlp(make_doc(art)), art))
            except Exception as exc:
                art.errors.append(ErrorRecord(stage="nlp", message=_describe(exc)))
    finally:
        if plain:
            nlp.remove_pipe(_PLAIN)
    for doc, art in results:
        art.quotes = _models(Quote, doc._.quotes)
        art.entities = _models(Entity, doc._.entities)
        art.claims = _models(Claim, doc._.claims)
        art.events = _models(Event, doc._.events)
        art.propositions = _models(Proposition, doc._.propositions)
        art.errors.extend(_models(ErrorRecord, doc._.errors))


_PLAIN = "newsgraph_plain"
_M = TypeVar("_M", bound=BaseModel)


def _models(cls: type[_M], values: Iterable[object] | None) -> list[_M]:
    """Component output as contract models (dicts come back from ``n_process > 1`` worker processes)."""
    return [v if isinstance(v, cls) else cls.model_validate(v) for v in values or ()]


def _to_plain(doc: Doc) -> Doc:
    # Our O(log n) sentence hooks are closures: they cannot (and need not) travel back to the main process.
    doc.user_hooks.clear()
    doc.user_span_hooks.clear()
    doc.user_token_hooks.clear()
    for name in ("quotes", "entities", "claims", "events", "propositions", "errors"):
        values = getattr(doc._, name)
        if values:
            setattr(doc._, name, [v.model_dump() if isinstance(v, BaseModel) else v for v in values])
    return doc


def _register_plain() -> None:
    from spacy.language import Language

    if not Language.has_factory(_PLAIN):
        Language.component(_PLAIN, func=_to_plain)


def process_batch(
    raws: Sequence[RawDocument], nlp: Language | None = None, *, n_process: int = 1
) -> list[Article]:
    """:func:`prepare_batch` then :func:`annotate`, the two steps every engine runs per batch. Never raises for one
    document."""
    return annotate(prepare_batch(raws), nlp, n_process=n_process)


def extract_text(
    text: str, *, format: str = "text", url: str | None = None, nlp_stages: bool = True
) -> Article:
    """One article from a string: a plain-text scrape (``format="text"``) or an HTML page (``"html"``)."""
    kind: Literal["text", "html"] = "html" if format == "html" else "text"
    raw = RawDocument(Source(url=url, format=kind), text, kind=kind)
    arts = prepare_batch([raw])
    if nlp_stages:
        annotate(arts)
    return arts[0]
