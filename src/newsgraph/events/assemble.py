"""Events of a whole parsed article: claims and reported actions -> :class:`~newsgraph.models.Event` records.

For each claim (``doc._.claims``) the coder reads two things:

* the **content** (the claim's span): what is said to have happened ("North Korea plans to send 12,000 troops"),
  coded with the claim's status, so a denied deployment stays a denied deployment;
* the **speech act** of the cue, when it is itself a PLOVER event ("urges", "accused", "dismissed", "denied"): the
  claim's source is its actor, the content's actor its recipient.

Sentences outside every claim are the writer's own report; their events get a status read from the parse (hedging
modals, "allegedly", a negated "confirm", a governing "deny").
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsgraph.events.actors import actor_from_speaker, actor_from_token
from newsgraph.events.cameo import best_cameo
from newsgraph.events.coder import code_sentence, code_token, governing_chain
from newsgraph.events.dates import resolve_date
from newsgraph.events.plover import score, valid_mode
from newsgraph.events.records import CodedEvent
from newsgraph.events.vocab import CONTENT_MODE, NEGATORS, REPORTING
from newsgraph.extensions import doc_text
from newsgraph.models import Actor, Claim, ClaimStatus, Entity, Event

SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"})
ALLEGE_WORDS = frozenset({"allegedly", "alleged", "reportedly", "purported", "purportedly", "suspected"})
CONTEXT_WORDS: dict[str, str] = {
    "military": "military",
    "army": "military",
    "troop": "military",
    "soldier": "military",
    "weapon": "military",
    "war": "military",
    "economy": "economic",
    "economic": "economic",
    "trade": "economic",
    "sanction": "economic",
    "election": "election",
    "vote": "election",
    "refugee": "migration",
    "migrant": "migration",
    "court": "legal",
    "nuclear": "cbrn",
    "chemical": "cbrn",
    "terrorist": "terrorism",
    "terrorism": "terrorism",
    "intelligence": "intelligence",
    "diplomatic": "diplomatic",
    "embassy": "diplomatic",
    "ambassador": "diplomatic",
    "humanitarian": "human_security",
    "health": "health",
    "disease": "health",
    "cyber": "cyber",
    "corruption": "corruption",
    "parliament": "legislative",
    "peacekeeping": "peacekeeping",
    "peacekeeper": "peacekeeping",
    "asylum": "asylum",
}


def _clean_span(doc: Doc, start: int, end: int) -> tuple[str, tuple[int, int]]:
    text = doc_text(doc)[start:end]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    start, end = start + lead, end - trail
    return doc_text(doc)[start:end], (start, end)


def _event_span(t: Token) -> tuple[int, int]:
    """The trigger's clause: its subtree, cut to the sentence."""
    sent = t.sent
    left = max(t.left_edge.i, sent.start)
    right = min(t.right_edge.i, sent.end - 1)
    return t.doc[left].idx, t.doc[right].idx + len(t.doc[right])


