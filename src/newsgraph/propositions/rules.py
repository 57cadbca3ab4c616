"""Is a claim's content a proposition at all? The public face of :func:`~newsgraph.propositions.reject.reject_reason`.

A bare name ("Donald Trump"), a pronoun ("you"), a complementiser ("that"), a request for comment ("requests
for comment") or a noun-phrase fragment without an event ("disparaging remarks") stays a quote: it gets no
proposition, so the tracker never counts it as a claim.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span

from newsgraph.propositions.frames import Context
from newsgraph.propositions.reject import read_frame, reject_reason

__all__ = ["is_proposition", "proposition_rule"]


def _span(content: Span | str) -> Span:
    if isinstance(content, Span):
        return content
    from newsgraph.nlp import MODEL_NAME, load_pipeline

    doc = load_pipeline(MODEL_NAME, ())(content)
    return doc[:]


def _verbs(span: Span, verbs: Collection[str] | None) -> Collection[str]:
    if verbs is not None:
        return verbs
    from newsgraph.nlp import MODEL_NAME, load_pipeline
    from newsgraph.propositions.component import known_verbs

    return known_verbs(load_pipeline(MODEL_NAME, ()))


def proposition_rule(
    content: Span | str, ent_of: dict[int, str] | None = None, verbs: Collection[str] | None = None
) -> str:
    """What a content is: ``clause``, ``nominal``, ``event`` or ``anaphor`` (it states or refers to a
    proposition), or the name of the rule that rejects it (``is_bare_name``, ``is_pronoun``,
    ``is_complementiser``, ``is_request_for_comment``, ``is_fragment``, ``is_empty``).

    A string is parsed with newsgraph's spaCy model (loaded once); ``ent_of`` maps token indices to the
    article's entity ids when known.
    """
    span = _span(content)
    ctx = Context(doc=span.doc, verbs=_verbs(span, verbs), ent_of=dict(ent_of or {}))
    reason = reject_reason(span, ctx)
    if reason is not None:
        return reason
    frame = read_frame(span, ctx)
    return frame.kind if frame is not None else "is_fragment"


def is_proposition(
    content: Span | str, ent_of: dict[int, str] | None = None, verbs: Collection[str] | None = None
) -> bool:
    """True when the content states a fact (a clause, or an event noun with an argument)."""
    return proposition_rule(content, ent_of, verbs) in ("clause", "nominal")
