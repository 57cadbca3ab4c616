"""spaCy component ``newsgraph_entities``: canonical entities of the article in ``doc._.entities``.

Runs after ``newsgraph_quotes``: it reads the quotes' resolved speakers (and the attribution's coreference
chains in ``doc._.mentions`` when present) to merge "Kim" / "He" into Kim Tae-hyo, and writes back
``Speaker.entity`` on each quote whose speaker is a known entity. See :mod:`newsgraph.entities.canonical`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.entities.canonical import build_entities, link_speakers
from newsgraph.extensions import doc_text, fill_stage
from newsgraph.models import Entity


class EntitiesComponent:
    """Canonicalises NER mentions; one document's failure becomes an ``errors`` entry, never an exception."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return fill_stage(doc, "entities", _entities)


def _entities(doc: Doc) -> list[Entity]:
    """The article's entities; sets ``Speaker.entity`` on the quotes whose speaker is one of them."""
    quotes = list(doc._.quotes or [])
    entities = build_entities(doc, quotes)
    link_speakers(entities, quotes, doc_text(doc))
    return entities


@Language.factory(
    "newsgraph_entities",
    # writes the article's entities, and Speaker.entity on the quotes' speakers (doc._.quotes)
    assigns=["doc._.entities", "doc._.quotes"],
    requires=["doc.ents", "token.dep", "doc._.quotes", "doc._.mentions"],
)
def make_entities_component(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, name)
