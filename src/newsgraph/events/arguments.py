"""Arguments of a trigger from the dependency parse: who acts (source) and on whom (target)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import lemma_of, lookup, obj_head, prep_object
from newsgraph.events.vocab import (
    ACTOR_NOUNS,
    AID_OBJECTS,
    HEDGE_GOVERNORS,
    INTENT,
    LIGHT,
    MOVEMENT,
    NONMILITARY_STAFF,
    POLICE,
    PREP_TARGET,
    REPORTING,
    TRANSFER,
    TROOPS,
    WEAPONS,
    WITHDRAWAL,
)


def has_child(t: Token, deps: tuple[str, ...], lemmas: frozenset[str]) -> bool:
    return any(c.dep_ in deps and lemma_of(c) in lemmas for c in t.children)


def subject_of(t: Token, depth: int = 0, via: str = "") -> Token | None:
    """The actor of a verbal trigger: nsubj, passive agent, or the subject inherited from a governing clause.

    A passive clause without a ``by`` agent has no known actor ("civilians were killed"): its passive subject is
    the recipient (:func:`target_of`), and a reporting verb above it is not the actor either; only a purpose
    clause inherits the passive subject ("troops were sent to fight": the troops fight)."""
    for c in t.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    agent = prep_object(t, dep="agent")
    if agent is not None:
        return agent
    passive = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive if depth > 0 and via in ("xcomp", "advcl") else None
    if depth < 4 and t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") and t.head.i != t.i:
        return subject_of(t.head, depth + 1, t.dep_)
    if depth < 4 and t.dep_ in ("pobj", "dobj", "prep") and t.head.i != t.i:
        return subject_of(t.head, depth + 1)
    return None


def nominal_agent(t: Token) -> Token | None:  # noqa: C901
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
        owner = owner_of(obj)
        if owner is not None:
            return owner
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    if (
        t.dep_ in ("dobj", "attr")
        and t.head.pos_ in ("VERB", "AUX")
        and (lemma_of(t.head) in LIGHT | HEDGE_GOVERNORS | INTENT | REPORTING or lookup(t.head) is None)
    ):
        # "held talks", "announced a suspension", "speeded up the withdrawal": the verb's subject acts
        return subject_of(t.head)
    if (
        t.dep_ == "pobj"
        and t.head.lower_ in ("for", "in", "into")
        and t.head.head.pos_ == "VERB"
        and lookup(t.head.head) is None
    ):
        # "converged for a rally", "took part in the talks": the subject of the verb that is no event itself
        return subject_of(t.head.head)
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


def target_of(t: Token, source: Token | None) -> Token | None:  # noqa: C901, PLR0912
    """Recipient: a person/group object, a dative, or the object of to/against/on/... (not the transferred thing),
    the passive subject, the subject of a content clause ("demanded that X ...") or of a condition ("... unless X
    accepts")."""
    things = _things(t)
    for c in t.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON") and is_actor(c):
            return c
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) not in things and is_actor(c):
            return c  # "attacked the camp", "the camp was attacked (by ...)"
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
        # a passive subject that is no actor noun but names a place or people: "a camp for Congolese refugees
        # was attacked"
        if c.dep_ == "nsubjpass" and lemma_of(c) not in things and _names_place(c):
            return c
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
            for g in c.children:
                if g.dep_ == "dobj" and is_actor(g) and g.pos_ != "PRON" and lemma_of(g) not in _things(c):
                    return g
    for v in [t, *(c for c in t.children if c.dep_ == "xcomp")]:
        # "threatened to launch an offensive unless Baghdad accepted": the party the condition is put to
        for c in v.children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
            ):
                for g in c.children:
                    if (
                        g.dep_ == "nsubj"
                        and g.pos_ != "PRON"
                        and is_actor(g)
                        and (source is None or g.i != source.i)
                    ):
                        return g
    for c in t.children:
        # "demanded that Hamas renounce ...", "warned that Washington would ...": the subject of the content clause
        if c.dep_ == "ccomp":
            for g in c.children:
                if (
                    g.dep_ in ("nsubj", "nsubjpass")
                    and g.pos_ != "PRON"
                    and is_actor(g)
                    and (source is None or g.i != source.i)
                ):
                    return g
    return None


def _things(t: Token) -> frozenset[str]:
    """Nouns that are what is moved or given, not whom an event is aimed at: troops and weapons for a transfer or
    movement ("send troops"), aid always; soldiers attacked or wounded are the recipients."""
    if lemma_of(t) in TRANSFER | MOVEMENT | WITHDRAWAL | MOVERS:
        return TROOPS | WEAPONS | POLICE | AID_OBJECTS | NONMILITARY_STAFF
    return WEAPONS | AID_OBJECTS


MOVERS = frozenset({"withdraw", "withdrawal", "pull", "evacuate", "evacuation", "mobilise", "mobilize"})


def _names_place(t: Token) -> bool:
    return any(w.ent_type_ in ("GPE", "NORP", "LOC") for w in t.subtree)


def _owner(noun: Token) -> Token | None:
    """Whose thing a noun names: a possessor or a nationality / place modifier, not a pronoun."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE"):
            return c
    by_obj = prep_object(noun, "by")
    if by_obj is not None and is_actor(by_obj):
        return by_obj  # "rejected calls by Belarus's rulers"
    return None


PLACE_PREPS = frozenset(
    {"in", "into", "inside", "to", "from", "across", "throughout", "within", "on", "over"}
)


def object_owner(t: Token, source: Token | None) -> Token | None:
    """A recipient read off the thing acted on: the owner of the object ("rejected a Senegalese peace plan",
    "welcomed President Reagan's statement", "will boycott Algeria's elections"). Transferred troops, weapons
    and aid are the giver's own, never the recipient's."""
    things = TROOPS | WEAPONS | POLICE | AID_OBJECTS
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [
        p
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in PREP_TARGET
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for obj in objs:
        if lemma_of(obj) in things or obj.pos_ == "PRON":
            continue
        owner = _owner(obj)
        if owner is not None and (source is None or owner.i != source.i):
            return owner
    return None


def place_target(t: Token, source: Token | None) -> Token | None:
    """Where an action lands when no actor is named: a country or place after in / into / to / from, on the
    trigger or on its object ("lifted the curfew in Montenegro", "refused to deploy peacekeepers in Iraq").
    The PLOVER records code such a place as the recipient."""
    heads = [t, *(c for c in t.children if c.dep_ in ("dobj", "nsubjpass"))]
    of_obj = prep_object(t, "of")
    if of_obj is not None:
        heads.append(of_obj)  # "the withdrawal of forces from Panama"
    heads += [
        a for h in list(heads[1:]) for a in h.children if a.dep_ == "acl"
    ]  # "power lines leading into Kabul"
    for h in heads:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in PLACE_PREPS:
                continue
            for p in c.children:
                if p.dep_ != "pobj" or (source is not None and p.i == source.i):
                    continue
                if p.ent_type_ in ("GPE", "LOC"):
                    return p
                inner = next(
                    (
                        g
                        for c2 in p.children
                        if c2.dep_ == "prep" and c2.lower_ in ("of", "in")
                        for g in c2.children
                        if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
                    ),
                    None,
                )
                if inner is not None:
                    return inner  # "in the capital city of Algiers", "near the town of Samarra"
                owner = _owner(p)
                if owner is not None and owner.ent_type_ in ("GPE", "NORP"):
                    return owner  # "in Bosnian territory"
    return None
