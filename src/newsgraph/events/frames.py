"""Argument-dependent typing: a trigger whose PLOVER type depends on who acts or on what it acts on.

Each rule reads the dependency parse around the trigger and comes from a CAMEO description of the CAMEO2PLOVER
crosswalk or a "potential ambiguities" note of the PLOVER manual (cited at the rule). :func:`refine` runs before the
transfer / movement frames of :mod:`newsgraph.events.coder`; when it returns a type, that type is final.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.arguments import is_actor, subject_of
from newsgraph.events.lexicon import lemma_of, obj_head, object_class
from newsgraph.events.records import CodedEvent
from newsgraph.events.vocab import (
    ACCESS_VERBS,
    AID_OBJECTS,
    AID_VERBS,
    ARMED,
    CROWD_CONTROL,
    FORUMS,
    GRANTABLE_RIGHTS,
    INDIVIDUALS,
    NONMILITARY_STAFF,
    POLICE,
    PROTESTERS,
    SUSPECTS,
    TRANSFER,
    TROOPS,
    TRUCE,
    WEAPONS,
)
from newsgraph.models import PloverType


@dataclass(frozen=True)
class Frame:
    """An event type read from a trigger and its arguments: type, mode and context."""

    type: PloverType
    mode: str | None
    context: list[str]


# staff whose admission is access for a third party (observers, inspectors), not a visit (envoys, ministers)
_VISITORS = frozenset({"ambassador", "delegation", "diplomat", "envoy"})
# governmental speakers: their "protest" is a diplomatic protest (manual, PROTEST: ACCUSE 'disapprove')
_OFFICIAL = frozenset(
    {
        "administration",
        "ambassador",
        "embassy",
        "government",
        "minister",
        "ministry",
        "official",
        "premier",
        "president",
        "spokesman",
        "spokeswoman",
        "state",
    }
)
_MEETINGS = frozenset({"consultation", "meeting", "negotiation", "summit", "talk", "talks", "visit"})
_DEMANDS = frozenset({"call", "condition", "demand", "request", "term"})
_PROTEST_VERBS = frozenset({"demonstrate", "march", "protest", "rally", "strike"})
_DIPLOMATIC_PROTEST = frozenset({"diplomatic", "formal", "official", "strong", "strongly", "written"})


def _base(t: Token | None) -> str:
    """Lemma of a noun, undoing the small model's sentence-initial slip ("Guerrillas" tagged a proper noun)."""
    if t is None:
        return ""
    lem = lemma_of(t)
    if t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "GPE", "NORP") and lem.endswith("s"):
        return lem[:-1]
    return lem


def _lemmas(tokens: Iterable[Token]) -> set[str]:
    return {lemma_of(t) for t in tokens}


def _with_compounds(t: Token | None) -> set[str]:
    """The lemma of a noun and of its compound / amod / conj dependents ("ceasefire agreement" -> both)."""
    if t is None:
        return set()
    return {lemma_of(t)} | _lemmas(c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "conj"))


