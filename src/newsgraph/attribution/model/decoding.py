"""BIO tags <-> spans: gold character spans to token tags (training), tag sequences to token chunks (inference)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from newsgraph.attribution.model.corpus import GoldAttribution

Role = Literal["CUE", "SRC", "CON"]
ROLES: tuple[Role, ...] = ("CUE", "SRC", "CON")
_RANK = {"O": 0, "CON": 1, "SRC": 2, "CUE": 3}


@dataclass(frozen=True)
class Chunk:
    """A tagged token run ``[start, end)`` of one role."""

    role: Role
    start: int
    end: int


def gold_tags(doc: Doc, atts: Sequence[GoldAttribution]) -> list[str]:
    """Per token ``B-ROLE`` / ``I-ROLE`` / ``O`` for gold attributions (cue > source > content where they overlap).

    A token belongs to a fragment when its first character lies inside it; a fragment starts a new chunk (``B-``)
    even when it directly follows another fragment of the same role.
    """
    starts = [t.idx for t in doc]
    role = ["O"] * len(doc)
    frag = [(-1, -1)] * len(doc)
    for a in atts:
        for name, frags in (("CON", a.content), ("SRC", a.source), ("CUE", a.cue)):
            for s, e in frags:
                for i in range(bisect_left(starts, s), bisect_left(starts, e)):
                    if _RANK[name] > _RANK[role[i]] or (name == role[i] and frag[i] != (s, e)):
                        role[i] = name
                        frag[i] = (s, e)
    tags = []
    for i in range(len(doc)):
        if role[i] == "O":
            tags.append("O")
        elif i > 0 and role[i - 1] == role[i] and frag[i - 1] == frag[i]:
            tags.append("I-" + role[i])
        else:
            tags.append("B-" + role[i])
    return tags


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """Maximal runs ``B-X I-X …`` (an ``I-X`` after anything else starts a run too)."""
    out: list[Chunk] = []
    cur: str | None = None
    start = 0
    for i, t in enumerate([*tags, "O"]):
        role = t[2:] if t != "O" else None
        if cur is not None and (role != cur or t.startswith("B-")):
            out.append(Chunk(cur, start, i))  # type: ignore[arg-type]
            cur = None
        if role is not None and cur is None:
            cur, start = role, i
    return out
