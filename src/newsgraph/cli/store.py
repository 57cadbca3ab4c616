"""Store commands: ``ingest``, ``search``, ``quotes``, ``claims``, ``claim``, ``entity``, ``export``.

A thin shell over :mod:`newsgraph.store`: each command opens the store, calls one query and prints it with
the shared output options of :mod:`newsgraph.cli.output`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

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
    report_ingest,
    user_errors,
)

if TYPE_CHECKING:
    from newsgraph.cli.progress import DocsProgress
    from newsgraph.models import Article
    from newsgraph.store.base import Store


class KindChoice(StrEnum):
    """Mirrors models.SpeakerKind (a test keeps them equal)."""

    person = "person"
    organization = "organization"
    state = "state"
    anonymous = "anonymous"
    media = "media"
    unknown = "unknown"


class StatusChoice(StrEnum):
    """Mirrors models.ClaimStatus (a test keeps them equal)."""

    asserted = "asserted"
    confirmed = "confirmed"
    denied = "denied"
    hedged = "hedged"
    alleged = "alleged"
    reported = "reported"
    unconfirmed = "unconfirmed"


CLAIM_COLUMNS = ["published", "source_name", "source_kind", "status", "text", "cluster_id", "key"]
QUOTE_COLUMNS = ["published", "speaker", "speaker_kind", "type", "text", "article_id"]


class _AsDict(Protocol):
    def as_dict(self) -> dict[str, Any]: ...


def _emit_query(
    db: str | None, fmt: Fmt, query: Callable[[Store], Iterable[_AsDict]], *, columns: list[str], title: str
) -> None:
    """Open the store, run one list query (store problems are user errors) and print its rows."""
    with open_db(db) as store, user_errors():
        rows = [r.as_dict() for r in query(store)]
    emit(rows, fmt=fmt, columns=columns, title=title)


def _count_inputs(paths: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (None for stdin and WARC)."""
    from newsgraph.engines.progress import estimate_total

    n = 0
    for p in paths:
        if p != "-" and _record_shards(p):
            import pyarrow.parquet as pq

            shards = [Path(p)] if Path(p).is_file() else sorted(Path(p).glob("*.parquet"))
            n += sum(pq.ParquetFile(f).metadata.num_rows for f in shards)
            continue
        more = estimate_total([p])
        if more is None:
            return None
        n += more
    return n


def _record_shards(path: str) -> bool:
    """Whether ``path`` holds records already extracted (Parquet shards from ``newsgraph extract``)."""
    p = Path(path)
    if p.is_file():
        return p.suffix == ".parquet"
    return p.is_dir() and any(p.glob("*.parquet"))


def _extract_new(
    paths: list[str], store: Store, *, nlp: bool, n_process: int, problems: list[str]
) -> Iterator[Article]:
    """Articles for ``paths``: Parquet shards written by ``newsgraph extract`` are loaded as they are; anything
    else streams through the local engine (:func:`newsgraph.engines.local.stream_articles`, the canonical batches
    of ``newsgraph extract``), with the NLP stages run only on articles the store does not hold yet (cleaning
    gives the content-hash id cheaply), so re-running or resuming an ingest is fast."""
    from newsgraph.engines.local import LocalOptions, stream_articles
    from newsgraph.engines.sinks import read_parquet_articles

    raw_inputs = []
    for path in paths:
        if path != "-" and _record_shards(path):
            yield from read_parquet_articles(path, on_error=problems.append)
        else:
            raw_inputs.append(path)
    if not raw_inputs:
        return
    opts = LocalOptions(nlp_stages=nlp, n_process=n_process)
    for _, arts in stream_articles(raw_inputs, opts, known_ids=store.existing_ids):
        yield from arts


