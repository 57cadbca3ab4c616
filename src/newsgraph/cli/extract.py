"""``newsgraph extract`` and ``newsgraph schema``."""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from newsgraph.cli import app
from newsgraph.cli.output import ProgressOpt, fail, open_db, report_ingest

if TYPE_CHECKING:
    from newsgraph.engines.ray_engine import RayOptions
    from newsgraph.models import Article


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


CSV_FIELDS = [
    "id",
    "path",
    "url",
    "format",
    "language",
    "title",
    "published",
    "authors",
    "n_quotes",
    "n_claims",
    "n_events",
    "errors",
    "body",
]


def _csv_row(a: object) -> list[str]:
    from newsgraph.models import Article

    assert isinstance(a, Article)
    return [
        a.id,
        a.source.path or "",
        a.source.url or "",
        a.source.format,
        a.language or "",
        a.title or "",
        a.published or "",
        "; ".join(x.name for x in a.authors),
        str(len(a.quotes)),
        str(len(a.claims)),
        str(len(a.events)),
        "; ".join(f"{e.stage}: {e.message}" for e in a.errors),
        a.body,
    ]


class _StreamSink:
    """A sink writing to a text stream (stdout, or a file -o without a checkpoint): a commit is a flush."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def commit(self, *, force: bool = False) -> dict[str, Any] | None:
        self.out.flush()
        return None

    def close(self) -> None:
        self.out.flush()


class _JsonlText(_StreamSink):
    def write(self, articles: Sequence[Article]) -> None:
        for art in articles:
            self.out.write(art.model_dump_json() + "\n")


class _TextSink(_StreamSink):
    """json (one object, or an array written as records come) and csv to a text stream."""

    def __init__(self, out: TextIO, fmt: Format, single_ok: bool) -> None:
        super().__init__(out)
        self.fmt, self.single_ok = fmt, single_ok
        self.n = 0
        self._first: Article | None = None
        self._csv = csv.writer(out) if fmt is Format.csv else None
        if self._csv:
            self._csv.writerow(CSV_FIELDS)

    def _json_item(self, art: Article) -> str:
        return textwrap.indent(json.dumps(art.model_dump(mode="json"), indent=2, ensure_ascii=False), "  ")

    def write(self, articles: Sequence[Article]) -> None:
        for art in articles:
            self.n += 1
            if self._csv:
                self._csv.writerow(_csv_row(art))
            elif self.n == 1:
                self._first = art
            else:
                if self._first is not None:
                    self.out.write("[\n" + self._json_item(self._first))
                    self._first = None
                self.out.write(",\n" + self._json_item(art))

    def close(self) -> None:
        if self.fmt is Format.json:
            if self.n == 1 and self._first is not None and self.single_ok:
                self.out.write(self._first.model_dump_json(indent=2) + "\n")
            elif self._first is not None:
                self.out.write("[\n" + self._json_item(self._first) + "\n]\n")
            elif self.n == 0:
                self.out.write("[]\n")
            else:
                self.out.write("\n]\n")
        self.out.flush()


@app.command()
def extract(  # noqa: C901
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories (recursive), globs, WARC archives, or - for stdin."),
    ],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="json: one object (array for several); jsonl; csv; parquet (shards in the -o directory).",
        ),
    ] = Format.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here instead of stdout (a directory for parquet)."),
    ] = None,
    no_nlp: Annotated[
        bool, typer.Option("--no-nlp", help="Only ingest and clean; skip quotes, claims, events.")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch (cleaning and nlp.pipe).")] = 32,
    engine: Annotated[
        Engine, typer.Option(help="local: stream on this machine; ray: a Ray Data pipeline (parquet output).")
    ] = Engine.local,
    n_process: Annotated[
        int,
        typer.Option("--n-process", min=1, help="local engine: spaCy worker processes (nlp.pipe n_process)."),
    ] = 1,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted run: from its checkpoint (local: jsonl/parquet with -o); "
            "keeping the shards already in -o (ray).",
        ),
    ] = False,
    checkpoint: Annotated[
        Path | None,
        typer.Option(help="Checkpoint file (default: OUTPUT.checkpoint.json, or DIR/_checkpoint.json)."),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            help="ray engine: join this cluster (auto, ray://head:10001); default starts a local Ray."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="ray engine: actors, each loading the spaCy pipeline once (default: CPUs)."),
    ] = None,
    progress: ProgressOpt = None,
    shard_batches: Annotated[
        int,
        typer.Option(min=1, help="ray engine: batches per Parquet shard (the unit --resume redoes)."),
    ] = 8,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Also load the records into this store (SQLite file or postgresql:// URL); idempotent.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract clean article records (title, date, authors, body, captions, quotes, claims, events).

    Input is read lazily and records are written as they come, so any number of documents runs in flat memory.
    With -o and jsonl or parquet, a checkpoint is kept after every durable batch; --resume continues a killed run.
    --engine ray runs the same batches on a Ray Data actor pool (a local Ray, or --address to join a cluster) and
    writes one Parquet shard per group of batches; --resume there keeps the shards already written.
    --db also loads the records into a store (as `newsgraph ingest` would), batch by batch.

    Examples:

      newsgraph extract examples/joongang-2024-10-22-weapons-ukraine.txt

      newsgraph extract site/ --format jsonl -o articles.jsonl

      newsgraph extract crawl/*.warc.gz --format jsonl -o out.jsonl --resume

      newsgraph extract crawl/ --engine ray --workers 8 --format parquet -o out/ --resume

      newsgraph extract crawl/*.warc.gz --format jsonl -o out.jsonl --db news.db

      cat page.html | newsgraph extract - --format json
    """
    if fmt is Format.parquet and output is None:
        fail("--format parquet needs -o DIRECTORY")
    show = sys.stderr.isatty() if progress is None else progress
    if engine is Engine.ray:
        from newsgraph.engines.ray_engine import RayOptions

        ray_opts = RayOptions(
            batch_size=batch_size,
            nlp_stages=not no_nlp,
            workers=workers,
            address=address,
            shard_batches=shard_batches,
        )
        _extract_ray(paths, fmt, output, ray_opts, resume, show, db)
        return
    if resume and (output is None or fmt not in (Format.jsonl, Format.parquet)):
        fail("--resume needs -o with --format jsonl or parquet")
    if resume and "-" in paths:
        fail("--resume cannot replay stdin")
    from newsgraph.cli.progress import DocsProgress
    from newsgraph.engines.checkpoint import CheckpointMismatch, default_checkpoint_path
    from newsgraph.engines.local import LocalOptions, run_local
    from newsgraph.engines.progress import estimate_total
    from newsgraph.engines.sinks import JsonlSink, ParquetShardSink, Sink, StoreSink, TeeSink

    store_sink = StoreSink(open_db(db, create=True)) if db else None
    ckpt_path = checkpoint
    if ckpt_path is None and output is not None and fmt in (Format.jsonl, Format.parquet):
        ckpt_path = default_checkpoint_path(output, directory=fmt is Format.parquet)
    text_out: TextIO | None = None

    def make_sink(state: dict[str, Any] | None) -> Sink:
        sink = _file_sink(state)
        return TeeSink(sink, store_sink) if store_sink is not None else sink

    def _file_sink(state: dict[str, Any] | None) -> Sink:
        nonlocal text_out
        if fmt is Format.jsonl and output is not None:
            return JsonlSink(output, resume_state=state if resume else None)
        if fmt is Format.parquet and output is not None:
            return ParquetShardSink(output, resume_state=state if resume else None)
        text_out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        if fmt is Format.jsonl:
            return _JsonlText(text_out)
        single = len(paths) == 1 and not any(c in paths[0] for c in "*?[") and not Path(paths[0]).is_dir()
        return _TextSink(text_out, fmt, single)

    total = estimate_total(paths) if show else None
    opts = LocalOptions(batch_size=batch_size, n_process=n_process, nlp_stages=not no_nlp)
    with DocsProgress(total, enabled=show) as bar:

        def on_batch(arts: Sequence[Article]) -> None:
            _report_errors(arts)
            bar.advance(len(arts))

        try:
            stats = run_local(
                paths,
                make_sink,
                opts,
                checkpoint_path=ckpt_path,
                resume=resume,
                extra_fingerprint={"format": fmt.value},
                on_batch=on_batch,
            )
        except CheckpointMismatch as exc:
            fail(f"cannot resume: {exc} (delete {ckpt_path} to start over)")
    if text_out is not None and output is not None:
        text_out.close()
    if store_sink is not None and store_sink.result is not None:
        report_ingest(store_sink.result, str(db), label="newsgraph: store: ")
    if stats.docs == 0:
        print("newsgraph: no input could be read", file=sys.stderr)
        raise typer.Exit(3)
    if stats.with_errors:
        raise typer.Exit(1)


