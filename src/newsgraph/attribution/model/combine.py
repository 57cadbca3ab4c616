"""Rules + model: the model extends the rules' contents; learned gates (:mod:`.gate`, ``data/gate.json``) decide
which rule attributions to keep, where to take the model's content or source for a shared cue
(:func:`readings_of_same_cue`, :func:`take_model_content`, :func:`take_model_source`) and which model attributions
to add. Without the gates file the hand-set checks below decide (the rules all kept, :func:`addable` and
:func:`is_new` for additions); the gates read those checks as features (:data:`CHECKS`).

:func:`combine` keeps every rule attribution (the rules are precise and handle quotes, continuations and speakers).
Where the model reads the same cue with a content that starts no later and runs further (``Seoul called for the
immediate withdrawal of North Korean troops [allegedly deployed to fight alongside Russia]``), the rule content is
extended to the model's end (:func:`extend_content`; indirect contents of one fragment only). A model attribution
is added only when its cue word is cue-like (lexicon strength >= :data:`MIN_ADDED_STRENGTH`), is not a modifier
(``so-called``) and governs the model's source (a noun phrase, not a passive subject) in the parse, its content
has two words or more, ends on a whole phrase (:func:`ends_whole`) and hangs from the cue word within
:data:`MAX_CONTENT_DEPTH` arcs of the parse (:func:`governs_content`: ``denied [the report]``, ``warned [that …]``,
``called for […]``, not ``maintained its policy of [providing …]``), and it is new:

* its cue does not overlap a rule attribution's cue (the same attribution, already read by the rules);
* its cue is not inside a rule attribution's content or source (a nested attribution: the product reports the
  outer one, as :func:`~newsgraph.attribution.rules.drop_nested` does);
* its content does not mostly (half or more) lie inside rule contents (the same words, credited through another
  cue).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from spacy.tokens import Doc, Token

from newsgraph.attribution.content_extent import DATE_ENTS
from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.model.gate import (
    Check,
    Gate,
    Gates,
    RuleCover,
    content_span,
    content_words,
    cue_tokens,
    doc_quotes,
    gate_features,
    load_gates,
    pair_features,
    rule_cover,
    rule_features,
    share_in_rule_content,
    shares_a_cue,
)
from newsgraph.attribution.model.linking import dominates
from newsgraph.attribution.perception import perceives_a_bare_clause
from newsgraph.attribution.records import REL_PRONOUNS, Attribution, QuoteRuleName, renumber_continues
from newsgraph.attribution.reported import consequence_is_no_report, no_one_reports

MIN_ADDED_STRENGTH = 0.3
"""Cue strength a model-only attribution's cue word needs (below it, added attributions were mostly wrong on dev)."""
MIN_ADDED_WORDS = 2
WEAK_CUE = 0.5
"""Below this cue strength an added attribution's content must be a clause (:func:`weak_cue_takes_a_clause`)."""
MAX_CONTENT_DEPTH = 2
"""Arcs from the content's root up to the cue word an added attribution may have (2: through a preposition)."""
MODIFIER_DEPS = frozenset({"amod", "compound", "acl"})
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON"})


def is_new(doc: Doc, m: Attribution, cover: RuleCover) -> bool:
    """True when model attribution ``m`` is none of the rule attributions (see the module docstring)."""
    for i in cue_tokens(m):
        s, e = doc[i].idx, doc[i].idx + len(doc[i].text)
        if cover.cue[s:e].any() or cover.other[s:e].any():
            return False
    return share_in_rule_content(m, cover) < 0.5


def _content_tokens(doc: Doc, m: Attribution) -> list[Token]:
    """The words of the content's fragments, without punctuation and whitespace (not the words between two
    fragments: in ``[Since Russia invaded Ukraine], South Korea has maintained [its policy of …]`` the cue and its
    source lie between them, and would make the sentence's root a root of the content)."""
    span = content_span(doc, m)
    if span is None:
        return []
    return [
        t for t in span if not t.is_punct and not t.is_space and any(s <= t.idx < e for s, e in m.content)
    ]


