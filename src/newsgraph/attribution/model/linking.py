"""Tagged chunks -> attributions: every cue takes the source chunk of its sentence the parse ties to it, and every
content chunk goes to the cue the parse (or, failing that, the distance) ties it to.

* **cue head**: the token of the cue chunk that is the most cue-like (lexicon strength), else the chunk's root;
* **source**: among the source chunks of the cue's sentence, one whose root is a dependent (subject, agent) of the
  cue head wins, else the nearest; sources may be shared (``X said A and added B``);
* **content**: a content chunk goes to the cue head that dominates it in the parse, else the nearest cue of its
  own sentence(s), else the last cue of the three sentences before it in the same or the previous paragraph (a
  quote that goes on after ``X said.``), else the first cue of the next sentence if no paragraph break comes
  between;
* a cue with no content is dropped.

The result is the rule engine's own :class:`~newsgraph.attribution.records.Attribution` record (``rule="model"``),
so the component turns both into contract quotes the same way.
"""

from __future__ import annotations

from bisect import bisect_left
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


def dominates(head: Token, tok: Token) -> bool:
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


def link(doc: Doc, chs: Sequence[Chunk]) -> list[Attribution]:  # noqa: C901
    """Attributions (``rule="model"``) from one document's tagged chunks, in document order."""
    if not chs:
        return []
    sent_of = _sent_index(doc)
    cues = [c for c in chs if c.role == "CUE"]
    heads = [_cue_head(doc, c) for c in cues]
    by_sent: dict[int, list[int]] = {}
    for k, h in enumerate(heads):
        by_sent.setdefault(sent_of[h.i], []).append(k)
    srcs: dict[int, list[Chunk]] = {}
    for c in chs:
        if c.role == "SRC":
            for s in range(sent_of[c.start], sent_of[c.end - 1] + 1):
                srcs.setdefault(s, []).append(c)
    text = doc_text(doc)
    qspans = quote_spans(text)
    qstarts = [q[0] for q in qspans]
    contents: dict[int, list[Chunk]] = {}
    for c in chs:
        if c.role != "CON" or not cues:
            continue
        owner = _content_owner(doc, c, cues, heads, sent_of, by_sent)
        if owner is not None and not unquoted_across_paragraphs(doc, c, cues[owner], qspans):
            contents.setdefault(owner, []).append(c)
    out: list[Attribution] = []
    for k, (c, head) in enumerate(zip(cues, heads, strict=True)):
        if k not in contents:
            continue
        src = _source_for(doc, head, c, srcs.get(sent_of[head.i], []))
        frags = sorted(_chars(doc, x) for x in contents[k])
        quotes = [
            qspans[j]
            for s, e in frags
            for j in range(bisect_left(qstarts, s), bisect_left(qstarts, e))
            if qspans[j][1] <= e + 1
        ]
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
    doc: Doc,
    c: Chunk,
    cues: Sequence[Chunk],
    heads: Sequence[Token],
    sent_of: Sequence[int],
    by_sent: dict[int, list[int]],
) -> int | None:
    root = doc[c.start : c.end].root
    first_s, last_s = sent_of[c.start], sent_of[c.end - 1]
    best: tuple[int, int] | None = None
    for s in range(first_s, last_s + 1):
        for k in by_sent.get(s, ()):
            cue, head = cues[k], heads[k]
            dist = cue.start - c.end if cue.start >= c.end else c.start - cue.end
            score = max(dist, 0) - (1000 if dominates(head, root) else 0)
            if best is None or score < best[0]:
                best = (score, k)
    if best is not None:
        return best[1]
    for s in range(first_s - 1, first_s - 1 - MAX_BACK_SENTS, -1):
        if by_sent.get(s):
            return by_sent[s][-1]
    after = by_sent.get(last_s + 1)
    if not after or _paragraph_break_between(doc, c.end, cues[after[0]].start):
        return None
    return after[0]


def unquoted_across_paragraphs(doc: Doc, c: Chunk, cue: Chunk, qspans: Sequence[CharSpan]) -> bool:
    """Rule ``unquoted_content_keeps_to_its_paragraph``: a content chunk in a later paragraph than its cue goes on
    a quotation (``X said: “…`` ¶ ``“…”``) or belongs to no one; an unquoted one is the writer's next paragraph
    ("The Security Council has imposed sanctions …" ¶ "But there is no accepted definition of terrorism" had
    become one content)."""
    if c.start <= cue.start or not _paragraph_break_between(doc, cue.end, c.start):
        return False
    s, e = _chars(doc, c)
    return not any(qs < e and s < qe for qs, qe in qspans)


def _paragraph_break_between(doc: Doc, start: int, end: int) -> bool:
    """A line break among tokens ``[start, end)``: a content never runs on to the cue of the next paragraph
    (``“Nobody expected this.”`` / ``Lopez said earlier that she had doubts.``)."""
    while start > 0 and doc[start - 1].is_space:  # a chunk may end on the break itself
        start -= 1
    return any(doc[i].is_space and "\n" in doc[i].text for i in range(start, end))


def _source_for(doc: Doc, head: Token, cue: Chunk, srcs: Sequence[Chunk]) -> Chunk | None:
    """The source chunk (of the cue's sentence) that the cue head dominates, else the nearest."""
    best: tuple[int, Chunk] | None = None
    for c in srcs:
        root = doc[c.start : c.end].root
        dist = cue.start - c.end if cue.start >= c.end else c.start - cue.end
        score = max(dist, 0) - (1000 if dominates(head, root) else 0)
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
