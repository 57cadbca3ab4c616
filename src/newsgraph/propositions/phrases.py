"""Phrases a statement keeps or drops whole: the markers of an inline list (``list_marker_is_no_word``) and the
relative clause that says what the object of *have* is (``have_keeps_its_relative_clause``) or who an empty noun
is (``empty_noun_keeps_its_clause``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

MAX_RELATIVE_TOKENS = 16
"""The longest relative clause :func:`what_it_has` keeps (tokens)."""
_ITEM = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})$")


def _item_number(doc: Doc, j: int) -> bool:
    """``1`` in ``1)``: a one- or two-digit number, a letter or a small roman numeral right before ``)``, not
    inside an open parenthesis that began earlier (``(see Figure 2)`` is a reference, ``(2)`` a marker)."""
    if not (0 <= j < len(doc) - 1) or doc[j].whitespace_ or doc[j + 1].text != ")":
        return False
    if not _ITEM.match(doc[j].lower_):
        return False
    if j > 0 and doc[j - 1].text == "(":
        return True
    for k in range(j - 1, max(doc[j].sent.start, j - 8) - 1, -1):
        if doc[k].text == ")":
            break
        if doc[k].text == "(":
            return False
    return True


def list_marker(doc: Doc, i: int) -> bool:
    """Rule ``list_marker_is_no_word``: the markers of an inline list (``programs 1) have tutors who are trained
    and 2) meet …``, ``(a)``, ``iii)``) are no words of a statement."""
    t = doc[i]
    if t.text == ")":
        return _item_number(doc, i - 1)
    if t.text == "(":
        return not t.whitespace_ and _item_number(doc, i + 1)
    return _item_number(doc, i)


def what_it_has(pred: Token, obj: Token) -> set[int]:
    """Rule ``have_keeps_its_relative_clause``: "programs [should] have tutors that are well-trained" states what
    the tutors are; without its relative clause the object of *have* says next to nothing ("Academic tutoring
    programs have tutors", a tracked claim on the WCXB store). The object's relative clause stays when it is short
    (at most :data:`MAX_RELATIVE_TOKENS` tokens), whole. Its tokens, or none."""
    if pred.lemma_.lower() != "have" or obj.dep_ != "dobj":
        return set()
    rel = next((c for c in obj.children if c.dep_ == "relcl"), None)
    return _short_clause(rel) if rel is not None else set()  # "who are trained and 2) meet weekly": a list


EMPTY_NOUNS = frozenset(
    {
        "people",
        "person",
        "those",
        "someone",
        "somebody",
        "anyone",
        "thing",
        "something",
        "one",
        "ones",
        "case",
    }
)
"""Nouns that say next to nothing without the clause that says who or what they are (``people accused of rape``)."""


def _short_clause(clause: Token) -> set[int]:
    """The clause's tokens when it is short (at most :data:`MAX_RELATIVE_TOKENS`) and no inline list, else none."""
    whole = {t.i for t in clause.subtree}
    if len(whole) > MAX_RELATIVE_TOKENS or any(list_marker(clause.doc, i) for i in whole):
        return set()
    return whole


def what_it_is(arg: Token) -> set[int]:
    """Rule ``empty_noun_keeps_its_clause``: "Kaine defended [people accused of rape or murder]": an argument that is
    an empty noun (:data:`EMPTY_NOUNS`) keeps its short relative or participle clause; without it the statement
    ("Kaine defended people", a top tracked claim of the PolNeAR dev store) says next to nothing."""
    if arg.lemma_.lower() not in EMPTY_NOUNS and arg.lower_ not in EMPTY_NOUNS:
        return set()
    clause = next((c for c in arg.children if c.dep_ in {"relcl", "acl"}), None)
    return _short_clause(clause) if clause is not None else set()
