"""spaCy component ``newsgraph_claims``: fills ``doc._.claims`` (STUB: filled by its stage's implementation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.extensions  # noqa: F401


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc


@Language.factory("newsgraph_claims", assigns=["doc._.claims"], requires=["doc._.quotes"])
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
