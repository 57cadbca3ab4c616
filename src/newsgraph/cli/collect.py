"""``newsgraph collect`` and ``newsgraph watch``: a thin shell over :mod:`newsgraph.collect`."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsgraph.cli import app
from newsgraph.cli.output import DbOpt, fail, open_db, option_group, user_errors

if TYPE_CHECKING:
    from newsgraph.cli.progress import DocsProgress
    from newsgraph.collect import CollectOptions, CollectProgress, CollectReport, Politeness
    from newsgraph.collect.run import ProgressFn

_P = "Politeness"
SourcesArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="RSS/Atom feeds, sitemaps or sitemap indexes, homepages, or files of URLs.", show_default=False
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", help="Skip pages a feed or sitemap dates before this day (YYYY-MM-DD)."),
]
MaxOpt = Annotated[
    int | None, typer.Option("--max", min=1, help="Fetch at most N pages this run (the rest wait).")
]
WarcOpt = Annotated[
    Path | None, typer.Option("--warc", help="Append every HTTP response to this .warc.gz file.")
]
NoNlpOpt = Annotated[bool, typer.Option("--no-nlp", help="Store cleaned articles only (no quotes/claims).")]
RecheckOpt = Annotated[
    bool, typer.Option("--recheck", help="Revalidate stored pages too (an unchanged page costs one 304).")
]
RateOpt = Annotated[
    float, typer.Option("--rate", min=0.001, help="Requests per second per host.", rich_help_panel=_P)
]
PerHostOpt = Annotated[
    int, typer.Option("--per-host", min=1, help="Requests in flight per host.", rich_help_panel=_P)
]
WorkersOpt = Annotated[
    int, typer.Option("--workers", min=1, help="Requests in flight across all hosts.", rich_help_panel=_P)
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds per response.", rich_help_panel=_P)
]
RetriesOpt = Annotated[int, typer.Option("--retries", min=0, help="Retries on 429/5xx.", rich_help_panel=_P)]
BackoffOpt = Annotated[
    float,
    typer.Option("--backoff", min=0.0, help="First retry delay (s), doubled each time.", rich_help_panel=_P),
]
ResolveOpt = Annotated[
    list[str] | None,
    typer.Option("--resolve", help="HOST:ADDRESS, like curl --resolve (repeatable).", rich_help_panel=_P),
]
UserAgentOpt = Annotated[
    str | None,
    typer.Option(
        "--user-agent",
        help="User-Agent header (default: newsgraph/VERSION (+PROJECT_URL)); add a contact, see docs/collect.md.",
        rich_help_panel=_P,
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]


POLITENESS_OPTIONS: list[tuple[str, Any, Any]] = [
    ("rate", RateOpt, 1.0),
    ("per_host", PerHostOpt, 1),
    ("workers", WorkersOpt, 8),
    ("timeout", TimeoutOpt, 30.0),
    ("retries", RetriesOpt, 3),
    ("backoff", BackoffOpt, 1.0),
    ("resolve", ResolveOpt, None),
    ("user_agent", UserAgentOpt, None),
]
"""The politeness options ``collect`` and ``watch`` share: (parameter, annotated type, default)."""


def _politeness(
    rate: float,
    per_host: int,
    workers: int,
    timeout: float,
    retries: int,
    backoff: float,
    resolve: list[str] | None,
    user_agent: str | None = None,
) -> Politeness:
    from newsgraph.collect import USER_AGENT, Politeness

    mapping: dict[str, str] = {}
    for item in resolve or []:
        host, sep, addr = item.partition(":")
        if not sep or not host or not addr:
            fail(f"--resolve {item!r}: expected HOST:ADDRESS")
        mapping[host.lower()] = addr
    agent = user_agent
    if agent is not None and (not agent.strip() or any(c in agent for c in "\r\n")):
        fail(f"--user-agent {agent!r}: expected one non-empty line")
    return Politeness(
        rate=rate, per_host=per_host, workers=workers, timeout=timeout, retries=retries, backoff=backoff,
        resolve=mapping, user_agent=agent.strip() if agent else USER_AGENT,
    )  # fmt: skip


def politeness_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a fetching command the shared politeness options (``--rate`` … ``--user-agent``, in the Politeness
    panel of its ``--help``): the command declares ``pol: Politeness`` and receives the checked settings (a bad
    ``--resolve`` or ``--user-agent`` exits 2 first)."""
    return option_group(command, "pol", POLITENESS_OPTIONS, _politeness, names={"Politeness": object})


def _options(
    since: str | None, max_pages: int | None, warc: Path | None, no_nlp: bool, recheck: bool
) -> CollectOptions:
    from newsgraph.collect import CollectOptions

    day = None
    if since:
        try:
            day = date.fromisoformat(since)
        except ValueError:
            fail(f"--since {since!r}: expected a date like 2024-10-22")
    return CollectOptions(since=day, max_pages=max_pages, nlp=not no_nlp, recheck=recheck, warc=warc)


def _summary(rep: CollectReport, where: str, label: str = "") -> None:
    for msg in rep.errors[:20]:
        print(f"newsgraph: {msg}", file=sys.stderr)
    if len(rep.errors) > 20:
        print(f"newsgraph: ... and {len(rep.errors) - 20} more errors", file=sys.stderr)
    print(
        f"{label}{rep.queued} new pages found; fetched {rep.fetched}, stored {rep.stored}, unchanged {rep.unchanged}, "
        f"duplicates {rep.duplicates}, skipped (robots) {rep.skipped}, failed {rep.failed}, left {rep.left}; "
        f"{rep.requests} requests -> {where}",
        file=sys.stderr,
    )


