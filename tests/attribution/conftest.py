"""The quotes-only spaCy pipeline the attribution tests share (loaded once: ``load_pipeline`` caches it)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsgraph.nlp import load_pipeline

    return load_pipeline(components=("newsgraph_quotes",))
