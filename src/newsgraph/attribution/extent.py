"""The full extent of a cue phrase, as annotated in attribution corpora (PolNeAR, PARC3).

The product's cue (``Quote.cue``) is the cue verb with its negation (``said``, ``did not mention``): claims and
events read the verb. Annotated corpora mark the whole attribution predicate instead: auxiliaries and adverbs
(``had basically said``), the governing verb of an infinitive (``went on to say``, ``is expected to endorse``),
the addressee and the circumstances (``told Reuters in a rare interview``, ``said in a statement Saturday``,
``at the time said``). :func:`cue_extent` reads that extent off the dependency parse: the contiguous tokens
around the cue verb that belong to the verb's own clause and are neither the source nor the content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.attribution.quote_rules import released_document
from newsgraph.attribution.records import Attribution

# dependents of the cue verb that belong to the cue phrase when they lie before / after it
LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prep", "npadvmod"})
RIGHT_DEPS = frozenset(
    {"prep", "npadvmod", "advmod", "prt", "dative", "dobj", "iobj", "neg", "pobj", "pcomp"}
)
MAX_CHAIN = 2


def raising_adjective(verb: Token) -> Token | None:
    """``are slightly more likely to say``, ``was quick to endorse``: the predicate adjective (after a copula or a
    verb like ``appear``) whose infinitive the cue verb is; the adjective and its verb join the cue phrase."""
    adj = verb.head
    if (
        verb.dep_ != "xcomp"
        or adj.pos_ != "ADJ"
        or adj.i > verb.i
        or adj.dep_ not in {"acomp", "oprd"}
        or adj.head.pos_ not in {"VERB", "AUX"}
        or adj.head.i > adj.i
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return None
    return adj


def _in_word(t: Token) -> bool:
    """A hyphen inside a word (``closed-door``, ``long-range``): part of the phrase, not a break in it."""
    return t.text in {"-", "‐", "–"} and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _attachment(tok: Token, core: set[int]) -> Token | None:
    """The child of a core verb whose subtree holds ``tok`` (``tok`` itself when it is that child)."""
    t = tok
    for _ in range(12):
        if t.head.i in core and t.i not in core:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def cue_extent(  # noqa: C901, PLR0912
    doc: Doc, att: Attribution, blocked: set[int], other_cues: set[int] | None = None
) -> list[int]:
    """Token indices of the cue phrase of a verb attribution (``att.cue`` when there is no verb)."""
    if att.verb is None:
        if att.rule in {"noun", "adjective"}:
            return _predicate_extent(doc, att, blocked)
        return list(att.cue)
    verb = doc[att.verb]
    core = {verb.i}
    head = verb
    # "went on to say", "is expected to endorse", "decided to address": the governing verbs join the cue
    for _ in range(MAX_CHAIN):
        infinitive = head.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        raising = raising_adjective(head)
        if raising is not None:
            if raising.i in blocked or raising.head.i in blocked:
                break
            core.update({raising.i, raising.head.i})
            head = raising.head
        elif (
            (head.dep_ == "xcomp" or infinitive)
            and head.head.pos_ in {"VERB", "AUX"}
            and head.head.i < head.i
        ):
            head = head.head
            if head.i in blocked:
                break
            core.add(head.i)
        else:
            break
    lo, hi = min(core), max(core)
    sent = verb.sent
    # the tokens between the chain verbs must all belong to it
    for j in range(lo, hi + 1):
        if j in core:
            continue
        a = _attachment(doc[j], core)
        if j in blocked or a is None or a.dep_ not in LEFT_DEPS | {"aux", "prt"}:
            lo = hi = verb.i
            core = {verb.i}
            break
    j = lo - 1
    while j >= sent.start and j not in blocked:
        t = doc[j]
        a = _attachment(t, core)
        if (t.is_punct and not _in_word(t)) or a is None or a.dep_ not in LEFT_DEPS:
            break
        lo = j
        j -= 1
    j = hi + 1
    while j < sent.end and j not in blocked:
        t = doc[j]
        a = _attachment(t, core)
        inside = a is not None and a.i != t.i and t.text in {"(", ")"}  # "(NSC)" within a dependent's phrase
        if (
            (t.is_punct and t.text not in {"’", "'"} and not _in_word(t) and not inside)
            or a is None
            or a.dep_ not in RIGHT_DEPS
        ):
            break
        hi = j
        j += 1
    hi = comma_aside(doc, att, core, hi, blocked)
    hi = _trailing_adjunct(doc, att, core, hi, blocked, other_cues or set())
    lo = _governing_verb(doc, att, lo, blocked, other_cues or set())
    hi = _through_refused_verb(verb, hi)
    return sorted(set(range(lo, hi + 1)) | set(att.cue))


MAX_ASIDE = 8


def comma_aside(doc: Doc, att: Attribution, core: set[int], hi: int, blocked: set[int]) -> int:
    """Rule ``comma_aside_joins_the_cue``: a short phrase of the cue verb set off by commas between the cue and
    its content belongs to the cue phrase: ``said, per a translator, that …``, ``saying, apparently for the first
    time, that …``. Every word of it hangs on the cue verb as an adverb or a prepositional phrase, and the
    content starts right after the closing comma. Returns the phrase's last token (or ``hi``)."""
    j = hi + 1
    if j >= len(doc) or doc[j].text != "," or not att.content:
        return hi
    end = min(len(doc), j + MAX_ASIDE + 2, doc[hi].sent.end)
    k = next((i for i in range(j + 1, end) if doc[i].text == ","), None)
    if k is None or k == j + 1 or k + 1 >= len(doc):
        return hi
    for i in range(j + 1, k):
        a = _attachment(doc[i], core)
        if i in blocked or doc[i].is_punct or a is None or a.dep_ not in RIGHT_DEPS:
            return hi
    after = doc[k + 1].idx
    return k - 1 if any(s <= after < e for s, e in att.content) else hi


