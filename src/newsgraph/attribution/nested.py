"""Attributions that a wide content wrongly swallowed: cut the outer content, keep the inner attribution.

A clausal content runs to the right edge of its clause, and the parser often hangs a following coordinate or
adverbial clause on it: ``Clinton accuses Sanders of a smear while Sanders suggests that …``, ``Cruz said that …,
adding that …``, ``He called for X and proposed Y``, ``Kasich is assuring voters he is tough after a woman told
him …``. The inner cue is then inside the outer content and :func:`~newsgraph.attribution.rules.drop_nested`
would drop it. When the inner cue hangs on a ``conj``/``advcl``/``parataxis`` clause that ends the outer
content and holds the inner source (or shares the outer source), the clause is a separate attribution: the outer
content stops before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.records import Attribution

MIN_STRENGTH = 0.6

SPLIT_DEPS = frozenset({"conj", "advcl", "parataxis"})
TRIM = frozenset(
    {",", ";", ":", "—", "–", "-", "and", "but", "or", "while", "whereas", "as", "after", "before"}
)


CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})


def _separate(node: Token) -> bool:
    """A clause that reads as a new statement, not a circumstance of the content (``when``, ``if``, ``for … to``)."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return False
    if node.dep_ != "advcl":
        return True
    marks = [c.lower_ for c in node.children if c.dep_ == "mark"]
    if marks:
        return marks[0] in CONTRAST_MARKS
    return node.tag_ == "VBG"  # ", adding that …"


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def coordinated_with_cue(doc: Doc, outer: Attribution, inner: Attribution) -> bool:
    """The inner cue is a second predicate of the outer source that the parse hung on the outer content's verb
    (``He said his attacks have given his campaign momentum and said that …``, ``She says he respects Clinton and
    calls her …``): a strong speech verb in a ``conj`` of the outer verb's clausal complement, finite (or with its
    own ``did``/``to``) and with no subject, marker or modal of its own; the predicate shares the outer source."""
    if inner.verb is None or outer.verb is None or outer.source_head is None:
        return False
    v = doc[inner.verb]
    if v.dep_ != "conj":
        return False
    head = coordination_partner(v)
    if head.i != outer.verb and (head.dep_ not in {"ccomp", "xcomp"} or head.head.i != outer.verb):
        return False
    if cue_strength(v.lemma_.lower()) < MIN_STRENGTH:
        return False
    deps = {c.dep_ for c in v.children}
    if deps & {"nsubj", "nsubjpass", "mark"} or any(c.tag_ == "MD" for c in v.children):
        return False
    return v.tag_ in FINITE_TAGS or "aux" in deps


PAST_FORMS = frozenset({"VBD", "VBN"})
AGREEING_FORMS = frozenset({"VBZ", "VBP", "past"})
"""The forms :func:`coordination_partner` matches (finite present forms, and the past counted as one)."""


def _form(tag: str) -> str:
    return "past" if tag in PAST_FORMS else tag


def coordination_partner(v: Token) -> Token:
    """Rule ``coordination_agrees``: the verb a coordinated predicate pairs with. The parse's head, unless the
    two disagree in form and a verb above agrees: in ``Farage said the warning was indicative that the President
    did not know …, and accused …`` a past *accused* cannot share *did* with *know*, it pairs with *was*; in
    ``Kasich says he'd sit Putin down … and tells the crowd …`` *tells* pairs with *says*. The tagger mixes up the
    past tense and the participle (``has called on X to attack the oil that funds … and proposed …``): they
    count as one form."""
    head = v.head
    form = _form(v.tag_)
    if form not in AGREEING_FORMS or _form(head.tag_) == form:
        return head
    doc = v.doc
    if any(t.pos_ == "VERB" and _form(t.tag_) == form for t in doc[head.i + 1 : v.i]):
        return head  # ``… which she was doing when police located her and told her to leave``: a verb of
        # the same form nearer by is the partner the parse missed, not one above
    node = head
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and _form(node.tag_) == form:
            return node
    return head


