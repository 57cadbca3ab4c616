"""spaCy component ``newsgraph_events``: fills ``doc._.events`` (STUB: filled by its stage's implementation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.extensions  # noqa: F401


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.events"], requires=["doc._.claims"])
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