def _count_unreadable(docs: Iterable[Article], bar: DocsProgress) -> Iterator[Article]:
    """``docs`` as they come, counting on the bar those with nothing to store (an error record, no body)."""
    for art in docs:
        if not art.body.strip():
            bar.error()
        yield art


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive), globs, WARC archives, or -.")
    ],
    db: DbOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Records per database transaction.")] = 200,
    no_nlp: Annotated[
        bool, typer.Option("--no-nlp", help="Store cleaned articles only (no quotes/claims).")
    ] = False,
    n_process: Annotated[
        int, typer.Option("--n-process", min=1, help="spaCy worker processes (nlp.pipe n_process).")
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
) -> None:
    """Extract articles and store them (idempotent: re-running adds nothing twice).

    The same article from two files is one record with two sources. Each batch is one transaction, so an
    interrupted ingest simply resumes when run again.

    Examples:

      newsgraph ingest examples/joongang-2024-10-22-weapons-ukraine.txt

      newsgraph ingest pages/ crawl.warc.gz --db news.db

      newsgraph ingest 'scrapes/**/*.txt' --db postgresql://me@localhost/news

    Exit codes: 0 ok; 1 some documents could not be stored; 2 usage or database error; 3 nothing read.
    """
    store = open_db(db, create=True)
    total = None if quiet else _count_inputs(paths)
    problems: list[str] = []
    docs = _extract_new(paths, store, nlp=not no_nlp, n_process=n_process, problems=problems)
    from newsgraph.cli.progress import DocsProgress

    with (
        store,
        user_errors(),
        DocsProgress(total, enabled=False if quiet else None, label="ingest", summary=not quiet) as bar,
    ):
        res = store.add_articles(_count_unreadable(docs, bar), batch_size=batch_size, progress=bar.advance)
        bar.update(errors=res.failed + len(problems))  # what the store could not take, and unreadable inputs
    for msg in problems:
        print(f"newsgraph: {msg}", file=sys.stderr)
    report_ingest(res, store.url, summary=not quiet)
    if res.added + res.duplicates + res.failed == 0:
        fail("no input could be read", 3)
    if res.failed or problems:
        raise typer.Exit(1)


@app.command()
@output_options
def search(
    query: Annotated[
        str, typer.Argument(help='Words, "a phrase", or prefix* (SQLite). Always safe to paste.')
    ],
    db: DbOpt = None,
    limit: LimitOpt = 20,
    fmt: Fmt = "table",
) -> None:
    """Full-text search over claims, quotes and article bodies.

    Examples:

      newsgraph search "troop deployment"

      newsgraph search 'Kim "North Korean troops"' --json
    """
    _emit_query(
        db,
        fmt,
        lambda store: store.search(query, limit=limit),
        columns=["kind", "published", "snippet", "title", "article_id", "item_id"],
        title=f"search: {query}",
    )


@app.command()
@output_options
def quotes(
    db: DbOpt = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker name or any name of the linked entity.")
    ] = None,
    kind: Annotated[KindChoice | None, typer.Option(help="Speaker kind.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Published on/after: 2024-10-01, 'last month', ...")
    ] = None,
    limit: LimitOpt = 100,
    fmt: Fmt = "table",
) -> None:
    """Quotes, newest first.

    Examples:

      newsgraph quotes --speaker "Kim Tae-hyo" --since 2024-10-01

      newsgraph quotes --kind anonymous --csv > anonymous.csv
    """
    since_iso = parse_since(since)
    _emit_query(
        db,
        fmt,
        lambda store: store.quotes(
            speaker=speaker, kind=kind.value if kind else None, since=since_iso, limit=limit
        ),
        columns=QUOTE_COLUMNS,
        title="quotes",
    )


@app.command()
@output_options
def claims(
    db: DbOpt = None,
    about: Annotated[str | None, typer.Option(help="Words in the claim, or an entity it mentions.")] = None,
    status: Annotated[StatusChoice | None, typer.Option(help="Epistemic status of the claim.")] = None,
    source: Annotated[str | None, typer.Option(help="Who the claim is attributed to.")] = None,
    limit: LimitOpt = 100,
    fmt: Fmt = "table",
) -> None:
    """Claims with their source and status, newest first.

    Examples:

      newsgraph claims --about "North Korea" --status denied

      newsgraph claims --source Russia --jsonl
    """
    _emit_query(
        db,
        fmt,
        lambda store: store.claims(
            about=about, status=status.value if status else None, source=source, limit=limit
        ),
        columns=CLAIM_COLUMNS,
        title="claims",
    )