def _separator(tok: Token) -> bool:
    """Punctuation before a coordinate clause that leaves with it; a closing quotation mark stays with its quote
    (``He said the base "went into collect mode" and said …``: a cut there would fall inside the quotation)."""
    return tok.is_punct and not tok.is_quote


def second_report(outer_verb: int | None, v: Token, src: int) -> int | None:
    """Rule ``second_report_after_and``: in ``Six in 10 voters said Clinton is honest, and three-quarters said the
    same of Sanders`` the parse makes the second report (cue verb ``v``, source head ``src``) a second complement
    of the first cue. After a coordinator and with a subject of its own, it is a report of its own: the token where
    the outer content stops."""
    doc = v.doc
    if outer_verb is None or v.dep_ != "ccomp" or v.head.i != outer_verb or v.i < outer_verb:
        return None
    left = v.left_edge.i
    if not left <= src < v.i or left < 1 or doc[left - 1].dep_ != "cc":
        return None
    left -= 1
    while left > 0 and _separator(doc[left - 1]):
        left -= 1
    return left


def _cut_point(doc: Doc, outer: Attribution, inner: Attribution, lo: int, hi: int) -> int | None:
    """Token where the outer content (tokens ``lo..hi``) should stop, or None."""
    if inner.verb is None or inner.source_head is None:
        return None
    node: Token = doc[inner.verb]
    src = inner.source_head
    if cue_strength(node.lemma_.lower()) < MIN_STRENGTH:
        return None
    second = second_report(outer.verb, node, src)
    if second is not None:
        return second if second > lo + 1 else None
    coordinated = coordinated_with_cue(doc, outer, inner)
    for _ in range(8):
        if node.head.i == node.i or not lo <= node.head.i <= hi:
            return None
        if node.dep_ in SPLIT_DEPS and node.i > lo and _separate(node):
            left = node.left_edge.i
            if node.dep_ == "conj":  # the "and"/"," before a coordinate clause
                while left - 1 > lo and (doc[left - 1].dep_ == "cc" or _separator(doc[left - 1])):
                    left -= 1
            own_source = node.left_edge.i <= src <= node.right_edge.i
            shared = src == outer.source_head or (coordinated and node.i == inner.verb)
            if node.right_edge.i >= hi and left > lo + 1 and (own_source or shared):
                return left
        node = node.head
    return None


def split_nested(doc: Doc, atts: list[Attribution], qspans: list[tuple[int, int]]) -> None:
    """Shorten outer contents in place so that coordinate/adverbial attributions are no longer nested.

    Runs before quotation marks are attached; a cut never falls inside a quotation (``qspans``)."""
    starts = [t.idx for t in doc]
    verbs = [
        (doc[a.cue[0]].idx, k) for k, a in enumerate(atts) if a.verb is not None and not a.is_continuation
    ]
    verbs.sort()
    vstarts = [v[0] for v in verbs]
    for outer in atts:
        if outer.is_continuation or outer.rule == "parenthetical" or len(outer.content) != 1:
            continue
        s, e = outer.content[0]
        lo = bisect_left(starts, s)
        hi = bisect_left(starts, e) - 1
        if hi <= lo:
            continue
        for j in range(bisect_left(vstarts, s), bisect_right(vstarts, e)):
            inner = atts[verbs[j][1]]
            if inner is outer:
                continue
            cut = _cut_point(doc, outer, inner, lo, hi)
            if cut is None:
                continue
            end = cut - 1
            while end > lo and (doc[end].is_punct or doc[end].lower_ in TRIM):
                end -= 1
            new_e = doc[end].idx + len(doc[end].text)
            cut_c = doc[cut].idx
            if new_e <= s or any(qs < cut_c < qe for qs, qe in qspans):
                continue  # never cut through a quotation
            outer.content = [(s, new_e)]
            if coordinated_with_cue(doc, outer, inner):
                inner.source, inner.source_head = outer.source, outer.source_head
            break
