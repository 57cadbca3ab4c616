"""spaCy ``Doc`` extension attributes newsgraph's components read and write.

``doc._.quotes`` / ``entities`` / ``claims`` / ``events`` hold contract models (:mod:`newsgraph.models`);
``doc._.published`` is the article's ISO date (set by the caller, used to resolve relative dates);
``doc._.mentions`` (set by ``newsgraph_quotes``) maps each canonical speaker name to its surface mentions
``[(start, end), ...]`` (the speakers' coreference chains);
``doc._.errors`` collects :class:`~newsgraph.models.ErrorRecord` entries from components.
"""

from __future__ import annotations

from spacy.tokens import Doc

_ATTRS = ("quotes", "entities", "claims", "events", "errors", "published", "article_id", "mentions")


def register_extensions() -> None:
    """Register the ``Doc._`` attributes (idempotent)."""
    for name in _ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
