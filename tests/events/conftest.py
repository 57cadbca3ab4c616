from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The statistical model alone (no newsgraph components): the coder works on any parse."""
    from newsgraph.nlp import load_pipeline

    return load_pipeline(components=())
