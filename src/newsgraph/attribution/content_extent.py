"""Content refinements after a verb rule has found its content: how far an object content runs.

PolNeAR (and careful readers) take an object cue's content to the end of the verb phrase it heads: ``wrote [a
$500,000 check to a super PAC]``, ``charged [Van Dyke with first-degree murder]``, ``called [this a false
narrative]``. The parse hangs those trailing phrases on the cue verb, so a content read off the object's own
subtree stops short. :func:`object_run_on` is read by the ``object_extension`` refinement of
:mod:`newsgraph.attribution.verb_rules`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# dependents of the cue verb that continue an object content: "charged X [with Y]", "likened it [to Y]",
# "described X [as Y]", "called X [a liar]", "urged X [to act]", "asked X [whether …]"
EXTEND_DEPS = frozenset({"oprd", "xcomp", "ccomp", "dative", "dobj", "npadvmod", "prep", "dep"})
EXTEND_MARKS = frozenset({"if", "whether"})
DATE_ENTS = frozenset({"DATE", "TIME"})


def extends_object(child: Token) -> bool:
    """A right dependent of the cue verb that continues its object content: a prepositional phrase, a
    predicate, a second object, an infinitive or an ``if``/``whether`` clause; never a date or time adjunct
    (``on Monday`` belongs to the cue phrase)."""
    if child.dep_ == "advcl":
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        if marks:
            return marks[0] in EXTEND_MARKS
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    if child.dep_ not in EXTEND_DEPS:
        return False
    return not any(t.ent_type_ in DATE_ENTS for t in child.subtree)


def object_run_on(verb: Token, end: int) -> int:
    """Last token of an object content ending at token ``end`` once it runs on through the cue verb's trailing
    phrases that follow it directly (``wrote [a check to a super PAC]``, ``charged [Van Dyke with murder]``); a
    comma, a date adjunct, a participle clause, a coordinated verb or the sentence's end stop it."""
    doc = verb.doc
    b = end
    for child in verb.rights:
        if child.i <= b:
            continue
        if any(not t.is_space for t in doc[b + 1 : child.left_edge.i]) or not extends_object(child):
            break
        b = child.right_edge.i
    while b > end and (doc[b].is_punct or doc[b].dep_ == "cc"):
        b -= 1
    return b


# conditions that belong to a promise or plan: "vowed to impose a tariff unless the company cancels …"
CONDITION_MARKS = frozenset({"if", "unless", "until", "should", "once"})


def _coordinated_like(child: Token, head: Token) -> bool:
    """A verb coordinated with the content's head verb (same form, no subject of its own): ``to retain the White
    House and capture the Senate``, ``considered voting for Trump or sitting out``."""
    return (
        child.dep_ == "conj"
        and child.tag_ == head.tag_
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
    )


def _condition(child: Token) -> bool:
    """``… unless the company cancels``, ``… should he win the presidency``: a condition of the content."""
    if child.dep_ != "advcl":
        return False
    first = child.left_edge
    return first.lower_ in CONDITION_MARKS


# marks that end a clause: a run-on skips commas and coordinators between the verb's dependents, never these
CLAUSE_STOPS = frozenset({".", ";", ":", "?", "!"})
# ... nor, before a coordinated verb or a condition, these or a quote mark
RUN_ON_BREAKS = CLAUSE_STOPS | {"“", "”", '"'}


def _run_on_through(verb: Token, end: int, joins: Callable[[Token, int], bool]) -> int:
    """Last token of a content ending at token ``end`` once it runs on through the cue verb's right dependents
    after it that ``joins(child, last token so far)`` accepts, skipping coordinators and commas between them; the
    first dependent refused, or a clause-ending mark, stops it."""
    b = end
    for child in verb.rights:
        if child.i <= b:
            continue
        if child.dep_ in {"cc", "punct"} and child.text not in CLAUSE_STOPS:
            continue
        if not joins(child, b):
            break
        b = child.right_edge.i
    return b


