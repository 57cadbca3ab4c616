"""A reporting verb the parser left without its subject, although the sentence names one right before it.

In ``As a part of his plea, Marcel Lehel Lazar, 44, said that …`` the small parser hangs the name on ``plea`` as an
apposition, and in ``Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he …`` it reads
``rabbi`` as a verb and gives it the name: ``said``, the sentence's main verb, has no subject at all. The sentence
still reads as ``[introductory phrases,] SUBJECT[, insertions,] VERB``: :func:`subject_before_the_verb` splits the
words before the verb at commas and dashes and takes the first noun phrase that follows the introductory phrases
(prepositional, subordinate, participial, a date) as the subject, when only insertions (appositions, relative
clauses, participial phrases, adverbs) stand between it and the verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.records import SUBJ_DEPS

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
BREAKS = frozenset({",", "-", "--", "—", "–", ";"})
NP_STARTS = frozenset({"DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM"})
NOUNS = frozenset({"PROPN", "NOUN", "PRON"})
WH_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "what", "why", "how"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
PRE_VERB = frozenset({"advmod", "aux", "neg"})


def _segments(sent: Span, end: int) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of the sentence before token ``end``, split at commas and dashes."""
    out: list[tuple[int, int]] = []
    a = sent.start
    doc = sent.doc
    for t in doc[sent.start : end]:
        spaced = (t.i > 0 and bool(doc[t.i - 1].whitespace_)) or t.text != "-"  # "front-runner" is one word
        if (t.text in BREAKS and spaced) or t.is_space:
            if t.i > a:
                out.append((a, t.i))
            a = t.i + 1
    if end > a:
        out.append((a, end))
    return out


def introduces(first: Token) -> bool:
    """The first word of an introductory phrase: ``At Boca West``, ``while on the trail``, ``Alarmed by …``,
    ``Addressing the members``, ``Tuesday in New York``, ``Meanwhile``."""
    return (
        first.pos_ in {"ADP", "SCONJ", "ADV", "CCONJ"}
        or first.tag_ in {"VBG", "VBN"}
        or first.ent_type_ in TIME_ENTITIES
        or first.lower_ in WH_WORDS
    )


def place_continues(segment: Span) -> bool:
    """``D.C.`` in ``At a conference in Washington, D.C., …``, ``Ohio`` in ``in St. Clairsville, Ohio, …``: a
    place name after an introductory phrase that ends in a place continues that phrase."""
    doc = segment.doc
    before = doc[segment.start - 2] if segment.start >= 2 else None
    return (
        before is not None
        and before.ent_type_ in PLACES
        and all(t.ent_type_ in PLACES or t.is_punct for t in segment)
    )


def _noun_phrase(doc: Doc, a: int, b: int) -> Token | None:
    """The head of a segment that is a noun phrase (``Jeffrey Salkin``, ``two Republican members of Congress``); the
    caller has skipped the introductory segments (:func:`introduces`)."""
    if doc[a].pos_ not in NP_STARTS:
        return None
    if any(t.tag_ in FINITE_TAGS | {"MD"} for t in doc[a:b]):
        return None  # a clause: "Kasich offered the man a job, then says …"
    nouns = [t for t in doc[a:b] if t.pos_ in NOUNS]
    if not nouns:
        return None
    outside = [t for t in nouns if not a <= t.head.i < b]
    return outside[0] if outside else nouns[0]


def subject_before_the_verb(verb: Token) -> Token | None:
    """The head of the subject a finite main verb with no subject of its own takes from the words before it (see
    the module), or None. The noun phrase must open the sentence or follow introductory phrases;
    a verb with a subject, an infinitive, a participle or an imperative takes none."""
    if verb.dep_ != "ROOT" or (
        verb.tag_ not in FINITE_TAGS
        and not (
            verb.tag_ in {"VB", "VBN"}
            and any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"} for c in verb.children)
        )
    ):
        return None
    if any(c.dep_ in SUBJ_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    doc = verb.doc
    sent = verb.sent
    end = verb.i
    while end > sent.start and doc[end - 1].dep_ in PRE_VERB and doc[end - 1].head.i == verb.i:
        end -= 1  # "also said", "has said", "bluntly suggested"
    intro = False
    for a, b in _segments(sent, end):
        if introduces(doc[a]) or (intro and place_continues(doc[a:b])):
            intro = True
            continue
        head = _noun_phrase(doc, a, b)
        if head is None or any(t.is_punct and t.text in {'"', "“", "”"} for t in doc[a:b]):
            return None  # no noun phrase, or a quotation, not a name
        return head
    return None
