"""Attribution constructions beyond a cue verb with its own subject and complement.

* ``(When) asked whether / if / about X, …``: a question put to the source by an unnamed interviewer; the cue is
  ``asked`` (with ``about``), the content the question, and there is no source (the asker is not named). The
  answer (``X said …``) is a separate attribution found by the verb rules.
* light verbs with a speech or stance noun (``made no mention of``, ``took a shot at``, ``have no idea who``) and
  ``made (it) clear that …``;
* ``as X put it`` / ``as X said``: the clause the ``as`` clause introduces is the content;
* agent nouns without a possessor (``Adelson, a fierce supporter of Israel``) and speech nouns with a ``from`` /
  ``by`` source.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.attribution.cues import SPEECH, cue_strength
from newsgraph.attribution.pronouns import PERSONAL_SUBJECTS
from newsgraph.attribution.records import AGENT_ENTS, SUBJ_DEPS, Attribution
from newsgraph.attribution.reported import MEDIA_NOUNS

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
    | {"have", "take", "hold"}
)
# "have no idea who …", "took a shot at X", "had a favorable opinion of X", "raised questions about X": nouns that
# make a light verb an attribution only with these verbs (they are not speech nouns on their own)
STANCE_NOUNS = frozenset(
    {"idea", "doubt", "opinion", "view", "stance", "position", "shot", "swipe", "aim", "credit", "concern"}
    | {"question", "attack", "charge", "hint", "objection", "reservation", "misgiving", "qualm"}
)
STANCE_VERBS = frozenset({"have", "take", "hold", "raise", "voice", "express", "make"})
WH_WORDS = frozenset({"who", "what", "whether", "how", "why", "where", "when", "which", "if"})
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
    | {"opinion", "view", "thought", "congratulation", "condolence", "testimony", "forecast", "assessment"}
    | {"praise", "support", "tribute", "verdict", "endorsement", "thanks", "defense", "rebuke", "critique"}
)
LIGHT_NOUN_PREPS = frozenset({"that", "for", "of", "about", "on", "against", "to", "over", "regarding", "at"})


@dataclass(frozen=True)
class ContentWithCue:
    """A content found by a construction: its token range ``[first, last]`` (inclusive) and the extra tokens
    that belong to the cue phrase (``made no mention of``, ``made it clear``)."""

    first: int
    last: int
    cue_tokens: tuple[int, ...]


def light_verb_content(verb: Token, dobj: Token, noun_ok: bool) -> ContentWithCue | None:  # noqa: C901
    """The content and extra cue tokens for a light verb whose object is a speech noun, or None.

    ``noun_ok``: the object noun is a cue noun (the caller checks the lexicon). The content is the noun's
    ``that``-clause or prepositional object (``the case for X``, ``no mention of X``), else a preposition of the
    verb after the object (``made these allegations against X``).
    """
    vlemma, nlemma = verb.lemma_.lower(), dobj.lemma_.lower()
    if vlemma not in LIGHT_VERBS or dobj.pos_ != "NOUN":
        return None
    stance = nlemma in STANCE_NOUNS and vlemma in STANCE_VERBS
    if not noun_ok and nlemma not in LIGHT_NOUNS and not stance:
        return None
    if vlemma in {"have", "take", "hold"} and not stance and not noun_ok:
        return None
    for child in dobj.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and (
            any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children)
            or (stance and child.left_edge.lower_ in WH_WORDS and child.left_edge.i > dobj.i)
        ):
            return ContentWithCue(
                child.left_edge.i, child.right_edge.i, tuple(range(dobj.left_edge.i, dobj.i + 1))
            )
        if child.dep_ == "prep" and child.lower_ in LIGHT_NOUN_PREPS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return ContentWithCue(
                    pobj.left_edge.i, pobj.right_edge.i, tuple(range(dobj.left_edge.i, child.i + 1))
                )
    for child in verb.rights:
        if child.i > dobj.i and child.dep_ in {"prep", "dative"} and child.lower_ in LIGHT_NOUN_PREPS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return ContentWithCue(
                    pobj.left_edge.i, pobj.right_edge.i, tuple(range(dobj.left_edge.i, child.i + 1))
                )
    return None


CLEAR_WORDS = frozenset({"clear", "plain", "known"})


def make_clear_content(verb: Token) -> ContentWithCue | None:
    """``X made (it) clear that …``: the content and the extra cue tokens ``it clear``, or None."""
    if verb.lemma_.lower() != "make":
        return None
    for child in verb.children:
        if (
            child.i > verb.i
            and child.lower_ in CLEAR_WORDS
            and child.dep_ in {"ccomp", "oprd", "acomp", "xcomp"}
        ):
            its = [
                c.i for c in (*verb.children, *child.children) if c.lower_ == "it" and verb.i < c.i < child.i
            ]
            extra = [*its, child.i]
            for sub in list(child.children) + [c for c in verb.children if c.i > child.i]:
                if sub.dep_ in {"advcl", "ccomp", "csubj"} and any(
                    m.lower_ == "that" and m.dep_ == "mark" for m in sub.children
                ):
                    return ContentWithCue(sub.left_edge.i, sub.right_edge.i, tuple(extra))
            return None
    return None


def as_clause(verb: Token) -> list[int] | None:
    """``as X said`` / ``as X put it``: extra cue tokens (``it``), or None when ``verb`` heads no such clause."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if len(marks) != 1 or marks[0].lower_ != "as" or marks[0].i > verb.i:
        return None
    if not any(c.dep_ in SUBJ_DEPS for c in verb.children) or any(
        c.dep_ in {"ccomp", "xcomp"} for c in verb.children
    ):
        return None
    lemma = verb.lemma_.lower()
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in {"put", "say"} and len(obj) == 1 and obj[0].lower_ == "it":
        return [obj[0].i]  # "as X put it", "as X said it"
    if obj or lemma not in SPEECH:
        return None
    return []