def coordination_run_on(verb: Token, head: Token, end: int) -> int:
    """Last token of an infinitive or gerund content headed by ``head`` (ending at token ``end``) once it runs
    on through verbs the parse coordinated with the cue verb instead of with ``head`` (``pledged [to enact reform,
    fix the campaign finance system]``) and through a condition (``vowed [to impose a tariff unless …]``)."""
    doc = verb.doc

    def joins(child: Token, b: int) -> bool:
        if not (_coordinated_like(child, head) or _condition(child)):
            return False
        return not any(t.text in RUN_ON_BREAKS for t in doc[b + 1 : child.left_edge.i])

    b = _run_on_through(verb, end, joins)
    while b > end and (doc[b].is_punct or doc[b].dep_ == "cc"):
        b -= 1
    return b


# dependents of a cue verb whose phrase a quoted fragment can sit inside ("claimed victory in the “bracket”")
MIXED_DEPS = frozenset({"dobj", "prep", "ccomp", "xcomp", "oprd", "attr", "acomp", "dative"})


def mixed_quote_extent(verb: Token, first: int, last: int) -> tuple[int, int] | None:
    """Token range of the content of a quoted fragment (tokens ``first..last``) that sits inside the phrase a cue
    verb governs (``is claiming [victory in the so-called “governor’s bracket”]``, ``offered [himself as a “law
    and order” candidate]``): the whole phrase, run on through the verb's trailing phrases; None when the quote is
    the whole complement or lies outside the verb's phrases."""
    if first <= verb.i:
        return None
    doc = verb.doc
    t = doc[first]
    for _ in range(20):
        if t.head.i == verb.i:
            break
        if t.head.i == t.i:
            return None
        t = t.head
    else:
        return None
    if t.i == verb.i or t.dep_ not in MIXED_DEPS:
        return None
    start = t.left_edge.i
    for c in reversed([c for c in verb.rights if c.i < t.i]):  # "offered [himself as a “…” candidate]"
        if c.dep_ not in MIXED_DEPS or any(not k.is_space for k in doc[c.right_edge.i + 1 : start]):
            break
        start = c.left_edge.i
    end = max(t.right_edge.i, last)
    if start >= first and end <= last:
        return None  # the quote is the whole complement
    if any(doc[k].text in {".", "?", "!"} and doc[k].i < first for k in range(start, first)):
        return None
    return start, object_run_on(verb, end)


def coordinated_that(verb: Token, end: int) -> int:
    """Last token of a clausal content ending at token ``end`` once it runs on through a second ``that`` clause
    coordinated with it (``said that their father could be unyielding, and that he had struggled``); the parse
    often hangs the second clause on the cue verb."""

    def joins(child: Token, b: int) -> bool:
        first = child.left_edge
        return child.dep_ in {"conj", "ccomp"} and first.lower_ == "that" and first.dep_ == "mark"

    return _run_on_through(verb, end, joins)


def participle_clause_end(p: Token) -> int:
    """Last token of a participle's clause: its right dependents, up to a coordinated verb that is a cue of its
    own (``… deployed to fight … and signaled it may …``: the parse hangs the second cue on the participle) and
    without a trailing date adjunct (``on Tuesday`` belongs to the cue)."""
    doc = p.doc
    end = p.i
    for child in p.rights:
        if child.dep_ in {"cc", "conj", "punct"}:
            break
        end = max(end, child.right_edge.i)
    # a date adjunct closing the clause ("… in its war against Ukraine on Tuesday")
    last = doc[end]
    prep = next((a for a in last.ancestors if a.dep_ == "prep" and a.i < last.i), None)
    if (
        prep is not None
        and last.ent_type_ in {"DATE", "TIME"}
        and prep.right_edge.i == end
        and prep.i > p.i + 1
    ):
        end = prep.i - 1
    while end > p.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return end
