"""The PLOVER event coder: from a parsed sentence (a spaCy ``Span``) to coded events.

The coder reads the dependency parse, not the surface string:

1. **Triggers.** Every verb, noun or adjective whose lemma (or lemma + particle / preposition / object, e.g.
   ``call for``, ``open fire``, ``hunger strike``) is in the lexicon (``data/lexicon.json``, built by
   ``scripts/build_plover_data.py`` from the manual, the CAMEO2PLOVER crosswalk and the dev half of the gold records)
   is a candidate. Reporting verbs ("said", "told") and light verbs ("held talks", "staged a demonstration",
   "plans to send") are transparent: they are never events themselves, the event is their complement.
2. **Arguments change the type.** Verbs of transfer and movement take their type from the object: "send troops" is
   MOBILIZE: troops, "provide weapons" AID (military), "deploy tanks" MOBILIZE: weapons.
3. **Top events.** A trigger governed by another trigger is content, not an event of its own: in "Seoul called for
   the withdrawal of troops" the event is REQUEST, the withdrawal is what is requested.
4. **Tense and polarity** (manual, AGREE / CONCEDE): future cooperation ("will support", "plans to meet") is AGREE,
   a future retreat is CONCEDE, a negated cooperation ("refused to meet" is already REJECT; "will not meet") REJECT.
   Modal hedges ("may consider providing") keep the type and set ``hedged``.
5. **Actors.** ``nsubj`` / ``agent`` is the source, ``dobj`` / ``dative`` / ``pobj`` of to, against, on, of ... the
   target; nominal triggers take ``poss`` ("Russia's invasion") and the nationality of their ``of`` object ("the
   withdrawal of North Korean troops"); pronouns go to the subject of the governing clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from newsgraph.events.plover import COOPERATIVE, load_json, valid_mode

REPORTING = frozenset(
    [
        "say",
        "tell",
        "announce",
        "state",
        "report",
        "add",
        "note",
        "declare",
        "claim",
        "affirm",
        "reiterate",
        "stress",
        "emphasize",
        "emphasise",
        "indicate",
        "explain",
        "write",
        "quote",
        "suggest",
        "signal",
        "hint",
        "believe",
        "think",
        "confirm",
        "reveal",
        "disclose",
        "acknowledge",
        "mention",
        "remark",
        "describe",
        "comment",
        "assert",
        "maintain",
        "argue",
        "insist",
        "predict",
        "estimate",
        "understand",
        "learn",
        "know",
        "see",
        "show",
    ]
)
LIGHT = frozenset(
    "be have do get make take hold stage launch conduct carry continue begin start resume plan prepare decide try "
    "attempt consider want intend expect aim hope go keep remain put set seem appear tend manage need wish mark "
    "become come allow? let help? move? include involve follow lead use open".replace("?", "").split()
) - {"allow", "help", "move"}
NON_EVENT_LEMMAS = REPORTING | LIGHT | {"official", "government", "state", "country", "people", "year", "day"}

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
HEDGE_AUX = frozenset({"may", "might", "could", "can"})
INTENT = frozenset(
    {
        "plan",
        "intend",
        "willing",
        "ready",
        "prepare",
        "prepared",
        "offer",
        "promise",
        "pledge",
        "vow",
        "swear",
        "expect",
        "agree",
        "schedule",
        "due",
        "slate",
    }
)
COMMISSIVE = frozenset({"promise", "pledge", "vow", "swear", "offer", "commit"})
FAILURE = frozenset({"fail", "refuse", "decline"})
REMOVAL = frozenset(
    {"cancel", "lift", "remove", "end", "ease", "scrap", "revoke", "relax", "suspend", "drop"}
)
RESTRICTIONS = frozenset(
    {"ban", "restriction", "curfew", "emergency", "blockade", "law", "sanction", "embargo", "siege", "charge"}
)
PROPERTY_DAMAGE = frozenset({"blow up", "destroy", "demolish", "burn", "torch", "set fire", "fire", "bomb", "damage", "raze"})
EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "war game"})
HEDGE_GOVERNORS = frozenset({"consider", "contemplate", "mull", "weigh", "explore", "discuss"})
OBLIGATION = frozenset({"must", "should"})
MATERIAL_CONFLICT = ("PROTEST", "COERCE", "ASSAULT", "SANCTION", "MOBILIZE")
NEGATORS = frozenset({"not", "n't", "never", "no"})

TRANSFER = frozenset(
    {
        "hand",
        "send",
        "provide",
        "supply",
        "give",
        "deliver",
        "ship",
        "transfer",
        "sell",
        "provision",
        "sending",
        "supplying",
    }
)
MOVEMENT = frozenset(
    {
        "order",
        "deploy",
        "deployment",
        "dispatch",
        "station",
        "move",
        "mass",
        "mobilize",
        "mobilise",
        "mobilization",
        "send",
        "increase",
        "boost",
        "strengthen",
        "step",
        "expand",
    }
)
WITHDRAWAL = frozenset({"leave", "exit", "abandon", "evacuate", "vacate"})
STOPPING = frozenset({"halt", "stop", "cut", "suspend", "end", "withhold", "prohibit", "deny", "freeze", "block", "reduce", "cancel"})
RELIEF = frozenset("relief disaster humanitarian rescue flood earthquake evacuation victim".split())
TROOPS = frozenset(
    [
        "troop",
        "soldier",
        "force",
        "army",
        "unit",
        "reservist",
        "warship",
        "battalion",
        "division",
        "brigade",
        "marine",
        "navy",
        "fighter",
        "mercenary",
        "infantry",
        "commando",
    ]
)
WEAPONS = frozenset(
    [
        "weapon",
        "arm",
        "missile",
        "tank",
        "ammunition",
        "artillery",
        "rocket",
        "drone",
        "jet",
        "munition",
        "warplane",
        "aircraft",
        "bomber",
        "armament",
        "howitzer",
        "launcher",
    ]
)
POLICE = frozenset({"police", "policeman", "gendarme", "gendarmerie", "patrol"})
AID_OBJECTS = frozenset(
    [
        "aid",
        "assistance",
        "money",
        "food",
        "medicine",
        "medication",
        "vaccine",
        "supply",
        "grain",
        "dollar",
        "fund",
        "loan",
        "relief",
        "shelter",
        "mask",
    ]
)
NONMILITARY_STAFF = frozenset(
    [
        "inspector",
        "observer",
        "monitor",
        "diplomat",
        "ambassador",
        "envoy",
        "worker",
        "staff",
        "mission",
        "peacekeeper",
        "volunteer",
        "personnel",
        "delegation",
        "team",
    ]
)
ARGUMENT_NOUNS = (
    TROOPS
    | WEAPONS
    | POLICE
    | NONMILITARY_STAFF
    | frozenset(
        [
            "agency",
            "person",
            "people",
            "property",
            "individual",
            "official",
            "government",
            "state",
            "country",
            "territory",
        ]
    )
)
MIN_WEIGHT = 1.0
PREP_TARGET = ("against", "to", "on", "toward", "towards", "with", "at", "into", "from", "for", "of")


@dataclass
class LexEntry:
    types: dict[str, float]
    modes: dict[str, str]
    contexts: dict[str, str]
    pos: tuple[str, ...] = ()

    @property
    def best(self) -> str:
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


@dataclass
class CodedEvent:
    """One event read from a sentence: type + mode + context, the trigger and argument tokens."""

    type: str
    trigger: Token
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source: Token | None = None
    target: Token | None = None
    hedged: bool = False
    future: bool = False
    negated: bool = False
    governor: Token | None = None
    confidence: float = 1.0
    lemma: str = ""

    @property
    def embedded(self) -> bool:
        """True when the event is the content of another trigger (requested, denied, alleged ...)."""
        return self.governor is not None


# lemmatizer slips of the small English model ("staged" -> "stag")
LEMMA_FIX = {"stag": "stage"}


def _lemma(t: Token) -> str:
    lem = t.lemma_.lower()
    return LEMMA_FIX.get(lem, lem) if t.pos_ in ("VERB", "AUX") else lem


def lookup(t: Token) -> tuple[str, LexEntry] | None:
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
    lem = _lemma(t)
    if t.pos_ == "AUX" and lem != "must":
        return None
    if t.pos_ == "PROPN" and lem not in {"ceasefire"}:
        return None
    for c in t.children:
        if c.dep_ in ("prt", "prep", "dobj", "compound", "amod"):
            for phrase in (f"{lem} {_lemma(c)}", f"{_lemma(c)} {lem}"):
                if phrase in lex:
                    return phrase, lex[phrase]
    if t.pos_ == "VERB" and lem not in lex and lem in MOVEMENT | TRANSFER | WITHDRAWAL:
        # "moved tanks to the border", "troops left the city": a movement verb is an event by its object / subject
        cls = _object_class(t)
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if lem in WITHDRAWAL and subj is not None and _lemma(subj) in TROOPS:
            return lem, LexEntry({"RETREAT": 1.0}, {"RETREAT": "withdraw"}, {"RETREAT": "military"})
        if cls in ("troops", "weapons", "police"):
            return lem, LexEntry({"MOBILIZE": 1.0}, {}, {})
        if cls in ("aid", "staff") and lem in TRANSFER:
            return lem, LexEntry({"AID": 1.0}, {}, {})
        return None
    if lem in NON_EVENT_LEMMAS or lem in ARGUMENT_NOUNS or lem not in lex or lex[lem].weight < MIN_WEIGHT:
        return None
    if (t.dep_ == "amod" and (t.pos_ != "VERB" or lem == "allege")) or (
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


def _obj_head(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    for c in t.children:
        if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN":
            return c
    if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
        return t.head
    return None


def _object_class(t: Token) -> str | None:
    obj = _obj_head(t)
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
        lem = _lemma(cand)
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


def _frame(t: Token, typ: str, mode: str | None, ctx: list[str]) -> tuple[str, str | None, list[str]]:
    """Adjust the type by the object of transfer / movement / removal triggers."""
    lem = _lemma(t)
    if typ == "ASSAULT" and t.pos_ == "VERB":
        obj = _obj_head(t)
        phrase = next((f"{lem} {_lemma(c)}" for c in t.children if f"{lem} {_lemma(c)}" in PROPERTY_DAMAGE), lem)
        if phrase in PROPERTY_DAMAGE and obj is not None and not is_actor(obj) and _lemma(obj) not in TROOPS | WEAPONS:
            # CAMEO 171 "Seize or damage property" (crosswalk: COERCE seize): harm to things, not to people
            return "COERCE", "seize", ["human_security"]
    compounds = " ".join(_lemma(c) for c in t.children if c.dep_ == "compound")
    if lem in EXERCISES or f"{compounds} {lem}" in EXERCISES:
        joint = any(_lemma(c) in ("joint", "combined", "bilateral", "multinational") for c in t.children) or any(
            c.dep_ == "prep" and c.lower_ == "with" for c in t.children
        )
        subj = _subject(t.head) if t.dep_ in ("dobj", "pobj") else _subject(t)
        if subj is not None and any(c.dep_ == "conj" for c in subj.children):
            joint = True
        # manual, MOBILIZE: "joint military operations are COOPERATE but single-country exercises MOBILIZE"
        return ("COOPERATE", None, ["military"]) if joint else ("MOBILIZE", "troops", ["military"])
    if lem in STOPPING and t.pos_ == "VERB" and _object_class(t) == "aid":
        return "SANCTION", "discontinue", []  # crosswalk 162 "Reduce or stop aid"
    if lem in REMOVAL and t.pos_ == "VERB":
        obj = _obj_head(t)
        if obj is not None and _lemma(obj) in RESTRICTIONS:
            if _lemma(obj) in ("sanction", "embargo"):
                # crosswalk 085 "Ease economic sanctions, boycott, embargo"
                return "RETREAT", None, ["economic"]
            if _lemma(obj) in ("siege", "blockade"):
                # crosswalk 0872 "Ease military blockade"
                return "RETREAT", "withdraw", ["military"]
            # crosswalk 081x "Ease administrative sanctions / restrictions"
            return "CONCEDE", None, ctx
    if lem not in TRANSFER | MOVEMENT | {"withdraw", "withdrawal", "pull"}:
        return typ, mode, ctx
    cls = _object_class(t)
    if lem in {"withdraw", "withdrawal", "pull"}:
        obj = _obj_head(t)
        if obj is not None and typ == "RETREAT":
            if cls == "aid":
                return "SANCTION", "discontinue", []
            if (_lemma(obj) in NONMILITARY_STAFF and _lemma(obj) != "peacekeeper") or _lemma(
                obj
            ) == "inspector":
                return "SANCTION", "withdraw", ["diplomatic"]
        return typ, mode, ctx
    if cls in ("troops", "police") and any(w.lemma_.lower() in RELIEF for w in t.subtree):
        # manual, MOBILIZE: "mobilizing police or military forces for disaster relief should be coded as AID"
        return "AID", None, ["human_security"]
    if cls == "troops":
        return "MOBILIZE", "troops", ["military"]
    if cls == "police":
        return "MOBILIZE", "police", []
    if cls == "weapons":
        if lem in TRANSFER and lem not in {"deploy", "deployment", "station", "move", "mass"}:
            return "AID", None, ["military"]
        return "MOBILIZE", "weapons", ["military"]
    if cls in ("aid", "staff"):
        # manual, AID: "military and police assistance including arms and personnel"
        return "AID", None, ctx
    return typ, mode, ctx


SCOPE_DEPS = frozenset(
    {"dobj", "ccomp", "xcomp", "pcomp", "acomp", "attr", "nsubjpass", "compound", "amod", "acl", "oprd"}
)
SCOPE_PREPS = frozenset(
    {"for", "of", "to", "on", "against", "about", "over", "into", "regarding", "concerning"}
)


def _governing_chain(t: Token, limit: int = 6) -> list[Token]:
    """The heads whose *content* ``t`` is: up through complements and argument phrases ("called for the withdrawal",
    "accused Russia of taking"), stopping at adjuncts ("at a meeting", "after talks"), coordination and relative
    clauses, where an independent event begins."""
    out: list[Token] = []
    cur = t
    while cur.head.i != cur.i and len(out) < limit:
        dep = cur.dep_
        head = cur.head
        if dep == "pobj":
            if head.dep_ != "prep" or (head.lower_ not in SCOPE_PREPS and head.head.pos_ in ("VERB", "AUX")):
                break
        elif dep == "prep":
            if cur.lower_ not in SCOPE_PREPS and head.pos_ in ("VERB", "AUX"):
                break
        elif dep == "advcl":
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                break
        elif dep not in SCOPE_DEPS:
            break
        cur = head
        out.append(cur)
    return out


def _has_child(t: Token, deps: tuple[str, ...], lemmas: frozenset[str]) -> bool:
    return any(c.dep_ in deps and _lemma(c) in lemmas for c in t.children)


def _tense_flags(t: Token) -> tuple[bool, bool, bool]:
    """(future, hedged, negated) from auxiliaries and governing verbs up the xcomp/ccomp chain."""
    future = _has_child(t, ("aux",), FUTURE_AUX)
    preparing = False
    hedged = _has_child(t, ("aux",), HEDGE_AUX)
    negated = _has_child(t, ("neg",), NEGATORS)
    cur = t
    for _ in range(4):
        if (
            cur.dep_ not in ("xcomp", "ccomp", "pcomp", "advcl", "dobj", "pobj", "prep")
            or cur.head.i == cur.i
        ):
            break
        cur = cur.head
        lem = _lemma(cur)
        if lem in INTENT or (_has_child(cur, ("aux",), FUTURE_AUX) and cur.pos_ in ("VERB", "AUX", "ADJ")):
            future = True
        if lem in ("prepare", "prepared"):
            preparing = True
        if lem in FAILURE and cur.pos_ == "VERB":
            negated = True
        if lem in HEDGE_GOVERNORS or _has_child(cur, ("aux",), HEDGE_AUX):
            hedged = True
    return future or preparing, hedged, negated


def _preparing(t: Token) -> bool:
    cur = t
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if _lemma(cur) in ("prepare", "ready"):
            return True
    return False


def _conditional_threat(t: Token) -> bool:
    """ "will withdraw ... unless X": a commitment conditioned on the recipient's behaviour is a threat."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in t.children
    )


