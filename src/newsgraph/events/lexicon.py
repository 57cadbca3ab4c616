"""The trigger lexicon (``data/lexicon.json``) and its lookup on parse tokens.

The lexicon maps a lemma or a two-word phrase to weighted PLOVER types with mode / context hints; it is built by
``scripts/build_plover_data.py`` from the hand-written seed (read from the PLOVER manual), the CAMEO2PLOVER
crosswalk descriptions, the manual's category descriptions and the dev half of the gold-standard records.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from newsgraph.events.plover import load_json
from newsgraph.events.vocab import (
    AID_OBJECTS,
    ARGUMENT_NOUNS,
    LEMMA_FIX,
    LIGHT_NOUNS,
    MIN_WEIGHT,
    MOVEMENT,
    NON_EVENT_LEMMAS,
    NON_EVENT_PHRASES,
    NONMILITARY_STAFF,
    POLICE,
    TRANSFER,
    TROOPS,
    VERB_ONLY,
    WEAPONS,
    WITHDRAWAL,
)
from newsgraph.models import PloverType


@dataclass
class LexEntry:
    types: dict[PloverType, float]
    modes: dict[PloverType, str]
    contexts: dict[PloverType, str]
    pos: tuple[str, ...] = ()

    @property
    def best(self) -> PloverType:
        return max(self.types.items(), key=lambda kv: kv[1])[0]

    @property
    def weight(self) -> float:
        return sum(self.types.values())

    @property
    def confidence(self) -> float:
        return self.types[self.best] / self.weight if self.weight else 0.0


@lru_cache(maxsize=1)
def lexicon() -> dict[str, LexEntry]:
    """The trigger lexicon: lemma or two-word phrase -> weighted PLOVER types with mode/context hints."""
    raw: dict[str, Any] = load_json("lexicon.json")["entries"]
    return {
        k: LexEntry(
            dict(v["types"]), dict(v.get("modes", {})), dict(v.get("contexts", {})), tuple(v.get("pos", ()))
        )
        for k, v in raw.items()
    }


MOVING_VERBS = MOVEMENT | TRANSFER | WITHDRAWAL
"""Verbs that are events by what they move (``moved tanks to the border``), lexicon entries or not."""


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Every word of every lexicon entry and phrase, and the moving verbs: no other lemma can be a trigger."""
    return frozenset(w for key in lexicon() for w in key.split()) | MOVING_VERBS


def lemma_of(t: Token) -> str:
    lem = t.lemma_.lower()
    return LEMMA_FIX.get(lem, lem) if t.pos_ in ("VERB", "AUX") else lem


def lookup(t: Token) -> tuple[str, LexEntry] | None:  # noqa: C901, PLR0912
    """The lexicon entry for a token, preferring two-word phrases (``call for``, ``open fire``, ``hunger strike``)."""
    if t.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN", "AUX") or t.ent_type_ in (
        "PERSON",
        "GPE",
        "NORP",
        "ORG",
        "DATE",
        "LAW",
        "FAC",
        "LOC",
    ):
        return None
    lex = lexicon()
    lem = lemma_of(t)
    if lem not in trigger_words():
        return None  # every hit below is an entry, or a phrase, holding this lemma, or a moving verb
    if t.pos_ == "AUX" and lem != "must":
        return None
    if t.pos_ == "PROPN" and lem not in {"ceasefire"}:
        return None
    if any(f"{lemma_of(c)} {lem}" in NON_EVENT_PHRASES for c in t.children if c.dep_ in ("compound", "amod")):
        return None  # "according to a press release": a document, not a release of captives
    if t.dep_ in ("compound", "amod") and f"{lem} {lemma_of(t.head)}" in NON_EVENT_PHRASES:
        return None
    if (
        t.dep_ == "compound"
        and t.pos_ == "NOUN"
        and t.head.pos_ in ("NOUN", "PROPN")
        and lemma_of(t.head) not in LIGHT_NOUNS  # "a mediation effort", "a bombing campaign" are events
    ):
        return None  # a classifier, not an event: "battle zones", "war crimes court", "protest movement"
    if t.pos_ != "VERB" and lem in VERB_ONLY:
        return None  # "the press", "a sign of", "a police station": the noun is no event
    for c in t.children:
        # verb + preposition + object idioms: "took to the streets", "put on alert"
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and f"{lem} {c.lower_} {lemma_of(p)}" in lex:
                    phrase = f"{lem} {c.lower_} {lemma_of(p)}"
                    return phrase, lex[phrase]
    for c in t.children:
        if c.dep_ in ("prt", "prep", "dobj", "compound", "amod", "npadvmod", "nmod", "advmod"):
            for phrase in (f"{lem} {lemma_of(c)}", f"{lemma_of(c)} {lem}"):
                if phrase in lex:
                    return phrase, lex[phrase]
    if t.pos_ == "VERB" and lem not in lex and lem in MOVING_VERBS:
        # "moved tanks to the border", "troops left the city": a movement verb is an event by its object / subject
        cls = object_class(t)
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if lem in WITHDRAWAL:
            # "troops left the city" is a retreat; "the ambush left seven soldiers dead" is nothing of the kind
            if subj is not None and lemma_of(subj) in TROOPS:
                return lem, LexEntry({"RETREAT": 1.0}, {"RETREAT": "withdraw"}, {"RETREAT": "military"})
            return None
        if cls in ("troops", "weapons", "police"):
            return lem, LexEntry({"MOBILIZE": 1.0}, {}, {})
        if cls in ("aid", "staff") and lem in TRANSFER:
            return lem, LexEntry({"AID": 1.0}, {}, {})
        return None
    if (
        lem in NON_EVENT_LEMMAS
        or (lem in ARGUMENT_NOUNS and t.pos_ != "VERB")  # "bomb" the noun is a weapon, the verb an attack
        or lem not in lex
        or lex[lem].weight < MIN_WEIGHT
    ):
        return None
    # modifiers are stance ("the alleged deployment") or presupposition ("captured soldiers"), not events;
    # present participles are ("massing troops")
    if (t.dep_ == "amod" and (t.tag_ != "VBG" or lem == "allege")) or (
        lex[lem].pos and t.pos_ not in lex[lem].pos
    ):
        return None
    if lem == "call":
        return None
    if (
        t.pos_ == "NOUN"
        and lem in TRANSFER
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    ):
        return None
    return lem, lex[lem]


def prep_object(t: Token, word: str | None = None, dep: str = "prep") -> Token | None:
    """The ``pobj`` of ``t``'s first ``dep`` child (a preposition, or ``agent``) that has one and, when ``word``
    is given, reads ``word``: ``attack by X`` -> X."""
    for c in t.children:
        if c.dep_ == dep and (word is None or c.lower_ == word):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def obj_head(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    of_obj = prep_object(t, "of")
    if of_obj is not None:
        return of_obj
    for c in t.children:
        if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN":
            return c
    if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
        return t.head
    return None


def object_class(t: Token) -> str | None:
    obj = obj_head(t)
    if obj is None:
        return None
    of_obj = [
        p
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for cand in [obj, *[c for c in obj.children if c.dep_ in ("conj", "compound")], *of_obj]:
        lem = lemma_of(cand)
        if lem in TROOPS:
            return "troops"
        if lem in WEAPONS:
            return "weapons"
        if lem in POLICE:
            return "police"
        if lem in AID_OBJECTS:
            return "aid"
        if lem in NONMILITARY_STAFF:
            return "staff"
    return None