def _finite(t: Token) -> bool:
    """A clause of its own (has a subject or is tensed), not an infinitive or participle riding on another verb."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or (
        t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ != "dep"
    )


def _presupposed_modifiers(content: Span) -> frozenset[int]:
    """Tokens of the reduced relatives inside a content (``troops allegedly deployed to fight …``): a past
    participle without a subject of its own, modifying a noun of the content or hung on the cue by the parse."""
    out: set[int] = set()
    for tok in content[1:]:
        if (
            tok.tag_ in {"VBN", "VBD"}
            and tok.dep_ in {"acl", "dep"}
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children)
        ):
            out.update(t.i for t in tok.subtree if content.start <= t.i < content.end)
    return frozenset(out)


def _date_ents(doc: Doc) -> dict[int, list[Span]]:
    """DATE/TIME entities by the start token of their sentence, computed once per doc (``Span.ents`` scans every
    entity of the doc on each call)."""
    cached = doc.user_data.get("newsgraph.date_ents")
    if isinstance(cached, dict):
        return cached
    out: dict[int, list[Span]] = {}
    for e in doc.ents:
        if e.label_ in ("DATE", "TIME"):
            out.setdefault(e.sent.start, []).append(e)
    doc.user_data["newsgraph.date_ents"] = out
    return out


def _date_for(
    t: Token, published: str | None, other_triggers: frozenset[int] = frozenset()
) -> tuple[str | None, str | None]:
    """The DATE/TIME entity of the trigger's sentence that attaches to it (else to a governing verb, else the
    nearest), resolved against the publication date."""
    ents = _date_ents(t.doc).get(t.sent.start, [])
    if not ents:
        return None, None
    chain = [t.i] + [a.i for a in t.ancestors]

    def anchor(e: Span) -> int:
        """The verb (or the trigger itself) the date phrase modifies."""
        for a in e.root.ancestors:
            if a.i == t.i or a.pos_ in ("VERB", "AUX"):
                return a.i
        return -1

    def rank(e: Span) -> tuple[int, int]:
        a = anchor(e)
        attached = chain.index(a) if a in chain else 99
        return attached, abs(e.root.i - t.i)

    for e in sorted(ents, key=rank):
        a = anchor(e)
        if rank(e)[0] == 99 and a in other_triggers and _finite(t.doc[a]):
            continue  # "Since Russia invaded Ukraine in 2022": the date of another event
        iso = resolve_date(e.text, published)
        if iso:
            return iso, e.text
    return None, None


def _contexts(ev: CodedEvent) -> list[str]:
    out = list(ev.context)
    window = [ev.trigger, *ev.trigger.children]
    if ev.source is not None:
        window += [ev.source, *ev.source.children]
    obj = [c for c in ev.trigger.children if c.dep_ in ("dobj", "pobj", "compound", "amod")]
    for tok in [*window, *obj, *(g for c in obj for g in c.children)]:
        ctx = CONTEXT_WORDS.get(tok.lemma_.lower())
        if ctx and ctx not in out:
            out.append(ctx)
    return out


def derived_status(ev: CodedEvent) -> ClaimStatus:
    """The event's status read from the parse alone (used when no claim covers it)."""
    t = ev.trigger
    if any(c.lower_ in ALLEGE_WORDS for c in t.children) or (
        t.dep_ == "acl" and any(c.lower_ in ALLEGE_WORDS for c in t.children)
    ):
        return "alleged"
    path = [t, *governing_chain(t)[:4]]
    for child, anc in pairwise(path):
        lem = anc.lemma_.lower()
        negated = any(c.dep_ == "neg" and c.lower_ in NEGATORS for c in anc.children)
        if lem in ("confirm", "verify") and negated:
            return "unconfirmed"
        if lem in REPORTING and child.dep_ not in ("ccomp", "xcomp", "parataxis"):
            continue
        if lem in ("deny", "dismiss", "reject", "refute"):
            return "denied"
        if lem in ("allege", "accuse", "claim", "allegation"):
            return "alleged"
        if lem in REPORTING and lem not in ("confirm",) and anc.pos_ == "VERB":
            return "reported"
    if ev.hedged:
        return "hedged"
    return "asserted"


def _to_event(
    ev: CodedEvent,
    n: int,
    doc: Doc,
    *,
    status: ClaimStatus | None,
    claim: Claim | None,
    source: Actor | None,
    target: Actor | None,
    span: tuple[int, int] | None = None,
    triggers: frozenset[int] = frozenset(),
) -> Event:
    published = doc._.published
    if _same(source, target) or (
        source
        and target
        and source.country
        and source.country == target.country
        and source.name in target.name
    ):
        target = None
    text, sp = _clean_span(doc, *(span or _event_span(ev.trigger)))
    date, date_text = _date_for(ev.trigger, published, triggers)
    ctx = _contexts(ev)
    mode = valid_mode(ev.type, ev.mode)
    return Event(
        id=f"e{n}",
        type=ev.type,
        mode=mode,
        context=ctx,
        score=score(ev.type, mode),
        cameo=best_cameo(ev.type, mode, ctx, hint=ev.lemma.split()[0]),
        source_actor=source,
        target_actor=target,
        date=date,
        date_text=date_text,
        claim=claim.id if claim else None,
        status=status,
        text=text,
        span=sp,
    )


def _cue_token(doc: Doc, claim: Claim, content: Span) -> Token | None:
    if claim.cue_span is not None:
        cs = doc.char_span(claim.cue_span[0], claim.cue_span[1], alignment_mode="expand")
        if cs is not None and len(cs):
            return cs.root
    root = content.root
    if root.head.i != root.i and not (content.start <= root.head.i < content.end):
        return root.head
    return None


def _same(a: Actor | None, b: Actor | None) -> bool:
    return (
        a is not None
        and b is not None
        and (a.name == b.name or (a.entity is not None and a.entity == b.entity))
    )


