"""The PLOVER ontology as data: event types, modes, contexts and conflict--cooperation scores.

The tables are parsed from the PLOVER manual (draft 0.8, Open Event Data Alliance, CC BY-SA 4.0) by
``scripts/build_plover_data.py`` into ``data/plover.json``; they load lazily, once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

VERBAL_COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")
MATERIAL_COOPERATION = ("COOPERATE", "AID", "RETREAT")
COOPERATIVE = VERBAL_COOPERATION + MATERIAL_COOPERATION


def load_json(name: str) -> Any:
    """One of the bundled data files of :mod:`newsgraph.events` (``plover.json``, ``cameo2plover.json``, ...)."""
    return json.loads(resources.files("newsgraph.events").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def ontology() -> dict[str, Any]:
    """The parsed manual: ``{"types": {...}, "contexts": {...}, "scores": {...}}``."""
    data: dict[str, Any] = load_json("plover.json")
    return data


def modes(event_type: str) -> dict[str, str]:
    """The modes the manual defines for ``event_type`` (name -> definition); empty for types without modes."""
    info = ontology()["types"].get(event_type, {})
    return dict(info.get("modes", {}))


def contexts() -> dict[str, str]:
    """The general contexts (name -> definition), usable with any event type."""
    return dict(ontology()["contexts"])


def quad(event_type: str) -> str | None:
    """VERBAL COOPERATION, MATERIAL COOPERATION, VERBAL CONFLICT or MATERIAL CONFLICT."""
    q = ontology()["types"].get(event_type, {}).get("quad")
    return str(q) if q else None


def valid_mode(event_type: str, mode: str | None) -> str | None:
    """``mode`` when the manual defines it for ``event_type`` (case-insensitive), else None."""
    if not mode:
        return None
    for name in modes(event_type):
        if name.lower() == mode.lower():
            return name
    return None


def score(event_type: str, mode: str | None = None) -> float | None:
    """The manual's conflict--cooperation score for ``TYPE: mode``, falling back to the type's own score."""
    table: dict[str, float] = ontology()["scores"]
    if mode and f"{event_type}:{mode.lower()}" in table:
        return float(table[f"{event_type}:{mode.lower()}"])
    value = table.get(event_type)
    return float(value) if value is not None else None
