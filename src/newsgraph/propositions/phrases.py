"""Phrases a statement keeps or drops whole: the markers of an inline list (``list_marker_is_no_word``) and the
relative clause that says what the object of *have* is (``have_keeps_its_relative_clause``)."""

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
    whole = {t.i for t in rel.subtree} if rel is not None else set()
    if len(whole) > MAX_RELATIVE_TOKENS or any(list_marker(obj.doc, i) for i in whole):
        return set()  # "who are trained and 2) meet weekly": a list, not one clause
    return whole
