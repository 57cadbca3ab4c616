"""Epistemic status of an attributed proposition, FactBank-style: source, event and the source's commitment.

Following Saurí & Pustejovsky's FactBank, the status of a claim is read from (1) the **source-introducing
predicate** (the cue: *say*, *deny*, *confirm*, *allege*, *report*, *believe* ...), its polarity and modality
("has not confirmed", "declined to confirm", "could be expected"), (2) the **source** itself (a news medium relays
what others said: *reported*), and (3) **modality inside the content** (epistemic modal auxiliaries tagged MD,
hedging adverbs and adjectives, belief predicates of the source). Everything is read from the spaCy parse:
lemmas, dependency labels (``neg``, ``aux``, ``ccomp``, ``dobj``, ``prep``), POS/tags and sentence boundaries.

Status vocabulary and precedence (the strongest signal wins):
``denied > unconfirmed > confirmed > reported > alleged > hedged > asserted``.
Polarity is the content's own (syntactic negation of its main predicate); ``writer_stance`` records the
writer's own distancing marks on the content ("the alleged deployment", "reportedly").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from newsgraph.claims.lexicon import (
    ALLEGE_CUES,
    BLOCKING_VERBS,
    CLAIM_NOUNS,
    CONFIRM_CUES,
    CONSIDER_VERBS,
    CONTRAST_AFTER_NOT,
    DATA_SOURCES,
    DENY_CUES,
    EPISTEMIC_MODALS,
    FALSITY,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_CUES,
    MEDIA_NOUNS,
    NEEDS_CLAIM_OBJECT,
    NEG_WORDS,
    RELAY_CUES,
    REPORT_CUES,
    SPEECH_CUES,
    WRITER_ALLEGED,
    WRITER_REPORTED,
)
from newsgraph.entities.sectors import is_media
from newsgraph.models import ClaimStatus, Polarity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "ALLEGE_CUES",
    "CONFIRM_CUES",
    "DENY_CUES",
    "HEDGE_CUES",
    "REPORT_CUES",
    "SPEECH_CUES",
    "StatusResult",
    "classify_status",
]

CharSpan = tuple[int, int]


class StatusResult(NamedTuple):
    status: ClaimStatus
    polarity: Polarity
    writer_stance: str | None


def _char_span(doc: Doc, span: CharSpan | Span | Token | None) -> Span | None:
    if span is None:
        return None
    if isinstance(span, tuple):
        s, e = span
        return doc.char_span(s, e, alignment_mode="expand")
    if hasattr(span, "root"):
        return span  # type: ignore[return-value]
    tok: Token = span
    return doc[tok.i : tok.i + 1]


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _content_roots(content: Span) -> list[Token]:
    """Tokens of the content whose head lies outside it (or that head themselves), in order."""
    toks = set(range(content.start, content.end))
    roots = [t for t in content if t.head.i not in toks or t.head.i == t.i]
    return [t for t in roots if not t.is_punct and not t.is_space] or list(content[:1])


REPORT_NOUNS = frozenset({"report", "story", "article", "account", "reporting", "poll", "survey", "study"})


def relays_a_report(content: Span) -> bool:
    """Rule ``relays_a_report``: a content that is someone else's report of a fact (``Clinton is seizing upon [a New
    York Times report that Trump had a net loss …]``, ``cited [a poll showing …]``) is passed on second-hand: the
    source reports it, the report asserts it."""
    roots = _content_roots(content)
    if len(roots) != 1 or roots[0].lemma_.lower() not in REPORT_NOUNS:
        return False
    return any(c.dep_ in {"acl", "relcl", "ccomp"} and c.i >= content.start for c in roots[0].children)


DISCLOSE_VERBS = frozenset(
    {"provide", "give", "offer", "say", "comment", "elaborate", "disclose", "discuss", "reveal", "specify"}
    | {"detail", "confirm", "deny", "answer", "release", "share", "identify", "name", "explain", "address"}
)


def declined_to_disclose(cues: list[Token], content: Span) -> bool:
    """Rule ``declined_to_disclose``: a refusal (``declined``, ``refused``) whose content is an infinitive of telling
    (``declined [to provide further details on what these measures might entail]``, ``refused [to comment]``)
    withholds the information: *unconfirmed*, not an assertion of the content."""
    if not cues or _lemma(cues[0]) not in BLOCKING_VERBS:
        return False
    roots = _content_roots(content)
    verb = roots[0] if roots else None
    return (
        verb is not None
        and verb.pos_ == "VERB"
        and _lemma(verb) in DISCLOSE_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _main_predicate(content: Span) -> Token | None:
    """The first predicate of the content (verb, or the root of a copular / nominal clause)."""
    roots = _content_roots(content)
    for t in roots:
        clause = t.pos_ in ("VERB", "AUX") or t.dep_ in ("ccomp", "ROOT", "xcomp", "conj", "advcl", "relcl")
        if clause and t.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON"):
            return t
    return roots[0] if roots else None


def is_negated(pred: Token) -> bool:
    for c in pred.children:
        if c.dep_ == "neg":
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and _lemma(nxt) in CONTRAST_AFTER_NOT:
                continue
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "advmod") and _lemma(c) in NEG_WORDS:
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
            g.dep_ == "det" and _lemma(g) == "no" for g in c.children
        ):
            return True
    return False


def _modals(pred: Token) -> list[Token]:
    out = [c for c in pred.children if c.dep_ == "aux" and c.tag_ == "MD"]
    # "is likely to go": the modal sits on the copula's head; "can seem": aux of the head verb
    if pred.dep_ == "xcomp" and pred.head.pos_ in ("VERB", "AUX", "ADJ"):
        out += [c for c in pred.head.children if c.dep_ == "aux" and c.tag_ == "MD"]
    return out


def _hedged_predicate(pred: Token, source_like: set[str] | None = None) -> bool:
    """Epistemic modality on a predicate: may/might/could (not negated), hedging adverb/adjective, belief verb."""
    negated = is_negated(pred)
    if any(_lemma(m) in EPISTEMIC_MODALS for m in _modals(pred)) and not negated:
        return True
    for c in pred.children:
        if c.dep_ in ("advmod", "npadvmod") and _lemma(c) in HEDGE_ADVERBS:
            return True
        if c.dep_ in ("acomp", "attr", "oprd") and _lemma(c) in HEDGE_ADJECTIVES:
            return True
    if _lemma(pred) in HEDGE_ADJECTIVES:
        return True
    if _lemma(pred) in CONSIDER_VERBS:
        return True
    if _lemma(pred) in HEDGE_CUES and pred.pos_ in ("VERB", "ADJ", "AUX"):
        subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
        has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in pred.children)
        if (
            has_clause
            and subj
            and (subj[0].pos_ == "PRON" or (source_like and subj[0].text.lower() in source_like))
        ):
            return True
    return False


def _object_is_claim(cue: Token, content: Span | None) -> bool:
    heads = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass", "pobj", "ccomp")]
    if cue.dep_ in ("acl", "relcl", "amod") or (cue.pos_ == "NOUN"):
        heads.append(cue.head)
    if content is not None:
        heads.append(content.root)
    return any(h.dep_ == "ccomp" or _lemma(h) in CLAIM_NOUNS for h in heads)


def _cue_blocked(cue: Token) -> bool:
    """ "has not confirmed", "declined to confirm", "could not verify", "did not deny"."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if cue.dep_ == "xcomp" and (
        _lemma(cue.head) in BLOCKING_VERBS or any(c.dep_ == "neg" for c in cue.head.children)
    ):
        return True
    return cue.dep_ == "pobj" and _lemma(cue.head.head) in BLOCKING_VERBS