def _report_errors(arts: Sequence[Article]) -> None:
    from newsgraph.engines.progress import error_lines

    for art in arts:
        for line in error_lines(art):
            print(f"newsgraph: {line}", file=sys.stderr)


def _extract_ray(  # noqa: C901
    paths: list[str],
    fmt: Format,
    output: Path | None,
    opts: RayOptions,
    resume: bool,
    show: bool,
    db: str | None,
) -> None:
    if fmt is not Format.parquet or output is None:
        fail("--engine ray writes Parquet shards: use --format parquet -o DIRECTORY")
    if "-" in paths:
        fail("--engine ray cannot read stdin")
    from newsgraph.cli.progress import DocsProgress
    from newsgraph.engines.checkpoint import CheckpointMismatch
    from newsgraph.engines.progress import estimate_total
    from newsgraph.engines.ray_engine import ShardReport, run_ray

    store = open_db(db, create=True) if db else None
    with DocsProgress(estimate_total(paths) if show else None, enabled=show) as bar:

        def on_shard(report: ShardReport) -> None:
            for msg in report.messages:
                print(f"newsgraph: {msg}", file=sys.stderr)
            bar.advance(report.docs)

        try:
            stats = run_ray(paths, output, opts, resume=resume, on_shard=on_shard)
        except CheckpointMismatch as exc:
            fail(f"cannot resume: {exc} (choose another -o directory to start over)")
        except FileExistsError as exc:
            fail(str(exc))
        except ConnectionError as exc:
            fail(
                f"cannot reach the Ray cluster at {opts.address}: {exc} (check the address; a cluster with token "
                "authentication also needs RAY_AUTH_MODE=token and its token in ~/.ray/auth_token or RAY_AUTH_TOKEN)"
            )
    kept = f", {stats.resumed_shards} shards kept from the interrupted run" if stats.resumed_shards else ""
    print(
        f"newsgraph: {stats.docs} records ({stats.with_errors} with errors) in {stats.shards} shards{kept}, "
        f"{stats.seconds:.1f} s -> {output}",
        file=sys.stderr,
    )
    if store is not None:  # bulk-load the shards, in input order, on the driver
        from newsgraph.engines.sinks import read_parquet_articles

        with store:
            report_ingest(
                store.add_articles(read_parquet_articles(output)), str(db), label="newsgraph: store: "
            )
    if stats.docs == 0:
        print("newsgraph: no input could be read", file=sys.stderr)
        raise typer.Exit(3)
    if stats.with_errors:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Article record (the contract every stage fills)."""
    from newsgraph.models import Article

    sys.stdout.write(json.dumps(Article.model_json_schema(), indent=2) + "\n")
