"""When a proposition is disputed: the rule shared by the propositions stage (one article) and the store (across
articles), so both say the same thing.

Rule ``two_sided_dispute``: a dispute needs a source that asserts or confirms the proposition without also denying
it, *and* a source that denies it without also affirming it. A source found on both sides (a rhetorical negation
read as a denial, "Nobody wants ... What parents really want is ...") contradicts itself at most; that is a
reading problem, not two sources in disagreement. Sources nobody could resolve (``unknown``, a bare pronoun) are on
no side: a dispute between "unknown" and a named person tells a journalist nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.models import Speaker

__all__ = ["AFFIRM", "DENY", "UNRESOLVED", "is_dispute", "unresolved_source"]

AFFIRM = frozenset({"asserted", "confirmed"})
"""Statuses on the affirming side of a dispute; ``denied`` is the other side."""
DENY = frozenset({"denied"})
UNRESOLVED = "unresolved"
"""The source id of a stance whose source could not be resolved (see :func:`unresolved_source`)."""
_PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "this", "that"}
)


def unresolved_source(source: Speaker) -> bool:
    """A source nobody could name: kind ``unknown`` and named ``unknown`` or only by a pronoun."""
    return source.kind == "unknown" and source.name.strip().casefold() in _PRONOUNS | {"unknown", ""}


def is_dispute(affirmers: Iterable[str], deniers: Iterable[str]) -> bool:
    """Rule ``two_sided_dispute`` over source ids: someone only affirms and someone else only denies."""
    pro = set(affirmers) - {UNRESOLVED}
    con = set(deniers) - {UNRESOLVED}
    return bool(pro - con) and bool(con - pro)
