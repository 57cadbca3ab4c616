"""spaCy component ``newsgraph_entities``: fills ``doc._.entities`` (STUB: filled by its stage's implementation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.extensions  # noqa: F401


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = []
        return doc


@Language.factory("newsgraph_entities", assigns=["doc._.entities"], requires=["doc.ents"])
def make_entities_component(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, name)
