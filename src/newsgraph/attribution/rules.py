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

from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.adjuncts import adjunct_attribution
from newsgraph.attribution.asides import dash_aside
from newsgraph.attribution.complements import passive_addressee, passive_agent
from newsgraph.attribution.constructions import asked_attribution
from newsgraph.attribution.content_extent import mixed_quote_extent
from newsgraph.attribution.cues import (
    SPEECH,
    cue_strength,
)
from newsgraph.attribution.extent import add_cue_extents, drop_document_object
from newsgraph.attribution.headline import headline_labels, headline_verbs
from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.nested import split_nested
from newsgraph.attribution.nominal import according_to, adjective_attribution, noun_attribution
from newsgraph.attribution.paragraphs import sources_in_paragraphs
from newsgraph.attribution.quote_rules import quote_rule_attribution, quote_speaker, sentence_before_quote
from newsgraph.attribution.records import (
    REL_PRONOUNS,
    Attribution,
    CharSpan,
    Thresholds,
    renumber_continues,
)
from newsgraph.attribution.reported import cue_tokens, np_core, span_chars
from newsgraph.attribution.transcript import transcript_turns
from newsgraph.attribution.verb_rules import verb_attribution
from newsgraph.extensions import doc_text

SPEECH_STRENGTH = 0.5

__all__ = [
    "Attribution",
    "CharSpan",
    "Thresholds",
    "drop_nested",
    "find_attributions",
    "np_core",
    "sentence_of",
]


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


def _quote_cue(
    doc: Doc, idx: _Index, q: CharSpan, th: Thresholds, in_sources: frozenset[int] = frozenset()
) -> Token | None:
    """Nearest cue verb with a subject around a quote, outside it, in the same paragraph (same sentence first).

    A verb inside another attribution's source (``said X, who has known the Clintons for decades. “…”``: the
    relative clause describes the speaker) introduces no quote (:func:`speaker_clause_verbs`)."""
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
        if i in in_sources:
            continue
        lemma = t.lemma_.lower()
        if cue_strength(lemma) < th.quote and lemma not in SPEECH:
            continue
        if quote_speaker(t, q) is None:
            continue
        dist = q[0] - t.idx if t.idx < q[0] else t.idx - q[1]
        if t.sent.start not in sents:
            dist += 1000
        if best is None or dist < best[0]:
            best = (dist, t)
    return best[1] if best else None


