"""Shared output options for every listing command: a rich table (default), ``--json``, ``--jsonl``, ``--csv``.

Use in a command (:func:`output_options` adds the three flags and hands the command their choice)::

    @app.command()
    @output_options
    def quotes(..., fmt: Fmt = "table") -> None:
        emit(rows, fmt=fmt, columns=[...])
"""

from __future__ import annotations

import csv
import functools
import inspect
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import typer

if TYPE_CHECKING:
    from newsgraph.store.base import IngestResult, Store

Fmt = Literal["table", "json", "jsonl", "csv"]

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.", rich_help_panel="Output")]
JsonlOpt = Annotated[
    bool, typer.Option("--jsonl", help="Print one JSON object per line.", rich_help_panel="Output")
]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV with a header row.", rich_help_panel="Output")]
LimitOpt = Annotated[
    int, typer.Option("--limit", "-n", min=1, help="At most this many rows.", rich_help_panel="Output")
]
ProgressOpt = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress bar (default: when stderr is a terminal)."),
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="NEWSGRAPH_DB",
        help="SQLite file or postgresql:// URL. Default: $NEWSGRAPH_DB or ./newsgraph.db.",
        show_default=False,
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a user error (no traceback) and exit."""
    print(f"newsgraph: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def choose(json_: bool, jsonl: bool, csv_: bool) -> Fmt:
    picked = [f for f, on in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if on]
    if len(picked) > 1:
        fail("choose one of --json, --jsonl, --csv")
    return picked[0] if picked else "table"  # type: ignore[return-value]


def option_group(
    command: Callable[..., None],
    param: str,
    options: Sequence[tuple[str, Any, Any]],
    build: Callable[..., Any],
    names: Mapping[str, Any] | None = None,
) -> Callable[..., None]:
    """``command`` with its parameter ``param`` replaced by a group of typer ``options`` (``(name, annotated
    type, default)``, listed after its own): the wrapper calls ``build(**values)`` and hands the result to
    ``command`` as ``param``. ``names`` resolve annotations the command's module imports only for type checking;
    the others must name what the module imports at run time (as for any typer command)."""
    sig = inspect.signature(command, eval_str=True, locals=dict(names or {}))
    own = [p for name, p in sig.parameters.items() if name != param]
    extra = [
        inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=t) for n, t, d in options
    ]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        values = {n: kwargs.pop(n, d) for n, _, d in options}
        command(*args, **{param: build(**values)}, **kwargs)

    shown = sig.replace(parameters=[*own, *extra])
    run.__signature__ = shown  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in shown.parameters.values()} | {"return": None}
    return run


_FLAGS = (("json_", JsonOpt, False), ("jsonl", JsonlOpt, False), ("csv_", CsvOpt, False))


def output_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a listing command the shared ``--json``, ``--jsonl`` and ``--csv`` flags (sqlite-utils'
    ``@output_options``): the command declares ``fmt: Fmt = "table"`` and receives the one flag given (two are
    a usage error, exit 2); its ``--help`` lists the flags in the Output panel, after its own options."""
    return option_group(command, "fmt", _FLAGS, choose)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit(
    rows: Sequence[Mapping[str, Any]],
    *,
    fmt: Fmt,
    columns: Sequence[str],
    title: str | None = None,
    document: Any = None,
    empty: str = "no results",
) -> None:
    """Print ``rows`` in ``fmt``. The table and CSV show ``columns``; JSON Lines and JSON show whole rows
    (or ``document`` for ``--json`` when the command has a richer structure than a list)."""
    out = sys.stdout
    if fmt == "json":
        out.write(
            json.dumps(document if document is not None else list(rows), indent=2, ensure_ascii=False) + "\n"
        )
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        from newsgraph.store.export import csv_safe

        w = csv.writer(out)
        w.writerow(columns)
        for r in rows:
            w.writerow([csv_safe(_cell(r.get(c))) for c in columns])
    else:
        print_table(rows, columns=columns, title=title, empty=empty)


def print_table(
    rows: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str],
    title: str | None = None,
    empty: str = "no results",
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(width=None if sys.stdout.isatty() else 160)
    if not rows:
        console.print(Text(f"{title + ': ' if title else ''}{empty}", style="dim"))
        return
    table = Table(
        title=Text(title) if title else None, show_lines=False, header_style="bold", title_justify="left"
    )
    for c in columns:
        wide = c in ("text", "snippet", "label", "title")
        table.add_column(c, overflow="fold", ratio=3 if wide else None, no_wrap=not wide and c.endswith("id"))
    for r in rows:
        table.add_row(*(Text(_cell(r.get(c))) for c in columns))
    console.print(table)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn store errors (bad path, foreign file, unreachable server) into a clear message and exit 2."""
    from newsgraph.store.base import StoreError

    try:
        yield
    except StoreError as exc:
        fail(str(exc))


def open_db(db: str | None, *, create: bool = False) -> Store:
    """The store at ``db`` (path or ``postgresql://`` URL); a store that cannot be used is a clear exit 2."""
    from newsgraph.store import open_store

    with user_errors():
        return open_store(db, create=create)


def report_ingest(result: IngestResult, where: str, *, label: str = "", summary: bool = True) -> None:
    """What an ingest did, on stderr: the failures (20 at most), then (``summary``) one ``added/duplicates/failed``
    line."""
    for msg in result.errors[:20]:
        print(f"newsgraph: {msg}", file=sys.stderr)
    if len(result.errors) > 20:
        print(f"newsgraph: ... and {len(result.errors) - 20} more failures", file=sys.stderr)
    if summary:
        print(
            f"{label}added {result.added}, duplicates {result.duplicates}, failed {result.failed} -> {where}",
            file=sys.stderr,
        )


def parse_since(text: str | None) -> str | None:
    """A ``--since`` value as an ISO date: ``2024-10-01`` or words dateparser reads (``30 days ago``); exit 2
    with a one-line error otherwise."""
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    import dateparser

    got = dateparser.parse(text, languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    if got is None:
        fail(f"--since: cannot read {text!r} as a date (try 2024-10-01 or '30 days ago')")
    return str(got.date().isoformat())
