"""Is a claim's content a proposition, and which: :func:`read_frame`, the entry point over
:mod:`newsgraph.propositions.frames` (reading the frame off the parse).

The rules that say a content is no proposition (a bare name, a pronoun, a complementiser, a request for comment, a
fragment ...) are named functions over the content's tokens that return True when they apply; :func:`reject_reason`
names the first that does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from newsgraph.propositions.frames import (
    Context,
    Frame,
    anaphor_head,
    content_lemmas,
    content_tokens,
    evaluated_anaphor,
    event_references,
    read_frame_tokens,
)
from newsgraph.propositions.lexicon import COMMENT_LEMMAS, COMMENT_PHRASES, COMPLEMENTISERS
from newsgraph.propositions.phrases import what_it_has

__all__ = [
    "REJECT_RULES",
    "is_bare_name",
    "is_complementiser",
    "is_empty",
    "is_fragment",
    "is_indirect_question",
    "is_pronoun",
    "is_request_for_comment",
    "is_subjectless_gerund",
    "is_too_thin",
    "lists_what_it_has",
    "read_frame",
    "reject_reason",
    "sentence_of_frame",
]


def is_empty(toks: list[Token], ctx: Context) -> bool:
    """Nothing but punctuation, or a single short token ("—", "'")."""
    return not any(t.is_alpha or t.like_num for t in toks)


def is_complementiser(toks: list[Token], ctx: Context) -> bool:
    """ "that", "whether": the attribution caught the complementiser and not the clause."""
    return len(toks) == 1 and toks[0].lower_ in COMPLEMENTISERS


def is_pronoun(toks: list[Token], ctx: Context) -> bool:
    """ "you", "them", "his own": pronouns and determiners only."""
    return all(t.pos_ in ("PRON", "DET", "PUNCT") or t.lower_ in ("own", "self") for t in toks)


def is_bare_name(toks: list[Token], ctx: Context) -> bool:
    """ "Donald Trump", "the State Department": a name (entity or proper nouns) with no predicate."""
    words = [t for t in toks if t.is_alpha and t.pos_ not in ("DET", "PUNCT", "CCONJ", "ADP", "PART")]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return False
    return all(t.pos_ == "PROPN" or t.i in ctx.ent_of or t.ent_type_ for t in words)


def is_request_for_comment(toks: list[Token], ctx: Context) -> bool:
    """ "requests for comment", "to comment on the report": newsroom boilerplate about asking, not a fact."""
    text = " ".join(t.lower_ for t in toks)
    if not any(p in text for p in COMMENT_PHRASES):
        return False
    heads = [t for t in toks if t.head.i == t.i or t.head.i < toks[0].i or t.head.i > toks[-1].i]
    return any(t.lemma_.lower() in COMMENT_LEMMAS for t in heads) or len(toks) <= 4


def is_indirect_question(toks: list[Token], ctx: Context) -> bool:
    """ "what Graham had in mind", "where he stands", "who is a terrorist", "exactly how the site will look": an
    embedded wh-question names a question, not a fact (a pseudo-cleft "What makes it hard is that ..." is kept: its wh-clause is a subject)."""
    k = 0
    while k + 1 < len(toks) and toks[k].tag_ == "RB" and toks[k].head.i == toks[k + 1].i:
        k += 1  # "exactly how the site will look": an adverb of the wh-word opens the question
    first = toks[k] if toks else None
    if first is None or first.tag_ not in ("WP", "WRB", "WDT", "WP$"):
        return False
    ids = {t.i for t in toks}
    clause = first.head if first.head.i in ids else first
    while clause.dep_ in ("pobj", "prep", "nsubj", "dobj", "attr", "det", "advmod") and clause.head.i in ids:
        clause = clause.head
    return clause.dep_ not in ("csubj", "csubjpass")


def is_too_thin(toks: list[Token], ctx: Context) -> bool:
    """ "I would", "well-paid", "to walk": fewer than two content words (nouns, verbs, adjectives, names)."""
    if len(content_lemmas(toks, ctx)) >= 2 or anaphor_head(toks):
        return False
    frame = read_frame_tokens(toks, ctx)
    return frame is None or frame.kind != "event"  # "the deployment" refers back to an event


def is_subjectless_gerund(toks: list[Token], ctx: Context) -> bool:
    """ "using the example of Chicago to prove ...": a content led by a gerund with no subject reports a manner of
    acting, not a fact (the fact, if any, is a clause inside it)."""
    ids = {t.i for t in toks}
    first = next((t for t in toks if not t.is_punct), None)
    if first is None or first.tag_ != "VBG" or (first.head.i in ids and first.head.i != first.i):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux") for c in first.children)


def is_fragment(toks: list[Token], ctx: Context) -> bool:
    """ "disparaging remarks", "an active belligerent": a noun phrase with no predicate and no event noun."""
    return read_frame_tokens(toks, ctx) is None and not anaphor_head(toks)


def complementiser_marks_no_verb(toks: list[Token], ctx: Context) -> bool:
    """A content opened by the complementiser ``that`` or ``whether`` is a clause, and the word the parser hangs
    the complementiser on must be the clause's verb. When it is a noun of the content, the tagger misread the verb
    ("Studies suggest [that intermittent fasting *lowers* oxidative stress, which causes cell damage]", *lowers* a
    noun, *stress* the head) and a statement made of that parse is garbled ("That intermittent fasting lowers
    oxidative stress causes cell damage"): the content is no proposition."""
    if not toks or toks[0].i == 0:
        return False
    lead = toks[0].doc[toks[0].i - 1]
    ids = {t.i for t in toks}
    return (
        lead.dep_ == "mark"
        and lead.lower_ in {"that", "whether"}
        and lead.head.i in ids
        and lead.head.pos_ not in {"VERB", "AUX"}
    )


def lists_what_it_has(toks: list[Token], ctx: Context) -> bool:
    """Rule ``have_without_its_clause_is_thin``: "programs 1) have tutors that are well-trained and supported, or
    are teachers …; 2) have tutors that have time for planning …": when the relative clause that says what the
    object of *have* is cannot stay in the statement (a list, or longer than
    :data:`~newsgraph.propositions.phrases.MAX_RELATIVE_TOKENS`; :func:`~newsgraph.propositions.phrases.what_it_has`),
    what is left ("Academic tutoring programs have tutors") states next to nothing, and on the WCXB store it
    joined another article's "The tutoring programs are in relatively early stages" as one tracked claim. The
    content is no proposition."""
    ids = {t.i for t in toks}
    for verb in toks:
        if verb.lemma_.lower() != "have" or (verb.head.i in ids and verb.head.i != verb.i):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and any(c.dep_ == "relcl" for c in obj.children) and not what_it_has(verb, obj):
            return True
    return False


REJECT_RULES: tuple[Callable[[list[Token], Context], bool], ...] = (
    is_empty,
    is_complementiser,
    complementiser_marks_no_verb,
    is_pronoun,
    is_bare_name,
    is_request_for_comment,
    is_indirect_question,
    is_too_thin,
    is_subjectless_gerund,
    is_fragment,
    lists_what_it_has,
)


def reject_reason(span: Span, ctx: Context) -> str | None:
    """Name of the first rule that makes this content no proposition, or None when it states or refers to one.

    Anaphors ("the claims", "it") are not rejected here: they refer to a proposition (see :func:`read_frame`).
    """
    toks = content_tokens(span)
    if toks and anaphor_head(toks) is not None:
        return None
    for rule in REJECT_RULES:
        if rule(toks, ctx):
            return rule.__name__
    return None


def read_frame(span: Span, ctx: Context) -> Frame | None:
    """The frame of a claim's content, or None when it is no proposition (:func:`reject_reason` says why)."""
    toks = content_tokens(span)
    if not toks:
        return None
    ana = anaphor_head(toks)
    if ana is not None:
        head = next((t for t in toks if t.lemma_.lower() == ana or t.lower_ == ana), toks[0])
        return Frame(kind="anaphor", predicate="", head=head.i, anaphor=ana)
    if reject_reason(span, ctx) is not None:
        return None
    frame = read_frame_tokens(toks, ctx)
    if frame is not None and frame.kind == "clause":
        ana = evaluated_anaphor(frame, ctx)
        if ana is not None:
            return Frame(kind="anaphor", predicate="", head=frame.subject or frame.head, anaphor=ana)
    if frame is not None:
        stated = sentence_of_frame(toks, ctx.doc[frame.head])
        frame = replace(
            frame, lemmas=content_lemmas(stated, ctx), event_refs=event_references(stated, ctx, frame.head)
        )
    return frame


def sentence_of_frame(toks: list[Token], head: Token) -> list[Token]:
    """Rule ``frame_words_from_its_sentence``: the words a frame is compared by are those of the sentence that
    states it. A quotation of several sentences ("why understanding our past is crucial … we don't know what
    we're talking about if you don't know the history of it") says its later things apart; their words are no
    evidence that the first states what another claim says ("You can't talk about change")."""
    sent = head.sent
    return [t for t in toks if sent.start <= t.i < sent.end]
