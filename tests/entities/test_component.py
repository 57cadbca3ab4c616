"""The entities stage says what it reads and writes, and files its own errors."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_entities_factory_declares_what_it_reads_and_writes(nlp: Language) -> None:
    meta = nlp.get_pipe_meta("newsgraph_entities")
    assert {"doc._.quotes", "doc._.mentions", "doc.ents"} <= set(meta.requires)
    assert {"doc._.entities", "doc._.quotes"} <= set(meta.assigns)  # Speaker.entity on the quotes


def test_events_factory_declares_entities_and_published(nlp: Language) -> None:
    meta = nlp.get_pipe_meta("newsgraph_events")
    assert {"doc._.claims", "doc._.entities", "doc._.published"} <= set(meta.requires)


def test_entities_errors_are_filed_under_their_own_stage(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph.entities.component as comp

    def broken(*args: object, **kw: object) -> list[object]:
        raise ValueError("boom")

    monkeypatch.setattr(comp, "build_entities", broken)
    doc = nlp("The minister said on Monday that the talks would resume.")
    stages = {e.stage for e in doc._.errors}
    assert "entities" in stages and "claims" not in stages
    assert doc._.entities == []
    assert doc._.claims, "the claims stage still runs after the entities stage failed"
