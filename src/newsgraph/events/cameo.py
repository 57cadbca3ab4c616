"""CAMEO codes for PLOVER events, through the CAMEO2PLOVER-2021 crosswalk (``data/cameo2plover.json``).

:func:`best_cameo` picks the most specific CAMEO code consistent with a coded PLOVER type, mode and context.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.events.plover import load_json


@dataclass(frozen=True)
class CameoCode:
    code: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    text: str


@lru_cache(maxsize=1)
def crosswalk() -> tuple[CameoCode, ...]:
    """Every row of the crosswalk, in file order."""
    rows = load_json("cameo2plover.json")["codes"]
    return tuple(CameoCode(r["code"], r["type"], r["mode"], tuple(r["context"]), r["text"]) for r in rows)


def codes_for(event_type: str) -> list[CameoCode]:
    return [c for c in crosswalk() if c.type == event_type]


def best_cameo(  # noqa: C901
    event_type: str,
    mode: str | None = None,
    context: list[str] | tuple[str, ...] = (),
    hint: str | None = None,
) -> str | None:
    """The most specific CAMEO code whose PLOVER type equals ``event_type`` and that does not contradict the mode
    or contexts; ``hint`` (e.g. the trigger lemma) breaks ties by matching words of the CAMEO description.

    A code must agree with the mode when both have one and share at least one context when both have them; among the
    candidates the one matching the most fields wins, then the one whose description mentions ``hint``, then the
    least specific (shortest) code, so a bare type returns its 3-digit root such as ``"110"``.
    """
    cands = codes_for(event_type)
    if not cands:
        return None
    ctx = {c.lower() for c in context}
    best: tuple[float, str] | None = None
    for c in cands:
        if mode and c.mode and c.mode.strip() != mode.lower():
            continue
        if ctx and c.context and not ctx & set(c.context):
            continue
        s = 0.0
        if mode and c.mode and c.mode.strip() == mode.lower():
            s += 2
        if ctx and ctx & set(c.context):
            s += 1
        if not mode and c.mode:
            s -= 0.5
        if not ctx and c.context:
            s -= 0.25
        if hint and hint.lower()[:5] in c.text.lower():
            s += 1.5
        if len(c.code) == 3 and c.code.endswith("0"):
            s += 0.3  # the category root, when nothing more specific is known
        s -= 0.01 * len(c.code)
        if best is None or s > best[0]:
            best = (s, c.code)
    if best is None:
        return min((c.code for c in cands), key=lambda x: (len(x), x))
    return best[1]
