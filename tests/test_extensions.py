"""The shared body of the list-filling components: ``newsgraph.extensions.fill_stage``."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extensions import fill_stage
from newsgraph.models import ErrorRecord


def _doc() -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp("Kim said it. Lee denied it.")


def test_fill_stage_sets_the_field_and_indexes_sentences() -> None:
    doc = _doc()
    rec = ErrorRecord(stage="x", message="a record stands in for any contract model")
    out = fill_stage(doc, "claims", lambda d: [rec])
    assert out is doc
    assert doc._.claims == [rec]
    assert doc._.errors == []
    assert "sent" in doc.user_token_hooks
    assert doc[5].sent.text == "Lee denied it."


def test_fill_stage_failure_leaves_the_field_empty_and_one_error() -> None:
    doc = _doc()
    doc._.events = ["stale"]

    def broken(d: Doc) -> list[ErrorRecord]:
        raise ValueError("no parse")

    fill_stage(doc, "events", broken)
    assert doc._.events == []
    assert [(e.stage, e.message) for e in doc._.errors] == [("events", "ValueError: no parse")]