REFUSAL_VERBS = frozenset({"decline", "refuse"})


def _through_refused_verb(verb: Token, hi: int) -> int:
    """The cue phrase's last token, run on over :func:`refused_verb` when that follows it directly."""
    refused = refused_verb(verb)
    return refused[-1] if refused and refused[0] == hi + 1 else hi


def refused_verb(verb: Token) -> list[int]:
    """Rule ``refusal_takes_its_verb``: ``declined to comment on [whether …]``, ``refused to offer [a figure]``: the
    verb refused (``to`` and the verb, with the preposition of its object) is part of the cue phrase, as PolNeAR
    annotates it; what it would have said is the content. ``declined to comment`` alone keeps its cue: the
    infinitive is the content. Token indices, in order, or []."""
    if verb.lemma_.lower() not in REFUSAL_VERBS:
        return []
    inf = next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    to = inf.doc[inf.i - 1] if inf is not None and inf.i > 0 else None
    if inf is None or to is None or to.tag_ != "TO" or to.head.i != inf.i:
        return []
    obj = next((c for c in inf.rights if c.dep_ in {"dobj", "prep", "ccomp", "dative"}), None)
    if obj is None:
        return []
    if obj.dep_ == "prep" and obj.i == inf.i + 1 and any(c.dep_ in {"pobj", "pcomp"} for c in obj.children):
        return [to.i, inf.i, obj.i]  # "to comment on"
    return [to.i, inf.i] if obj.dep_ != "prep" else []


def _governing_verb(doc: Doc, att: Attribution, lo: int, blocked: set[int], others: set[int]) -> int:
    """``Rubio hit back, saying …``, ``responded by saying …``, ``released a statement Wednesday saying …``: a
    speech participle that only spells out what the source's own verb did; that verb phrase opens the cue."""
    verb = doc[att.verb] if att.verb is not None else None
    if verb is None or verb.tag_ != "VBG" or att.source is None or att.source[1] > verb.i:
        return lo
    gov: Token | None = None
    if verb.dep_ == "advcl":
        gov = verb.head
    elif (verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "by") or (
        verb.dep_ == "acl" and verb.head.dep_ == "dobj"
    ):
        gov = verb.head.head
    if gov is None or gov.pos_ != "VERB" or gov.i >= lo or gov.i in others or gov.i < att.source[1]:
        return lo
    if any(
        k in blocked or doc[k].text in {";", ":", "“", "”", '"', "—"} or doc[k].is_space
        for k in range(gov.i, lo)
    ):
        return lo
    if verb.sent.start != gov.sent.start or lo - gov.i > 12:
        return lo
    start = gov.i
    for c in reversed(list(gov.lefts)):
        if c.dep_ in {"aux", "neg", "advmod"} and c.i == start - 1 and c.i not in blocked:
            start = c.i
    return start


TRAILING_STOP = frozenset({"conj", "cc", "ccomp", "parataxis", "dobj", "xcomp"})


