"""Who is quoted: ``newsgraph speakers``, one row per speaker, the most quoted first.

A thin shell over :meth:`newsgraph.store.Store.speakers` (a speaker named several ways is one row: see
``docs/disputes.md``), printed with the shared output options (table, ``--json``, ``--jsonl``, ``--csv``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.cli.output import DbOpt, Fmt, LimitOpt, emit, open_db, output_options, user_errors
from newsgraph.cli.store import KindChoice

SPEAKER_COLUMNS = ["name", "kind", "n_quotes", "n_articles", "also_named", "key"]


@app.command()
@output_options
def speakers(
    db: DbOpt = None,
    kind: Annotated[KindChoice | None, typer.Option(help="Speaker kind.")] = None,
    limit: LimitOpt = 50,
    fmt: Fmt = "table",
) -> None:
    """Who is quoted, the most quoted first: one row per speaker, with the other names their quotes carry
    ("Obama" and "the Obama administration" under Barack Obama). Unresolved speakers are left out.

    Examples:

      newsgraph speakers -n 20

      newsgraph speakers --kind anonymous --csv > anonymous-sources.csv
    """
    with open_db(db) as store, user_errors():
        rows = [r.as_dict() for r in store.speakers(kind=kind.value if kind else None, limit=limit)]
    emit(rows, fmt=fmt, columns=SPEAKER_COLUMNS, title="speakers")
