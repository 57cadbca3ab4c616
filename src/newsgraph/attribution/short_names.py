"""Rule ``short_name_of_an_outlet``: an outlet or organisation named in full once and by its last words after
("The New York Post reports …" then "…, The Post has learned"; "the Justice Department" then "the Department")
is one speaker, under its full name."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.lexicon.speakers import MEDIA_ORG_WORDS
from newsgraph.models import Speaker, SpeakerKind
from newsgraph.names import is_proper_name

INSTITUTION_KINDS = frozenset({"media", "organization"})


def institution_kind(name: str) -> SpeakerKind:
    """``media`` for an institution whose name says so (``Daily News``, ``Reuters``: :data:`MEDIA_ORG_WORDS`),
    ``organization`` otherwise."""
    words = {w.lower().strip(".") for w in name.split()}
    return "media" if words & MEDIA_ORG_WORDS else "organization"


def _bare(name: str) -> str:
    return name.removeprefix("the ").removeprefix("The ").strip()


def short_name_of(sp: Speaker, earlier: Iterable[Speaker]) -> Speaker | None:
    """The earlier institution ``sp`` is a short name of: its capitalised name is the last words of an earlier
    speaker's of the same family of kinds ("Post" of "New York Post"); the latest such one, None if there is none.
    A plural organisation is no short name ("Democrats" after "House Democrats" are all of them), and the earlier
    one must be a name (:func:`~newsgraph.names.is_proper_name`), not a description that ends in one ("a web video
    by the Republican National Committee")."""
    short = _bare(sp.name)
    if sp.kind not in INSTITUTION_KINDS or not short or not all(w[:1].isupper() for w in short.split()):
        return None
    if sp.kind == "organization" and short.endswith("s"):  # "Democrats" are more than "House Democrats"
        return None
    for prev in reversed(list(earlier)):
        full = _bare(prev.name)
        if (
            prev.kind in INSTITUTION_KINDS
            and full != short
            and full.endswith(" " + short)
            and is_proper_name(full)
        ):
            return sp.model_copy(
                update={"name": prev.name, "kind": prev.kind, "resolved_from": sp.resolved_from or sp.name}
            )
    return None