def _pobjs(t: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for c in t.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in preps:
            out += [p for p in c.children if p.dep_ == "pobj"]
            # "out of the talks": the pobj hangs under the second preposition
            out += [p for g in c.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
    return out


def _official(t: Token | None) -> bool:
    if t is None:
        return False
    return t.ent_type_ == "GPE" or (lemma_of(t) in _OFFICIAL and lemma_of(t) not in PROTESTERS)


def refine(t: Token, phrase: str, typ: PloverType, mode: str | None, ctx: list[str]) -> Frame | None:  # noqa: C901, PLR0912
    """The type read from the trigger's arguments, or None when no argument rule applies."""
    lem = lemma_of(t)
    verb = t.pos_ == "VERB"
    obj = obj_head(t)
    objs = _with_compounds(obj)
    subj = subject_of(t) if verb else None
    slem = _base(subj)
    if subj is not None and _lemmas(c for c in subj.children if c.dep_ in ("compound", "amod")) & {
        "security",
        "police",
        "riot",
    }:
        slem = "police"  # "security forces", "riot police": policing, not combat

    if lem in ("disperse", "break") and typ == "COERCE" and _lemmas(t.sent) & CROWD_CONTROL:
        return Frame(
            "ASSAULT", "crowd-control", []
        )  # manual, ASSAULT 'crowd-control': tear gas, water cannons, ...
    if typ == "ASSAULT" and objs & CROWD_CONTROL:
        return Frame("ASSAULT", "crowd-control", [])  # "fired tear gas", "used rubber bullets"
    if (
        verb
        and lem in ("return", "fly", "travel", "come", "go")
        and {lemma_of(x) for x in _pobjs(t, ("for", "to"))} & _MEETINGS
    ):
        return Frame("CONSULT", "visit", [])  # "returned to Geneva for talks": crosswalk 042 "Make a visit"
    if (
        verb
        and lem in ("mobilize", "mobilise", "rally")
        and obj is not None
        and object_class(t) is None
        and _base(obj) not in ARMED | POLICE
    ):
        # not forces but people or opinion: manual, MOBILIZE: "mobilizing supporters to demonstrate" is PROTEST;
        # otherwise crosswalk 053 "Rally support on behalf of" (SUPPORT)
        purpose = [c for c in t.children if c.dep_ in ("advcl", "xcomp") and lemma_of(c) in _PROTEST_VERBS]
        return Frame("PROTEST", "demo", []) if purpose else Frame("SUPPORT", None, ["diplomatic"])
    if verb and lem == "strike" and (any(c.dep_ == "dobj" for c in t.children) or slem in ARMED):
        # a strike *on something* or by armed forces is an attack (CAMEO 19), workers striking a PROTEST
        return Frame("ASSAULT", None, ["military"])
    killing = any(
        c.dep_ in ("advcl", "conj") and lemma_of(c) in ("kill", "wound", "injure") for c in t.children
    )
    if verb and lem == "raid" and (slem in ARMED or killing):
        # manual, COERCE 'seize': "execute search, confiscate property, raid" is police work; a raid by armed
        # forces or rebels is the use of force (CAMEO 19)
        return Frame("ASSAULT", None, ["military"])
    if lem in ("violate", "breach", "break") and objs & TRUCE:
        return Frame("ASSAULT", None, ["legal", "military"])  # crosswalk 196 "Violate ceasefire"
    if typ in ("ASSAULT", "COERCE") and slem in PROTESTERS:
        # manual, PROTEST 'riot': violent action of protesters toward an 'other' group or the authorities
        return Frame("PROTEST", "riot", [])
    if lem == "protest" and (
        (verb and (_official(subj) or _pobjs(t, ("to", "with"))))
        or (t.pos_ == "NOUN" and _lemmas(t.children) & _DIPLOMATIC_PROTEST)
    ):
        # manual, PROTEST: "diplomatic protests ... are coded as ACCUSE 'disapprove'"
        return Frame("ACCUSE", "disapprove", ["diplomatic"])
    if verb and lem == "receive" and obj is not None:
        if lemma_of(obj) in NONMILITARY_STAFF - _VISITORS or (
            object_class(t) == "staff" and lemma_of(obj) == "mission"
        ):
            return Frame("RETREAT", "access", ["diplomatic"])  # crosswalk 0862 "Receive inspectors"
        if is_actor(obj) and lemma_of(obj) not in TROOPS | WEAPONS | POLICE | AID_OBJECTS:
            return Frame("CONSULT", "visit", [])  # crosswalk 043 "Host a visit"
    if verb and lem in ACCESS_VERBS and lem != "receive":
        admitted = [obj] if obj is not None else []
        admitted += [
            c for x in t.children if x.dep_ in ("ccomp", "xcomp") for c in x.children if c.dep_ == "nsubj"
        ]
        for a in admitted:
            if lemma_of(a) in (NONMILITARY_STAFF - _VISITORS) | {"access", "entry", "aid", "convoy"}:
                # crosswalk 086 "Allow international involvement", 0863 "Allow delivery of humanitarian aid"
                return Frame(
                    "RETREAT",
                    "access",
                    ["humanitarian" if lemma_of(a) in ("aid", "convoy") else "diplomatic"],
                )
    if verb and lem in AID_VERBS and object_class(t) == "aid":
        return Frame("AID", None, ["economic"])  # "approved a loan", "released funds": CAMEO 07 provide aid
    if lem in ("expel", "expulsion") and obj is not None:
        # "foreign workers" are individuals, "aid workers" and "UN monitors" an organisation's staff
        staff = lemma_of(obj) in NONMILITARY_STAFF and (
            _base(obj) not in INDIVIDUALS or objs & {"aid", "relief", "humanitarian", "un"}
        )
        if not staff and (_base(obj) in INDIVIDUALS or obj.ent_type_ in ("PERSON", "NORP")):
            return Frame("COERCE", "deport", ["legal"])  # manual, SANCTION: expelling individuals is COERCE
    if lem == "grant" and objs & GRANTABLE_RIGHTS:
        return Frame("CONCEDE", None, ["rights_freedoms"])  # crosswalk 0833 "Accede to demands for rights"
    if lem in ("withdraw", "withdrawal", "pull", "quit", "leave", "walk", "exit"):
        left = [obj] if obj is not None and lem in ("quit", "leave", "exit") else []
        left += _pobjs(t, ("from", "out"))
        for x in left:
            if _with_compounds(x) & FORUMS or (x.ent_type_ == "ORG" and x.pos_ == "PROPN"):
                # crosswalk 161 "Reduce or break diplomatic relations", 164 "Halt negotiations"
                return Frame("SANCTION", "withdraw", ["diplomatic"])
    if (
        phrase in ("hand over", "turn over")
        and obj is not None
        and (
            lemma_of(obj) in SUSPECTS
            or any(c.dep_ == "acl" and lemma_of(c) == "suspect" for c in obj.children)
        )
    ):
        return Frame(
            "COOPERATE", None, ["legal"]
        )  # crosswalk 063 "Engage in judicial cooperation" (handing over)
    if phrase == "walk out" and not _pobjs(t, ("of", "out", "from")):
        return Frame(
            "PROTEST", "strike", []
        )  # workers walking out (manual, PROTEST 'strike'), not out *of* talks
    if (
        lem in ("agree", "accept", "accede", "bow", "yield", "give")
        and {lemma_of(x) for x in [*_pobjs(t, ("to", "in")), *([obj] if obj is not None else [])]} & _DEMANDS
    ):
        return Frame("CONCEDE", None, [])  # crosswalk 083 "Accede to requests or demands"
    if typ == "RETREAT" and " " in phrase and lem in TRANSFER and object_class(t) != "aid":
        # "handed in their weapons", "gave up arms": the phrase, not the transfer verb
        return Frame(typ, mode, ctx)
    return None


def embed_protest_topics(coded: dict[int, CodedEvent]) -> None:
    """Manual, PROTEST: "the *topic* of the protest - which will typically be a REQUEST - is not coded as a separate
    event". A request or accusation in the purpose clause of a protest ("went on strike to demand higher wages",
    "marched ... demanding his release") is made the protest's content."""
    protests = [ev for ev in coded.values() if ev.type == "PROTEST" and not ev.embedded]
    for ev in list(coded.values()):
        if ev.embedded or ev.type not in ("REQUEST", "ACCUSE") or ev.trigger.pos_ != "VERB":
            continue
        purpose = ev.trigger.dep_ in ("advcl", "xcomp", "acl") and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in ev.trigger.children) or ev.trigger.tag_ == "VBG"
        )
        if not purpose:
            continue
        head = ev.trigger.head
        for p in protests:
            # the protest is the clause's verb, or a noun argument of it ("went on strike", "staged a march")
            if p.trigger.i == head.i or (p.trigger.head.i == head.i or p.trigger.head.head.i == head.i):
                ev.governor = p.trigger
                break
