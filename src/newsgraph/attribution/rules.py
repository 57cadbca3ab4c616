"""Attribution rules over a spaCy dependency parse: cue, source and content of every attribution.

:func:`find_attributions` returns :class:`Attribution` records (token- and character-level), which
:mod:`newsgraph.attribution.component` turns into contract :class:`~newsgraph.models.Quote` objects after
speaker resolution. Three passes:

1. **cue verbs** with a clausal complement (``X said that …``, ``“…,” X said``), a to-infinitive (``vowed to
   …``), an object (``denied the report``) or a preposition (``called for …``, ``accused Y of …``); the source is
   the subject, inherited through coordination (``dismissed … and stated that …``) and participles (``…,
   noting that …``); ``Quoting X, Y say …`` credits X;
2. ``according to X, …``;
3. **quotation marks** not yet inside a content: attached to the nearest cue verb of their sentence(s), to a
   ``X said:`` just before, or as the continuation of the previous direct quote of the same speaker; quotes
   with no source (scare quotes, titles) are dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.cues import (
    OBJECT_CUES,
    PHRASAL,
    SPEECH,
    SPEECH_NOUNS,
    XCOMP_CUES,
    cue_strength,
    data_p,
)
from newsgraph.attribution.marks import quote_spans
from newsgraph.extensions import doc_text

CharSpan = tuple[int, int]

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
REL_PRONOUNS = {"who", "that", "which", "whom"}
CONTENT_STOP_DEPS = {"conj", "cc", "punct", "mark"}


@dataclass
class Thresholds:
    """Minimum :func:`~newsgraph.attribution.cues.cue_strength` per kind of syntactic evidence."""

    ccomp: float = 0.1
    xcomp: float = 0.3
    dobj: float = 0.2
    quote: float = 0.3
    noun: float = 0.15
    adjective: float = 0.15


@dataclass
class Attribution:
    cue: list[int]
    """token indices of the cue (verb, its negation/auxiliaries, phrasal preposition)"""
    source: tuple[int, int] | None
    """token slice ``[start, end)`` of the source noun phrase"""
    content: list[CharSpan]
    """character fragments of the content"""
    quotes: list[CharSpan] = field(default_factory=list)
    """quotation-mark spans inside the content"""
    verb: int | None = None
    source_head: int | None = None
    quoted_cue: int | None = None
    """token of ``Quoting`` in ``Quoting X, Y say …``"""
    quoted_source: tuple[int, int] | None = None
    """for ``Quoting X, Y say …``: the token slice of X (the speaker the reader cares about)"""
    continues: int | None = None
    """index of the attribution whose direct quote this one continues"""
    rule: str = "verb"
    parent: object = None
    """the attribution object this one continues (``continues`` is its index in the final list)"""

    def start(self, doc: Doc) -> int:
        starts = [doc[i].idx for i in self.cue] + [s for s, _ in self.content]
        return min(starts)

    def end(self, doc: Doc) -> int:
        ends = [doc[i].idx + len(doc[i].text) for i in self.cue] + [e for _, e in self.content]
        if self.source is not None:
            ends.append(doc[self.source[1] - 1].idx + len(doc[self.source[1] - 1].text))
        return max(ends)

    @property
    def type(self) -> str:
        return "direct" if self.quotes and self.is_direct else ("mixed" if self.quotes else "indirect")

    def continuation(self, q: CharSpan) -> Attribution:
        """A new direct quote ``q`` of the same speaker with the same cue (``"…," Kim said. "…"``)."""
        return Attribution(
            cue=list(self.cue),
            source=self.source,
            content=[q],
            quotes=[q],
            verb=self.verb,
            source_head=self.source_head,
            quoted_source=self.quoted_source,
            quoted_cue=self.quoted_cue,
            parent=self,
            rule="continuation",
            is_direct=True,
        )

    is_direct: bool = False


def _np_slice(tok: Token) -> tuple[int, int]:
    """Token slice of the noun phrase headed by ``tok``, relative clauses included (PolNeAR's source span)."""
    left, right = tok.left_edge.i, tok.right_edge.i
    for child in tok.rights:
        if child.dep_ in {"acl"} and child.i > tok.i:
            right = min(right, child.left_edge.i - 1)
            break
    doc = tok.doc
    while right > left and (doc[right].is_punct or doc[right].dep_ in {"cc"}):
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


def np_core(tok: Token) -> tuple[int, int]:
    """The noun phrase without relative clauses (for speaker names and descriptions)."""
    left, right = _np_slice(tok)
    for child in tok.rights:
        if child.dep_ == "relcl" and child.i > tok.i:
            right = min(right, child.left_edge.i)
            break
    doc = tok.doc
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
        right -= 1
    return left, right


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaker noun of a cue verb, following coordination, participles, xcomp and relative clauses."""
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS:
            if child.dep_ == "nsubj" and child.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            if child.dep_ == "csubj":
                return None
            return child
        if child.dep_ == "agent":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    if depth >= 3:
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "dep" and depth > 0 and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "xcomp":
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def _cue_tokens(verb: Token) -> list[int]:
    """The verb plus negation and, when negated, its auxiliaries (``did not mention``)."""
    toks = [verb.i]
    negs = [c for c in verb.children if c.dep_ == "neg"]
    if negs:
        toks += [c.i for c in negs] + [
            c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i
        ]
    return sorted(toks)


def _span_chars(doc: Doc, a: int, b: int) -> CharSpan:
    """Characters of tokens ``[a, b]`` (inclusive), trimmed of edge commas/colons but keeping quote marks."""
    while b > a and doc[b].text in {",", ";", ":", "—", "–", "-", "."} and doc[b].is_punct:
        b -= 1
    while a < b and doc[a].text in {",", ";", ":", "—", "–", "-"}:
        a += 1
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def _clause_content(verb: Token, comp: Token) -> tuple[int, int]:
    """Token range of a clausal complement; when it follows the verb, the rest of the verb's clause too."""
    a, b = comp.left_edge.i, comp.right_edge.i
    if comp.i > verb.i:
        for sib in verb.rights:
            if sib.i <= b:
                continue
            if sib.dep_ in CONTENT_STOP_DEPS:
                break
            b = max(b, sib.right_edge.i)
    return a, b


def _verb_attribution(verb: Token, th: Thresholds) -> Attribution | None:
    lemma = verb.lemma_.lower()
    strength = cue_strength(lemma, "VERB")
    if strength <= 0.0:
        return None
    if verb.dep_ == "advcl" and lemma == "quote":  # "Quoting X, Y say ...": X is credited on Y's cue
        return None
    subj = _subject(verb)
    if subj is None or subj.i == verb.i:
        return None
    if subj.pos_ == "PRON" and subj.lower_ in {"it", "this", "that", "there"} and lemma not in SPEECH:
        return None
    doc = verb.doc
    cue = _cue_tokens(verb)
    cue_hole = (verb.i, verb.i)
    content: tuple[int, int] | None = None
    rule = ""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and strength >= th.ccomp:
            content, rule = _clause_content(verb, child), "ccomp"
            break
    if content is None:
        for child in children:
            if (
                child.dep_ == "xcomp"
                and child.pos_ in {"VERB", "AUX"}
                and (strength >= th.xcomp or lemma in XCOMP_CUES)
            ):
                content, rule = (child.left_edge.i, child.right_edge.i), "xcomp"
                break
    if content is None:
        preps = PHRASAL.get(lemma, ())
        dobj = next((c for c in children if c.dep_ == "dobj"), None)
        prep = next(
            (c for c in children if c.dep_ in {"prep", "prt"} and c.lower_ in preps and c.i > verb.i), None
        )
        if prep is not None and prep.dep_ == "prep":
            pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                if (
                    dobj is not None
                    and dobj.i < prep.i
                    and lemma in {"accuse", "criticize", "blame", "praise"}
                ):
                    content = (dobj.left_edge.i, pobj.right_edge.i)
                else:
                    cue.append(prep.i)
                    content = (pobj.left_edge.i, pobj.right_edge.i)
                rule = "phrasal"
        elif dobj is not None and (lemma in OBJECT_CUES or data_p(lemma) >= th.dobj) and dobj.pos_ != "PRON":
            b = dobj.right_edge.i
            for sib in verb.rights:  # "dismissed the claims as …", "called his plan a disaster"
                if sib.i > b and (
                    sib.dep_ in {"oprd", "xcomp", "ccomp"} or (sib.dep_ == "prep" and sib.lower_ == "as")
                ):
                    b = sib.right_edge.i
            content, rule = (dobj.left_edge.i, b), "dobj"
    if content is None and verb.dep_ in {"parataxis", "advcl"} and lemma in SPEECH and verb.i != verb.head.i:
        # parenthetical "…, many economists say, …": the content is the clause the cue interrupts
        head = verb.head
        a0, b0 = head.left_edge.i, head.right_edge.i
        own = (verb.left_edge.i, verb.right_edge.i)
        if own[0] > a0:
            content, rule = (a0, b0), "parenthetical"
            cue_hole = own
        else:
            content = None
    if content is None:
        return None
    a, b = content
    # the content stays in the cue's paragraph (a parse across a paragraph break is a parse error)
    text = doc_text(doc)
    p_start = text.rfind("\n", 0, verb.idx) + 1
    p_end = text.find("\n", verb.idx)
    p_end = len(text) if p_end < 0 else p_end
    while a <= b and doc[a].idx < p_start:
        a += 1
    while b >= a and doc[b].idx >= p_end:
        b -= 1
    if b < a:
        return None
    src = _np_slice(subj)
    if rule == "parenthetical":
        frags = []
        if cue_hole[0] - 1 >= a:
            frags.append(_span_chars(doc, a, cue_hole[0] - 1))
        if cue_hole[1] + 1 <= b:
            frags.append(_span_chars(doc, cue_hole[1] + 1, b))
        if not frags:
            return None
        return Attribution(
            cue=sorted(set(cue)), source=src, content=frags, verb=verb.i, source_head=subj.i, rule=rule
        )
    # the content must not swallow the source or the cue
    if a <= subj.i <= b:
        return None
    quoted_source = None
    quoted_cue = None
    for child in children:
        if child.dep_ == "advcl" and child.lemma_.lower() == "quote":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None:
                quoted_source, quoted_cue = _np_slice(obj), child.i
    return Attribution(
        cue=sorted(set(cue)),
        source=src,
        content=[_span_chars(doc, a, b)],
        verb=verb.i,
        source_head=subj.i,
        quoted_source=quoted_source,
        quoted_cue=quoted_cue,
        rule=rule,
    )


NOUN_CONTENT_PREPS = {"of", "for", "about", "on", "against", "to", "that"}


def _noun_attribution(noun: Token, th: Thresholds) -> Attribution | None:
    """``Trump's claim that …``, ``his call for …``, ``Clinton's criticism of …`` (possessor = source)."""
    lemma = noun.lemma_.lower()
    if cue_strength(lemma, "NOUN") < th.noun:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or (poss.lower_ in {"its", "their"} and lemma not in SPEECH_NOUNS):
        return None
    content: tuple[int, int] | None = None
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
            c.lower_ == "that" and c.dep_ == "mark" for c in child.children
        ):
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "acl" and child.tag_ == "VB":  # "his call to raise …"
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                content = (pobj.left_edge.i, pobj.right_edge.i)
                break
    if content is None:
        return None
    doc = noun.doc
    src = (poss.left_edge.i, poss.i + 1)
    return Attribution(
        cue=[noun.i], source=src, content=[_span_chars(doc, *content)], source_head=poss.i, rule="noun"
    )


