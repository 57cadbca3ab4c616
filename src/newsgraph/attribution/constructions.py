"""Attribution constructions without a subject of their own: ``Asked whether …, X said …``.

``(When) asked whether / if / about X, …``: a question put to the source by an unnamed interviewer; the cue is
``asked`` (with ``about``), the content the question, and there is no source (the asker is not named). The
answer (``X said …``) is a separate attribution found by the verb rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.records import Attribution

QUESTION_VERBS = frozenset({"ask", "question", "press", "quiz"})
QUESTION_PREPS = frozenset({"about", "on", "whether", "if"})


def _chars(tok_a: Token, tok_b: Token) -> tuple[int, int]:
    doc = tok_a.doc
    a, b = tok_a.i, tok_b.i
    while b > a and doc[b].is_punct and doc[b].text not in {"”", '"', "’"}:
        b -= 1
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def asked_attribution(verb: Token) -> Attribution | None:
    """``Asked whether he would run, the senator said no``: cue ``Asked``, content the question, no source."""
    if verb.lemma_.lower() not in QUESTION_VERBS or verb.tag_ != "VBN" or verb.dep_ not in {"advcl", "ROOT"}:
        return None
    children = list(verb.children)
    if any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux", "agent"} for c in children):
        return None
    cue = [verb.i]
    for c in children:
        if c.i < verb.i:
            continue
        if c.dep_ == "ccomp":  # whether / if / wh- question
            return Attribution(
                cue=cue, source=None, content=[_chars(c.left_edge, c.right_edge)], verb=verb.i, rule="asked"
            )
        if c.dep_ == "prep" and c.lower_ in QUESTION_PREPS and c.i == verb.i + 1:
            pobj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return Attribution(
                    cue=[*cue, c.i],
                    source=None,
                    content=[_chars(pobj.left_edge, pobj.right_edge)],
                    verb=verb.i,
                    rule="asked",
                )
    return None


# "make the case for", "made no mention of", "issued a warning that", "voiced concern about"
LIGHT_VERBS = frozenset(
    {"make", "give", "issue", "offer", "express", "voice", "raise", "level", "deliver", "lodge"}
)
LIGHT_NOUNS = frozenset(
    {"observation", "case", "mention", "point", "remark", "comment", "statement", "allegation", "accusation"}
    | {"claim", "argument", "promise", "pledge", "threat", "warning", "prediction", "assurance", "suggestion"}
    | {
        "criticism",
        "apology",
        "appeal",
        "plea",
        "call",
        "announcement",
        "admission",
        "complaint",
        "reference",
    }
)
LIGHT_NOUN_PREPS = frozenset({"that", "for", "of", "about", "on", "against", "to", "over", "regarding"})


def light_verb_content(verb: Token, dobj: Token, noun_ok: bool) -> tuple[tuple[int, int], list[int]] | None:
    """(content token range, extra cue tokens) for a light verb whose object is a speech noun, or None.

    ``noun_ok``: the object noun is a cue noun (the caller checks the lexicon). The content is the noun's
    ``that``-clause or prepositional object (``the case for X``, ``no mention of X``), else a preposition of the
    verb after the object (``made these allegations against X``).
    """
    if verb.lemma_.lower() not in LIGHT_VERBS or dobj.pos_ != "NOUN":
        return None
    if not noun_ok and dobj.lemma_.lower() not in LIGHT_NOUNS:
        return None
    for child in dobj.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
            c.lower_ == "that" and c.dep_ == "mark" for c in child.children
        ):
            return (child.left_edge.i, child.right_edge.i), list(range(dobj.left_edge.i, dobj.i + 1))
        if child.dep_ == "prep" and child.lower_ in LIGHT_NOUN_PREPS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return (pobj.left_edge.i, pobj.right_edge.i), list(range(dobj.left_edge.i, child.i + 1))
    for child in verb.rights:
        if child.i > dobj.i and child.dep_ == "prep" and child.lower_ in LIGHT_NOUN_PREPS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return (pobj.left_edge.i, pobj.right_edge.i), list(range(dobj.left_edge.i, child.i + 1))
    return None
