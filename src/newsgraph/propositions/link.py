"""Grouping an article's claims into propositions: one fact, stated as a clause, a nominalisation or an anaphor.

Claims and the writer's hedges are read in body order. Each one:

* states a fact (clause or nominal frame): it joins the earlier proposition whose frame it matches
  (:func:`frames_match`: same predicate or near-synonym, a shared core argument, no conflict of subjects or
  numbers; or a paraphrase with the same participants, :func:`content_overlap`), or starts a new one;
* refers back (anaphor "the claims", "it"; bare event noun "the deployment"): it joins the nearest earlier
  proposition that fits (:func:`resolve_reference`);
* is no proposition (:func:`~newsgraph.propositions.reject.reject_reason`): it stays a quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.models import Claim
from newsgraph.propositions.frames import Frame
from newsgraph.propositions.lexicon import PREDICATE_CLASSES
from newsgraph.propositions.writer import WriterMention

__all__ = [
    "Apart",
    "Group",
    "Member",
    "bridged_groups",
    "content_overlap",
    "frames_match",
    "group_members",
    "qualifiers_conflict",
    "refers_by_event_noun",
    "resolve_reference",
    "same_event",
    "same_participants",
    "same_predicate",
]

_GENERIC_PREDICATES = frozenset(
    {"be", "have", "do", "get", "make", "take", "go", "come", "say", "see", "know"}
)
# Anaphors that need someone else to have made the claim ("the allegations"), vs plain references ("it").
_CLAIM_ANAPHORS_WINDOW = 4  # sentences back an anaphor may reach


@dataclass
class Member:
    """A claim (or a writer's hedge) read as a frame, at its place in the body."""

    pos: int
    sent: int
    frame: Frame
    claim: Claim | None = None
    writer: WriterMention | None = None
    direct: bool = False
    """the claim is a direct quote: the source's own words, where "he" / "it" is someone else"""

    def source_key(self) -> str:
        if self.claim is None:
            return "writer"
        src = self.claim.source
        return f"e:{src.entity}" if src.entity else src.name.lower()


Apart = Callable[[Member, Member], bool]


@dataclass
class Group:
    members: list[Member] = field(default_factory=list)

    @property
    def last(self) -> Member:
        return self.members[-1]

    def frames(self) -> list[Frame]:
        return [m.frame for m in self.members if m.frame.kind in ("clause", "nominal")]


def same_predicate(a: str, b: str) -> bool:
    """Same lemma (after derivation) or two near-synonyms of one class ("send" ~ "deploy")."""
    if not a or not b:
        return False
    if a == b:
        return True
    return any(a in cls and b in cls for cls in PREDICATE_CLASSES)


def numbers_conflict(a: Frame, b: Frame) -> bool:
    """Both give figures and none agree: 12,000 troops is another fact than 3,000 troops."""
    return bool(a.numbers and b.numbers and not (a.numbers & b.numbers))


def subjects_conflict(a: Frame, b: Frame) -> bool:
    """Both name their agents as entities and no entity is shared: "Russia invaded" is not "Ukraine invaded"."""
    ea = {k for k in a.subjects if k.startswith("e:")}
    eb = {k for k in b.subjects if k.startswith("e:")}
    return bool(ea and eb and not (ea & eb))


def qualifiers_conflict(a: Frame, b: Frame) -> bool:
    """Rule ``copula_kinds_differ``: both say what kind of thing their subject is, with different words: "the neuron
    is not a miracle cell" and "it's a normal cell" agree, they do not deny each other; "a good candidate" is not
    "a terrible candidate". (Without a modifier on one side, "a mistake" ~ "a big mistake", they stay one.)"""
    return bool(a.qualifiers and b.qualifiers and not (a.qualifiers & b.qualifiers))


def same_event(a: Frame, b: Frame) -> bool:
    """Rule ``same_event``: two contents under different predicates speak of one event when the predicate of one
    is among the words of the other ("the agency disclosed the files" ~ "no illegal disclosure of the files") or
    both mention one definite event noun ("the immediate withdrawal of the troops")."""
    return a.predicate in b.lemmas or b.predicate in a.lemmas or bool(a.event_refs & b.event_refs)


def same_participants(a: Frame, b: Frame) -> bool:
    """Rule ``same_participants``: when both name their subjects they share one, and they share a core argument
    (subject, object or goal) unless one of them has none to compare ("the videos show Scott leaving his car" is
    not "the video was not from an angle ...": same words, other participants)."""
    if a.subjects and b.subjects and not (a.subjects & b.subjects):
        return False
    return bool(a.core & b.core) or not (a.core and b.core)


def content_overlap(a: Frame, b: Frame) -> bool:
    """A paraphrase in mostly the same words, under another predicate: at least two shared content words (lemmas,
    event nouns read as their verbs, or entities) that make up at least half of the shorter content, with
    :func:`same_event` and :func:`same_participants` ("the agency moved the files" is not "the agency disclosed
    the files"). Shared words alone ("hands", "video", a name) are no evidence of one fact."""
    shared = a.lemmas & b.lemmas
    short = min(len(a.lemmas), len(b.lemmas))
    if len(shared) < 2 or 2 * len(shared) < short:
        return False
    return same_event(a, b) and same_participants(a, b)


def frames_match(a: Frame, b: Frame) -> bool:
    """Two frames state the same fact: compatible predicates, a shared core argument (two for generic
    predicates such as "be"/"have"), and no conflict of subjects or numbers; or, whatever the predicates, a
    :func:`content_overlap`."""
    if numbers_conflict(a, b) or subjects_conflict(a, b) or qualifiers_conflict(a, b):
        return False
    if not same_predicate(a.predicate, b.predicate):
        return content_overlap(a, b)
    shared = a.core & b.core
    need = 2 if a.predicate in _GENERIC_PREDICATES else 1
    return len(shared) >= need


def refers_by_event_noun(frame: Frame, group: Group) -> bool:
    """The content mentions a definite event noun whose verb is the predicate of the proposition ("he will
    expand the armed forces" ... "plans to pay for the expansion")."""
    return any(same_predicate(v, g.predicate) for v in frame.event_refs for g in group.frames())


def _event_reference(member: Member, groups: list[Group]) -> Group | None:
    """The nearest earlier proposition (within the anaphor window) that :func:`refers_by_event_noun` fits."""
    for g in sorted(groups, key=lambda g: g.last.pos, reverse=True):
        if member.sent - g.last.sent > _CLAIM_ANAPHORS_WINDOW:
            return None
        if g.last.pos < member.pos and refers_by_event_noun(member.frame, g):
            return g
    return None


def _fits(member: Member, group: Group) -> bool:
    """An anaphor fits a proposition it can refer to: a claim noun ("the allegations") needs another source
    to have stated it; a bare event noun ("the deployment") needs the same predicate."""
    fr = member.frame
    if fr.kind == "event":
        return any(same_predicate(fr.predicate, g.predicate) for g in group.frames())
    if fr.anaphor in ("it", "this"):
        return True
    key = member.source_key()
    return any(m.source_key() != key for m in group.members)


def resolve_reference(member: Member, groups: list[Group]) -> Group | None:
    """The nearest earlier proposition (by its latest mention) that the anaphor or bare event noun fits."""
    for g in sorted(groups, key=lambda g: g.last.pos, reverse=True):
        if g.last.pos >= member.pos:
            continue
        if member.frame.kind == "anaphor" and member.sent - g.last.sent > _CLAIM_ANAPHORS_WINDOW:
            return None
        if _fits(member, g):
            return g
    return None


def _best_match(member: Member, groups: list[Group], apart: Apart | None = None) -> Group | None:
    """The proposition the member matches best: one of its predicate before a mere :func:`content_overlap`,
    then by shared core arguments, then the latest mentioned; never one with a member ``apart`` says it must
    not join."""
    best: tuple[int, int, int, Group] | None = None
    for g in groups:
        for other in g.members:
            fr = other.frame
            if fr.kind not in ("clause", "nominal") or (apart is not None and apart(member, other)):
                continue
            if frames_match(member.frame, fr):
                score = (
                    int(same_predicate(member.frame.predicate, fr.predicate)),
                    len(member.frame.core & fr.core),
                    g.last.pos,
                )
                if best is None or score > best[:3]:
                    best = (*score, g)
    return best[3] if best else None


def group_members(members: list[Member], apart: Apart | None = None) -> list[Group]:
    """Propositions of one article from its members in body order (see the module docstring); ``apart`` names
    pairs of members that must not be joined by a match (``polarity.paraphrase_denial``)."""
    groups: list[Group] = []
    for m in sorted(members, key=lambda m: m.pos):
        if m.frame.kind in ("anaphor", "event"):
            g = resolve_reference(m, groups)
            if g is not None:
                g.members.append(m)
            continue
        g = _best_match(m, groups, apart) or _event_reference(m, groups)
        if g is None:
            groups.append(Group([m]))
            continue
        g.members.append(m)
        for other in bridged_groups(m, g, groups):
            g.members = sorted(g.members + other.members, key=lambda x: x.pos)
            groups.remove(other)
    return groups


def bridged_groups(member: Member, joined: Group, groups: list[Group]) -> list[Group]:
    """Other propositions the member states too, by the same predicate (not by mere word overlap): one fact
    that two earlier claims stated apart, now bridged ("he should release his returns" ... "the sooner he
    releases his returns" ... "Trump should release his tax returns")."""
    out = []
    for g in groups:
        if g is joined:
            continue
        if any(
            same_predicate(member.frame.predicate, fr.predicate) and frames_match(member.frame, fr)
            for fr in g.frames()
        ):
            out.append(g)
    return out
