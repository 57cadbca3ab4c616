"""spaCy component ``newsgraph_propositions``: the article's claims grouped into :class:`Proposition` records.

Runs after ``newsgraph_claims``; reads ``doc._.claims``, ``doc._.entities`` and ``doc._.quotes``; writes
``doc._.propositions``. Lemma and parse features only (no embeddings), so it costs little beside the parser.
A failure on one document becomes an :class:`~newsgraph.models.ErrorRecord` with ``stage="propositions"``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.extensions  # noqa: F401
from newsgraph.extensions import fill_stage
from newsgraph.models import Proposition
from newsgraph.propositions.build import propositions_for

__all__ = ["PropositionsComponent", "known_verbs"]


def known_verbs(nlp: Language) -> frozenset[str]:
    """English verb lemmas from the pipeline's lemmatizer tables (empty when it has none)."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        if lookups.has_table("lemma_index"):
            return frozenset(lookups.get_table("lemma_index")["verb"])
    except (KeyError, AttributeError):
        pass
    return frozenset()


class PropositionsComponent:
    """Fills ``doc._.propositions``; one document's failure becomes an ``errors`` entry, never an exception."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.verbs = known_verbs(nlp)

    def __call__(self, doc: Doc) -> Doc:
        return fill_stage(doc, "propositions", self.propositions)

    def propositions(self, doc: Doc) -> list[Proposition]:
        return propositions_for(
            doc, list(doc._.claims or []), list(doc._.entities or []), list(doc._.quotes or []), self.verbs
        )


@Language.factory(
    "newsgraph_propositions",
    assigns=["doc._.propositions"],
    requires=["doc._.claims", "doc._.entities", "doc._.quotes"],
)
def make_propositions_component(nlp: Language, name: str) -> PropositionsComponent:
    return PropositionsComponent(nlp, name)
