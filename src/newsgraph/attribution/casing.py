"""How a speaker's name is written: a sentence's first word loses its capital unless it is a name."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def lower_first(text: str, first: Token) -> str:
    """``text`` (a name or description whose first token is ``first``) with its first letter lowered, unless it is
    a proper noun, an entity, an acronym or :func:`capitalised_mid_sentence`."""
    if not text or first.pos_ == "PROPN" or first.ent_type_ or (text[:1].isupper() and text[1:2].isupper()):
        return text
    if capitalised_mid_sentence(first):
        return text
    return text[0].lower() + text[1:]


def capitalised_mid_sentence(first: Token) -> bool:
    """Rule ``capitalised_mid_sentence``: a capitalised word the article also writes with its capital after a
    lower-case word is a name ("Trump this week said …", where the tagger read *Trump* as a verb, stays "Trump");
    a sentence's first word otherwise loses its capital ("Officials" -> "officials"). Stop words keep the old
    rule ("The mayor" -> "the mayor", though "The" opens names in the text)."""
    if first.is_stop or not first.text[:1].isupper():
        return False
    return first.text in _mid_sentence_capitals(first.doc)


_CACHE = "newsgraph.mid_sentence_capitals"


def _mid_sentence_capitals(doc: Doc) -> frozenset[str]:
    """The capitalised words of the doc that follow a lower-case word (computed once a doc)."""
    found = doc.user_data.get(_CACHE)
    if found is None:
        found = frozenset(t.text for t in doc[1:] if t.text[:1].isupper() and doc[t.i - 1].text[:1].islower())
        doc.user_data[_CACHE] = found
    return found
