"""``newsgraph stance``: FNC-1-layout batch stance (PAIRS x BODIES -> OUT), a thin shell over
:mod:`newsgraph.stance.batch`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.cli.output import fail


@app.command("stance")
def stance_cmd(
    pairs: Annotated[
        Path,
        typer.Option(
            "--pairs",
            help="CSV with the columns Headline,Body ID (one claim-article pair a row).",
            show_default=False,
        ),
    ],
    bodies: Annotated[
        Path,
        typer.Option("--bodies", help="CSV with the columns Body ID,articleBody.", show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write Headline,Body ID,Stance here (default: stdout)."),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: when stderr is a terminal)."),
    ] = None,
) -> None:
    """Stance of each article body toward each headline: agree, disagree, discuss or unrelated.

    The input is the FNC-1 layout: PAIRS has Headline,Body ID; BODIES has Body ID,articleBody. Each body is read
    once by newsgraph's pipeline (claims, statuses, cues) and MiniLM; the shipped model labels every pair. A row
    that cannot be used (broken CSV, empty headline, a Body ID missing from BODIES) is reported on stderr and
    skipped; the other rows go on (exit 1 when any row was skipped).

    Examples:

      newsgraph stance --pairs claims.csv --bodies articles.csv -o predictions.csv

      newsgraph stance --pairs pairs.csv --bodies bodies.csv | head

      python scorer.py gold.csv predictions.csv     # FNC-1's own scorer reads the output as is
    """
    from newsgraph.cli.progress import DocsProgress
    from newsgraph.stance.batch import read_bodies, read_pairs, run_pairs, write_out
    from newsgraph.stance.model import ModelFileError

    for p in (pairs, bodies):
        if not p.is_file():
            fail(f"{p}: no such file")
    body_map, errors = read_bodies(bodies)
    todo, pair_errors = read_pairs(pairs, body_map)
    errors += pair_errors
    for e in errors:
        print(f"newsgraph stance: {e}", file=sys.stderr)
    try:
        from newsgraph.stance.api import StanceScorer

        scorer = StanceScorer()
    except (ModelFileError, RuntimeError) as exc:
        fail(str(exc))
    show = sys.stderr.isatty() if progress is None else progress
    with DocsProgress(len(todo), enabled=show, label="stance", unit="pairs") as bar:
        results = list(run_pairs(todo, body_map, scorer, progress=bar.advance))
    if output is None:
        write_out(results, sys.stdout)  # type: ignore[arg-type]
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            write_out(results, fh)
    print(f"newsgraph stance: {len(results)} pairs labelled, {len(errors)} rows skipped", file=sys.stderr)
    if errors:
        raise typer.Exit(1)
