"""Rule ``title_noun``: the words a writer uses as a title instead of a name already given (rule ``role_epithet`` of
:mod:`~newsgraph.attribution.speakers`): ``the former secretary of state``, ``the Republican nominee`` and, a title
of two words, ``the former first lady``."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.lexicon.speakers import EPITHET_NOUNS

TWO_WORD_TITLES = {"lady": "first"}
"""Head noun -> the word before it that makes it a title (``first lady``; ``lady`` alone is no title)."""


def title_noun(tok: Token) -> bool:
    """The noun is a title of :data:`~newsgraph.lexicon.speakers.EPITHET_NOUNS`, or the head of a two-word title
    (``first lady``) whose first word modifies it."""
    lemma = tok.lemma_.lower()
    if lemma in EPITHET_NOUNS:
        return True
    first = TWO_WORD_TITLES.get(lemma)
    return first is not None and any(c.lower_ == first and c.i == tok.i - 1 for c in tok.children)
