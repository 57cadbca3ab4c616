"""spaCy component ``newsgraph_claims``: every attributed proposition as a :class:`~newsgraph.models.Claim`.

Claims come from two places:

* every quote in ``doc._.quotes`` (direct, indirect, mixed): ``quote`` is its id, ``source`` a copy of its
  speaker, the cue is the quote's cue;
* attributed statements the quotes missed: a clause whose predicate is an epistemic source-introducing verb
  (deny, confirm, allege, report, dismiss, ...; see :mod:`newsgraph.claims.status`) with a subject and a
  propositional complement, and "according to X, ..." sentences.

Each claim's ``status``, ``polarity`` and ``writer_stance`` come from
:func:`newsgraph.claims.status.classify_status` over the spaCy parse.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.reported import no_one_reports, participle_owner
from newsgraph.claims.status import (
    ALLEGE_CUES,
    CONFIRM_CUES,
    DENY_CUES,
    REPORT_CUES,
    classify_status,
)
from newsgraph.entities.sectors import is_media
from newsgraph.extensions import doc_text, fill_stage
from newsgraph.models import Claim, Entity, Quote, Speaker, SpeakerKind

__all__ = ["ClaimsComponent", "claims_for", "extra_attributions"]

# Verbs whose unquoted use we pick up even when the attribution stage did not: the epistemic ones.
_EXTRA_CUES = (DENY_CUES | CONFIRM_CUES | ALLEGE_CUES | REPORT_CUES) - {
    "complaint",
    "lawsuit",
    "indictment",
    "cite",
}
_CONTENT_DEPS = ("ccomp", "dobj", "xcomp")
_KIND_OF_LABEL: dict[str, SpeakerKind] = {
    "PERSON": "person",
    "GPE": "state",
    "NORP": "state",
    "ORG": "organization",
}


def _source_span(doc: Doc, cue: Token) -> Span | None:
    """The subject of the cue, or of the verb it hangs on; a cue participle speaks for the report it modifies
    (``participle_of_the_report``, as in attribution: "Video shows that Crutcher had his hands in the air,
    contradicting the police's claim": the video contradicts, not Crutcher)."""
    for c in cue.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return doc[c.left_edge.i : c.right_edge.i + 1]
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ in ("VERB", "AUX"):
        return _source_span(doc, participle_owner(cue) if cue.dep_ == "advcl" else cue.head)
    return None


def _content_span(doc: Doc, cue: Token) -> Span | None:
    kids = [c for c in cue.children if c.dep_ in _CONTENT_DEPS]
    if not kids:
        # "accused Russia of taking a gamble", "dismissed the claims as rumors"
        kids = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("of", "as")]
    if not kids:
        return None
    start = min(k.left_edge.i for k in kids)
    end = max(k.right_edge.i for k in kids) + 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else None


def _speaker_kind(span: Span, entities: list[Entity]) -> SpeakerKind:
    root = span.root
    if root.pos_ == "PRON":
        return "unknown"
    if is_media(span.text):
        return "media"
    for e in entities:
        for m in e.mentions:
            if m.span[0] <= root.idx < m.span[1]:
                return _KIND_OF_LABEL.get(e.type, "unknown")
    if root.ent_type_ == "PERSON":
        return "person"
    if any(t.lower_ in ("a", "an") for t in span[:1]):
        return "anonymous"
    return "unknown"


def _entity_at(span: Span, entities: list[Entity]) -> Entity | None:
    ids = {
        e.id
        for e in entities
        for m in e.mentions
        if span.start_char <= m.span[0] and m.span[1] <= span.end_char
    }
    if len(ids) != 1:
        return None
    return next(e for e in entities if e.id in ids)