def _trailing_adjunct(
    doc: Doc, att: Attribution, core: set[int], hi: int, blocked: set[int], others: set[int]
) -> int:
    """``“…,” Bush said, holding back tears.``: after a quote, the circumstances that close the sentence after a
    comma (a participle, ``with an awkward smile``, ``when a protester stumbled``) belong to the cue phrase."""
    verb = doc[att.verb] if att.verb is not None else None
    if verb is None or not att.content or max(e for _, e in att.content) > verb.idx:
        return hi
    sent = verb.sent
    j = hi + 1
    if j >= sent.end or doc[j].text != ",":
        return hi
    end = sent.end - 1
    while end > j and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if end <= j + 1:
        return hi
    for k in range(j + 1, end + 1):
        t = doc[k]
        if k in blocked or k in others:
            return hi
        a = _attachment(t, core)
        if a is None or a.dep_ in TRAILING_STOP or (t.is_punct and t.text in {";", ":", "“", '"', "”"}):
            return hi
    return end


def _predicate_extent(doc: Doc, att: Attribution, blocked: set[int]) -> list[int]:
    """Noun and adjective cues: ``’s previous criticism of``, ``is particularly critical of``."""
    head = doc[att.cue[0]]
    lo = hi = head.i
    sent = head.sent
    j = lo - 1
    while j >= sent.start and j not in blocked:
        t = doc[j]
        if t.is_punct and t.text not in {"’", "'"}:
            break
        ok = (
            t.head.i == head.i and t.dep_ in {"amod", "compound", "advmod", "neg", "det"}
        ) or t.dep_ == "case"
        if att.rule == "adjective":  # the copula and its auxiliaries: "has been critical of"
            ok = ok or t.i == head.head.i or (t.head.i == head.head.i and t.dep_ in {"aux", "neg", "advmod"})
            ok = ok or (t.head.i == head.i and t.dep_ == "advmod")
        if not ok:
            break
        lo = j
        j -= 1
    j = hi + 1
    while j < sent.end and j not in blocked and doc[j].pos_ in {"ADP", "SCONJ"} and doc[j].head.i == head.i:
        hi = j
        j += 1
    return sorted(set(range(lo, hi + 1)) | set(att.cue))


def relative_clause_cue(doc: Doc, att: Attribution) -> set[int]:
    """``Graham, who had previously endorsed Bush``: the source noun phrase holds the relative clause of its cue
    verb; the verb's auxiliaries, negation and adverbs before it are the cue phrase's, not the source's (the
    relative pronoun stays in the source)."""
    if att.verb is None or att.source is None or not att.source[0] <= att.verb < att.source[1]:
        return set()
    verb = doc[att.verb]
    if verb.dep_ != "relcl":
        return set()
    deps = {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep"}
    return {t.i for c in verb.lefts if c.dep_ in deps for t in c.subtree}


def blocked_tokens(doc: Doc, att: Attribution, starts: list[int]) -> set[int]:
    """Token indices of the source and the content (the cue phrase must not run into them)."""
    from bisect import bisect_left

    out: set[int] = set()
    if att.source is not None:
        out.update(range(*att.source))
        out -= relative_clause_cue(doc, att)
    if att.quoted_source is not None:
        out.update(range(*att.quoted_source))
    for s, e in att.content:
        a = bisect_left(starts, s)
        b = bisect_left(starts, e)
        out.update(range(a, b))
    return out


def drop_document_object(doc: Doc, atts: list[Attribution]) -> None:
    """``released the following statement: “…”``: an object attribution that also took the quote after the colon
    (:func:`~newsgraph.attribution.quote_rules.released_document`) has the quote as its content; the document
    noun phrase leaves the content and joins the cue phrase."""
    for a in atts:
        if a.verb is None or a.rule != "dobj" or not a.quotes:
            continue
        obj = next((c for c in doc[a.verb].children if c.dep_ == "dobj"), None)
        if obj is None or not released_document(obj) or obj.i + 1 >= len(doc) or doc[obj.i + 1].text != ":":
            continue
        s, colon = obj.left_edge.idx, doc[obj.i + 1].idx + 1
        after = [qs for qs, _ in a.quotes if qs >= colon]
        if not after:
            continue
        out = []
        for cs, ce in a.content:
            if cs == s and ce <= colon:
                continue
            out.append((after[0], ce) if cs == s else (cs, ce))
        a.content = out


def add_cue_extents(doc: Doc, atts: list[Attribution]) -> None:
    """Fill ``Attribution.cue_extent`` for every attribution."""
    starts = [t.idx for t in doc]
    cues = {i for a in atts for i in a.cue}
    for a in atts:
        a.cue_extent = cue_extent(doc, a, blocked_tokens(doc, a, starts), cues - set(a.cue))
