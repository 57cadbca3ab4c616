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
5. **Actors.** ``nsubj`` / ``agent`` is the source, ``dobj`` / ``dative`` / passive subject / ``pobj`` of to,
   against, on, of ... the target, then the subject of a content clause or condition, the owner of the object and
   the place acted on (:mod:`newsgraph.events.arguments`); nominal triggers take ``poss`` ("Russia's invasion"),
   the nationality of their ``of`` object ("the withdrawal of North Korean troops") or the subject of a verb that
   is no event ("announced a suspension"); pronouns go to the subject of the governing clause.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.events.actors import resolve_pronoun
from newsgraph.events.arguments import (
    MOVERS,
    has_child,
    is_actor,
    nominal_agent,
    object_owner,
    owner_of,
    place_target,
    subject_of,
    target_of,
)
from newsgraph.events.frames import Frame, embed_protest_topics, refine
from newsgraph.events.lexicon import lemma_of, lookup, obj_head, object_class, prep_object
from newsgraph.events.plover import COOPERATIVE, valid_mode
from newsgraph.events.records import CodedEvent
from newsgraph.events.vocab import (
    CIVIL_RIGHTS,
    COMMISSIVE,
    CONTENT_MODE,
    EXERCISES,
    FAILURE,
    FUTURE_AUX,
    HEDGE_AUX,
    HEDGE_GOVERNORS,
    INTENT,
    LIGHT,
    MATERIAL_CONFLICT,
    MOVEMENT,
    NEGATORS,
    NONMILITARY_STAFF,
    OBLIGATION,
    PEACEKEEPING,
    POLICE,
    PROPERTY_DAMAGE,
    RELIEF,
    REMOVAL,
    REPORTING,
    RESTRICTIONS,
    SCOPE_DEPS,
    SCOPE_PREPS,
    STOPPING,
    TRANSFER,
    TROOPS,
    WEAPONS,
)
from newsgraph.models import PloverType

# lemmatizer slips of the small English model ("staged" -> "stag")


def _frame(t: Token, typ: PloverType, mode: str | None, ctx: list[str]) -> Frame:  # noqa: C901, PLR0912
    """Adjust the type by the object of transfer / movement / removal triggers."""
    lem = lemma_of(t)
    if typ == "ASSAULT" and t.pos_ == "VERB":
        obj = obj_head(t)
        phrase = next(
            (f"{lem} {lemma_of(c)}" for c in t.children if f"{lem} {lemma_of(c)}" in PROPERTY_DAMAGE), lem
        )
        if (
            phrase in PROPERTY_DAMAGE
            and obj is not None
            and not is_actor(obj)
            and obj.pos_ != "PRON"  # "the bomber blew himself up"
            and lemma_of(obj) not in TROOPS | WEAPONS
        ):
            # CAMEO 171 "Seize or damage property" (crosswalk: COERCE seize): harm to things, not to people
            return Frame("COERCE", "seize", ["human_security"])
    compounds = " ".join(lemma_of(c) for c in t.children if c.dep_ == "compound")
    if lem in EXERCISES or f"{compounds} {lem}" in EXERCISES:
        joint = any(
            lemma_of(c) in ("joint", "combined", "bilateral", "multinational") for c in t.children
        ) or any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
        subj = subject_of(t.head) if t.dep_ in ("dobj", "pobj") else subject_of(t)
        if subj is not None and any(c.dep_ == "conj" for c in subj.children):
            joint = True
        # manual, MOBILIZE: "joint military operations are COOPERATE but single-country exercises MOBILIZE"
        return Frame("COOPERATE", None, ["military"]) if joint else Frame("MOBILIZE", "troops", ["military"])
    if lem == "suspend" and t.pos_ == "VERB":
        obj = obj_head(t)
        of_obj = (
            [p.lemma_.lower() for c in obj.children if c.lower_ == "of" for p in c.children] if obj else []
        )
        if obj is not None and (lemma_of(obj) in CIVIL_RIGHTS or CIVIL_RIGHTS & set(of_obj)):
            return Frame(
                "COERCE", "restrict", ["rights_freedoms"]
            )  # crosswalk 172x "Impose restrictions on freedoms"
        if obj is not None and lemma_of(obj) in RESTRICTIONS:
            return Frame("CONCEDE", None, ctx)
    if (
        t.pos_ == "VERB"
        and any(c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in t.children)
        and lem in TRANSFER | MOVEMENT
    ):
        # "peacekeepers were shipped out", "moved its troops out": a withdrawal
        obj = obj_head(t)
        if obj is not None and lemma_of(obj) in NONMILITARY_STAFF:
            return Frame("SANCTION", "withdraw", ["diplomatic"])
        return Frame("RETREAT", "withdraw", ["military"])
    if lem in STOPPING and t.pos_ == "VERB" and object_class(t) == "aid":
        return Frame("SANCTION", "discontinue", [])  # crosswalk 162 "Reduce or stop aid"
    if lem in REMOVAL and t.pos_ == "VERB":
        obj = obj_head(t)
        if obj is not None and lemma_of(obj) in RESTRICTIONS:
            if lemma_of(obj) in ("sanction", "embargo"):
                # crosswalk 085 "Ease economic sanctions, boycott, embargo"
                return Frame("RETREAT", None, ["economic"])
            if lemma_of(obj) in ("siege", "blockade"):
                # crosswalk 0872 "Ease military blockade"
                return Frame("RETREAT", "withdraw", ["military"])
            # crosswalk 081x "Ease administrative sanctions / restrictions"
            return Frame("CONCEDE", None, ctx)
    if lem not in TRANSFER | MOVEMENT | {"withdraw", "withdrawal", "pull"}:
        return Frame(typ, mode, ctx)
    cls = object_class(t)
    if lem in {"withdraw", "withdrawal", "pull"}:
        obj = obj_head(t)
        if obj is not None and typ == "RETREAT":
            if cls == "aid":
                return Frame("SANCTION", "discontinue", [])
            if (lemma_of(obj) in NONMILITARY_STAFF and lemma_of(obj) != "peacekeeper") or lemma_of(
                obj
            ) == "inspector":
                return Frame("SANCTION", "withdraw", ["diplomatic"])
        return Frame(typ, mode, ctx)
    if cls in ("troops", "police") and any(w.lemma_.lower() in RELIEF for w in t.subtree):
        # manual, MOBILIZE: "mobilizing police or military forces for disaster relief should be coded as AID"
        return Frame("AID", None, ["human_security"])
    if (
        cls == "troops"
        and lem in TRANSFER | MOVEMENT
        and any(w.lemma_.lower() in PEACEKEEPING for w in t.subtree)
    ):
        return Frame(
            "AID", None, ["peacekeeping"]
        )  # crosswalk 074 "Provide military protection or peacekeeping"
    if cls == "troops":
        return Frame("MOBILIZE", "troops", ["military"])
    if cls == "police":
        return Frame("MOBILIZE", "police", [])
    if cls == "weapons":
        if lem in TRANSFER and lem not in {"deploy", "deployment", "station", "move", "mass"}:
            return Frame("AID", None, ["military"])
        return Frame("MOBILIZE", "weapons", ["military"])
    if cls in ("aid", "staff"):
        # manual, AID: "military and police assistance including arms and personnel"
        return Frame("AID", None, ctx)
    return Frame(typ, mode, ctx)


