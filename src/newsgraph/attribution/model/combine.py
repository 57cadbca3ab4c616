"""Rules + model: the rules keep every attribution they find; the model extends their contents and adds the
attributions they miss.

:func:`combine` keeps every rule attribution (the rules are precise and handle quotes, continuations and speakers).
Where the model reads the same cue with a content that starts no later and runs further (``Seoul called for the
immediate withdrawal of North Korean troops [allegedly deployed to fight alongside Russia]``), the rule content is
extended to the model's end (:func:`extend_content`; indirect contents of one fragment only). A model attribution
is added only when its cue word is cue-like (lexicon strength >= :data:`MIN_ADDED_STRENGTH`), is not a modifier
(``so-called``) and governs the model's source (a noun phrase, not a passive subject) in the parse, its content
has two words or more, ends on a whole phrase (:func:`ends_whole`) and hangs from the cue word within
:data:`MAX_CONTENT_DEPTH` arcs of the parse (:func:`governs_content`: ``denied [the report]``, ``warned [that …]``,
``called for […]``, not ``maintained its policy of [providing …]``), and it is new:

* its cue does not overlap a rule attribution's cue (the same attribution, already read by the rules);
* its cue is not inside a rule attribution's content or source (a nested attribution: the product reports the
  outer one, as :func:`~newsgraph.attribution.rules.drop_nested` does);
* its content does not mostly (half or more) lie inside rule contents (the same words, credited through another
  cue).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Token

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.model.linking import dominates
from newsgraph.attribution.records import Attribution, renumber_continues
from newsgraph.extensions import doc_text

MIN_ADDED_STRENGTH = 0.3
"""Cue strength a model-only attribution's cue word needs (below it, added attributions were mostly wrong on dev)."""
MIN_ADDED_WORDS = 2
WEAK_CUE = 0.5
"""Below this cue strength an added attribution's content must be a clause (:func:`weak_cue_takes_a_clause`)."""
MAX_CONTENT_DEPTH = 2
"""Arcs from the content's root up to the cue word an added attribution may have (2: through a preposition)."""
MODIFIER_DEPS = frozenset({"amod", "compound", "acl"})
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON"})


def _cue_tokens(a: Attribution) -> set[int]:
    return {a.quoted_cue} if a.quoted_cue is not None else set(a.cue) | set(a.cue_extent)


class _Cover:
    """Which characters the rule attributions' cues, sources and contents cover (linear in the text length)."""

    def __init__(self, doc: Doc, rules: Sequence[Attribution]) -> None:
        n = len(doc_text(doc)) + 1
        self.cue = np.zeros(n, dtype=bool)
        self.other = np.zeros(n, dtype=bool)  # sources and contents
        self.content = np.zeros(n, dtype=bool)
        self.cue_owner: dict[int, Attribution] = {}
        for r in rules:
            for i in _cue_tokens(r):
                self.cue[doc[i].idx : doc[i].idx + len(doc[i].text)] = True
                self.cue_owner.setdefault(i, r)
            for s, e in r.content:
                self.content[s:e] = True
            src = r.quoted_source or r.source
            if src is not None and src[0] < src[1]:
                last = doc[src[1] - 1]
                self.other[doc[src[0]].idx : last.idx + len(last.text)] = True
        self.other |= self.content


def is_new(doc: Doc, m: Attribution, cover: _Cover) -> bool:
    """True when model attribution ``m`` is none of the rule attributions (see the module docstring)."""
    for i in _cue_tokens(m):
        s, e = doc[i].idx, doc[i].idx + len(doc[i].text)
        if cover.cue[s:e].any() or cover.other[s:e].any():
            return False
    n = sum(e - s for s, e in m.content)
    inside = sum(int(cover.content[s:e].sum()) for s, e in m.content)
    return inside < 0.5 * max(1, n)


