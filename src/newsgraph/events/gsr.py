"""Reader for the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``) and their deterministic dev/test split.

The records were coded with PLOVER 0.5b1. Four of their category names were later renamed or merged; the manual
(PLOVER 0.8, "CAMEO to PLOVER translation", table ``tab:xlate``) gives today's equivalents, which
:data:`LEGACY_TYPES` applies:

=============  ==========  =================================================
0.5 name       today       why (manual)
=============  ==========  =================================================
DEMAND         REQUEST     CAMEO 10 DEMAND -> REQUEST
DISAPPROVE     ACCUSE      CAMEO 11 DISAPPROVE -> ACCUSE (mode ``disapprove``)
INVESTIGATE    ACCUSE      CAMEO 09 INVESTIGATE -> ACCUSE (mode ``investigate``)
FIGHT          ASSAULT     CAMEO 19 FIGHT -> ASSAULT
=============  ==========  =================================================
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}

_MARK = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC):\s*([^()]*)\)")


@dataclass(frozen=True)
class GoldRecord:
    """One coded sentence: the current PLOVER type plus the 0.5 name it was coded with."""

    id: str
    text: str
    type: str
    legacy_type: str
    event_text: str
    source_codes: tuple[str, ...]
    target_codes: tuple[str, ...]
    evt_phrases: tuple[str, ...] = field(default=())
    mode: str | None = None
    source_sectors: tuple[str, ...] = field(default=())
    target_sectors: tuple[str, ...] = field(default=())


def current_type(legacy: str) -> str:
    """Today's PLOVER type for a 0.5 category name (identity for names that did not change)."""
    return LEGACY_TYPES.get(legacy, (legacy, None))[0]


def _codes(actors: object) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    return tuple(str(a.get("code", "")) for a in actors if isinstance(a, dict) and a.get("code"))


def _sectors(actors: object) -> tuple[str, ...]:
    """The records' 3-letter PLOVER sectors ("GOV", "MIL"; "REBkur" -> "REB"; "***" and empty dropped)."""
    if not isinstance(actors, list):
        return ()
    out = []
    for a in actors:
        sec = str(a.get("sector") or "")[:3] if isinstance(a, dict) else ""
        if sec.isalpha() and sec.isupper():
            out.append(sec)
    return tuple(out)


def load_records(path: str | Path) -> list[GoldRecord]:
    """All event records of the file (the leading DOCUMENT record is skipped)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[GoldRecord] = []
    for r in raw:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        info = r.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        evts = tuple(m.group(2).strip() for m in _MARK.finditer(markup) if m.group(1) == "EVT")
        out.append(
            GoldRecord(
                id=r["id"],
                text=r["text"],
                type=current_type(r["event"]),
                legacy_type=r["event"],
                event_text=r.get("eventText", ""),
                source_codes=_codes(r.get("source")),
                target_codes=_codes(r.get("target")),
                evt_phrases=evts,
                mode=r.get("mode") or None,
                source_sectors=_sectors(r.get("source")),
                target_sectors=_sectors(r.get("target")),
            )
        )
    return out


def split_records(records: list[GoldRecord]) -> tuple[list[GoldRecord], list[GoldRecord]]:
    """Deterministic stratified halves ``(dev, test)``: within each 0.5 category, sorted by id (then text: the
    file has one duplicated id), alternate records."""
    by_type: dict[str, list[GoldRecord]] = defaultdict(list)
    for r in records:
        by_type[r.legacy_type].append(r)
    dev: list[GoldRecord] = []
    test: list[GoldRecord] = []
    for key in sorted(by_type):
        for i, r in enumerate(sorted(by_type[key], key=lambda x: (x.id, x.text))):  # one id occurs twice
            (dev if i % 2 == 0 else test).append(r)
    return dev, test