def cue_tokens(doc: Doc, cue: Span | None, content: Span) -> list[Token]:
    if cue is not None:
        toks = [t for t in cue if not t.is_punct]
        # the predicate first: verbs, then nouns ("admission"), then the rest
        return sorted(toks, key=lambda t: (t.pos_ not in ("VERB", "AUX"), t.pos_ != "NOUN", t.i))
    # no cue given: climb from the content's root to the first verb outside the content
    head = content.root.head
    seen = 0
    while seen < 6:
        if head.i < content.start or head.i >= content.end:
            return [head]
        if head.head.i == head.i:
            break
        head = head.head
        seen += 1
    return []


def _source_heads(doc: Doc, source: Span | str | None, cues: list[Token]) -> tuple[str, list[Token]]:
    if isinstance(source, str):
        return source, []
    if source is not None:
        return source.text, [source.root]
    for cue in cues[:1]:
        for c in cue.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent"):
                sub = doc[c.left_edge.i : c.right_edge.i + 1]
                return sub.text, [c]
            if c.dep_ == "pobj" and _lemma(cue) == "to":
                return doc[c.left_edge.i : c.right_edge.i + 1].text, [c]
        if _lemma(cue) in ("accord", "according"):
            for c in cue.subtree:
                if c.dep_ == "pobj":
                    return doc[c.left_edge.i : c.right_edge.i + 1].text, [c]
    return "", []