@app.command()
@politeness_options
def collect(
    sources: SourcesArg = None,
    db: DbOpt = None,
    since: SinceOpt = None,
    max_pages: MaxOpt = None,
    warc: WarcOpt = None,
    no_nlp: NoNlpOpt = False,
    recheck: RecheckOpt = False,
    quiet: QuietOpt = False,
    pol: Politeness = None,  # type: ignore[assignment]  # filled in by @politeness_options
) -> None:
    """Fetch what is new under feeds, sitemaps, sites or URL lists, politely, and store it.

    Obeys robots.txt, sends its own user agent, waits between requests to one host, revalidates feeds with a
    conditional GET, retries 429/5xx with backoff. Re-running fetches only what is new. With no SOURCE, the
    sources the store already follows.

    Examples:

      newsgraph collect https://example.org/feed.xml --db news.db

      newsgraph collect https://example.org/ --since 2024-10-01 --max 200

      newsgraph collect https://example.org/sitemap_index.xml urls.txt --warc crawl.warc.gz

    Exit codes: 0 ok; 1 some pages failed (the rest were stored); 2 usage or database error; 3 nothing fetched.
    """
    from newsgraph.collect import collect as run

    opts = _options(since, max_pages, warc, no_nlp, recheck)
    store = open_db(db, create=True)
    stop = threading.Event()
    from newsgraph.collect.watch import stop_on_signals

    with store, user_errors(), stop_on_signals(stop):
        todo = list(sources or []) or [s.url for s in store.fetch_sources()]
        if not todo:
            fail("no SOURCE given and the store follows none yet")
        with _bar(quiet, "collect") as bar:
            rep = run(todo, store, politeness=pol, options=opts, stop=stop, progress=_follow(bar))
            bar.update(errors=len(rep.errors))
    if not quiet:
        _summary(rep, store.url)
    if rep.sources_read == 0 and rep.fetched + rep.unchanged == 0:
        raise typer.Exit(3)
    if rep.failed:
        raise typer.Exit(1)


def _bar(quiet: bool, label: str) -> DocsProgress:
    """The shared progress bar, counting pages: drawn on a terminal, silent with --quiet."""
    from newsgraph.cli.progress import DocsProgress

    return DocsProgress(None, enabled=False if quiet else None, label=label, unit="pages", summary=not quiet)


def _follow(bar: DocsProgress) -> ProgressFn:
    """A collect progress callback that moves ``bar`` (its total grows as discovery finds pages)."""

    def on_progress(p: CollectProgress) -> None:
        bar.update(done=p.done, total=p.total or None, errors=p.errors)

    return on_progress


class _Rounds:
    """One bar per ``watch`` round: opened by the round's first progress call, closed by its report."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.n = 0
        self.bar: DocsProgress | None = None

    def progress(self, p: CollectProgress) -> None:
        if self.bar is None:
            self.n += 1
            self.bar = _bar(self.quiet, f"round {self.n}").__enter__()
        _follow(self.bar)(p)

    def end(self, rep: CollectReport) -> None:
        if self.bar is not None:
            self.bar.update(errors=len(rep.errors))
            self.bar.__exit__(None, None, None)
            self.bar = None


@app.command()
@politeness_options
def watch(
    sources: SourcesArg = None,
    every: Annotated[str, typer.Option("--every", help="Interval between rounds: 90s, 15m, 1h.")] = "15m",
    db: DbOpt = None,
    since: SinceOpt = None,
    max_pages: MaxOpt = None,
    warc: WarcOpt = None,
    no_nlp: NoNlpOpt = False,
    quiet: QuietOpt = False,
    pol: Politeness = None,  # type: ignore[assignment]  # filled in by @politeness_options
) -> None:
    """Collect in a loop, every --every, until Ctrl-C or SIGTERM (then it stores what it has and exits 0).

    Killed outright, it loses nothing: run it again and it fetches only what is not stored yet. With no
    SOURCE, the sources the store follows (re-read each round, so `POST /api/sources` adds to a running watch).

    Examples:

      newsgraph watch https://example.org/feed.xml --every 15m --db news.db

      newsgraph watch --every 1h --db postgresql://me@localhost/news

    Exit codes: 0 stopped cleanly; 2 usage or database error.
    """
    from newsgraph.collect import parse_every
    from newsgraph.collect import watch as loop
    from newsgraph.collect.watch import stop_on_signals

    try:
        seconds = parse_every(every)
    except ValueError as exc:
        fail(str(exc))
    opts = _options(since, max_pages, warc, no_nlp, False)
    store = open_db(db, create=True)
    stop = threading.Event()

    rounds = _Rounds(quiet)

    def on_round(n: int, rep: CollectReport) -> None:
        rounds.end(rep)
        if not quiet:
            _summary(rep, store.url, label=f"round {n}: ")

    with store, user_errors(), stop_on_signals(stop):
        if not sources and not store.fetch_sources():
            fail("no SOURCE given and the store follows none yet")
        loop(
            list(sources or []),
            store,
            every=seconds,
            politeness=pol,
            options=opts,
            stop=stop,
            on_round=on_round,
            progress=rounds.progress,
        )
    if not quiet:
        print("newsgraph: stopped", file=sys.stderr)
