"""``newsgraph extract`` and ``newsgraph schema``."""

from __future__ import annotations

import csv

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import app


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


CSV_FIELDS = ["id", "path", "url", "format", "language", "title", "published", "authors", "n_quotes", "n_claims",
              "n_events", "errors", "body"]


def _csv_row(a: object) -> list[str]:
    from newsgraph.models import Article

    assert isinstance(a, Article)
    return [a.id, a.source.path or "", a.source.url or "", a.source.format, a.language or "", a.title or "",
            a.published or "", "; ".join(x.name for x in a.authors), str(len(a.quotes)), str(len(a.claims)),
            str(len(a.events)), "; ".join(f"{e.stage}: {e.message}" for e in a.errors), a.body]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json: one object (array for several); jsonl; csv.")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    no_nlp: Annotated[bool, typer.Option("--no-nlp", help="Only ingest and clean; skip quotes, claims, events.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per NLP batch.")] = 32,
) -> None:
    """Extract clean article records (title, date, authors, body, captions, quotes, claims, events).

    Examples:

      newsgraph extract examples/joongang-2024-10-22-weapons-ukraine.txt

      newsgraph extract site/ --format jsonl -o articles.jsonl

      cat page.html | newsgraph extract - --format json
    """
    from newsgraph.pipeline import extract as run

    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    n = n_err = 0
    arts = []
    writer = csv.writer(out) if fmt is Format.csv else None
    if writer:
        writer.writerow(CSV_FIELDS)
    for art in run(paths, batch_size=batch_size, nlp_stages=not no_nlp):
        n += 1
        if art.errors:
            n_err += 1
            where = art.source.path or art.source.url or "<stdin>"
            for e in art.errors:
                print(f"newsgraph: {where}: {e.stage}: {e.message}", file=sys.stderr)
        if fmt is Format.jsonl:
            out.write(art.model_dump_json() + "\n")
        elif writer:
            writer.writerow(_csv_row(art))
        else:
            arts.append(art)
    if fmt is Format.json:
        if len(arts) == 1 and len(paths) == 1 and not any(c in paths[0] for c in "*?[") and not Path(paths[0]).is_dir():
            out.write(arts[0].model_dump_json(indent=2) + "\n")
        else:
            out.write(json.dumps([a.model_dump(mode="json") for a in arts], indent=2, ensure_ascii=False) + "\n")
    if output:
        out.close()
    if n == 0:
        print("newsgraph: no input could be read", file=sys.stderr)
        raise typer.Exit(3)
    if n_err:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Article record (the contract every stage fills)."""
    from newsgraph.models import Article

    sys.stdout.write(json.dumps(Article.model_json_schema(), indent=2) + "\n")