def _content_roots(doc: Doc, m: Attribution) -> list[Token]:
    """The content's roots: its words whose head lies outside it (or that head the sentence)."""
    toks = _content_tokens(doc, m)
    inside = {t.i for t in toks}
    return [t for t in toks if t.head.i not in inside or t.head.i == t.i]


def ends_whole(doc: Doc, m: Attribution) -> bool:
    """The content's last word has no dependents after the content (a chunk cut inside a phrase, ``… the report
    about`` with ``about``'s object outside it, is a reading the model is unsure of)."""
    toks = _content_tokens(doc, m)
    if not toks:
        return False
    last = toks[-1]
    return not any(r.i > last.i and not r.is_punct for r in last.rights)


def governs_content(doc: Doc, m: Attribution) -> bool:
    """The model's cue word governs its content closely: some root of the content (a word whose head lies outside
    it) reaches the cue word within :data:`MAX_CONTENT_DEPTH` arcs."""
    return any(_within(tok, m.cue[0], MAX_CONTENT_DEPTH) for tok in _content_roots(doc, m))


NOT_A_CLAUSE_DEPS = frozenset({"amod", "prep", "agent", "compound", "pcomp"})
"""Dependencies of a verb form that heads no clause of its own (``the alleged deployment``, ``regarding X``)."""


def weak_cue_takes_a_clause(doc: Doc, m: Attribution) -> bool:
    """A weak cue word (strength below :data:`WEAK_CUE`: ``see``, ``show``, ``mark``) reports only a clause (``saw
    that the plan failed``), not a bare object (``saw him at the station``, ``marked the first official comment
    regarding the alleged deployment``: a participle used as an adjective or a preposition is no clause), and
    only a clause inside a phrase of its own, whose root is within :data:`MAX_CONTENT_DEPTH` arcs (``seizing on [a
    report that Trump had a loss]``; not ``Despite media pronouncements [that Clinton won], she did not receive a
    bump``: that clause is the pronouncements')."""
    head = doc[m.cue[0]]
    if cue_strength(head.lemma_.lower(), head.pos_) >= WEAK_CUE:
        return True
    toks = _content_tokens(doc, m)
    inside = {t.i for t in toks}
    for t in toks:
        if t.pos_ not in {"VERB", "AUX"} or t.dep_ in NOT_A_CLAUSE_DEPS:
            continue
        root = t
        while root.head.i in inside and root.head.i != root.i:
            root = root.head
        if _within(root, head.i, MAX_CONTENT_DEPTH):
            return True
    return False


def _within(tok: Token, head: int, arcs: int) -> bool:
    """``head`` is ``tok``'s head, or its head's head, … at most ``arcs`` arcs up."""
    cur = tok
    for _ in range(arcs):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == head:
            return True
    return False


def content_on_one_side(doc: Doc, m: Attribution) -> bool:
    """The content lies on one side of its cue word (``[that Clinton won], she did not receive [a bump]`` is two
    phrases around a verb, not one thing reported; a parenthetical cue, ``The plan, he said, will fail``, is the
    rules' to read)."""
    cue = doc[m.cue[0]].idx
    return all(e <= cue for _, e in m.content) or all(s > cue for s, _ in m.content)


PLAIN_NOUN = 0.05
"""Cue strength below which a noun is no speech or opinion noun at all (``policy``; ``position``, ``hope`` are)."""


def content_not_under_a_plain_object(doc: Doc, m: Attribution) -> bool:
    """The content does not hang under the cue's object when that object is a plain noun (``maintained its policy
    of providing only non-lethal aid``: keeping a policy, not saying something; ``maintained its position that
    ...`` reports)."""
    head = m.cue[0]
    for tok in _content_roots(doc, m):
        cur = tok
        while True:
            if (
                cur.dep_ == "dobj"
                and cur.head.i == head
                and cur.pos_ in {"NOUN", "PROPN"}
                and cue_strength(cur.lemma_.lower(), "NOUN") < PLAIN_NOUN
                and (cur.i != tok.i or _noun_of_doing(cur))
            ):
                return False
            if cur.head.i == cur.i or cur.head.i == head:
                break
            cur = cur.head
    return True


