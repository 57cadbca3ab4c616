"""Paragraph breaks bound a source: rule ``source_in_paragraph``.

The parser can run a sentence across a paragraph break (a live blog's ``9:30 p.m.`` time stamp, a headline, a
title line) or a wire dateline (``DALLAS (AP) —``: :func:`~newsgraph.attribution.reported.is_break`), so a
cue's subject noun phrase may swallow the stamp (``7:45 a.m.\\n\\nRepublican hopefuls``) or even be the headline
itself (``The Latest``). A source is a noun phrase of the cue's own paragraph: its span is
cut at the break, and a source whose head lies in another paragraph is replaced by the subject the cue's
paragraph itself opens with (or dropped, so that speaker resolution may find one).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.attribution.marks import paragraphs
from newsgraph.attribution.records import SUBJ_DEPS, Attribution, renumber_continues
from newsgraph.attribution.reported import is_break, np_slice
from newsgraph.extensions import doc_text

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
CHAIN = frozenset({"advcl", "conj", "xcomp"})
"""a participle, a coordinated verb or an infinitive shares the subject of the verb it hangs on"""
TIMES = frozenset({"DATE", "TIME"})
"""entity types that never speak (``Tuesday in New York City``, the next paragraph of a headline)"""


class Paragraphs:
    """Token ranges of a doc's paragraphs (split at line breaks)."""

    def __init__(self, doc: Doc) -> None:
        self.n = len(doc)
        self.breaks = [t.i for t in doc if is_break(t)]

    def of(self, i: int) -> tuple[int, int]:
        """``[lo, hi)`` token range of the paragraph holding token ``i``."""
        k = bisect_right(self.breaks, i)
        lo = self.breaks[k - 1] + 1 if k else 0
        hi = self.breaks[k] if k < len(self.breaks) else self.n
        return lo, hi


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].is_space or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].text in {",", ";", ":", "—", "–", "-", "."}):
        e -= 1
    return s, e


def paragraph_subject(doc: Doc, att: Attribution, lo: int, hi: int) -> Token | None:
    """The subject a cue's paragraph opens with when the parse gave the cue one from another paragraph: another
    subject of the cue verb (``6:50 p.m.\\n\\nWith her husband beside her, Clinton has told …``: two ``nsubj``)
    or of the verb it hangs on in the paragraph (``Fallon responded on Twitter, calling …``; a stance adjective's
    copula: ``Trump is bent on …``), else a noun of the paragraph that the parse hung on a word across the break
    (``The Latest …\\n\\nDonald Trump has delivered …``: ``Trump`` is an apposition of the headline)."""
    cue = att.verb if att.verb is not None else min(att.cue)
    verb: Token | None = (
        doc[att.verb] if att.verb is not None else doc[min(att.cue)].head
    )  # "is bent on": "is"
    for _ in range(3):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS and lo <= c.i < cue]
        if subjects:
            return subjects[-1]
        up = verb.head
        verb = up if verb.dep_ in CHAIN and up.pos_ in {"VERB", "AUX"} and lo <= up.i < hi else None
    hung = [
        doc[j]
        for j in range(lo, cue)
        if doc[j].pos_ in NOMINAL
        and not lo <= doc[j].head.i < hi
        and doc[j].dep_ != "ROOT"
        and doc[j].ent_type_ not in TIMES
    ]
    return hung[-1] if hung else None


def source_in_paragraph(doc: Doc, att: Attribution, paras: Paragraphs) -> None:
    """Rule ``source_in_paragraph``: cut ``att.source`` to the cue's paragraph (see the module docstring)."""
    if att.source is None:
        return
    s, e = att.source
    lo, hi = paras.of(att.verb if att.verb is not None else min(att.cue))
    if lo <= s and e <= hi:
        return
    head = att.source_head if att.source_head is not None else doc[s:e].root.i
    if lo <= head < hi:
        ns, ne = _trim(doc, max(s, lo), min(e, hi))
        if ns < ne:
            att.source = (ns, ne)
            return
    new = paragraph_subject(doc, att, lo, hi)
    if new is None:
        att.source, att.source_head = None, None
        return
    ns, ne = np_slice(new)
    ns, ne = _trim(doc, max(ns, lo), min(ne, hi))
    att.source, att.source_head = ((ns, ne), new.i) if ns < ne else (None, None)


def sources_in_paragraphs(doc: Doc, atts: list[Attribution]) -> None:
    """:func:`source_in_paragraph` for every attribution of a doc."""
    paras = Paragraphs(doc)
    for a in atts:
        source_in_paragraph(doc, a, paras)


EDITORS_NOTE = re.compile(
    r"[\s“\"(\[*_]*(?:"
    r"(?:an?\s+)?editors?(?:[’']s?)?\s+note\b"
    r"|corrections?\s*(?::|appended\b)"
    r"|this\s+(?:article|story|report|post)\s+(?:has\s+been|was|is\s+being)\s+(?:revised|updated|corrected|amended)\b"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|post)\b"
    r")",
    re.IGNORECASE,
)
"""An editor's note, and a correction notice ("This article has been revised to reflect the following correction:
…", "Correction: An earlier version of this story …")."""


def editors_note(text: str, ps: int, pe: int) -> bool:
    """Rule ``editors_note``: a paragraph that opens with "Editor’s note" (or a correction notice: "This article
    has been revised to reflect the following correction: …") is the publication speaking about its
    article (a correction, a disclosure, or a stance it appends to every story: "Editor’s note: Donald Trump … has
    repeatedly pledged to ban all Muslims"), not reporting; attributions in it are none (PolNeAR marks none, and
    the appended note made the most reported claim of a store)."""
    return EDITORS_NOTE.match(text, ps, pe) is not None


MAX_NOTE_PARAGRAPHS = 12


def note_blocks(text: str) -> list[tuple[int, int]]:
    """Each note runs on to the end of its first paragraph that ends a sentence: a page's markup may break a
    note's lines anywhere, and cleaning makes each line a paragraph."""
    paras = paragraphs(text)
    out = []
    for k, (s, e) in enumerate(paras):
        if not editors_note(text, s, e):
            continue
        end = e
        for ns, pe in paras[k : k + MAX_NOTE_PARAGRAPHS]:
            end = pe
            if text[ns:pe].rstrip().endswith((".", "!", "?", "”", '"')):
                break
        out.append((s, end))
    return out


def drop_editors_notes(
    doc: Doc, atts: list[Attribution], notes: list[tuple[int, int]] | None = None
) -> list[Attribution]:
    """The attributions whose cue lies outside editor's notes (:func:`editors_note`; ``notes``: their
    :func:`note_blocks`, when the caller has them already), ``continues`` renumbered."""
    if notes is None:
        notes = note_blocks(doc_text(doc))
    if not notes:
        return atts
    kept = [a for a in atts if not a.cue or not any(s <= doc[a.cue[0]].idx < e for s, e in notes)]
    return renumber_continues(kept) if len(kept) < len(atts) else atts