def find_attributions(doc: Doc, th: Thresholds | None = None, max_quotes: int = 5000) -> list[Attribution]:  # noqa: C901, PLR0912, PLR0915
    """All attributions in a parsed doc, sorted by position."""
    th = th or Thresholds()
    text = doc_text(doc)
    by_verb: dict[int, Attribution] = {}
    out: list[Attribution] = []
    for tok in doc:
        att: Attribution | None = None
        if tok.pos_ == "VERB" and tok.lower_ != "according":
            att = dash_aside(tok) or verb_attribution(tok, th) or asked_attribution(tok)
        elif tok.lower_ == "according":
            att = according_to(tok)
        elif tok.pos_ == "ADP":
            att = adjunct_attribution(tok)
        elif tok.pos_ == "NOUN" and th.noun < 1.0:
            att = noun_attribution(tok, th)
        elif tok.pos_ == "ADJ" and th.adjective < 1.0:
            att = adjective_attribution(tok, th)
        if att is not None:
            out.append(att)
            if att.verb is not None:
                by_verb[att.verb] = att
    out.extend(transcript_turns(doc))
    out.extend(headline_labels(doc))
    out.extend(headline_verbs(doc, out))
    qspans = quote_spans(text)[:max_quotes]
    idx = _Index(doc)
    # a cue inside quotation marks belongs to the quoted speaker's own words, not to the article's attributions
    q_starts = [q[0] for q in qspans]

    def _in_quote(c: int) -> bool:
        k = bisect_right(q_starts, c) - 1
        return k >= 0 and qspans[k][1] > c

    out = [a for a in out if not _in_quote(doc[a.cue[0]].idx)]
    for a in out:  # a speaker the parse found inside the quote: the name next to the cue instead
        if a.verb is not None and a.source_head is not None and _in_quote(doc[a.source_head].idx):
            k = bisect_right(q_starts, doc[a.source_head].idx) - 1
            src = quote_speaker(doc[a.verb], qspans[k])
            if src is not None:
                a.source, a.source_head = (src[0], src[1]), src[2]
    sources_in_paragraphs(doc, out)
    by_verb = {v: a for v, a in by_verb.items() if any(a is b for b in out)}
    out.sort(key=lambda a: a.start(doc))
    split_nested(doc, out, qspans)
    speakers_not_addressees(doc, out)

    in_sources = speaker_clause_verbs(doc, out)
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
            # a content that opens with the quote takes all of it ("According to X, “… . …”")
            opens = any(s == q[0] for s, _ in out[k].content)
            if fe > q[0] and (opens or _covered(q, out[k].content)) and cov >= best_cov:
                owner, best_cov = out[k], cov
        if owner is not None:
            owner.quotes.append(q)
            owner.content = _union_with(owner.content, q)
            last_quoted = owner
            continue
        if _is_title(text, q) and not speech_beside_the_quote(doc, idx.tokens_in(q)):
            continue
        verb = _quote_cue(doc, idx, q, th, in_sources)
        toks = idx.tokens_in(q)
        qsents = {doc[i].sent.start for i in toks}
        ruled = None
        if toks and (verb is None or verb.sent.start not in qsents):
            ruled = quote_rule_attribution(doc, q, toks[0])
        if verb is not None and ruled is not None and verb.sent.start not in qsents and verb.i != ruled.verb:
            verb = None  # "Said Ellis: “…”": a construction around the quote beats a cue verb of another sentence
        if verb is not None:
            att = by_verb.get(verb.i)
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
            src = quote_speaker(verb, q)
            if src is not None:
                att = Attribution(
                    cue=cue_tokens(verb),
                    source=(src[0], src[1]),
                    content=[_mixed_content(doc, verb, toks, q)],
                    quotes=[q],
                    verb=verb.i,
                    source_head=src[2],
                    rule=src[3],
                )
                by_verb[verb.i] = att
                out.append(att)
                last_quoted = att
                continue
        att = ruled
        if att is not None and att.verb is not None and att.verb in by_verb:
            att = by_verb[att.verb]  # "X said:" already has an attribution: the quote is its content
            att.content.append(q)
            att.quotes.append(q)
            last_quoted = att
            continue
        if att is not None:
            if att.verb is not None:
                by_verb[att.verb] = att
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
        prev = _previous_sentence_speaker(doc, idx, q, out)
        if prev is not None:  # "“…,” X told Reuters in an interview.\n\n“…”": the next paragraph goes on
            out.append(prev.continuation(q))
            last_quoted = out[-1]
            continue
        prev = _previous_paragraph_speaker(doc, q, out)
        if prev is not None:  # a paragraph that is only a quote: the speaker of the paragraph before
            out.append(prev.continuation(q, rule="paragraph_quote"))
            last_quoted = out[-1]
            continue
    drop_document_object(doc, out)
    for a in out:
        a.content.sort()
        a.quotes.sort()
        if a.quotes and not a.is_direct:
            a.is_direct = _only_quotes(text, a.content, a.quotes)
    out.sort(key=lambda a: a.start(doc))
    sources_in_paragraphs(doc, out)
    add_cue_extents(doc, out)
    return renumber_continues(out)


def _mixed_content(doc: Doc, verb: Token, toks: range, q: CharSpan) -> CharSpan:
    """A quoted fragment inside the phrase its cue verb governs takes the whole phrase as content
    (:func:`~newsgraph.attribution.content_extent.mixed_quote_extent`); else the quote alone."""
    if not toks:
        return q
    rng = mixed_quote_extent(verb, toks[0], toks[-1])
    if rng is None:
        return q
    s, e = span_chars(doc, *rng)
    return min(s, q[0]), max(e, q[1])