def _noun_of_doing(noun: Token) -> bool:
    """``its policy of providing …``: a plain noun whose ``of`` phrase is a gerund (a content that is the object
    itself, read by the model, is still a policy kept, not a thing said)."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in p.children)
        for p in noun.children
    )


def source_in_a_prepositional_phrase(doc: Doc, m: Attribution) -> bool:
    """Rule ``source_in_a_prepositional_phrase``: a source headed by the object of a preposition outside it is a
    phrase of place or manner, not a speaker: ``[a part of his plea, Anton Popa, 39,] said …`` (the model's reading
    of ``As a part of his plea, Anton Popa, 39, said``), so it never replaces a rule's source. An agent (``by``), ``according to`` and a preposition of
    the cue phrase itself (``in the words of``) name a source."""
    if m.source is None:
        return False
    root = doc[m.source[0] : m.source[1]].root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and not m.source[0] <= prep.i < m.source[1]
        and prep.i not in m.cue
        and prep.lower_ not in {"by", "to", "of"}
    )


def added_shape(doc: Doc, m: Attribution) -> bool:
    """The shape any added attribution needs, whatever the gate says: a source headed by a noun or pronoun (not a
    stray ``The``), a cue that is no perception of a bare clause (``saw [Tim Kaine speak]``,
    :func:`~newsgraph.attribution.perception.perceives_a_bare_clause`) and a content on one side of it
    (:func:`content_on_one_side`) of at least :data:`MIN_ADDED_WORDS` words (``denied it`` reports nothing)."""
    if m.source is None or doc[m.source[0] : m.source[1]].root.pos_ not in SOURCE_POS:
        return False
    if perceives_a_bare_clause(doc[m.cue[0]]):  # "saw [Tim Kaine speak at a rally]": seen, not said
        return False
    if no_one_reports(doc[m.cue[0]]):
        return False
    return content_on_one_side(doc, m) and content_words(doc, m) >= MIN_ADDED_WORDS


def consequence_keeps_no_source(doc: Doc, m: Attribution) -> None:
    """Rule ``consequence_is_no_report`` for a model addition: "The losses mean Trump may not have paid …" keeps its
    content, the writer's statement, and loses its source, which is nobody
    (:func:`~newsgraph.attribution.reported.consequence_is_no_report`)."""
    if m.cue and consequence_is_no_report(doc[m.cue[0]]):
        m.source, m.source_head = None, None


def addable(doc: Doc, m: Attribution) -> bool:
    """A model attribution confident enough to add: a cue-like cue word (not a modifier: ``so-called``) that
    governs its source in the parse, and a content of at least :data:`MIN_ADDED_WORDS` words that ends on a whole
    phrase (:func:`ends_whole`) and that the cue word governs (:func:`governs_content`), with the
    :func:`added_shape` every addition needs."""
    head = doc[m.cue[0]]
    if m.source is None or head.dep_ in MODIFIER_DEPS or not added_shape(doc, m):
        return False
    if cue_strength(head.lemma_.lower(), head.pos_) < MIN_ADDED_STRENGTH:
        return False
    src = doc[m.source[0] : m.source[1]].root
    if src.dep_ == "nsubjpass" or not dominates(head, src):
        return False
    return ends_whole(doc, m) and governs_content(doc, m) and weak_cue_takes_a_clause(doc, m)


def extend_content(doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution]) -> None:
    """Widen (in place) the one-fragment indirect content of a rule attribution to the end of the model's content
    for the same cue, when the model's starts no later and ends further."""
    done: set[int] = set()
    for m, r in readings_of_same_cue(rules, model):
        if len(m.content) != 1 or id(r) in done or r.quotes or len(r.content) != 1:
            continue
        done.add(id(r))
        (rs, re_), (ms, me) = r.content[0], m.content[0]
        cue = r.cue_token(doc)
        wider = within_the_content_phrase(doc, cue, re_, me, other_reports_of_the_source(doc, r, rules))
        me = without_trailing_date(doc, re_, wider)
        if ms <= rs and me > re_:
            r.content = [(rs, me)]


