"""spaCy component ``newsgraph_quotes``: fills ``doc._.quotes`` (STUB: filled by its stage's implementation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.extensions  # noqa: F401


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("newsgraph_quotes", assigns=["doc._.quotes"], requires=["doc.sents", "token.dep", "token.pos"])
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
