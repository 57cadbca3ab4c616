"""Rules ``raised_subject`` (the subject of "X is expected to Y" is X) and ``scale_is_no_figure`` ("$679 billion"
states 679, so it is another fact than "$100 billion"), over the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.models import Article
from newsgraph.nlp import MODEL_NAME, load_pipeline
from newsgraph.propositions.frames import raised_subject, scaled_figure, subject_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(MODEL_NAME, ())


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        (
            "Global spending on cloud services is expected to surpass $679 billion in 2025.",
            "surpass",
            "spending",
        ),
        ("The troops are believed to have crossed the border.", "crossed", "troops"),
        ("Sales are projected to reach $30 billion by 2027.", "reach", "Sales"),
    ],
)
def test_raised_subject(nlp: Language, text: str, verb: str, subject: str) -> None:
    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    subj = subject_of(v)
    assert subj is not None and subj.text == subject
    assert raised_subject(v, subj.head)


@pytest.mark.parametrize(
    "text", ["The troops were sent to the border.", "The troops were sent and fought at the border."]
)
def test_a_plain_passive_has_no_subject(nlp: Language, text: str) -> None:
    doc = nlp(text)
    v = next(t for t in doc if t.lemma_ in ("send", "fight") and t.dep_ != "xcomp")
    assert subject_of(v) is None


def test_scaled_figure(nlp: Language) -> None:
    doc = nlp("Spending will reach $679 billion, and a billion people use it.")
    scaled = [t.text for t in doc if scaled_figure(t)]
    assert scaled == ["billion"]  # the first scales 679; the second is the figure itself


def test_market_forecasts_of_different_figures_are_different_propositions(
    article: Callable[[str], Article],
) -> None:
    a = article(
        "Market outlook\n\n"
        "According to Gartner, global spending on public cloud services is expected to surpass $679 billion "
        "in 2025.\n\n"
        "Analysts said social commerce sales are expected to surpass $100 billion for the first time.\n"
    )
    statements = sorted(p.statement for p in a.propositions)
    assert any(
        s.startswith("Global spending on public cloud services is expected to surpass") for s in statements
    )
    assert all(len(p.claims) == 1 for p in a.propositions), statements