def other_reports_of_the_source(doc: Doc, r: Attribution, rules: Sequence[Attribution]) -> frozenset[int]:
    """Rule ``other_reports_of_the_source``: the cue words of the other rule attributions with ``r``'s source.
    A widened content stops there, however the parse attached them: in "Seoul called for the withdrawal of troops
    deployed to fight in Ukraine on Tuesday and signaled it may send weapons" *signaled* is Seoul's second report
    (the parse hangs it under *deployed*), not part of what Seoul called for."""
    if r.source is None:
        return frozenset()
    return frozenset(
        o.cue_token(doc).i for o in rules if o is not r and o.source == r.source and not o.is_continuation
    )


def within_the_content_phrase(
    doc: Doc, cue: Token, end: int, wider: int, stops: frozenset[int] = frozenset()
) -> int:
    """Rule ``within_the_content_phrase``: ``wider`` (a character offset) moved back to the end of the run of words
    after ``end`` that stay in the content: it stops at a word that governs the cue, or that hangs from the cue
    verb as a coordinated verb, an adverbial clause or an adverb (:data:`CUE_ADJUNCT_DEPS`). The model may widen "called for the immediate withdrawal of
    North Korean troops" over what modifies *troops* (allegedly deployed to fight …), however the parse attached
    it; it may not run on into what the cue's clause does next: "denied the report [and left the room]", "rejected
    the offer[, walking out of the talks]", "announcement of new jobs [surprised the union]". Nor does it run into
    another parse tree (the parser sometimes splits a sentence: "cited disparaging remarks [Trump had made about
    …]" with *made* a root of its own), or past a word of ``stops`` (:func:`other_reports_of_the_source`)."""
    last = end
    cue_tree = _tree_root(cue).i
    span = doc.char_span(end, wider, alignment_mode="expand") if wider > end else None
    for tok in span if span is not None else ():
        if (
            tok.idx < end or tok.is_punct or tok.is_space or tok.dep_ == "cc"
        ):  # a coordinator alone ends nothing
            continue
        if tok.idx >= wider or tok.i in stops or _leaves_the_content(tok, cue, cue_tree):
            break
        last = tok.idx + len(tok.text)
    return last


CUE_ADJUNCT_DEPS = frozenset({"conj", "advcl", "cc", "advmod", "npadvmod"})
"""What hangs from the cue verb but says what the cue's clause does next or how (``[and left]``, ``[, walking
out]``, ``thinks so[, too]``, ``denied it [again]``), not what was said."""


def _leaves_the_content(tok: Token, cue: Token, cue_tree: int) -> bool:
    """``tok`` is out of the content of ``cue`` (``cue_tree``: the index of the root of the cue's parse tree)."""
    if tok.i == cue.i or any(a.i == tok.i for a in cue.ancestors):
        return True
    if _tree_root(tok).i != cue_tree:
        return True  # the parser split the sentence: what follows is no phrase of the cue's
    for x in (tok, *tok.ancestors):
        if x.head.i == cue.i:
            return x.dep_ in CUE_ADJUNCT_DEPS
    return False


def _tree_root(tok: Token) -> Token:
    """The root of the parse tree ``tok`` is in (a sentence may hold more than one)."""
    while tok.head.i != tok.i:
        tok = tok.head
    return tok


def without_trailing_date(doc: Doc, start: int, end: int) -> int:
    """``end`` (a character offset) moved back before a date or time phrase that closes the widening ``[start,
    end)`` (``… in its war against Ukraine [on Tuesday]``: when the call was made, not what was called for; the
    rules' content extent stops there too)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    toks = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
    if not toks or toks[-1].ent_type_ not in DATE_ENTS:
        return end
    last = toks[-1]
    prep = next((a for a in last.ancestors if a.dep_ == "prep" and a.i < last.i), None)
    if prep is None or prep.idx < start or prep.right_edge.i != last.i:
        return end
    cut = prep.i - 1
    while cut >= 0 and doc[cut].idx >= start and (doc[cut].is_punct or doc[cut].is_space):
        cut -= 1
    return max(start, doc[cut].idx + len(doc[cut].text)) if cut >= 0 else start


def readings_of_same_cue(
    rules: Sequence[Attribution], model: Sequence[Attribution]
) -> list[tuple[Attribution, Attribution]]:
    """``(model, rule)`` pairs that read the same cue (a model attribution's cue token is a rule attribution's;
    continuation quotes excluded: they take their cue from the attribution they continue)."""
    owner: dict[int, Attribution] = {}
    for r in rules:
        if r.is_continuation:
            continue
        for i in cue_tokens(r):
            owner.setdefault(i, r)
    out = []
    for m in model:
        hits = [owner[i] for i in sorted(cue_tokens(m)) if i in owner]
        if hits:
            out.append((m, hits[0]))
    return out


def content_clear_of_source(doc: Doc, r: Attribution, m: Attribution) -> bool:
    """``m``'s content does not overlap ``r``'s source (a reading that takes the speaker for what was said is never
    the right one): the model's content against a rule's source, or (:func:`source_clear_of_reading`) a rule's
    content against the model's source."""
    src = r.quoted_source or r.source
    if src is None or src[0] >= src[1]:
        return True
    s, e = doc[src[0]].idx, doc[src[1] - 1].idx + len(doc[src[1] - 1].text)
    return not any(cs < e and s < ce for cs, ce in m.content)


