"""Rules + model: the rules keep every attribution they find; the model extends their contents and adds the
attributions they miss.

:func:`combine` keeps every rule attribution (the rules are precise and handle quotes, continuations and speakers).
Where the model reads the same cue with a content that starts no later and runs further (``Seoul called for the
immediate withdrawal of North Korean troops [allegedly deployed to fight alongside Russia]``), the rule content is
extended to the model's end (:func:`extend_content`; indirect contents of one fragment only). A model attribution
is added only when it has a source, its cue word is cue-like (lexicon strength >= :data:`MIN_ADDED_STRENGTH`), and
it is new:

* its cue does not overlap a rule attribution's cue (the same attribution, already read by the rules);
* its cue is not inside a rule attribution's content or source (a nested attribution: the product reports the
  outer one, as :func:`~newsgraph.attribution.rules.drop_nested` does);
* its content does not mostly (half or more) lie inside a rule attribution's content (the same words, credited
  through another cue).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.records import Attribution, CharSpan

MIN_ADDED_STRENGTH = 0.3
"""Cue strength a model-only attribution's cue word needs (below it, added attributions were mostly wrong on dev)."""


def _cue_chars(doc: Doc, a: Attribution) -> list[CharSpan]:
    toks = [a.quoted_cue] if a.quoted_cue is not None else sorted(set(a.cue) | set(a.cue_extent))
    return [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in toks]


def _source_chars(doc: Doc, a: Attribution) -> list[CharSpan]:
    src = a.quoted_source or a.source
    if src is None or src[0] >= src[1]:
        return []
    last = doc[src[1] - 1]
    return [(doc[src[0]].idx, last.idx + len(last.text))]


def _overlap(a: Sequence[CharSpan], b: Sequence[CharSpan]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: Sequence[CharSpan]) -> int:
    return sum(e - s for s, e in a)


def is_new(doc: Doc, m: Attribution, rules: Sequence[Attribution]) -> bool:
    """True when model attribution ``m`` is none of the rule attributions (see the module docstring)."""
    cue = _cue_chars(doc, m)
    n = max(1, _length(m.content))
    for r in rules:
        if _overlap(cue, _cue_chars(doc, r)):
            return False
        if _overlap(cue, r.content) or _overlap(cue, _source_chars(doc, r)):
            return False
        if _overlap(m.content, r.content) >= 0.5 * n:
            return False
    return True


def addable(doc: Doc, m: Attribution) -> bool:
    """A model attribution confident enough to add: it has a source and a cue-like cue word."""
    head = doc[m.cue[0]]
    return m.source is not None and cue_strength(head.lemma_.lower(), head.pos_) >= MIN_ADDED_STRENGTH


def extend_content(doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution]) -> None:
    """Widen (in place) the one-fragment indirect content of a rule attribution to the end of the model's content
    for the same cue, when the model's starts no later and ends further."""
    for r in rules:
        if r.rule == "continuation" or r.quotes or len(r.content) != 1:
            continue
        cue = _cue_chars(doc, r)
        for m in model:
            if len(m.content) != 1 or not _overlap(cue, _cue_chars(doc, m)):
                continue
            (rs, re_), (ms, me) = r.content[0], m.content[0]
            if ms <= rs and me > re_:
                r.content = [(rs, me)]
            break


def combine(doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution]) -> list[Attribution]:
    """All rule attributions (contents possibly extended) plus the model's new ones, in document order
    (``continues`` indices renumbered)."""
    extend_content(doc, rules, model)
    out = list(rules)
    added = [m for m in model if addable(doc, m) and is_new(doc, m, rules)]
    if not added:
        return out
    out.extend(added)
    out.sort(key=lambda a: a.start(doc))
    pos = {id(a): i for i, a in enumerate(out)}
    for i, a in enumerate(out):
        a.continues = pos.get(id(a.parent)) if a.parent is not None else None
        if a.continues is not None and a.continues >= i:
            a.continues = None
    return out
