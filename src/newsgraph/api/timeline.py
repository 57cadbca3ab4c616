"""Layout of the server-rendered SVG timeline of a proposition (pure functions, no I/O): one row per source, one
mark per stance at its date, coloured by status through CSS classes (``mark-<status>`` in app.css: the
Content-Security-Policy forbids inline styles), each with an accessible title. No JavaScript, no CDN."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from newsgraph.models import CLAIM_STATUSES
from newsgraph.store.base import StanceRow, side_of

LEFT = 190  # room for the source names
RIGHT = 44
TOP = 34  # room for the legend
ROW = 30
AXIS = 34
WIDTH = 760
LABEL_CHARS = 28
UNDATED = 70  # the column for stances of undated articles, right of the dated axis


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    status: str
    side: str
    title: str


@dataclass(frozen=True)
class Row:
    y: float
    label: str
    full: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class LegendItem:
    x: float
    status: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    rows: list[Row] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)
    title: str = ""
    description: str = ""


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _ticks(lo: date, hi: date, x_of: object) -> list[Tick]:
    """Up to five evenly spaced dated ticks (the first and the last included)."""
    span = (hi - lo).days
    n = min(4, span) if span else 0
    days = sorted({round(span * i / n) for i in range(n + 1)}) if n else [0]
    return [Tick(x_of(lo + timedelta(days=d)), (lo + timedelta(days=d)).isoformat()) for d in days]  # type: ignore[operator]


def layout(statement: str, stances: list[StanceRow], *, width: int = WIDTH) -> Layout:
    """Where every source row, stance mark, date tick and legend entry goes. A stance of an undated article is
    placed in an ``undated`` column right of the dated axis (rule ``undated_not_ingest_date``: the day it was
    ingested is not a date of what was said)."""
    sources: list[str] = []
    for st in stances:
        if st.source_name not in sources:
            sources.append(st.source_name)
    days = [d for d in (_day(st.published or "") for st in stances) if d is not None]
    undated = any(_day(st.published or "") is None for st in stances)
    lo, hi = (min(days), max(days)) if days else (date.today(), date.today())
    if lo == hi:
        lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    right = width - RIGHT - (UNDATED if undated and days else 0)
    plot = right - LEFT
    undated_x = round(right + UNDATED / 2, 1) if days else round(LEFT + plot / 2, 1)

    def x_of(d: date) -> float:
        return round(LEFT + plot * (d - lo).days / (hi - lo).days, 1)

    rows = [Row(TOP + ROW * i + ROW / 2, _short(name), name) for i, name in enumerate(sources)]
    y_of = {r.full: r.y for r in rows}
    marks: list[Mark] = []
    taken: dict[tuple[str, float], int] = {}
    for st in stances:
        d = _day(st.published or "")
        x = x_of(d) if d is not None else undated_x
        k = taken.get((st.source_name, x), 0)  # the same source twice on one day: side by side
        taken[(st.source_name, x)] = k + 1
        side = side_of(st.status)
        who = "the writer" if st.writer else st.source_name
        cue = f" ('{st.cue}')" if st.cue else ""
        title = f"{who}: {st.status}{cue}, {st.shown_date}: {st.sentence}"
        marks.append(Mark(min(x + 9 * k, width - RIGHT), y_of[st.source_name], st.status, side, title))
    axis_y = TOP + ROW * len(rows) + 6
    present = [s for s in CLAIM_STATUSES if any(m.status == s for m in marks)]
    legend = [LegendItem(LEFT + 104 * i, s) for i, s in enumerate(present)]
    counts = ", ".join(f"{sum(1 for m in marks if m.status == s)} {s}" for s in present)
    ticks = _ticks(lo, hi, x_of) if days else []
    if undated:
        ticks.append(Tick(undated_x, "undated"))
    when = f"from {lo.isoformat()} to {hi.isoformat()}" if days else "none of them dated"
    if days and undated:
        when += ", some undated"
    return Layout(
        width=width,
        height=int(axis_y + AXIS),
        left=LEFT,
        right=width - RIGHT,
        axis_y=axis_y,
        rows=rows,
        marks=marks,
        ticks=ticks,
        legend=legend,
        title=f"Who said what about: {statement}",
        description=f"{len(marks)} stances by {len(rows)} sources {when}: {counts}.",
    )