def _adjective_attribution(adj: Token, th: Thresholds) -> Attribution | None:
    """``X is confident that …``, ``X is eager to …``, ``X was skeptical of …`` (subject of the copula = source)."""
    if adj.dep_ != "acomp" or cue_strength(adj.lemma_.lower(), "ADJ") < th.adjective:
        return None
    cop = adj.head
    subj = next((c for c in cop.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lower_ in {"it", "this", "that", "there"}:
        return None
    content: tuple[int, int] | None = None
    for child in list(adj.rights) + [c for c in cop.rights if c.i > adj.i]:
        if child.dep_ in {"ccomp", "xcomp"}:
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "prep" and child.lower_ in {"of", "about", "with", "that", "on"}:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                content = (pobj.left_edge.i, pobj.right_edge.i)
                break
    if content is None or content[0] <= subj.i <= content[1]:
        return None
    doc = adj.doc
    return Attribution(
        cue=[adj.i],
        source=_np_slice(subj),
        content=[_span_chars(doc, *content)],
        source_head=subj.i,
        rule="adjective",
    )


def _according_to(tok: Token) -> Attribution | None:
    """``according to X, …`` / ``…, according to X``."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    doc = tok.doc
    sent = tok.sent
    src = _np_slice(pobj)
    cue_end = max(to.i, tok.i)
    phrase_end = max(src[1] - 1, pobj.right_edge.i)
    # content: the sentence minus the "according to X" phrase
    if tok.i - sent.start <= 1:
        a, b = phrase_end + 1, sent.end - 1
    else:
        a, b = sent.start, tok.i - 1
        if phrase_end + 1 < sent.end - 1 and tok.i - sent.start < 3:
            a, b = phrase_end + 1, sent.end - 1
    while a <= b and ((doc[a].is_punct and doc[a].text not in '“"') or doc[a].dep_ == "cc"):
        a += 1
    if b < a:
        return None
    return Attribution(
        cue=sorted({tok.i, cue_end}),
        source=src,
        content=[_span_chars(doc, a, b)],
        source_head=pobj.i,
        rule="according",
    )


class _Index:
    """Char -> token lookup for a doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def token_at(self, char: int) -> int:
        i = bisect_right(self.starts, char) - 1
        return max(0, min(i, len(self.doc) - 1))

    def tokens_in(self, span: CharSpan) -> range:
        a = bisect_left(self.starts, span[0])
        b = bisect_left(self.starts, span[1])
        return range(a, b)


def _covered(span: CharSpan, frags: list[CharSpan]) -> bool:
    s, e = span
    inside = sum(max(0, min(e, fe) - max(s, fs)) for fs, fe in frags)
    return inside >= 0.5 * (e - s)


def _quote_cue(doc: Doc, idx: _Index, q: CharSpan, th: Thresholds) -> Token | None:
    """Nearest cue verb with a subject around a quote, outside it, in the same paragraph (same sentence first)."""
    toks = idx.tokens_in(q)
    if not toks:
        return None
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, q[0]) + 1
    para_end = text.find("\n", q[1])
    para_end = len(text) if para_end < 0 else para_end
    sents = {doc[toks[0]].sent.start, doc[toks[-1]].sent.start}
    best: tuple[int, Token] | None = None
    lo = max(0, toks[0] - 40)
    hi = min(len(doc), toks[-1] + 40)
    for i in range(lo, hi):
        t = doc[i]
        if q[0] <= t.idx < q[1] or t.pos_ not in {"VERB", "AUX"} or not para_start <= t.idx < para_end:
            continue
        lemma = t.lemma_.lower()
        if cue_strength(lemma) < th.quote and lemma not in SPEECH:
            continue
        subj = _subject(t)
        if subj is None or subj.dep_ == "nsubjpass" or q[0] <= subj.idx < q[1]:
            continue
        dist = q[0] - t.idx if t.idx < q[0] else t.idx - q[1]
        if t.sent.start not in sents:
            dist += 1000
        if best is None or dist < best[0]:
            best = (dist, t)
    return best[1] if best else None


def _colon_cue(doc: Doc, idx: _Index, q: CharSpan) -> Token | None:
    """A ``X said:`` (cue verb with a subject, ending in a colon) right before the quote."""
    i = idx.tokens_in(q)
    if not i or i[0] == 0:
        return None
    j = i[0] - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    prev = doc[j]
    if prev.text != ":":
        return None
    for t in reversed(list(doc[max(prev.sent.start, prev.i - 40) : prev.i])):
        if t.pos_ == "VERB" and cue_strength(t.lemma_.lower()) >= 0.3 and _subject(t) is not None:
            return t
    return None


def find_attributions(doc: Doc, th: Thresholds | None = None, max_quotes: int = 5000) -> list[Attribution]:
    """All attributions in a parsed doc, sorted by position."""
    th = th or Thresholds()
    text = doc_text(doc)
    by_verb: dict[int, Attribution] = {}
    out: list[Attribution] = []
    for tok in doc:
        att: Attribution | None = None
        if tok.pos_ == "VERB" and tok.lower_ != "according":
            att = _verb_attribution(tok, th)
        elif tok.lower_ == "according":
            att = _according_to(tok)
        elif tok.pos_ == "NOUN" and th.noun < 1.0:
            att = _noun_attribution(tok, th)
        elif tok.pos_ == "ADJ" and th.adjective < 1.0:
            att = _adjective_attribution(tok, th)
        if att is not None:
            out.append(att)
            if att.verb is not None:
                by_verb[att.verb] = att
    qspans = quote_spans(text)[:max_quotes]
    idx = _Index(doc)
    # a cue inside quotation marks belongs to the quoted speaker's own words, not to the article's attributions
    q_starts = [q[0] for q in qspans]

    def _in_quote(c: int) -> bool:
        k = bisect_right(q_starts, c) - 1
        return k >= 0 and qspans[k][1] > c

    out = [a for a in out if not _in_quote(doc[a.cue[0]].idx)]
    by_verb = {v: a for v, a in by_verb.items() if any(a is b for b in out)}
    out.sort(key=lambda a: a.start(doc))

    frag_starts: list[tuple[int, int, int]] = sorted(
        (s, e, k) for k, a in enumerate(out) for s, e in a.content
    )
    starts_only = [f[0] for f in frag_starts]
    last_quoted: Attribution | None = None
    for q in qspans:
        owner = None
        best_cov = 0
        hi = bisect_right(starts_only, q[1])
        for j in range(hi - 1, max(-1, hi - 30), -1):
            _, fe, k = frag_starts[j]
            cov = sum(max(0, min(q[1], e) - max(q[0], s)) for s, e in out[k].content)
            # the widest content wins; on a tie, the outer (earlier) attribution
            if fe > q[0] and _covered(q, out[k].content) and cov >= best_cov:
                owner, best_cov = out[k], cov
        if owner is not None:
            owner.quotes.append(q)
            owner.content = _union_with(owner.content, q)
            last_quoted = owner
            continue
        if _is_title(text, q):
            continue
        verb = _quote_cue(doc, idx, q, th) or _colon_cue(doc, idx, q)
        if verb is not None:
            att = by_verb.get(verb.i)
            qsents = {doc[i].sent.start for i in idx.tokens_in(q)}
            if att is not None and att.quotes and verb.sent.start not in qsents:
                # "“…,” Kim said. “…”": a new quote of the same speaker, not a wider content
                out.append(att.continuation(q))
                last_quoted = out[-1]
                continue
            if att is not None:
                if not any(max(s, q[0]) < min(e, q[1]) for s, e in att.content):
                    att.content.append(q)
                else:
                    att.content = _union_with(att.content, q)
                att.quotes.append(q)
                last_quoted = att
                continue
            subj = _subject(verb)
            if subj is not None and not (q[0] <= subj.idx < q[1]):
                att = Attribution(
                    cue=_cue_tokens(verb),
                    source=_np_slice(subj),
                    content=[q],
                    quotes=[q],
                    verb=verb.i,
                    source_head=subj.i,
                    rule="quote",
                )
                by_verb[verb.i] = att
                out.append(att)
                last_quoted = att
                continue
        prev = last_quoted if last_quoted is not None and last_quoted.end(doc) <= q[0] else None
        if prev is not None:
            gap = text[prev.end(doc) : q[0]]
            if not gap.strip(' \n\t.,”"') and prev.source is not None:
                out.append(prev.continuation(q))
                last_quoted = out[-1]
                continue
    for a in out:
        a.content.sort()
        a.quotes.sort()
        if a.quotes and not a.is_direct:
            a.is_direct = _only_quotes(text, a.content, a.quotes)
    out.sort(key=lambda a: a.start(doc))
    return _reindex(out)


def _reindex(atts: list[Attribution]) -> list[Attribution]:
    pos = {id(a): i for i, a in enumerate(atts)}
    for i, a in enumerate(atts):
        a.continues = pos.get(id(a.parent)) if a.parent is not None else None
        if a.continues is not None and a.continues >= i:
            a.continues = None
    return atts


def _is_title(text: str, q: CharSpan) -> bool:
    """A short quoted span in title case (a film, a book, a slogan), not speech."""
    words = text[q[0] + 1 : q[1] - 1].strip(" ,.").split()
    small = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "with", "at", "by"}
    if not words or len(words) > 8 or all(w.isupper() for w in words):  # SHOUTED words are speech
        return False
    return all(w[:1].isupper() or w in small for w in words) and words[0][:1].isupper()