def _subject(t: Token, depth: int = 0) -> Token | None:
    """The actor of a verbal trigger: nsubj, passive agent, or the subject inherited from a governing clause."""
    for c in t.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    for c in t.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if depth < 4 and t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") and t.head.i != t.i:
        return _subject(t.head, depth + 1)
    if depth < 4 and t.dep_ in ("pobj", "dobj", "prep") and t.head.i != t.i:
        return _subject(t.head, depth + 1)
    return None


def _nominal_agent(t: Token) -> Token | None:
    """Actor of a nominal trigger: possessor, nationality adjective, ``by`` phrase, or owner of the ``of`` object."""
    for c in t.children:
        if c.dep_ == "poss":
            return c
    for c in t.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    obj = _obj_head(t)
    if obj is not None and _lemma(obj) in TROOPS | WEAPONS | POLICE:
        return _owner(obj) or None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    if (
        t.dep_ in ("dobj", "attr")
        and t.head.pos_ in ("VERB", "AUX")
        and _lemma(t.head) in LIGHT | HEDGE_GOVERNORS | INTENT
    ):
        return _subject(t.head)
    return None


def _owner(noun: Token) -> Token | None:
    """The nationality / possessor of a noun phrase ("North Korean troops", "its troops", "Russia's army")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"):
            return c
    return None


ACTOR_NOUNS = frozenset(
    [
        "government",
        "ministry",
        "minister",
        "president",
        "premier",
        "official",
        "office",
        "administration",
        "cabinet",
        "ambassador",
        "diplomat",
        "embassy",
        "leader",
        "regime",
        "authority",
        "army",
        "military",
        "force",
        "troop",
        "soldier",
        "police",
        "rebel",
        "guerrilla",
        "militant",
        "insurgent",
        "court",
        "judge",
        "parliament",
        "lawmaker",
        "party",
        "people",
        "civilian",
        "refugee",
        "protester",
        "demonstrator",
        "worker",
        "student",
        "group",
        "opposition",
        "country",
        "nation",
        "state",
        "neighbor",
        "neighbour",
        "ally",
        "partner",
        "organization",
        "agency",
        "union",
        "council",
        "committee",
    ]
)


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
    return _lemma(t) in ACTOR_NOUNS


def _target(t: Token, source: Token | None) -> Token | None:
    """Recipient: a person/group object, a dative, or the object of to/against/on/... (not the transferred thing)."""
    things = TROOPS | WEAPONS | POLICE | AID_OBJECTS
    for c in t.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON") and is_actor(c):
            return c
    for c in t.children:
        if c.dep_ == "dobj" and _lemma(c) not in things and is_actor(c):
            return c
    for prep in PREP_TARGET:
        for c in t.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                for p in c.children:
                    if (
                        p.dep_ == "pobj"
                        and (source is None or p.i != source.i)
                        and is_actor(p)
                        and _lemma(p) not in things
                    ):
                        return p
    for c in t.children:
        if c.dep_ == "dobj" and _lemma(c) not in things and c.pos_ == "NOUN":
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


def code_token(t: Token) -> CodedEvent | None:
    """Code one trigger token (None when it is not in the lexicon)."""
    hit = lookup(t)
    if hit is None:
        return None
    phrase, entry = hit
    typ = entry.best
    mode = valid_mode(typ, entry.modes.get(typ))
    ctx = [entry.contexts[typ]] if typ in entry.contexts else []
    typ, mode, ctx = _frame(t, typ, mode, ctx)
    future, hedged, negated = _tense_flags(t)
    obliged = _has_child(t, ("aux",), OBLIGATION)
    if typ == "ASSAULT" and _preparing(t):
        # manual, MOBILIZE: military moves short of the actual use of force ("the army prepared to resume shelling")
        typ, mode, future = "MOBILIZE", "weapons", False
    if future and _conditional_threat(t) and typ not in ("REQUEST", "THREATEN"):
        typ, mode = "THREATEN", None
    elif negated and typ in COOPERATIVE:
        typ, mode = "REJECT", None
    elif obliged and typ not in ("REQUEST", "THREATEN", "REJECT", "ACCUSE"):
        # "Sudan must return the helicopter": a demand (CAMEO 10), the obliged party is the recipient
        typ, mode = "REQUEST", None
    elif future and not hedged and typ in COOPERATIVE and typ != "AGREE":
        # crosswalk 03x "Express intent to ..." (incl. 035x intent to yield / release) -> AGREE
        typ, mode = "AGREE", None
    elif future and not hedged and typ in MATERIAL_CONFLICT and typ != "MOBILIZE":
        # crosswalk 13x "Threaten to boycott / ban / halt ... / with military force" -> THREATEN
        mode = {
            "COERCE": "restrict",
            "PROTEST": "restrict",
            "SANCTION": "relations",
            "ASSAULT": "violence",
            "MOBILIZE": "violence",
        }[typ]
        typ = "THREATEN"
    if t.pos_ in ("NOUN", "PROPN"):
        source = _nominal_agent(t)
    else:
        source = _subject(t)
        if source is None and t.dep_ == "acl" and t.tag_ == "VBN":
            source = _owner(t.head) or (t.head if _lemma(t.head) not in TROOPS | WEAPONS | POLICE else None)
        elif source is None and t.dep_ == "dep" and t.tag_ in ("VBN", "VBD"):
            # a reduced relative the parser left unattached: "troops allegedly deployed to ..."
            left = t.i - 1
            while left >= t.sent.start and t.doc[left].pos_ == "ADV":
                left -= 1
            if left >= t.sent.start and t.doc[left].pos_ == "NOUN":
                noun = t.doc[left]
                source = _owner(noun) or (noun if is_actor(noun) else None)
    target = _target(t, source)
    if obliged and typ == "REQUEST":
        source, target = None, source
    if t.pos_ in ("NOUN", "PROPN") and target is None:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "against", "on", "toward", "with", "into"):
                target = next(
                    (
                        p
                        for p in c.children
                        if p.dep_ == "pobj" and is_actor(p) and _lemma(p) not in TROOPS | WEAPONS
                    ),
                    None,
                )
                if target is not None:
                    break
    return CodedEvent(
        type=typ,
        trigger=t,
        mode=valid_mode(typ, mode),
        context=[c for c in ctx if c],
        source=source,
        target=target,
        hedged=hedged,
        future=future,
        negated=negated,
        confidence=entry.confidence,
        lemma=phrase,
    )


def rank_key(ev: CodedEvent) -> tuple[int, int, int, float]:
    """Main event first: top events before content, shallow before deep, verbs before nouns, confident first."""
    return (int(ev.embedded), len(list(ev.trigger.ancestors)), int(ev.trigger.pos_ != "VERB"), -ev.confidence)


def code_sentence(
    span: Span, *, within: tuple[int, int] | None = None, nested: bool = False
) -> list[CodedEvent]:
    """Code the events of one sentence (or clause), best first.

    ``within`` (character offsets) restricts triggers to part of the span, e.g. a claim's content. Without
    ``nested``, only top events are returned (a trigger governed by another trigger is dropped); with it, embedded
    events come too, each with ``governor`` set. The first element is the sentence's main event.
    """
    coded: dict[int, CodedEvent] = {}
    for t in span:
        if within is not None and not (within[0] <= t.idx < within[1]):
            continue
        ev = code_token(t)
        if ev is not None:
            coded[t.i] = ev
    for ev in coded.values():
        for anc in _governing_chain(ev.trigger):
            if anc.i in coded and (within is None or within[0] <= anc.idx < within[1]):
                ev.governor = anc
                break
    for ev in list(coded.values()):
        # "sent 21 personnel to Bosnia to investigate": sending people on a mission is coded by the mission
        if not ev.embedded and _lemma(ev.trigger) in TRANSFER | MOVEMENT and _object_class(ev.trigger) in ("staff", None):
            purpose = [
                x for x in coded.values()
                if x.governor is not None and x.governor.i == ev.trigger.i and x.trigger.dep_ in ("advcl", "xcomp")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.trigger.children)
            ]
            if purpose:
                purpose[0].governor = None
                purpose[0].source = purpose[0].source or ev.source
                ev.governor = purpose[0].trigger
    for ev in list(coded.values()):
        # "vowed to fight" is a threat, "vowed not to return the Golan" a rejection: the content decides
        if ev.lemma in COMMISSIVE and not ev.embedded:
            inner = [x for x in coded.values() if x.governor is not None and x.governor.i == ev.trigger.i]
            if inner and inner[0].type in ("THREATEN", "REJECT"):
                inner[0].governor = None
                if inner[0].source is None:
                    inner[0].source = ev.source
                ev.governor = inner[0].trigger
    events = [ev for ev in coded.values() if nested or not ev.embedded]

    events.sort(key=rank_key)
    _fill_embedded_targets(events, coded)
    return events


# REQUEST / REJECT modes (manual: assist, change, yield, meet) from the type of what is requested or rejected.
CONTENT_MODE = {
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
    "CONSULT": "meet",
    "AGREE": "meet",
}


def _fill_embedded_targets(events: list[CodedEvent], coded: dict[int, CodedEvent]) -> None:
    """A speech act without an explicit recipient is aimed at the actor of its content ("urged the withdrawal of
    North Korean troops" -> recipient North Korea)."""
    by_gov: dict[int, list[CodedEvent]] = {}
    for ev in coded.values():
        if ev.governor is not None:
            by_gov.setdefault(ev.governor.i, []).append(ev)
    for ev in events:
        inners = by_gov.get(ev.trigger.i, [])
        if ev.target is None and ev.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "PROTEST"):
            for inner in inners:
                if inner.source is not None and (ev.source is None or inner.source.i != ev.source.i):
                    ev.target = inner.source
                    break
        if ev.type in ("REQUEST", "REJECT") and ev.mode is None and inners:
            ev.mode = CONTENT_MODE.get(inners[0].type)
            ev.context = ev.context or list(inners[0].context)
        if ev.target is None:
            # "promised to continue military aid to Mozambique": the content's recipient
            for inner in inners:
                if inner.target is not None and (ev.source is None or inner.target.i != ev.source.i):
                    ev.target = inner.target
                    break
