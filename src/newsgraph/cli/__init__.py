"""The ``newsgraph`` command line: a thin shell over the Python API.

Each command group lives in its own module and registers itself on :data:`app`.
Exit codes: 0 success; 1 some documents had errors (records still written); 2 usage error; 3 nothing could be read.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help=(
        "Turn raw news into a verifiable record of who said what, about whom, how sure they are, "
        "and who contradicts whom.\n\n"
        "Examples:\n\n"
        "  newsgraph extract story.txt\n\n"
        "  newsgraph extract pages/ crawl.warc.gz --format jsonl -o out.jsonl\n\n"
        "  newsgraph schema > article.schema.json\n\n"
        "  newsgraph stance --pairs pairs.csv --bodies bodies.csv -o stances.csv\n\n"
        "Exit codes: 0 ok; 1 some documents had errors (their records carry `errors`); 2 usage error; "
        "3 no input could be read."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)


def _register() -> None:
    import importlib

    for mod in ("extract", "store", "disputes", "speakers", "serve", "collect", "stance"):
        importlib.import_module(f"newsgraph.cli.{mod}")


def main() -> None:
    _register()
    app()