def take_model_content(r: Attribution, m: Attribution) -> None:
    """Give rule attribution ``r`` the model's content (its quotation marks kept where the new content has them)."""
    r.content = list(m.content)
    r.quotes = [q for q in r.quotes if any(s <= q[0] and q[1] <= e for s, e in r.content)]


SOURCE_CONSTRUCTIONS: frozenset[str] = frozenset(
    {"according", "words_of", "said_colon", "dash_byline", "parenthetical"}
)
"""Rules whose source is the phrase a fixed construction names (``according to X``, ``in the words of X``, ``Said
X:``, ``― X``, ``as X put it``), not a subject the parse may have got wrong."""


def source_read_by_construction(doc: Doc, r: Attribution, m: Attribution) -> bool:
    """Rule ``source_read_by_construction``: the rule's source stays, whatever the ``source`` gate says, when the
    rule found it through the cue's own clause: the noun that a relative clause or a participle modifies ("The mayor,
    who had endorsed the plan", "several calls saying that shots had been fired": the model's reading, *who* or
    *The police*, is a pronoun a user cannot read or another actor), or when the model's source is a bare relative
    pronoun; or when the construction itself names the source (:data:`SOURCE_CONSTRUCTIONS`: ``According to the
    police, the protest was peaceful``, where the model read *the police, the protest*)."""
    if m.source is None or r.source is None or r.source_head is None or r.rule in SOURCE_CONSTRUCTIONS:
        return True
    msrc = doc[m.source[0] : m.source[1]]
    if len(msrc) == 1 and msrc[0].lower_ in REL_PRONOUNS:
        return True
    cue = r.cue_token(doc)
    return cue.dep_ in {"relcl", "acl"} and cue.head.i == r.source_head


def source_clear_of_reading(doc: Doc, r: Attribution, m: Attribution) -> bool:
    """Rule ``source_clear_of_reading``: the model's source may replace rule attribution ``r``'s only if it holds
    none of ``r``'s cue words and none of its content (a source that runs over its own cue, "[A majority of voters
    expect Clinton to win … 34 percent] expect", is a sentence, not a speaker)."""
    if m.source is None:
        return False
    lo, hi = m.source
    return not any(lo <= i < hi for i in (*r.cue, *r.cue_extent)) and content_clear_of_source(doc, m, r)


def take_model_source(doc: Doc, r: Attribution, m: Attribution, rules: Sequence[Attribution]) -> None:
    """Give rule attribution ``r`` the model's source (and the quotes that continue ``r`` with it)."""
    if m.source is None:
        return
    old = r.source
    r.source = m.source
    r.source_head = doc[m.source[0] : m.source[1]].root.i
    for c in rules:
        if c.parent is r and c.source == old:
            c.source, c.source_head = r.source, r.source_head


MARKED_FORMS: frozenset[str] = frozenset({*get_args(QuoteRuleName), "parenthetical", "according"})
"""Rules whose reading the text marks itself: quotation marks, ``as X put it``, ``according to``."""


def marked_construction(r: Attribution) -> bool:
    """A rule attribution of a construction the text marks itself (:data:`MARKED_FORMS`). The ``keep`` gate does
    not judge these: the rules read them precisely (on PolNeAR dev ``according`` .92, ``parenthetical`` .77 right,
    and the gate dropped one of 167), and the gate's features say little about them (it dropped ``As the senator
    put it, the bill is dead``)."""
    return r.rule in MARKED_FORMS