def _head_phrase(h: Token) -> str:
    """The head noun with its compounds and adjectives ("Local media reports", "The Washington Post")."""
    left = [c for c in h.lefts if c.dep_ in ("compound", "amod", "nmod", "det", "poss")]
    start = min([h.i, *(c.left_edge.i for c in left)])
    return h.doc[start : h.i + 1].text


def _source_is_media(text: str, heads: Iterable[Token]) -> bool:
    """A news medium or a report relays the claim; people (columnists too) and data sources do not."""
    heads = list(heads)
    if not heads:
        return bool(text) and is_media(text)
    for h in heads:
        lem = _lemma(h)
        if h.pos_ == "PRON" or h.ent_type_ == "PERSON":
            return False
        if lem in DATA_SOURCES:
            # "a new report by Politico": the relayer is named inside
            by = [t for t in h.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"]
            return any(is_media(_head_phrase(t)) for t in by)
        if lem in MEDIA_NOUNS:
            return True
        if h.ent_type_ in ("ORG", "WORK_OF_ART", "GPE", "NORP", "FAC", "") and is_media(_head_phrase(h)):
            return h.ent_type_ != "" or h.pos_ == "PROPN" or lem in MEDIA_NOUNS
    return False


def _writer_stance(content: Span) -> str | None:
    """The writer's own distancing marks on the content or on its phrases' dependents outside the quote marks
    ("the alleged troop deployment", "troops allegedly deployed")."""
    quoted = False
    inside: list[Token] = []
    for t in content:
        if t.is_quote:
            quoted = not quoted
            continue
        if not quoted:
            inside.append(t)
    sent = content.sent if content.start < len(content.doc) else None
    extra: list[Token] = []
    if sent is not None:
        ids = {t.i for t in content}
        for r in _content_roots(content):
            extra += [t for t in r.subtree if t.i not in ids and sent.start <= t.i < sent.end]
        if content.end < sent.end and content.doc[content.end].pos_ == "ADV":  # "troops allegedly deployed"
            extra.append(content.doc[content.end])
    for t in inside + extra:
        low = t.lower_
        if low in WRITER_ALLEGED and not (low == "supposed" and t.dep_ != "amod"):
            return "alleged"
        if low in WRITER_REPORTED:
            return "reported"
    return None


def classify_status(  # noqa: C901, PLR0912
    doc: Doc,
    content_span: CharSpan | Span,
    cue: CharSpan | Span | Token | None = None,
    source: Span | str | None = None,
) -> StatusResult:
    """Status, polarity and writer stance of one attributed proposition.

    ``content_span`` is the proposition (char offsets into ``doc.text`` or a Span); ``cue`` the source-introducing
    predicate ("said", "has not confirmed", "according to"); ``source`` who is committed (a Span or its text).
    Without a cue, the governing predicate is found by climbing the parse from the content.
    """
    content = _char_span(doc, content_span)
    if content is None or len(content) == 0:
        return StatusResult("asserted", "positive", None)
    cue_span = _char_span(doc, cue)
    cues = cue_tokens(doc, cue_span, content)
    source_text, source_heads = _source_heads(doc, source, cues)
    pred = _main_predicate(content)
    polarity: Polarity = "negative" if pred is not None and is_negated(pred) else "positive"
    stance = _writer_stance(content)

    lemmas = {_lemma(t) for t in cues}
    main_cue = cues[0] if cues else None

    # denial: a deny-type cue, or the content calls a claim false ("the claims are unfounded")
    for t in cues:
        lem = _lemma(t)
        claim_ok = lem not in NEEDS_CLAIM_OBJECT or _object_is_claim(t, content)
        if lem in DENY_CUES and not _cue_blocked(t) and claim_ok:
            return StatusResult("denied", polarity, stance)
    if pred is not None and _calls_false(pred):
        return StatusResult("denied", polarity, stance)
    if main_cue is not None and _lemma(main_cue) == "call" and _calls_false(main_cue):
        return StatusResult("denied", polarity, stance)

    # unconfirmed: the source withholds commitment ("has not confirmed", "declined to say whether")
    for t in cues:
        if _cue_blocked(t) and (_lemma(t) in CONFIRM_CUES | DENY_CUES | SPEECH_CUES):
            return StatusResult("unconfirmed", polarity, stance)
    if declined_to_disclose(cues, content):
        return StatusResult("unconfirmed", polarity, stance)

    if lemmas & CONFIRM_CUES:
        return StatusResult("confirmed", polarity, stance)

    if lemmas & RELAY_CUES or relays_a_report(content):  # "quoting an anonymous government source"
        return StatusResult("reported", polarity, stance)
    data_source = any(_lemma(h) in DATA_SOURCES for h in source_heads)
    relayed = not source_text or _source_is_media(source_text, source_heads)
    if lemmas & REPORT_CUES and not data_source and relayed:
        return StatusResult("reported", polarity, stance)
    if source_text and _source_is_media(source_text, source_heads):
        return StatusResult("reported", polarity, stance)
    if stance == "reported":
        return StatusResult("reported", polarity, stance)

    if lemmas & ALLEGE_CUES or any(_lemma(h) in ALLEGE_CUES for h in source_heads):
        return StatusResult("alleged", polarity, stance)

    # hedges: on the cue ("suggested", "could be expected", "may consider") or inside the content
    for t in cues:
        if any(c.dep_ == "prt" for c in t.children):  # "weighed in on", "pointed out": a different verb
            continue
        if _lemma(t) in HEDGE_CUES or _lemma(t) in CONSIDER_VERBS:
            return StatusResult("hedged", polarity, stance)
        if any(_lemma(m) in EPISTEMIC_MODALS for m in _modals(t)) and not _cue_blocked(t):
            return StatusResult("hedged", polarity, stance)
    if pred is not None:
        source_like = {w.lower() for w in source_text.split()} if source_text else set()
        if _hedged_predicate(pred, source_like):
            return StatusResult("hedged", polarity, stance)
    return StatusResult("asserted", polarity, stance)


def _calls_false(pred: Token) -> bool:
    """'the claims are unfounded', 'called the report false', 'dismissed ... as groundless rumors'."""
    subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not any(_lemma(s) in CLAIM_NOUNS for s in subj):
        return False
    for c in pred.children:
        if c.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp") and (
            _lemma(c) in FALSITY
            or any(_lemma(g) in FALSITY for g in c.children if g.dep_ in ("amod", "compound"))
        ):
            return True
    return False
