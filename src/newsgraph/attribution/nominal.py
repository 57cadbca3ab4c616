"""Nominal and adjectival cues: ``Trump's claim that …``, ``a fierce supporter of …``, ``critical of …``, and
``according to X`` (pass 2 of :func:`newsgraph.attribution.rules.find_attributions`, beside the verb rules of
:mod:`newsgraph.attribution.reported`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.constructions import AGENT_NOUNS, noun_source
from newsgraph.attribution.cues import SPEECH_NOUNS, cue_strength
from newsgraph.attribution.pronouns import PERSONAL_SUBJECTS
from newsgraph.attribution.records import AGENT_ENTS, Attribution, CharSpan, Thresholds
from newsgraph.attribution.reported import np_core, np_slice, span_chars, speech_clause

NOUN_CONTENT_PREPS = {"of", "for", "about", "on", "against", "to", "that"}


def noun_attribution(noun: Token, th: Thresholds) -> Attribution | None:  # noqa: C901, PLR0912
    """``Trump's claim that …``, ``his call for …``, ``Clinton's criticism of …`` (possessor = source)."""
    lemma = noun.lemma_.lower()
    agent = lemma in AGENT_NOUNS
    if cue_strength(lemma, "NOUN") < th.noun and not agent:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    src_tok: Token | None = poss
    if poss is None:
        src_tok = noun_source(noun, agent)
        if src_tok is None:
            return None
    elif agent or (poss.lower_ in {"its", "their"} and lemma not in SPEECH_NOUNS):
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
    if content is None or (
        agent and content[0] - 1 != next((c.i for c in noun.rights if c.lower_ == "of"), -1)
    ):
        return None
    doc = noun.doc
    if poss is not None:
        src = (poss.left_edge.i, poss.i + 1)
    else:
        assert src_tok is not None
        src = (src_tok.left_edge.i, src_tok.i + 1) if noun.dep_ == "appos" else np_core(src_tok)
        if src[0] <= content[0] <= src[1] - 1 or content[0] <= src_tok.i <= content[1]:
            return None
    assert src_tok is not None
    return Attribution(
        cue=[noun.i], source=src, content=[span_chars(doc, *content)], source_head=src_tok.i, rule="noun"
    )


STANCE_PREPS = frozenset({"about", "of", "on", "toward", "towards"})
NOT_STANCE = frozenset(
    {"full", "free", "short", "ahead", "due", "able", "capable", "part", "home", "available", "sure"}
    | {"responsible", "guilty", "independent", "unaware", "ignorant", "close", "fond", "typical", "worthy"}
)


VIEW_HOLDER_PRONOUNS = PERSONAL_SUBJECTS - {"you"}
"""Pronoun subjects of a stance adjective or noun (a generic "you are confident that …" holds no one's view)."""


def _speaker_subject(subj: Token) -> bool:
    """A person, group or organisation (or a personal pronoun): someone who can hold a view."""
    return subj.ent_type_ in AGENT_ENTS or subj.lower_ in VIEW_HOLDER_PRONOUNS


def adjective_attribution(adj: Token, th: Thresholds) -> Attribution | None:
    """``X is confident that …``, ``X is eager to …``, ``X was skeptical of …`` (subject of the copula = source)."""
    if adj.dep_ != "acomp":
        return None
    known = cue_strength(adj.lemma_.lower(), "ADJ") >= th.adjective
    cop = adj.head
    subj = next((c for c in cop.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lower_ in {"it", "this", "that", "there"}:
        return None
    # an adjective the lexicon does not know is a stance only about something, held by a speaker:
    # "Sanders was less shy about Wall Street", "Viguerie is upbeat about Cruz's chances"
    stance = not known and adj.lemma_.lower() not in NOT_STANCE and _speaker_subject(subj)
    if not known and not stance:
        return None
    content: tuple[int, int] | None = None
    for child in list(adj.rights) + [c for c in cop.rights if c.i > adj.i]:
        # "was quick to point out that …": the inner verb's attribution (cue extent: the chain)
        if child.dep_ == "xcomp" and speech_clause(child):
            return None
        if child.dep_ in {"ccomp", "xcomp"} and known:
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "prep" and child.lower_ in (
            {"of", "about", "with", "that", "on"} if known else STANCE_PREPS
        ):
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                content = (pobj.left_edge.i, pobj.right_edge.i)
                break
    if content is None or content[0] <= subj.i <= content[1]:
        return None
    doc = adj.doc
    return Attribution(
        cue=[adj.i],
        source=np_slice(subj),
        content=[span_chars(doc, *content)],
        source_head=subj.i,
        rule="adjective",
    )


def according_to(tok: Token) -> Attribution | None:
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
    src = np_slice(pobj)
    cue_end = max(to.i, tok.i)
    content = sentence_rest(tok, max(src[1] - 1, pobj.right_edge.i))
    if content is None:
        return None
    return Attribution(
        cue=sorted({tok.i, cue_end}), source=src, content=[content], source_head=pobj.i, rule="according"
    )


def sentence_rest(tok: Token, phrase_end: int) -> CharSpan | None:
    """The content of a sentence adjunct cue (``according to X``, ``in a new poll``, ``for many voters``) that
    starts at ``tok`` and ends at token ``phrase_end``: the rest of the sentence after the phrase when it opens
    the sentence, else the sentence before it."""
    doc = tok.doc
    sent = tok.sent
    if tok.i - sent.start <= 1:
        a, b = phrase_end + 1, sent.end - 1
    else:
        a, b = sent.start, tok.i - 1
        if phrase_end + 1 < sent.end - 1 and tok.i - sent.start < 3:
            a, b = phrase_end + 1, sent.end - 1
    while a <= b and ((doc[a].is_punct and doc[a].text not in '“"') or doc[a].dep_ == "cc"):
        a += 1
    while b >= a and (doc[b].is_space or (doc[b].is_punct and doc[b].text not in '”"')):
        b -= 1
    if b < a:
        return None
    return span_chars(doc, a, b)
