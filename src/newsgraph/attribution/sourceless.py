"""Verb rules for attributions that name no source: the writer's or an unnamed public's impression.

==================  ===================================================================================
rule                sentence it handles (content in brackets)
==================  ===================================================================================
``impression``      ``[The mayor] seemed [tired of the fight]``, ``[The plan] looks [like a long shot]``
``expected``        ``[The economy] is expected [to grow by 2 percent]``, ``[who] is widely believed [to …]``
==================  ===================================================================================

Both contents are two fragments, the subject and the complement, around the cue (the verb and its
auxiliaries); PolNeAR annotates them the same way, without a source.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.frames import Found, VerbFrame
from newsgraph.attribution.records import VerbRuleName
from newsgraph.attribution.reported import np_slice

# "X seems / appears / looks / sounds Y": an impression of X, nobody's in particular
IMPRESSION_VERBS = frozenset({"seem", "appear", "look", "sound"})
# "look" and "sound" only with "like" ("looks like a long shot"; not "looked at the data")
LIKE_ONLY = frozenset({"look", "sound"})
IMPRESSION_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp"})
# "X is expected / believed / thought / said to Y": a passive cue with an infinitive and no agent
PASSIVE_RAISING = frozenset(
    {"expect", "believe", "think", "say", "consider", "know", "rumor", "report", "predict", "project"}
    | {"presume", "assume", "suppose", "estimate", "suspect", "see", "view", "deem", "anticipate"}
)


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _two_fragments(subj: Token, comp: Token, rule: VerbRuleName) -> Found | None:
    """Content ``[subject] … [complement]`` with the cue between them as the hole."""
    a, b = np_slice(subj)
    start, end = comp.left_edge.i, comp.right_edge.i
    if start <= b - 1 or start - b < 1:
        return None
    return Found(rule, a, end, hole=(b, start - 1), sourceless=True)


def impression_rule(f: VerbFrame) -> Found | None:
    """``The mayor seemed tired of the fight``, ``The plan looks like a long shot``: a raising verb with a
    predicate (not an inner cue verb: ``seemed to recognize`` is :func:`~.verb_rules.raising_rule`'s)."""
    if f.lemma not in IMPRESSION_VERBS:
        return None
    subj = _own_subject(f.verb)
    if subj is None or subj.i != f.subj.i or subj.i > f.verb.i:
        return None
    for c in f.children:
        if c.i < f.verb.i:
            continue
        like = c.dep_ == "prep" and c.lower_ == "like"
        if f.lemma in LIKE_ONLY and not like:
            continue
        if like or c.dep_ in IMPRESSION_DEPS:
            if any(g.dep_ == "ccomp" for g in c.children):
                return None  # "Democrats seem confident (that) they have the votes": the subject's own belief
            return _two_fragments(subj, c, "impression")
    return None


def expected_rule(f: VerbFrame) -> Found | None:
    """``The economy is expected to grow by 2 percent``, ``who is widely believed to …``: a passive cue with an
    infinitive and no agent; nobody is named."""
    if not f.no_source or f.passive_np is None or f.lemma not in PASSIVE_RAISING:
        return None
    comp = next((c for c in f.children if c.dep_ == "xcomp" and c.i > f.verb.i), None)
    if comp is None:
        return None
    return _two_fragments(f.passive_np, comp, "expected")


def passive_raising_subject(verb: Token, lemma: str) -> Token | None:
    """The subject of ``X is expected to …`` (a passive of :data:`PASSIVE_RAISING` with an infinitive and no
    ``by`` agent): read by the verb frame, which then names no source."""
    if lemma not in PASSIVE_RAISING or verb.tag_ != "VBN":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or any(c.dep_ == "agent" for c in verb.children):
        return None
    if not any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return None
    return subj
