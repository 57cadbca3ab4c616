"""Arguments of a trigger from the dependency parse: who acts (source) and on whom (target)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import lemma_of, obj_head, prep_object
from newsgraph.events.vocab import (
    ACTOR_NOUNS,
    AID_OBJECTS,
    HEDGE_GOVERNORS,
    INTENT,
    LIGHT,
    POLICE,
    PREP_TARGET,
    TROOPS,
    WEAPONS,
)


def has_child(t: Token, deps: tuple[str, ...], lemmas: frozenset[str]) -> bool:
    return any(c.dep_ in deps and lemma_of(c) in lemmas for c in t.children)


def subject_of(t: Token, depth: int = 0) -> Token | None:
    """The actor of a verbal trigger: nsubj, passive agent, or the subject inherited from a governing clause."""
    for c in t.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    agent = prep_object(t, dep="agent")
    if agent is not None:
        return agent
    if depth < 4 and t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") and t.head.i != t.i:
        return subject_of(t.head, depth + 1)
    if depth < 4 and t.dep_ in ("pobj", "dobj", "prep") and t.head.i != t.i:
        return subject_of(t.head, depth + 1)
    return None


def nominal_agent(t: Token) -> Token | None:
    """Actor of a nominal trigger: possessor, nationality adjective, ``by`` phrase, or owner of the ``of`` object."""
    for c in t.children:
        if c.dep_ == "poss":
            return c
    for c in t.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
    by_obj = prep_object(t, "by")
    if by_obj is not None:
        return by_obj
    obj = obj_head(t)
    if obj is not None and lemma_of(obj) in TROOPS | WEAPONS | POLICE:
        return owner_of(obj) or None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    if (
        t.dep_ in ("dobj", "attr")
        and t.head.pos_ in ("VERB", "AUX")
        and lemma_of(t.head) in LIGHT | HEDGE_GOVERNORS | INTENT
    ):
        return subject_of(t.head)
    return None


def owner_of(noun: Token) -> Token | None:
    """The nationality / possessor of a noun phrase ("North Korean troops", "its troops", "Russia's army")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"):
            return c
    return None


def is_actor(t: Token) -> bool:
    """Can this token name a political actor (state, group, person), rather than a thing, place of an event or date?"""
    if t.ent_type_ in (
        "DATE",
        "TIME",
        "MONEY",
        "QUANTITY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
    ):
        return False
    if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"):
        return True
    if t.pos_ == "PRON":
        return t.lower_ in ("him", "her", "them", "it", "us", "he", "she", "they", "we")
    if t.pos_ == "PROPN":
        return True
    return lemma_of(t) in ACTOR_NOUNS


def target_of(t: Token, source: Token | None) -> Token | None:
    """Recipient: a person/group object, a dative, or the object of to/against/on/... (not the transferred thing)."""
    things = TROOPS | WEAPONS | POLICE | AID_OBJECTS
    for c in t.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON") and is_actor(c):
            return c
    for c in t.children:
        if c.dep_ == "dobj" and lemma_of(c) not in things and is_actor(c):
            return c
    for prep in PREP_TARGET:
        for c in t.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                for p in c.children:
                    if (
                        p.dep_ == "pobj"
                        and (source is None or p.i != source.i)
                        and is_actor(p)
                        and lemma_of(p) not in things
                    ):
                        return p
    for c in t.children:
        if c.dep_ == "dobj" and lemma_of(c) not in things and c.pos_ == "NOUN":
            for prep in PREP_TARGET:
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == prep:
                        for p in g.children:
                            if p.dep_ == "pobj" and is_actor(p):
                                return p
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
            for g in c.children:
                if g.dep_ == "dobj" and is_actor(g) and g.pos_ != "PRON":
                    return g
    return None
