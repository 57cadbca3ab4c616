"""Who contradicts whom: ``newsgraph disputes`` (disputed propositions with both sides) and ``newsgraph check``
(the fact-checker's question: who supports, denies, reports or hedges this claim?).

A thin shell over :meth:`newsgraph.store.Store.disputes` and :meth:`newsgraph.store.Store.check`, printed with the
shared output options (table, ``--json``, ``--jsonl``, ``--csv``).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from newsgraph.cli import app
from newsgraph.cli.output import (
    CsvOpt,
    DbOpt,
    Fmt,
    JsonlOpt,
    JsonOpt,
    LimitOpt,
    choose,
    emit,
    open_db,
    parse_since,
    print_table,
    user_errors,
)
from newsgraph.store.base import SIDES, StanceRow

STANCE_COLUMNS = ["side", "date", "source_name", "status", "cue", "sentence", "article_id"]
FLAT_COLUMNS = ["cluster_id", "statement", *STANCE_COLUMNS]


def _stance(st: StanceRow, side: str, **extra: Any) -> dict[str, Any]:
    """A stance as an output row; its ``date`` is what a reader is shown: the published day, or ``undated`` (the
    ingest time of an undated article is no date of what was said; ``published`` is null then)."""
    return {**extra, "side": side, **st.as_dict(), "date": st.shown_date}


def _dates(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first[:10] if not last or last[:10] == first[:10] else f"{first[:10]} .. {last[:10]}"


def _print_groups(
    groups: list[tuple[str, dict[str, list[StanceRow]]]], fmt: Fmt, flat: list[dict[str, Any]], document: Any
) -> None:
    """Table: one heading and one table of stances per proposition; other formats: the flat rows or the
    document."""
    if fmt != "table":
        emit(flat, fmt=fmt, columns=FLAT_COLUMNS, document=document)
        return
    if not groups:
        print_table([], columns=STANCE_COLUMNS, title="disputed claims")
        return
    for head, sides in groups:
        rows = [_stance(st, side) for side in SIDES for st in sides[side]]
        print_table(rows, columns=STANCE_COLUMNS, title=head)


@app.command()
def disputes(
    db: DbOpt = None,
    about: Annotated[
        str | None, typer.Option(help="Words of the proposition, a source's name, or an entity it mentions.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="With a stance on/after: 2024-10-01, 'last month', ...")
    ] = None,
    limit: LimitOpt = 20,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
) -> None:
    """Disputed propositions: one source asserts or confirms, another denies. Each with both sides (who, status,
    cue, sentence, date), the most reported first.

    Examples:

      newsgraph disputes

      newsgraph disputes --about "North Korea" --since 2024-10-01

      newsgraph disputes --csv > disputes.csv
    """
    fmt = choose(json_, jsonl, csv_)
    since_iso = parse_since(since)
    with open_db(db) as store, user_errors():
        found = store.disputes(about=about, since=since_iso, limit=limit)
    groups = []
    flat: list[dict[str, Any]] = []
    for d in found:
        c = d.cluster
        head = f"{c.label}  [{c.n_sources} sources, {c.n_articles} articles, {_dates(c.first_date, c.last_date)}]"
        sides = d.sides()
        groups.append((head, sides))
        flat += [_stance(st, side) for side in SIDES for st in sides[side]]
    document = [{"cluster": d.cluster.as_dict(), "sides": {k: [s.as_dict() for s in v] for k, v in d.sides().items()}}
                for d in found]  # fmt: skip
    _print_groups(groups, fmt, flat, document)


@app.command()
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check, in your own words.")],
    db: DbOpt = None,
    limit: LimitOpt = 5,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
) -> None:
    """Check a claim against the store: the tracked propositions that state it (or its negation), and who
    supports, denies, reports or hedges it, when, with the sentence.

    Examples:

      newsgraph check "North Korea has sent troops to Russia"

      newsgraph check "Pyongyang did not send soldiers" --json
    """
    fmt = choose(json_, jsonl, csv_)
    if not claim.strip():
        from newsgraph.cli.output import fail

        fail('give the claim to check, e.g. newsgraph check "North Korea has sent troops to Russia"')
    with open_db(db) as store, user_errors():
        matches = store.check(claim, limit=limit)
    groups = []
    flat: list[dict[str, Any]] = []
    for m in matches:
        c = m.cluster
        neg = " (your claim is its negation: sides swapped)" if m.negated else ""
        head = f"{c.label}  [match {m.score:.2f}, {c.n_sources} sources, {c.n_articles} articles]{neg}"
        sides = m.sides()
        groups.append((head, sides))
        flat += [_stance(st, side, score=m.score, negated=m.negated) for side in SIDES for st in sides[side]]
    document = {
        "claim": claim,
        "matches": [{"cluster": m.cluster.as_dict(), "score": m.score, "negated": m.negated,
                     "sides": {k: [s.as_dict() for s in v] for k, v in m.sides().items()}} for m in matches],
    }  # fmt: skip
    if fmt == "table" and not matches:
        print(f"no tracked proposition matches {claim!r}", file=sys.stderr)
        return
    _print_groups(groups, fmt, flat, document)
