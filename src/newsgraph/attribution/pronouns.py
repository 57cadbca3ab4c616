"""Pronoun sources that do not take the latest antecedent: rules the speaker resolver
(:mod:`~newsgraph.attribution.speakers`) applies before, or while, it looks back for one.

* :func:`quantifier_speaker` (rule ``quantifier_is_anonymous``): "Some believe …", "some say …", "Those close to him
  say …" name an unnamed group, not the latest thing or person mentioned;
* :func:`relative_noun` (rule ``relative_pronoun_takes_its_noun``): "the scientific literature, which left little
  doubt that …" is the literature speaking, whatever was mentioned before it;
* :func:`a_state_is_it` (rule ``a_state_is_it``): a plural pronoun (*they*, *them*) never stands for one state;
  English refers to a country as *it* ("Russia said it …"), and "They said he rated contestants …" after "according
  to show insiders" is not the United States;
* :func:`words_outside_quotes`: where a writer speaks as *I* or *we* (rules ``first_person_narrator`` and
  ``plural_narrator``), or addresses the reader as *you* (rule ``reader_is_no_speaker``).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph.attribution.marks import TURN_LABEL
from newsgraph.attribution.records import REL_PRONOUNS
from newsgraph.extensions import doc_text
from newsgraph.models import Speaker

PERSON_PRONOUNS = frozenset(
    {"he", "she", "him", "her", "his", "hers"}
)  # "His message of …": the possessor speaks
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
SECOND_PERSON = frozenset({"you", "yourself", "yourselves"})
"""The words by which a writer addresses the reader."""
PERSONAL_SUBJECTS = frozenset({"i", "you", "we", "he", "she", "they"})
"""Personal pronouns as subjects: someone who speaks or holds a view ("I mean …", "they believe …")."""
SINGULAR_FIRST = frozenset({"i", "me", "my"})
PLURAL_FIRST = frozenset({"we", "us", "our"})
DEICTIC_POSSESSIVES = frozenset({"my", "our", "your"})
"""``your state``, ``our government``: a speaker named only from the writer's or reader's point of view"""
QUANTIFIER_PRONOUNS = frozenset({"some", "those", "many", "others", "most", "few", "several"})
"""Pronouns that name an unnamed group of people by quantity ("some say", "many believe", "those close to him")."""
PRONOUN_WORDS = (
    PERSON_PRONOUNS
    | GROUP_PRONOUNS
    | THING_PRONOUNS
    | FIRST_PERSON
    | SINGULAR_FIRST
    | DEICTIC_POSSESSIVES
    | {"you", "this", "that", "these", "those", "who", "which"}
)
"""What an unresolved pronoun speaker can be named (rule ``unresolved_is_no_antecedent``)."""
OPEN_QUOTES = frozenset('“"«')
CLOSE_QUOTES = frozenset('”"»')


class _Candidate(Protocol):
    @property
    def speaker(self) -> Speaker: ...


INDEFINITE_PRONOUNS = frozenset({
    "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "whoever", "whomever",
})  # fmt: skip
"""Pronouns that stand for no one in particular: never resolved to an antecedent."""


def indefinite_speaker(tok: Token) -> Speaker | None:
    """Rule ``indefinite_is_no_antecedent``: "everyone says", "someone told me": an indefinite pronoun is an
    anonymous source named by itself, never the entity before it (the WCXB store had made the toothbrush "Icon"
    the speaker of "anyone who wants to try an electric toothbrush")."""
    if tok.lower_ not in INDEFINITE_PRONOUNS:
        return None
    return Speaker(name=tok.lower_, kind="anonymous", span=(tok.idx, tok.idx + len(tok.text)))


def quantifier_speaker(tok: Token) -> Speaker | None:
    """Rule ``quantifier_is_anonymous``: a quantifier pronoun at the head of the source (``Some``, ``those close to
    him``) is an anonymous group named by its own words, not an antecedent."""
    if tok.lower_ not in QUANTIFIER_PRONOUNS or tok.pos_ not in {"PRON", "DET", "ADJ", "NOUN"}:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "some of the lawmakers", "many of his aides": the group is named after "of"
    right = tok.right_edge  # from the pronoun on: what the parse hangs before it is no part of the group
    s, e = tok.idx, right.idx + len(right.text)
    return Speaker(name=_own_words(tok.doc, s, e), kind="anonymous", span=(s, e))


def _own_words(doc: Doc, s: int, e: int) -> str:
    """The text ``[s, e)`` as a speaker's name: its first letter lowered unless the first word is an acronym."""
    words = doc_text(doc)[s:e]
    return words[0].lower() + words[1:] if words[:1].isupper() and not words[1:2].isupper() else words