@app.command()
@output_options
def claim(
    ident: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Tracked-claim id, claim key ARTICLE:CLAIM, or id prefix."),
    ] = None,
    db: DbOpt = None,
    first: Annotated[
        bool, typer.Option("--first", help="Show the first tracked claim in the store.")
    ] = False,
    fmt: Fmt = "table",
) -> None:
    """Timeline of a tracked claim: every source that stated it, with status and date, oldest first.

    Examples:

      newsgraph claims --about troops          # find an id in the cluster_id or key column

      newsgraph claim 3f2a9c                   # a unique prefix is enough

      newsgraph claim --first --json
    """
    if (ident is None) == (not first):
        fail("give a claim ID or --first (not both)")
    with open_db(db) as store, user_errors():
        cid = store.first_cluster() if first else ident
        if cid is None:
            fail("the store holds no claims yet", 1)
        tl = store.claim(cid)
    if tl is None:
        fail(f"no tracked claim or claim key matches {ident!r}", 1)
    rows = [c.as_dict() for c in tl.claims]
    cols = ["published", "source_name", "source_kind", "status", "text", "title", "url"]
    if fmt == "table":
        from rich.console import Console
        from rich.text import Text

        counts = ", ".join(f"{k} {v}" for k, v in sorted(tl.status_counts().items()))
        head = Text(f"tracked claim {tl.cluster.id}", style="bold")
        head.append(f": {tl.cluster.label}\n{tl.cluster.n_claims} source(s), "
                    f"{tl.cluster.first_date or '?'} .. {tl.cluster.last_date or '?'}: {counts}", style="")  # fmt: skip
        Console(width=None if sys.stdout.isatty() else 160).print(head)
    emit(rows, fmt=fmt, columns=cols, title="timeline", document=tl.as_dict())


@app.command()
@output_options
def entity(
    name: Annotated[
        str, typer.Argument(help="A name (any spelling seen) or a cross-article key like PERSON:kim tae-hyo.")
    ],
    db: DbOpt = None,
    limit: LimitOpt = 100,
    fmt: Fmt = "table",
) -> None:
    """What an entity said (quotes, claims it is the source of) and what was said about it.

    Examples:

      newsgraph entity "Kim Tae-hyo"

      newsgraph entity Russia --jsonl
    """
    with open_db(db) as store, user_errors():
        rep = store.entity(name, limit=limit)
    sections: list[tuple[str, list[Any], list[str]]] = [
        ("quotes by", rep.quotes_by, QUOTE_COLUMNS),
        ("claims by", rep.claims_by, CLAIM_COLUMNS),
        ("quotes about", rep.quotes_about, QUOTE_COLUMNS),
        ("claims about", rep.claims_about, CLAIM_COLUMNS),
    ]
    if fmt == "table":
        ents = [{"key": e.key, "name": e.name, "type": e.type, "articles": e.n_articles, "aliases": ", ".join(e.aliases)}
                for e in rep.entities]  # fmt: skip
        print_table(ents, columns=["key", "name", "type", "articles", "aliases"], title=f"entities matching {name!r}",
                    empty="no linked entity; matching speaker names only")  # fmt: skip
        for title, items, cols in sections:
            print_table([x.as_dict() for x in items], columns=cols, title=title, empty="none")
        return
    rows = [
        {"relation": title.replace(" ", "_"), **x.as_dict()} for title, items, _ in sections for x in items
    ]
    cols = ["relation", "published", "source_name", "speaker", "status", "text", "article_id"]
    emit(rows, fmt=fmt, columns=cols, document=rep.as_dict())


class ExportFormatOpt(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    claimreview = "claimreview"


class ExportTableOpt(StrEnum):
    articles = "articles"
    claims = "claims"
    quotes = "quotes"
    entities = "entities"
    events = "events"


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormatOpt, typer.Option("--format", "-f", help="Output format.")],
    db: DbOpt = None,
    table: Annotated[
        ExportTableOpt | None,
        typer.Option(help="What to export (jsonl: articles by default; csv/parquet: claims by default)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (required for parquet).")
    ] = None,
    author: Annotated[str, typer.Option(help="ClaimReview author (your organisation).")] = "newsgraph",
) -> None:
    """Export the store: JSON Lines, CSV, Parquet, or schema.org ClaimReview JSON-LD for fact-checkers.

    Examples:

      newsgraph export --format jsonl -o articles.jsonl

      newsgraph export --format csv --table quotes > quotes.csv

      newsgraph export --format parquet -o claims.parquet

      newsgraph export --format claimreview --author "Example Fact Check" -o reviews.json
    """
    from newsgraph.store.export import export

    if fmt is ExportFormatOpt.parquet and output is None:
        fail("--format parquet needs -o FILE")
    if table is not None and fmt is ExportFormatOpt.claimreview:
        fail("--table does not apply to claimreview")
    with open_db(db) as store, user_errors():
        n = export(
            store, fmt.value, output if output is not None else sys.stdout,
            table=table.value if table else None, author=author,
        )  # fmt: skip
    if output is not None:
        print(f"wrote {n} records to {output}", file=sys.stderr)