def speaker_clause_verbs(doc: Doc, atts: list[Attribution]) -> frozenset[int]:
    """Verbs inside the source noun phrase of a verb attribution (``said Skip Rutherford, who has known the
    Clintons for decades``): they describe the speaker and never introduce the next quotation."""
    out: set[int] = set()
    for a in atts:
        if a.verb is None or a.source is None:
            continue
        out.update(i for i in range(*a.source) if doc[i].pos_ in {"VERB", "AUX"} and i != a.verb)
    return frozenset(out)


def _previous_sentence_speaker(
    doc: Doc, idx: _Index, q: CharSpan, atts: list[Attribution]
) -> Attribution | None:
    """The attribution a cue-less quote continues: the quote is a whole sentence, and the sentence just before it
    ends with a speech attribution (``“…,” Viguerie tells Breitbart News in an exclusive interview.`` then a new
    paragraph ``“He’s what we’ve waited for.”``; or ``X said the plan would work.`` then ``“We did it before.”``)."""
    toks = idx.tokens_in(q)
    prev_sent = sentence_before_quote(doc, q, toks[0], toks[-1]) if toks else None
    if prev_sent is None:
        return None
    best: Attribution | None = None
    for a in atts:
        if a.verb is None or a.source is None or a.rule in {"asked", "parenthetical"}:
            continue
        if not prev_sent.start <= a.verb < prev_sent.end or a.end(doc) > q[0]:
            continue
        if not speaks_on(doc, a):
            continue
        if best is None or a.verb > (best.verb or 0):
            best = a
    return best


def speaks_on(doc: Doc, a: Attribution) -> bool:
    """An attribution the next cue-less quotation can continue: its cue is a speech verb (``said``, ``added``),
    or it already carries a quotation of its own, whatever its verb (``“…,” Clinton continued, prompting cheers.
    “You know, …”``)."""
    if a.verb is None:
        return False
    lemma = doc[a.verb].lemma_.lower()
    return cue_strength(lemma) >= SPEECH_STRENGTH or lemma in SPEECH or bool(a.quotes)


def _previous_paragraph_speaker(doc: Doc, q: CharSpan, atts: list[Attribution]) -> Attribution | None:
    """The speaker a paragraph that is only a quote takes: the last speech attribution with a source in the
    paragraph right before it (``Ana Ruiz, who led the dig, described the find. She called it rare.`` then
    ``“It is the oldest tool we have seen.”``)."""
    text = doc_text(doc)
    p_start = text.rfind("\n", 0, q[0]) + 1
    p_end = text.find("\n", q[1])
    p_end = len(text) if p_end < 0 else p_end
    if text[p_start : q[0]].strip() or text[q[1] : p_end].strip(' \t.,;:”"') or p_start == 0:
        return None
    prev_end = p_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    if prev_end <= prev_start:
        return None
    best: Attribution | None = None
    for a in atts:
        if a.verb is None or a.source is None or a.rule in {"asked", "parenthetical"}:
            continue
        if not prev_start <= doc[a.verb].idx < prev_end or a.end(doc) > q[0] or not speaks_on(doc, a):
            continue
        if best is None or a.verb > (best.verb or 0):
            best = a
    return best


def _is_title(text: str, q: CharSpan) -> bool:
    """A short quoted span in title case (a film, a book, a slogan), not speech."""
    words = text[q[0] + 1 : q[1] - 1].strip(" ,.").split()
    small = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "with", "at", "by"}
    if not words or len(words) > 8 or all(w.isupper() for w in words):  # SHOUTED words are speech
        return False
    return all(w[:1].isupper() or w in small for w in words) and words[0][:1].isupper()


