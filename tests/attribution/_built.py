"""Hand-built parses for rule tests: the parser's mistakes that a rule repairs do not happen on every small text,
so a test states the parse (word, head index, dependency, part of speech) itself."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

Row = tuple[str, int, str, str]
"""(word, head index, dependency, coarse part of speech); a word "\\n\\n" is a paragraph break"""

LEMMAS = {"sees": "see", "said": "say", "told": "tell", "is": "be", "was": "be", "has": "have"}
DATES = frozenset({"Tuesday", "Monday"})
OPENING = frozenset({"“", "("})
CLOSING = frozenset({",", ".", ")", "”", ":"})


def built_doc(rows: list[Row]) -> Doc:
    """A doc with the given parse (lemmas from :data:`LEMMAS`, else the lower-cased word; weekdays are dates)."""
    words = [w for w, _, _, _ in rows]
    nxt = [*words[1:], ""]
    spaces = [
        not (w.isspace() or w in OPENING or n in CLOSING or n.isspace())
        for w, n in zip(words, nxt, strict=True)
    ]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=[h for _, h, _, _ in rows],
        deps=[d for _, _, d, _ in rows],
        pos=[p for _, _, _, p in rows],
        lemmas=[LEMMAS.get(w, w.lower()) for w in words],
        ents=["B-DATE" if w in DATES else "O" for w in words],
    )
