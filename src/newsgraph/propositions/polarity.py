"""Whether a member of a proposition says the opposite of the member its statement was built from.

Rule ``opposite_polarity``: two contents joined under one predicate (the same verb or one class: "send" ~
"deploy") disagree when one main predicate is negated and the other is not ("North Korea did not send troops" vs
"North Korea deployed troops"). Two contents joined by a paraphrase under different predicates
(:func:`~newsgraph.propositions.link.content_overlap`) are compared at a verb both contain: "he cannot allow
Clinton to win" agrees with "he has had disagreements with Trump but cannot allow Clinton to become president",
whose main predicate ("had") is positive but whose "allow" is negated. A paraphrase is a denial only when its main
predicate's polarity differs and so does that of a verb both contain; with no verb in common, nothing says they
disagree.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.claims.status import is_negated
from newsgraph.propositions.link import Member, same_predicate

__all__ = ["opposite_polarity", "paraphrase_denial", "shared_verb_disagrees", "verb_polarity"]


def verb_polarity(doc: Doc, span: tuple[int, int], lemma: str) -> bool | None:
    """True when the first verb with ``lemma`` in the character span is negated, False when it is not, None when
    the span holds no such verb."""
    if not lemma:
        return None
    content = doc.char_span(span[0], span[1], alignment_mode="expand")
    if content is None:
        return None
    for t in content:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() == lemma:
            return is_negated(t)
    return None


def opposite_polarity(doc: Doc, member: Member, basis: Member | None, polarity: str) -> bool:
    """Rule ``opposite_polarity`` (see the module): does ``member`` state the opposite of ``basis`` (the member the
    statement was built from, with ``polarity``)? Without a basis, the claims' polarities are compared."""
    claim = member.claim
    if claim is None:
        return False
    if basis is None or basis.claim is None or same_predicate(member.frame.predicate, basis.frame.predicate):
        return claim.polarity != polarity
    if claim.polarity == polarity:
        return False  # a paraphrase's words never make a denial the main predicates do not show
    return shared_verb_disagrees(doc, member, basis)


def shared_verb_disagrees(doc: Doc, a: Member, b: Member) -> bool:
    """At the first of the two predicates that both contents contain as a verb, one is negated and the other not."""
    if a.claim is None or b.claim is None:
        return False
    for lemma in (a.frame.predicate, b.frame.predicate):
        mine = verb_polarity(doc, a.claim.span, lemma)
        theirs = verb_polarity(doc, b.claim.span, lemma)
        if mine is not None and theirs is not None:
            return mine != theirs
    return False


def paraphrase_denial(doc: Doc, a: Member, b: Member) -> bool:
    """Rule ``paraphrase_is_no_denial``: a content joined to another only by shared words under another predicate
    (:func:`~newsgraph.propositions.link.content_overlap`) is not made its denial; it stays a proposition of its
    own. "Both approaches were more effective at reducing pain intensity than no treatment" and "mindfulness-based
    approaches did not reduce the frequency, length, or pain intensity of headaches" compare different things, and
    joined they made the WCXB store's only disputed claim. A denial under one predicate ("Russia said it has not
    sent troops") still joins, and so does a paraphrase that agrees ("it means Trump may not have paid a dime" ~
    "Trump may not have paid federal income taxes")."""
    if a.claim is None or b.claim is None or a.claim.polarity == b.claim.polarity:
        return False
    return not same_predicate(a.frame.predicate, b.frame.predicate) and shared_verb_disagrees(doc, a, b)
