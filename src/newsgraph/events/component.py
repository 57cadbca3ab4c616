"""spaCy component ``newsgraph_events``: fills ``doc._.events`` with PLOVER-coded events.

Runs after the claims stage and reads ``doc._.claims``, ``doc._.entities`` and ``doc._.published`` (all optional:
without claims it codes the writer's own sentences). A failure on one document becomes an
:class:`~newsgraph.models.ErrorRecord` with ``stage="events"``, never an exception.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.extensions  # noqa: F401
from newsgraph.extensions import fill_stage


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from newsgraph.events.assemble import events_for_doc

        return fill_stage(doc, "events", lambda d: events_for_doc(d, d._.claims or [], d._.entities or []))


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.events"],
    # claims (status, source), entities (actors' countries and sectors), published (date resolution, set by the
    # pipeline from the article's metadata)
    requires=["doc._.claims", "doc._.entities", "doc._.published"],
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