def governing_chain(t: Token, limit: int = 6) -> list[Token]:
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


def _tense_flags(t: Token) -> tuple[bool, bool, bool]:
    """(future, hedged, negated) from auxiliaries and governing verbs up the xcomp/ccomp chain."""
    future = has_child(t, ("aux",), FUTURE_AUX)
    preparing = False
    hedged = has_child(t, ("aux",), HEDGE_AUX)
    negated = has_child(t, ("neg",), NEGATORS)
    cur = t
    for _ in range(4):
        if (
            cur.dep_ not in ("xcomp", "ccomp", "pcomp", "advcl", "dobj", "pobj", "prep")
            or cur.head.i == cur.i
        ):
            break
        cur = cur.head
        lem = lemma_of(cur)
        if lem in INTENT or (has_child(cur, ("aux",), FUTURE_AUX) and cur.pos_ in ("VERB", "AUX", "ADJ")):
            future = True
        if lem in ("prepare", "prepared"):
            preparing = True
        if lem in FAILURE and cur.pos_ == "VERB":
            negated = True
        if lem in LIGHT and has_child(cur, ("neg",), NEGATORS):
            negated = True  # "did not hold talks", "will not attend the summit": the light verb carries the negation
        if lem in HEDGE_GOVERNORS or has_child(cur, ("aux",), HEDGE_AUX):
            hedged = True
    return future or preparing, hedged, negated


def _preparing(t: Token) -> bool:
    cur = t
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if lemma_of(cur) in ("prepare", "ready"):
            return True
    return False