def _content_tokens(doc: Doc, m: Attribution) -> list[Token]:
    """The words of the content (first to last fragment), without punctuation and whitespace."""
    span = doc.char_span(m.content[0][0], m.content[-1][1], alignment_mode="expand") if m.content else None
    return [t for t in span if not t.is_punct and not t.is_space] if span is not None else []


def ends_whole(doc: Doc, m: Attribution) -> bool:
    """The content's last word has no dependents after the content (a chunk cut inside a phrase, ``… the report
    about`` with ``about``'s object outside it, is a reading the model is unsure of)."""
    toks = _content_tokens(doc, m)
    if not toks:
        return False
    last = toks[-1]
    return not any(r.i > last.i and not r.is_punct for r in last.rights)


def governs_content(doc: Doc, m: Attribution) -> bool:
    """The model's cue word governs its content closely: some root of the content (a word whose head lies outside
    it) reaches the cue word within :data:`MAX_CONTENT_DEPTH` arcs."""
    head = m.cue[0]
    toks = _content_tokens(doc, m)
    inside = {t.i for t in toks}
    for tok in toks:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        cur = tok
        for _ in range(MAX_CONTENT_DEPTH):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i == head:
                return True
    return False


def weak_cue_takes_a_clause(doc: Doc, m: Attribution) -> bool:
    """A weak cue word (strength below :data:`WEAK_CUE`: ``see``, ``show``) reports only a clause (``saw that the
    plan failed``), not a bare object (``saw him at the station``)."""
    head = doc[m.cue[0]]
    if cue_strength(head.lemma_.lower(), head.pos_) >= WEAK_CUE:
        return True
    return any(t.pos_ in {"VERB", "AUX"} for t in _content_tokens(doc, m))


def addable(doc: Doc, m: Attribution) -> bool:
    """A model attribution confident enough to add: a cue-like cue word (not a modifier: ``so-called``) that
    governs its source in the parse, and a content of at least :data:`MIN_ADDED_WORDS` words that ends on a whole
    phrase (:func:`ends_whole`) and that the cue word governs (:func:`governs_content`)."""
    head = doc[m.cue[0]]
    if m.source is None or head.dep_ in MODIFIER_DEPS:
        return False
    if cue_strength(head.lemma_.lower(), head.pos_) < MIN_ADDED_STRENGTH:
        return False
    src = doc[m.source[0] : m.source[1]].root
    if src.pos_ not in SOURCE_POS or src.dep_ == "nsubjpass" or not dominates(head, src):
        return False
    text = doc_text(doc)
    words = sum(len(text[s:e].split()) for s, e in m.content)
    return (
        words >= MIN_ADDED_WORDS
        and ends_whole(doc, m)
        and governs_content(doc, m)
        and weak_cue_takes_a_clause(doc, m)
    )


def extend_content(doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution]) -> None:
    """Widen (in place) the one-fragment indirect content of a rule attribution to the end of the model's content
    for the same cue, when the model's starts no later and ends further."""
    owner: dict[int, Attribution] = {}
    for r in rules:
        for i in _cue_tokens(r):
            owner.setdefault(i, r)
    done: set[int] = set()
    for m in model:
        hits = [owner[i] for i in sorted(_cue_tokens(m)) if i in owner]
        if not hits or len(m.content) != 1:
            continue
        r = hits[0]
        if id(r) in done or r.rule == "continuation" or r.quotes or len(r.content) != 1:
            continue
        done.add(id(r))
        (rs, re_), (ms, me) = r.content[0], m.content[0]
        if ms <= rs and me > re_:
            r.content = [(rs, me)]


def combine(doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution]) -> list[Attribution]:
    """All rule attributions (contents possibly extended) plus the model's new ones, in document order
    (``continues`` indices renumbered)."""
    extend_content(doc, rules, model)
    out = list(rules)
    cover = _Cover(doc, rules)
    added = [m for m in model if addable(doc, m) and is_new(doc, m, cover)]
    if not added:
        return out
    out.extend(added)
    out.sort(key=lambda a: a.start(doc))
    return renumber_continues(out)
