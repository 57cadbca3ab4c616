"""Fuzz the NLP stages (quotes, entities, claims, events components) on ``nlp.make_doc`` of arbitrary text:
never raises, and every span of the resulting record indexes the text. Slow (a spaCy parse per input).
Run: ``python tests/fuzz/fuzz_quotes.py CORPUS_DIR -max_total_time=60``."""

from __future__ import annotations

import sys

import atheris
import spacy  # noqa: F401  (dependencies imported before instrumentation)

with atheris.instrument_imports(include=["newsgraph.attribution", "newsgraph.claims", "newsgraph.events"]):
    from newsgraph.extensions import register_extensions
    from newsgraph.models import Article, Source, span_errors
    from newsgraph.nlp import load_pipeline, register_components

    register_components()  # the component modules, imported here so that they are instrumented

register_extensions()
NLP = load_pipeline()


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(min(len(data), 3000))
    doc = NLP.make_doc(text)
    doc._.published = None
    doc._.article_id = "fuzz"
    doc._.errors = []
    doc = NLP(doc)
    art = Article(
        id="fuzz", source=Source(path="fuzz.txt"), body=text,
        quotes=list(doc._.quotes or []), entities=list(doc._.entities or []),
        claims=list(doc._.claims or []), events=list(doc._.events or []),
    )  # fmt: skip
    bad = span_errors(art)
    if bad:
        raise AssertionError(f"span does not index the body: {bad[0]}")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
