"""Tagged chunks -> attributions: every cue takes the source chunk of its sentence the parse ties to it, and every
content chunk goes to the cue the parse (or, failing that, the distance) ties it to.

* **cue head**: the token of the cue chunk that is the most cue-like (lexicon strength), else the chunk's root;
* **source**: among the source chunks of the cue's sentence, one whose root is a dependent (subject, agent) of the
  cue head wins, else the nearest; sources may be shared (``X said A and added B``);
* **content**: a content chunk goes to the cue head that dominates it in the parse, else the nearest cue of its
  own sentence(s), else the last cue of the three sentences before it in the same or the previous paragraph (a
  quote that goes on after ``X said.``), else the first cue of the next sentence;
* a cue with no content is dropped.

The result is the rule engine's own :class:`~newsgraph.attribution.records.Attribution` record (``rule="model"``),
so the component turns both into contract quotes the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.model.decoding import Chunk
from newsgraph.attribution.records import Attribution, CharSpan
from newsgraph.extensions import doc_text

MAX_BACK_SENTS = 3
MAX_DOMINANCE_DEPTH = 6


def _cue_head(doc: Doc, c: Chunk) -> Token:
    toks = [doc[i] for i in range(c.start, c.end) if not doc[i].is_punct and not doc[i].is_space]
    if not toks:
        return doc[c.start]
    best = max(
        toks, key=lambda t: cue_strength(t.lemma_.lower(), t.pos_) if t.pos_ in {"VERB", "NOUN"} else -1
    )
    if cue_strength(best.lemma_.lower(), best.pos_) > 0:
        return best
    return doc[c.start : c.end].root


def _dominates(head: Token, tok: Token) -> bool:
    cur = tok
    for _ in range(MAX_DOMINANCE_DEPTH):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _chars(doc: Doc, c: Chunk) -> CharSpan:
    first, last = c.start, c.end - 1
    while last > first and doc[last].is_space:
        last -= 1
    while first < last and doc[first].is_space:
        first += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _sent_index(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for k, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            out[i] = k
    return out


def link(doc: Doc, chs: Sequence[Chunk]) -> list[Attribution]:
    """Attributions (``rule="model"``) from one document's tagged chunks, in document order."""
    if not chs:
        return []
    sent_of = _sent_index(doc)
    cues = [c for c in chs if c.role == "CUE"]
    heads = [_cue_head(doc, c) for c in cues]
    srcs = [c for c in chs if c.role == "SRC"]
    contents: dict[int, list[Chunk]] = {}
    for c in chs:
        if c.role != "CON" or not cues:
            continue
        k = _content_owner(doc, c, cues, heads, sent_of)
        if k is not None:
            contents.setdefault(k, []).append(c)
    text = doc_text(doc)
    qspans = quote_spans(text)
    out: list[Attribution] = []
    for k, (c, head) in enumerate(zip(cues, heads, strict=True)):
        if k not in contents:
            continue
        src = _source_for(doc, head, c, srcs, sent_of)
        frags = sorted(_chars(doc, x) for x in contents[k])
        quotes = [q for q in qspans if any(s <= q[0] and q[1] <= e + 1 for s, e in frags)]
        att = Attribution(
            cue=[head.i],
            source=(src.start, src.end) if src is not None else None,
            content=frags,
            quotes=quotes,
            verb=head.i if head.pos_ in {"VERB", "AUX"} else None,
            source_head=doc[src.start : src.end].root.i if src is not None else None,
            rule="model",
            cue_extent=[i for i in range(c.start, c.end) if not doc[i].is_space],
        )
        att.is_direct = bool(quotes) and _only_quotes(text, frags, quotes)
        out.append(att)
    out.sort(key=lambda a: a.start(doc))
    return out


def _content_owner(
    doc: Doc, c: Chunk, cues: Sequence[Chunk], heads: Sequence[Token], sent_of: Sequence[int]
) -> int | None:
    root = doc[c.start : c.end].root
    first_s, last_s = sent_of[c.start], sent_of[c.end - 1]
    best: tuple[int, int] | None = None
    for k, (cue, head) in enumerate(zip(cues, heads, strict=True)):
        if not first_s <= sent_of[head.i] <= last_s:
            continue
        dist = cue.start - c.end if cue.start >= c.end else c.start - cue.end
        score = max(dist, 0) - (1000 if _dominates(head, root) else 0)
        if best is None or score < best[0]:
            best = (score, k)
    if best is not None:
        return best[1]
    before = [k for k, h in enumerate(heads) if first_s - MAX_BACK_SENTS <= sent_of[h.i] < first_s]
    if before:
        return before[-1]
    after = [k for k, h in enumerate(heads) if sent_of[h.i] == last_s + 1]
    return after[0] if after else None


def _source_for(
    doc: Doc, head: Token, cue: Chunk, srcs: Sequence[Chunk], sent_of: Sequence[int]
) -> Chunk | None:
    s = sent_of[head.i]
    best: tuple[int, Chunk] | None = None
    for c in srcs:
        if not sent_of[c.start] <= s <= sent_of[c.end - 1]:
            continue
        root = doc[c.start : c.end].root
        dist = cue.start - c.end if cue.start >= c.end else c.start - cue.end
        score = max(dist, 0) - (1000 if _dominates(head, root) else 0)
        if best is None or score < best[0]:
            best = (score, c)
    return best[1] if best else None


def _only_quotes(text: str, content: Sequence[CharSpan], quotes: Sequence[CharSpan]) -> bool:
    """Everything in the content outside the quotation marks is punctuation or whitespace."""
    rest = []
    for s, e in content:
        pos = s
        for qs, qe in quotes:
            if qe <= s or qs >= e:
                continue
            rest.append(text[pos:qs])
            pos = max(pos, qe)
        rest.append(text[pos:e])
    return not "".join(rest).strip(' \n\t,.;:—–-”"“')