def events_for_doc(doc: Doc, claims: Sequence[Claim] = (), entities: Sequence[Entity] = ()) -> list[Event]:  # noqa: C901, PLR0912, PLR0915
    """Every PLOVER event of a parsed article (claims first, then the writer's own reported actions)."""
    out: list[Event] = []
    done: set[int] = set()
    covered: set[int] = set()

    triggers: set[int] = set()
    for sent in doc.sents:
        triggers.update(ev.trigger.i for ev in code_sentence(sent, nested=True))
    frozen = frozenset(triggers)

    def emit(ev: CodedEvent, **kw: object) -> None:
        done.add(ev.trigger.i)
        if ev.negated and ev.type != "REJECT":
            return  # PLOVER auxiliary mode "negation": "troops have not entered the war" is no ASSAULT
        out.append(_to_event(ev, len(out) + 1, doc, triggers=frozen, **kw))  # type: ignore[arg-type]

    for claim in claims:
        content = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
        if content is None or not len(content):
            continue
        speaker = actor_from_speaker(claim.source, entities)
        cue = _cue_token(doc, claim, content)
        act = code_token(cue) if cue is not None and cue.i not in done else None
        # the content of a request, threat or promise has not happened: the speech act carries it
        intended = act is not None and act.type in ("REQUEST", "THREATEN", "AGREE")
        # ... except a presupposed modifier inside it ("called for the withdrawal of troops allegedly deployed to
        # …"): that happened, and the writer's pass below codes it with its own status
        presupposed = _presupposed_modifiers(content) if intended else frozenset()
        covered.update(i for i in range(content.start, content.end) if i not in presupposed)
        inner_main: CodedEvent | None = None
        content_types: set[str] = set()
        for sent in {t.sent.start: t.sent for t in content}.values():
            for ev in code_sentence(sent, within=claim.span, nested=True):
                if cue is not None and ev.trigger.i == cue.i:
                    continue
                if ev.governor is not None and (cue is None or ev.governor.i != cue.i):
                    continue
                if ev.trigger.i in done or ev.trigger.i in presupposed:
                    continue
                if intended:
                    inner_main = inner_main or ev
                    done.add(ev.trigger.i)
                    continue
                src = actor_from_token(ev.source, entities, claim.source)
                tgt = actor_from_token(ev.target, entities, claim.source)
                if ev.type in SPEECH_ACTS and src is None and ev.trigger.pos_ == "VERB":
                    src = speaker
                if src is None and claim.status == "denied":
                    src = speaker  # denials are mostly of one's own acts: "North Korea denied the deployment"
                emit(ev, status=claim.status, claim=claim, source=src, target=tgt)
                inner_main = inner_main or ev
                content_types.add(ev.type)
        if cue is not None and act is not None:
            done.add(cue.i)
            if intended and inner_main is not None and act.type in ("REQUEST", "REJECT") and act.mode is None:
                act.mode = CONTENT_MODE.get(inner_main.type)
                act.context = act.context or list(inner_main.context)
            if act.type in SPEECH_ACTS and act.type not in content_types:
                tgt = actor_from_token(act.target, entities, claim.source)
                if tgt is None and inner_main is not None:
                    tgt = actor_from_token(inner_main.source, entities, claim.source)
                if _same(tgt, speaker):
                    tgt = None
                sent = cue.sent
                emit(
                    act,
                    status="asserted",
                    claim=claim,
                    source=speaker,
                    target=tgt,
                    span=(sent.start_char, sent.end_char),
                )
    for sent in doc.sents:
        for ev in code_sentence(sent, nested=True):
            if ev.trigger.i in done or ev.trigger.i in covered:
                continue
            if ev.governor is not None:
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in ev.trigger.children):
                    continue  # purpose or intention ("deployed to fight"): not (yet) an event
                gov = next(
                    (g for g in code_sentence(sent, nested=True) if g.trigger.i == ev.governor.i), None
                )
                if gov is not None and gov.type == ev.type:
                    continue  # "providing aid": one event
                # content of a request or threat did not happen; presupposed modifiers ("troops allegedly
                # deployed") and the objects of denials and accusations did, with that status
                if (
                    gov is not None
                    and gov.type in ("REQUEST", "THREATEN", "AGREE", "CONCEDE")
                    and ev.trigger.dep_ != "acl"
                ):
                    continue
            status = derived_status(ev)
            if ev.governor is not None and status == "asserted":
                gov_lemma = ev.governor.lemma_.lower()
                if gov_lemma in ("deny", "dismiss", "reject"):
                    status = "denied"
                elif gov_lemma in ("accuse", "allege", "allegation", "claim"):
                    status = "alleged"
            emit(
                ev,
                status=status,
                claim=None,
                source=actor_from_token(ev.source, entities),
                target=actor_from_token(ev.target, entities),
            )
    out.sort(key=lambda e: (e.span[0], e.id))
    for i, e in enumerate(out, 1):
        e.id = f"e{i}"
    return out