def strong_cue(doc: Doc, r: Attribution) -> bool:
    """The rule reading's cue word is a strong reporting word (strength at least :data:`WEAK_CUE`: ``say``,
    ``deny``, ``confirm``, ``accuse``). The ``keep`` gate judges only the weaker ones: a denial or a confirmation
    the rules read (``Moscow denied the accusations on Monday``) is what disputes are made of, and the gate's
    doubts about them cost as much as they save on dev."""
    head = r.cue_token(doc)
    return cue_strength(head.lemma_.lower(), head.pos_) >= WEAK_CUE


def kept_rules(
    doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution], keep: Gate
) -> list[Attribution]:
    """The rule attributions the ``keep`` gate lets through (continuation quotes go with the one they continue).
    Always kept: a rule attribution whose cue the model reads too (two independent readers agree on it), a
    :func:`marked_construction` and a :func:`strong_cue`'s."""
    quotes = doc_quotes(doc)
    same = {id(r): m for m, r in readings_of_same_cue(rules, model)}
    empty = rule_cover(doc, ())
    dropped: set[int] = set()
    for r in rules:
        if r.is_continuation:
            if r.parent is not None and id(r.parent) in dropped:
                dropped.add(id(r))
            continue
        if id(r) in same or marked_construction(r) or strong_cue(doc, r):
            continue
        if not keep.accepts(rule_features(doc, r, same.get(id(r)), CHECKS, quotes, empty)):
            dropped.add(id(r))
    return [r for r in rules if id(r) not in dropped]


CHECKS: dict[str, Check] = {
    "ends_whole": ends_whole,
    "governs_content": governs_content,
    "weak_cue_takes_a_clause": weak_cue_takes_a_clause,
    "addable": addable,
}
"""The hand-written checks the gates read as features."""


def combine(
    doc: Doc, rules: Sequence[Attribution], model: Sequence[Attribution], gates: Gates | None = None
) -> list[Attribution]:
    """All rule attributions (their contents and sources possibly the model's) plus the model's new ones, in
    document order (``continues`` indices renumbered). ``gates``: the shipped ones by default
    (:func:`~newsgraph.attribution.model.gate.load_gates`); without gates, the hand-set checks decide."""
    gates = gates if gates is not None else load_gates()
    extend_content(doc, rules, model)
    if gates.keep is not None:
        rules = kept_rules(doc, rules, model, gates.keep)
    cover = rule_cover(doc, rules)
    quotes = doc_quotes(doc)
    if gates.content is not None or gates.source is not None:
        for m, r in readings_of_same_cue(rules, model):
            x = pair_features(doc, m, r, cover, CHECKS, quotes)
            if (
                gates.content is not None
                and not r.quotes
                and content_clear_of_source(doc, r, m)
                and gates.content.accepts(x)
            ):
                take_model_content(r, m)
            if (
                gates.source is not None
                and r.source is not None  # a rule that found no source left it empty on purpose ("It seemed")
                and r.quoted_source is None
                and not source_read_by_construction(doc, r, m)
                and source_clear_of_reading(doc, r, m)
                and not source_in_a_prepositional_phrase(doc, m)
                and gates.source.accepts(x)
            ):
                take_model_source(doc, r, m, rules)
    out = list(rules)
    if gates.add is not None:
        added = [
            m
            for m in model
            if m.source is not None
            and not shares_a_cue(doc, m, cover)
            and weak_cue_takes_a_clause(doc, m)
            and content_not_under_a_plain_object(doc, m)
            and added_shape(doc, m)
            and gates.add.accepts(gate_features(doc, m, cover, CHECKS, quotes))
            and (not gates.add_needs_new or is_new(doc, m, cover))
        ]
    else:
        added = [m for m in model if addable(doc, m) and is_new(doc, m, cover)]
    for m in added:
        consequence_keeps_no_source(doc, m)
    if added:
        out.extend(added)
        out.sort(key=lambda a: a.start(doc))
    return renumber_continues(out)