class _Intervals:
    """Merged ``[start, end)`` intervals with O(log n) point and overlap tests (a doc may hold thousands of quotes)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(sp for sp in spans if sp[0] < sp[1]):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def contains(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, e - 1) - 1  # last interval starting before e
        return i >= 0 and self.ends[i] > s


def extra_attributions(doc: Doc, quotes: list[Quote]) -> list[tuple[Span, Token, Span | None]]:  # noqa: C901, PLR0912
    """(content, cue, source) of epistemic attributions no quote covers: "Russia has also not confirmed ...".

    Skips cues inside a quote's text (nested speech belongs to that quote) and cues a quote already uses.
    """
    taken = _Intervals([q.span for q in quotes])
    cues = _Intervals([q.cue_span for q in quotes if q.cue_span is not None])
    out: list[tuple[Span, Token, Span | None]] = []
    for tok in doc:
        lem = tok.lemma_.lower()
        if lem not in _EXTRA_CUES or tok.pos_ not in ("VERB", "AUX"):
            continue
        if taken.contains(tok.idx) or cues.contains(tok.idx) or no_one_reports(tok):
            continue
        content = _content_span(doc, tok)
        source = _source_span(doc, tok)
        if content is None or source is None:
            continue
        if taken.overlaps(content.start_char, content.end_char):
            continue
        out.append((content, tok, source))
    # "According to X, <clause>"
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        if taken.contains(tok.idx) or cues.contains(tok.idx):
            continue
        pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        head = tok.head
        if pobj is None or head.i == tok.i:
            continue
        src = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
        sent = tok.sent
        pieces = [t for t in sent if not (tok.i <= t.i <= src.end - 1) and not t.is_punct]
        if not pieces:
            continue
        content = doc[pieces[0].i : pieces[-1].i + 1]
        if content.start <= tok.i < content.end:
            content = doc[src.end : pieces[-1].i + 1] if src.end <= pieces[-1].i else content
        while len(content) and content[0].is_punct:
            content = content[1:]
        if len(content) < 3 or taken.overlaps(content.start_char, content.end_char):
            continue
        out.append((content, tok, src))
    return out


def claims_for(doc: Doc, quotes: list[Quote], entities: list[Entity]) -> list[Claim]:
    """Claims of one parsed article: one per quote, plus the unquoted epistemic attributions."""
    text = doc_text(doc)
    items: list[tuple[int, Claim]] = []
    for q in quotes:
        src: Span | str | None = q.speaker.name
        if q.speaker.span is not None and q.speaker.kind not in ("media",):
            src = doc.char_span(*q.speaker.span, alignment_mode="expand") or q.speaker.name
        res = classify_status(doc, q.span, q.cue_span, src)
        claim = Claim(
            id="",
            text=q.text,
            span=q.span,
            source=q.speaker.model_copy(),
            quote=q.id,
            status=res.status,
            polarity=res.polarity,
            writer_stance=res.writer_stance,
            cue=q.cue,
            cue_span=q.cue_span,
        )
        items.append((q.span[0], claim))
    for content, cue, source in extra_attributions(doc, quotes):
        res = classify_status(doc, content, cue, source)
        ent = _entity_at(source, entities) if source is not None else None
        name = ent.name if ent is not None else (source.text if source is not None else "unknown")
        speaker = Speaker(
            name=name,
            kind=_speaker_kind(source, entities) if source is not None else "unknown",
            span=(source.start_char, source.end_char) if source is not None else None,
            resolved_from=source.text if source is not None and source.text != name else None,
            entity=ent.id if ent is not None else None,
        )
        cue_end = cue.idx + len(cue.text)
        if cue.lower_ == "according":
            cue_end = doc[cue.i + 1].idx + len(doc[cue.i + 1].text)
        claim = Claim(
            id="",
            text=text[content.start_char : content.end_char],
            span=(content.start_char, content.end_char),
            source=speaker,
            status=res.status,
            polarity=res.polarity,
            writer_stance=res.writer_stance,
            cue=text[cue.idx : cue_end],
            cue_span=(cue.idx, cue_end),
        )
        items.append((content.start_char, claim))
    items.sort(key=lambda x: x[0])
    out = []
    for i, (_, c) in enumerate(items, 1):
        c.id = f"c{i}"
        out.append(c)
    return out


class ClaimsComponent:
    """Fills ``doc._.claims``; one document's failure becomes an ``errors`` entry, never an exception."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return fill_stage(
            doc, "claims", lambda d: claims_for(d, list(d._.quotes or []), list(d._.entities or []))
        )


@Language.factory("newsgraph_claims", assigns=["doc._.claims"], requires=["doc._.quotes", "doc._.entities"])
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
