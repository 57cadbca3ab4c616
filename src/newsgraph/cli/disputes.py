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
    DbOpt,
    Fmt,
    LimitOpt,
    emit,
    fail,
    open_db,
    output_options,
    parse_since,
    print_table,
    user_errors,
)
from newsgraph.store.base import SIDES, CheckMatch, Dispute, StanceRow

STANCE_COLUMNS = ["side", "date", "source_name", "source_kind", "status", "cue", "sentence", "article_id"]
FLAT_COLUMNS = ["cluster_id", "statement", *STANCE_COLUMNS]


Group = tuple[str, list[dict[str, Any]]]
"""A proposition's heading and its stances by side, one row each."""


def _stance_rows(sides: dict[str, list[StanceRow]], **extra: Any) -> list[dict[str, Any]]:
    """One output row per stance; its ``date`` is what a reader is shown: the published day, or ``undated`` (the
    ingest time of an undated article is no date of what was said; ``published`` is null then)."""
    return [
        {**extra, "side": side, **st.as_dict(), "date": st.shown_date} for side in SIDES for st in sides[side]
    ]


def _dates(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first[:10] if not last or last[:10] == first[:10] else f"{first[:10]} .. {last[:10]}"


def _print_groups(groups: list[Group], fmt: Fmt, document: Any) -> None:
    """Table: one heading and one table of stances per proposition; other formats: the flat rows or the
    document."""
    if fmt != "table":
        emit([row for _, rows in groups for row in rows], fmt=fmt, columns=FLAT_COLUMNS, document=document)
        return
    if not groups:
        print_table([], columns=STANCE_COLUMNS, title="disputed claims")
        return
    for head, rows in groups:
        print_table(rows, columns=STANCE_COLUMNS, title=head)


def _dispute_head(d: Dispute) -> str:
    c = d.cluster
    return f"{c.label}  [{c.n_sources} sources, {c.n_articles} articles, {_dates(c.first_date, c.last_date)}]"


def _match_head(m: CheckMatch) -> str:
    c = m.cluster
    neg = " (your claim is its negation: sides swapped)" if m.negated else ""
    return f"{c.label}  [match {m.score:.2f}, {c.n_sources} sources, {c.n_articles} articles]{neg}"


@app.command()
@output_options
def disputes(
    db: DbOpt = None,
    about: Annotated[
        str | None, typer.Option(help="Words of the proposition, a source's name, or an entity it mentions.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="With a stance on/after: 2024-10-01, 'last month', ...")
    ] = None,
    limit: LimitOpt = 20,
    fmt: Fmt = "table",
) -> None:
    """Disputed propositions: one source asserts or confirms, another denies. Each with both sides (who, status,
    cue, sentence, date), the most reported first.

    Examples:

      newsgraph disputes

      newsgraph disputes --about "North Korea" --since 2024-10-01

      newsgraph disputes --csv > disputes.csv
    """
    since_iso = parse_since(since)
    with open_db(db) as store, user_errors():
        found = store.disputes(about=about, since=since_iso, limit=limit)
    groups = [(_dispute_head(d), _stance_rows(d.sides())) for d in found]
    _print_groups(groups, fmt, [d.by_side() for d in found])


@app.command()
@output_options
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check, in your own words.")],
    db: DbOpt = None,
    limit: LimitOpt = 5,
    fmt: Fmt = "table",
) -> None:
    """Check a claim against the store: the tracked propositions that state it (or its negation), and who
    supports, denies, reports or hedges it, when, with the sentence.

    Examples:

      newsgraph check "North Korea has sent troops to Russia"

      newsgraph check "Pyongyang did not send soldiers" --json
    """
    if not claim.strip():
        fail('give the claim to check, e.g. newsgraph check "North Korea has sent troops to Russia"')
    with open_db(db) as store, user_errors():
        matches = store.check(claim, limit=limit)
    if fmt == "table" and not matches:
        print(f"no tracked proposition matches {claim!r}", file=sys.stderr)
        return
    groups = [(_match_head(m), _stance_rows(m.sides(), score=m.score, negated=m.negated)) for m in matches]
    _print_groups(groups, fmt, {"claim": claim, "matches": [m.by_side() for m in matches]})