def _union_with(frags: list[CharSpan], q: CharSpan) -> list[CharSpan]:
    """Fragments with the one overlapping ``q`` widened to cover the whole quote (its marks included)."""
    out = []
    for s, e in frags:
        if max(s, q[0]) < min(e, q[1]):
            s, e = min(s, q[0]), max(e, q[1])
        out.append((s, e))
    return out


def drop_nested(doc: Doc, atts: list[Attribution], qspans: list[CharSpan] | None = None) -> list[Attribution]:
    """Attributions whose cue is not inside another attribution's content or inside quotation marks."""
    if qspans is None:
        qspans = quote_spans(doc_text(doc))
    frags = sorted((s, e, k) for k, b in enumerate(atts) if b.rule != "continuation" for s, e in b.content)
    fstarts = [f[0] for f in frags]
    qstarts = [q[0] for q in qspans]
    keep = []
    for k, a in enumerate(atts):
        c = doc[a.cue[0]].idx
        hi = bisect_right(fstarts, c)
        inside_other = any(frags[j][1] > c and frags[j][2] != k for j in range(hi - 1, max(-1, hi - 30), -1))
        inside_quote = False
        if a.rule != "continuation":
            qi = bisect_right(qstarts, c) - 1
            inside_quote = qi >= 0 and qspans[qi][1] > c and qspans[qi] not in a.quotes
        if not inside_other and not inside_quote:
            keep.append(a)
    return _reindex(keep)


def _only_quotes(text: str, content: list[CharSpan], quotes: list[CharSpan]) -> bool:
    """True when everything in the content outside the quote marks is punctuation or whitespace."""
    for s, e in content:
        pos = s
        for qs, qe in quotes:
            if qe <= s or qs >= e:
                continue
            if text[pos:qs].strip(" \n\t,.;:—–-"):
                return False
            pos = max(pos, qe)
        if text[pos:e].strip(' \n\t,.;:—–-”"'):
            return False
    return True


def sentence_of(doc: Doc, tok: int) -> Span:
    return doc[tok].sent