def speech_beside_the_quote(doc: Doc, toks: range) -> bool:
    """A short capitalised quote a speech verb introduces or follows is speech, not a title: ``“Absolutely,” he
    said``, ``Priebus said, “Probably.”``. The verb stands right before the quote (after a comma or colon), or
    right after a quote that opens its sentence, at most behind its subject (``he``, ``the senator``, ``Kim``).
    A title usually follows a word of its own (``ABC’s “This Week,” Carson admitted``, ``on “Hannity,” …``)."""
    if not toks:
        return False
    k = toks[0] - 1
    while k >= 0 and doc[k].text in {",", ":"}:
        k -= 1
    if k >= 0 and k < toks[0] - 1 and doc[k].lemma_.lower() in SPEECH:
        return True
    before = doc[toks[0] - 1] if toks[0] > 0 else None
    if before is not None and not (before.is_space or before.text in {".", "!", "?", "”", '"'}):
        return False
    # speech ends inside its marks ("Really," she added), a headline's title does not (“Broad City” Star Asked …)
    if toks[-1] < 1 or doc[toks[-1] - 1].text not in {",", ".", "!", "?"}:
        return False
    for t in doc[toks[-1] + 1 : min(len(doc), toks[-1] + 6)]:
        if t.pos_ in {"VERB", "AUX"}:
            return t.lemma_.lower() in SPEECH
        if not (t.is_punct or t.pos_ in {"PRON", "PROPN", "DET", "NOUN", "ADJ"}):
            return False
    return False


WH_SUBJECTS = frozenset(REL_PRONOUNS | {"what"})
"""Subjects of the reported clause in :func:`relative_report`: a relative pronoun, or the fused *what*."""


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
    frags = sorted((s, e, k) for k, b in enumerate(atts) if not b.is_continuation for s, e in b.content)
    fstarts = [f[0] for f in frags]
    qstarts = [q[0] for q in qspans]
    keep = []
    for k, a in enumerate(atts):
        c = doc[a.cue[0]].idx
        hi = bisect_right(fstarts, c)
        inside_other = any(frags[j][1] > c and frags[j][2] != k for j in range(hi - 1, max(-1, hi - 30), -1))
        inside_quote = False
        if not a.is_continuation:
            qi = bisect_right(qstarts, c) - 1
            inside_quote = qi >= 0 and qspans[qi][1] > c and qspans[qi] not in a.quotes
        if not inside_quote and (not inside_other or reported_within(doc, a)):
            keep.append(a)
    return renumber_continues(keep)


def reported_within(doc: Doc, a: Attribution) -> bool:
    """An attribution inside another's content that annotators mark as one of its own: ``according to X``
    (``Officials said the talks, according to a diplomat, had stalled``). Other nested cues (``a plan that
    officials support``, and even coordinated speech verbs, measured on PolNeAR train) cost more precision than
    they bring."""
    return (a.rule == "according" and doc[a.cue[0]].lower_ == "according") or relative_report(doc, a)


RELATIVE_REPORT_VERBS = frozenset(
    {"say", "claim", "allege", "contend", "insist", "argue", "believe", "think"}
)
"""Cues of :func:`relative_report`: strong reporting verbs (measured on PolNeAR train)."""


def relative_report(doc: Doc, a: Attribution) -> bool:
    """Rule ``relative_report``: a report inside a relative clause, ``a bill, which critics said was
    discriminatory``, ``hackers who officials say are tied to Russia``, ``what he said were the failures of …``:
    the relative pronoun is the subject of the reported clause, and the reporting verb's own subject is the source.
    It is an attribution of its own (critics say the bill is discriminatory) inside the outer one's content."""
    if a.verb is None or a.source is None or not a.content:
        return False
    verb = doc[a.verb]
    if verb.lemma_.lower() not in RELATIVE_REPORT_VERBS or verb.dep_ not in {
        "relcl",
        "pcomp",
        "ccomp",
        "acl",
    }:
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return clause is not None and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in WH_SUBJECTS and c.i < verb.i for c in clause.children
    )


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


def speakers_not_addressees(doc: Doc, atts: list[Attribution]) -> None:
    """A passive question or telling verb's subject (:func:`passive_addressee`) leaves the source: the ``by``
    agent takes its place, else the attribution has no source (as PolNeAR marks ``X was asked``)."""
    for a in atts:
        if a.verb is None or a.source is None:
            continue
        subj = passive_addressee(doc[a.verb])
        if subj is None or not a.source[0] <= subj.i < a.source[1]:
            continue
        agent = passive_agent(doc[a.verb])
        if agent is None:
            a.source, a.source_head = None, None
        else:
            a.source, a.source_head = (agent.left_edge.i, agent.right_edge.i + 1), agent.i
