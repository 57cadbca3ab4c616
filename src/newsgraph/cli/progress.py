"""One progress display for every long command (``ingest``, ``collect``, ``watch``, ``extract``, ``stance``).

:class:`DocsProgress` draws a Rich bar on stderr: done / total, rate (docs/s), an error count, elapsed time and an
ETA. The total may be unknown (stdin, WARC archives) or grow while the work runs (``collect`` discovers pages
source by source). The bar is drawn only when stderr is a terminal (or ``enabled=True``), never with ``--quiet``.
With ``summary=True`` the bar is replaced at the end by one plain line, printed whether or not stderr is a
terminal (so logs get it too)::

    ingest: 1,204 docs, 3 errors, 41.2 docs/s in 29.2 s

Usage::

    with DocsProgress(total, label="ingest", summary=not quiet, enabled=False if quiet else None) as bar:
        for batch in batches:
            bar.advance(len(batch), errors=sum(bool(a.errors) for a in batch))
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any


def plural(n: int, words: str) -> str:
    """``plural(1, "errors")`` is ``1 error``; ``plural(1204, "docs")`` is ``1,204 docs``."""
    return f"{n:,} {words[:-1] if n == 1 and words.endswith('s') else words}"


class DocsProgress:
    """``with DocsProgress(total) as bar: bar.advance(n)``; the bar appears once a second document is done."""

    def __init__(
        self,
        total: int | None = None,
        *,
        enabled: bool | None = None,
        label: str = "extract",
        unit: str = "docs",
        summary: bool = False,
    ) -> None:
        self.total = total
        self.label = label
        self.unit = unit
        self.summary = summary
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        if total is not None and total <= 1:
            self.enabled = False  # one document: nothing to watch
        self.done = 0
        self.errors = 0
        self._t0 = time.monotonic()
        self._t1: float | None = None
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> DocsProgress:
        self._t0 = time.monotonic()
        return self

    # ------------------------------------------------------------------ updates

    def advance(self, n: int = 1, *, errors: int = 0) -> None:
        """``n`` more done, ``errors`` of them with an error."""
        self.done += n
        self.errors += errors
        self._refresh()

    def error(self, n: int = 1) -> None:
        """Count ``n`` errors (a document or a source that failed) without advancing."""
        self.errors += n
        self._refresh()

    def update(self, *, done: int | None = None, total: int | None = None, errors: int | None = None) -> None:
        """Set absolute figures: ``total`` may grow (or shrink, when a ``--max`` cuts the queue)."""
        if done is not None:
            self.done = done
        if total is not None:
            self.total = total
        if errors is not None:
            self.errors = errors
        self._refresh()

    # ------------------------------------------------------------------ figures

    @property
    def seconds(self) -> float:
        return (self._t1 if self._t1 is not None else time.monotonic()) - self._t0

    @property
    def rate(self) -> float:
        """Documents per second since the start."""
        s = self.seconds
        return self.done / s if s > 0 else 0.0

    def summary_line(self) -> str:
        """``label: N docs, E errors, R docs/s in T s``."""
        return (
            f"{self.label}: {plural(self.done, self.unit)}, {plural(self.errors, 'errors')}, "
            f"{self.rate:,.1f} {self.unit}/s in {self.seconds:,.1f} s"
        )

    # ------------------------------------------------------------------ drawing

    def _fields(self) -> dict[str, Any]:
        return {
            "rate": f"{self.rate:,.1f}" if self.done else "-",
            "errs": f"[red]{plural(self.errors, 'errors')}[/red]" if self.errors else "0 errors",
        }

    def _refresh(self) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            # not for the first document alone (a one-file run stays quiet); a total announced before any work
            # (collect's discovery) or an error shows it at once
            if self.done == 1 or not (self.done or self.total or self.errors):
                return
            self._start()
        self._progress.update(self._task, completed=self.done, total=self.total, **self._fields())

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn(f"[bold]{self.label}"),
            BarColumn(),
            TaskProgressColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} " + self.unit + "/s"),
            TextColumn("{task.fields[errs]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=self.summary,  # the summary line takes the bar's place
        )
        self._progress.start()
        self._task = self._progress.add_task(
            self.label, total=self.total, completed=self.done, **self._fields()
        )

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._t1 = time.monotonic()
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done, total=self.total, **self._fields())
            self._progress.stop()
        if self.summary and exc_type is None:
            print(self.summary_line(), file=sys.stderr)
