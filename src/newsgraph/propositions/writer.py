"""The writer's own framing: "troops allegedly deployed", "the alleged troop deployment", "reportedly sent".

A distancing word (:data:`~newsgraph.propositions.lexicon.WRITER_HEDGES`) in the writer's voice - outside quote
marks and outside direct quotes - marks the predicate or event noun it modifies as a proposition the writer
reports without vouching for it: a :class:`~newsgraph.models.Stance` with ``writer=True``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.models import Quote
from newsgraph.propositions.frames import Context, Frame, clause_frame, nominal_frame
from newsgraph.propositions.lexicon import WRITER_HEDGES

__all__ = ["WriterMention", "quoted_chars", "writer_mentions"]


@dataclass(frozen=True)
class WriterMention:
    """One hedge of the writer's: the word (its span), the status it expresses and the frame it modifies."""

    cue: str
    cue_span: tuple[int, int]
    status: str
    frame: Frame


def quoted_chars(doc: Doc, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Character ranges in someone else's voice: direct quotes and text between quote marks."""
    out = [q.span for q in quotes if q.type == "direct"]
    for sent in doc.sents:
        start: int | None = None
        for t in sent:
            if not t.is_quote:
                continue
            if start is None:
                start = t.idx
            else:
                out.append((start, t.idx + len(t.text)))
                start = None
    return out


def _hedged_target(tok: Token) -> Token | None:
    """The predicate or event noun a hedge word modifies ("allegedly" -> deployed, "alleged" -> deployment)."""
    if tok.dep_ in ("advmod", "amod", "npadvmod") and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return tok.head
    return None


def _left_noun(hedge: Token, verb: Token) -> Token | None:
    """ "troops allegedly deployed": the noun right before the hedge is the participle's theme, whatever the
    parser attached the participle to (only for participles with no subject of their own)."""
    if (
        verb.tag_ not in ("VBN", "VBD")
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or hedge.i == 0
    ):
        return None
    prev = hedge.doc[hedge.i - 1]
    return prev if prev.pos_ in ("NOUN", "PROPN") and hedge.i < verb.i else None


def writer_mentions(doc: Doc, ctx: Context, quotes: list[Quote]) -> list[WriterMention]:
    """Every hedge of the writer's that modifies a predicate or an event noun, in body order."""
    quoted = quoted_chars(doc, quotes)
    out: list[WriterMention] = []
    for tok in doc:
        status = WRITER_HEDGES.get(tok.lower_)
        if status is None or any(s <= tok.idx < e for s, e in quoted):
            continue
        target = _hedged_target(tok)
        if target is None:
            continue
        frame: Frame | None = None
        if target.pos_ in ("VERB", "AUX"):
            frame = clause_frame(target, ctx, theme=_left_noun(tok, target))
        elif target.pos_ in ("NOUN", "PROPN"):
            frame = nominal_frame(target, ctx)
        if frame is None:
            continue
        out.append(WriterMention(tok.text, (tok.idx, tok.idx + len(tok.text)), status, frame))
    return out
