"""Rule ``topic_is_no_member`` (:func:`newsgraph.propositions.build.topic_is_no_member`): a content that is only a
topic's name joins no proposition. Hand-written sentences through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp import load_pipeline
from newsgraph.propositions.build import topic_is_no_member
from newsgraph.propositions.component import known_verbs
from newsgraph.propositions.frames import Context
from newsgraph.propositions.reject import read_frame
from tests.conftest import need_dataset


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "content", "member"),
    [
        ("Ms. Park accepted climate change.", "climate change", False),
        ("Ms. Park criticised the alleged troop deployment.", "the alleged troop deployment", True),
        ("Ms. Park criticised Russia's invasion of Ukraine.", "Russia's invasion of Ukraine", True),
    ],
)
def test_topic_is_no_member(nlp: Language, text: str, content: str, member: bool) -> None:
    doc = nlp.make_doc(text)
    doc._.errors = []
    doc = nlp(doc)
    start = text.index(content)
    span = doc.char_span(start, start + len(content))
    assert span is not None
    frame = read_frame(span, Context(doc=doc, verbs=known_verbs(nlp)))
    assert frame is not None and frame.kind == "nominal", frame
    assert topic_is_no_member(doc, frame) is not member


@pytest.mark.shared
def test_a_topic_does_not_join_a_clause_about_it_on_polnear_dev(nlp: Language) -> None:
    """PolNeAR dev, NYT 2016-09-08 on Obama and climate change: Romney's bare "climate change" joined Obama's
    "there is the notion that … Republicans deny climate change" and a book's "environmental changes" into one
    proposition of three unrelated sources (a top-20 tracked claim of the dev store)."""
    root = need_dataset("polnear")
    text = (
        root / "data" / "dev" / "text" / "nyt_2016-09-08_obama-on-climate-change-the-tren.txt"
    ).read_text()
    doc = nlp.make_doc(text)
    doc._.errors = []
    doc = nlp(doc)
    by_id = {c.id: c for c in doc._.claims}
    for p in doc._.propositions:
        assert not (len(p.claims) > 1 and any(by_id[c].text == "climate change" for c in p.claims)), p
        if "notion" in p.statement:
            assert {s.source.name for s in p.stances} == {"Obama"}, p.stances
