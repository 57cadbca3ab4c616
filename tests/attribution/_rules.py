"""Helpers for the rule-level attribution tests: run the real parse + rules on one sentence and read the
attribution records (``newsgraph.attribution.records.Attribution``) back as text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.records import Attribution
from newsgraph.models import Article, Quote, span_errors


def parse(nlp: Language, text: str, model: str = "combined") -> tuple[Doc, list[Attribution]]:
    """The doc and its attribution records (``model``: the component's setting; ``"rules"`` for a test of a rule
    itself, which the combination's learned keep gate may overrule); the quotes' spans index the text and the
    doc has no errors."""
    from newsgraph.attribution.component import QuotesComponent

    doc = nlp(text)
    assert span_errors(Article(id="t", body=text, quotes=doc._.quotes)) == []
    assert not doc._.errors
    comp = QuotesComponent(nlp, "check", model=model)
    return doc, comp.attributions(doc)


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    """The doc's quotes; their spans index the text and the doc has no errors."""
    doc = nlp(text)
    quotes: list[Quote] = doc._.quotes
    assert span_errors(Article(id="t", body=text, quotes=quotes)) == []
    assert not doc._.errors
    return quotes


def cue_texts(doc: Doc, records: list[Attribution]) -> list[str]:
    return [" ".join(doc[i].text for i in a.cue) for a in records]


def find(doc: Doc, records: list[Attribution], cue: str) -> Attribution:
    for a in records:
        if any(doc[i].text == cue for i in a.cue):
            return a
    raise AssertionError(f"no attribution with cue {cue!r}: {cue_texts(doc, records)}")


def content_of(doc: Doc, a: Attribution) -> str:
    return " ".join(doc.text[s:e] for s, e in a.content)


def source_of(doc: Doc, a: Attribution) -> str | None:
    return doc[a.source[0] : a.source[1]].text if a.source else None


def extent_of(doc: Doc, a: Attribution) -> str:
    return " ".join(doc[i].text for i in a.cue_extent)