def _conditional_threat(t: Token) -> bool:
    """ "will withdraw ... unless X": a commitment conditioned on the recipient's behaviour is a threat."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in t.children
    )


def code_token(t: Token) -> CodedEvent | None:  # noqa: C901, PLR0912, PLR0915
    """Code one trigger token (None when it is not in the lexicon)."""
    hit = lookup(t)
    if hit is None:
        return None
    phrase, entry = hit
    typ = entry.best
    mode = valid_mode(typ, entry.modes.get(typ))
    ctx = [entry.contexts[typ]] if typ in entry.contexts else []
    refined = refine(t, phrase, typ, mode, ctx)
    frame = refined if refined is not None else _frame(t, typ, mode, ctx)
    typ, mode, ctx = frame.type, frame.mode, frame.context
    future, hedged, negated = _tense_flags(t)
    obliged = has_child(t, ("aux",), OBLIGATION)
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
        source = nominal_agent(t)
    else:
        source = subject_of(t)
        moved = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
        if (
            source is None
            and moved is not None
            and lemma_of(t) in TRANSFER | MOVEMENT | MOVERS
            and lemma_of(moved) in TROOPS | POLICE | NONMILITARY_STAFF
        ):
            # "UN peacekeepers were shipped out", "North Korean troops were deployed": the forces' owner moves them
            source = owner_of(moved)
        if source is None and t.dep_ == "acl" and t.tag_ == "VBG":
            # "troops fighting in ...": the noun acts; "issued a statement condemning ...": whoever issued it
            if is_actor(t.head):
                source = owner_of(t.head) if lemma_of(t.head) in TROOPS | POLICE else t.head
            elif t.head.dep_ == "dobj" and t.head.head.pos_ == "VERB":
                source = subject_of(t.head.head)
        elif source is None and t.dep_ == "acl" and t.tag_ == "VBN":
            source = owner_of(t.head) or (
                t.head if lemma_of(t.head) not in TROOPS | WEAPONS | POLICE else None
            )
        elif source is None and t.dep_ == "dep" and t.tag_ in ("VBN", "VBD"):
            # a reduced relative the parser left unattached: "troops allegedly deployed to ..."
            left = t.i - 1
            while left >= t.sent.start and t.doc[left].pos_ == "ADV":
                left -= 1
            if left >= t.sent.start and t.doc[left].pos_ == "NOUN":
                noun = t.doc[left]
                source = owner_of(noun) or (noun if is_actor(noun) else None)
    target = target_of(t, source)
    if t.dep_ == "aux" and lemma_of(t) in OBLIGATION and t.head.i != t.i:
        # the modal itself as trigger ("X said the US must allocate ..."): the obliged subject is the recipient
        obliged, source = True, subject_of(t.head)
        t_head = t.head
        target = None
        if t_head.dep_ == "ccomp" and lemma_of(t_head.head) in REPORTING:
            target, source = source, subject_of(t_head.head)
        else:
            source, target = None, source
    elif obliged and typ == "REQUEST":
        # "Russia said Sudan must return the helicopter": the obliged party is the recipient, the speaker asks
        source, target = None, source
        if t.dep_ == "ccomp" and lemma_of(t.head) in REPORTING:
            source = subject_of(t.head)
    if t.pos_ in ("NOUN", "PROPN") and target is None:
        of_obj = prep_object(t, "of")
        holders = [t, of_obj] if of_obj is not None else [t]  # "a suspension of air links with Serbia"
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("to", "against", "on", "toward", "with", "into"):
                target = next(
                    (
                        p
                        for p in c.children
                        if p.dep_ == "pobj" and is_actor(p) and lemma_of(p) not in TROOPS | WEAPONS
                    ),
                    None,
                )
                if target is not None:
                    break
    if target is None and t.pos_ in ("NOUN", "PROPN") and _transparent_host(t):
        # "reiterated its demand that Israel ease ...", "opened investigations against officials"
        target = target_of(t.head, source)
        if target is not None and target.i == t.i:
            target = None
    if target is None:
        target = object_owner(t, source)
    if target is None and typ not in PLACE_NOT_TARGET:
        target = place_target(t, source)
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


# a meeting's or a protest's place is where it happens, not whom it is aimed at
PLACE_NOT_TARGET = frozenset({"CONSULT", "PROTEST"})


def _transparent_host(t: Token) -> bool:
    """The noun is the object of a verb that is no event of its own ("held talks", "announced a suspension")."""
    h = t.head
    return (
        t.dep_ in ("dobj", "attr")
        and h.pos_ in ("VERB", "AUX")
        and (lemma_of(h) in LIGHT | REPORTING or lookup(h) is None)
    )


def rank_key(ev: CodedEvent) -> tuple[int, int, float]:
    """Main event first: top events before content, shallow before deep, then the more confident."""
    return (int(ev.embedded), len(list(ev.trigger.ancestors)), -ev.confidence)


def code_sentence(  # noqa: C901, PLR0912
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
        for anc in governing_chain(ev.trigger):
            if anc.i in coded and (within is None or within[0] <= anc.idx < within[1]):
                ev.governor = anc
                break
    for ev in list(coded.values()):
        # "sent 21 personnel to Bosnia to investigate": sending people on a mission is coded by the mission
        if (
            not ev.embedded
            and lemma_of(ev.trigger) in TRANSFER | MOVEMENT
            and object_class(ev.trigger) == "staff"
        ):
            purpose = [
                x
                for x in coded.values()
                if x.governor is not None
                and x.governor.i == ev.trigger.i
                and x.trigger.dep_ in ("advcl", "xcomp")
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
    embed_protest_topics(coded)
    events = [ev for ev in coded.values() if nested or not ev.embedded]

    events.sort(key=rank_key)
    _fill_embedded_targets(events, coded)
    return events


# REQUEST / REJECT modes (manual: assist, change, yield, meet) from the type of what is requested or rejected.


def _fill_embedded_targets(events: list[CodedEvent], coded: dict[int, CodedEvent]) -> None:  # noqa: C901
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
                if inner.source is not None and (
                    ev.source is None or resolve_pronoun(inner.source).i != resolve_pronoun(ev.source).i
                ):
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