# "Adelson, a fierce supporter of Israel", "Dayton is a supporter of Clinton": the person the noun describes holds
# the view ("of" gives the content)
AGENT_NOUNS = frozenset(
    {
        "supporter",
        "critic",
        "opponent",
        "advocate",
        "proponent",
        "defender",
        "champion",
        "backer",
        "detractor",
    }
)
SOURCE_PREPS = frozenset({"from", "by"})


def _speaker_like(tok: Token) -> bool:
    return (
        tok.ent_type_ in AGENT_ENTS
        or tok.pos_ == "PROPN"
        or (tok.pos_ == "PRON" and tok.lower_ in PERSONAL_SUBJECTS)
    )


def noun_source(noun: Token, agent: bool) -> Token | None:
    """Source of a noun cue without a possessor: ``criticism of X from Democrats`` / ``a statement by the White
    House`` (``from`` / ``by``); for agent nouns, the noun it describes (``Adelson, a supporter of …``) or the
    subject of the copula (``Dayton is a supporter of …``)."""
    if agent:
        if noun.dep_ == "appos" and _speaker_like(noun.head):
            return noun.head
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and _speaker_like(subj):
                return subj
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _speaker_like(pobj) and pobj.pos_ != "PRON":
                return pobj
    return None


VENUE_NOUNS = frozenset({"statement", "interview", "speech", "remarks", "op-ed", "conference", "briefing"})

VENUE_PREPS = frozenset({"in", "during"})


def in_a_statement(prep: Token, noun: Token) -> bool:
    """``says in a statement that …``, ``said in an interview that …``: the document or occasion the speaker
    spoke in, right after the verb; a ``that`` clause on it is what was said there (the noun is no cue of its
    own)."""
    return (
        prep.lower_ in VENUE_PREPS
        and noun.head.i == prep.i
        and noun.dep_ == "pobj"
        and prep.i == prep.head.i + 1
        and (noun.lemma_.lower() in MEDIA_NOUNS or noun.lemma_.lower() in VENUE_NOUNS)
    )


FOLLOWED_CUE = 0.6


def follows_a_cue(verb: Token) -> bool:
    """``“…,” said Biden, urging them to wait``, ``72 percent said yes while 48 percent agreed``, ``Maher stated
    … after the interview concluded``: an adverbial clause after a cue verb it hangs on adds to that verb's
    attribution; it is no parenthetical around it (the cue verb would be dropped as nested in it)."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.i > head.i
        and head.pos_ == "VERB"
        and cue_strength(head.lemma_.lower()) >= FOLLOWED_CUE
        and as_clause(verb) is None
    )


def participle_aside(verb: Token) -> bool:
    """Rule ``participle_is_no_parenthetical``: "Clinton celebrated with supporters, declaring it a great night, and
    said …": a participle's content is its own object or clause, not the clause it hangs on (a parenthetical cue
    is finite, "many economists say", or an *as* clause)."""
    return verb.tag_ == "VBG"


def subordinated(verb: Token) -> bool:
    """Rule ``subordinate_clause_is_no_parenthetical``: "there are legal remedies when your claim is denied", "if
    critics say so": a clause under a subordinator other than *as* is a condition or a time, not a speaker's aside
    on the clause it hangs on."""
    return any(
        (c.dep_ == "mark" and c.lower_ != "as") or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < verb.i)
        for c in verb.children
    )


def no_parenthetical(verb: Token, as_it: list[int] | None) -> bool:
    """The checks that keep a cue clause from being read as a parenthetical around the clause it hangs on:
    :func:`follows_a_cue`, :func:`subordinated` and (outside an *as* clause) :func:`participle_aside`."""
    return follows_a_cue(verb) or subordinated(verb) or (as_it is None and participle_aside(verb))