NEGATIVE_DETERMINERS = frozenset({"no", "none", "neither", "nobody", "nothing"})


def names_no_one(first: Token) -> bool:
    """Rule ``negative_source_names_no_one``: a source that opens with ``no`` or ``none`` ("no major AI company has
    agreed to …", "none of the officials") says that nobody did it; it is no speaker and links to no entity (it was
    filed under "AI", an organisation that had agreed to nothing)."""
    return first.lower_ in NEGATIVE_DETERMINERS


def negative_speaker(doc: Doc, a: int, b: int) -> Speaker | None:
    """The speaker of source tokens ``[a, b)`` when :func:`names_no_one`: its own words, kind ``unknown``."""
    if a >= b or not names_no_one(doc[a]):
        return None
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return Speaker(name=_own_words(doc, s, e), kind="unknown", span=(s, e))


def relative_noun(tok: Token) -> tuple[Token, tuple[int, int]] | None:
    """Rule ``relative_pronoun_takes_its_noun``: the noun a relative pronoun's clause modifies and its noun phrase
    without that clause (``literature`` and "the scientific literature" for *which* in "the scientific literature,
    which left little doubt …"), else None."""
    if tok.lower_ not in REL_PRONOUNS or tok.head.dep_ != "relcl":
        return None
    noun = tok.head.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i >= tok.i:
        return None
    end = tok.head.left_edge.i
    while end > noun.i + 1 and (tok.doc[end - 1].is_punct or tok.doc[end - 1].is_space):
        end -= 1
    return noun, (noun.left_edge.i, max(end, noun.i + 1))


def a_state_is_it(pronoun: str, candidate: _Candidate) -> bool:
    """Rule ``a_state_is_it``: ``candidate`` may stand for ``pronoun`` unless the pronoun is plural and the
    candidate is one state ("Russia and China … they" is two, and may)."""
    sp = candidate.speaker
    return not (pronoun in GROUP_PRONOUNS and sp.kind == "state" and " and " not in sp.name)


def unresolved_pronoun(sp: Speaker) -> bool:
    """Rule ``unresolved_is_no_antecedent``: a speaker that is a pronoun the resolver could not resolve (name
    *she*, kind ``unknown``) is no antecedent for a later pronoun ("His twisted message …" had become *she*)."""
    return sp.kind == "unknown" and sp.name.lower() in PRONOUN_WORDS


def words_outside_quotes(doc: Doc, words: frozenset[str] = SINGULAR_FIRST) -> list[int]:
    """Offsets of ``words`` (``I`` / ``me`` / ``my`` by default; ``we``, ``you`` …) outside quote marks, in order (a quote
    mark toggles; a paragraph break closes an open quote). A transcript turn (``PENCE: We will …``) is its
    speaker's words, not the writer's: its paragraph is skipped."""
    out: list[int] = []
    inside = False
    text = doc_text(doc)
    turn = TURN_LABEL.match(text) is not None
    for tok in doc:
        if "\n" in tok.text:
            inside = False
            turn = TURN_LABEL.match(text, tok.idx + len(tok.text)) is not None
        elif tok.text in OPEN_QUOTES or tok.text in CLOSE_QUOTES:
            inside = tok.text in OPEN_QUOTES and (tok.text != '"' or not inside)
        elif not inside and not turn and tok.lower_ in words and (tok.lower_ != "i" or tok.text == "I"):
            out.append(tok.idx)
    return out
