"""A Rich progress bar for long runs: documents done, docs/s, and an ETA when the total is known.

Shown only when stderr is a terminal and the run has more than one document; otherwise every call is a no-op.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.models import Article


def estimate_total(inputs: Sequence[str | Path]) -> int | None:
    """Number of documents when it is known without reading them (no stdin, no WARC archives), else ``None``."""
    from newsgraph.engines.batches import expand_inputs, is_multi_document

    n = 0
    for item in expand_inputs(inputs):
        if item == "-" or is_multi_document(item):
            return None
        n += 1
    return n


def error_lines(article: Article) -> list[str]:
    """One ``where: stage: message`` line per error record of ``article`` (what the CLI prints to stderr)."""
    where = article.source.path or article.source.url or "<stdin>"
    if article.source.url and article.source.format == "warc":
        where = f"{where} {article.source.url}"
    return [f"{where}: {e.stage}: {e.message}" for e in article.errors]


class DocsProgress:
    """``with DocsProgress(total) as bar: bar.advance(n)``; starts drawing once a second document is seen."""

    def __init__(
        self, total: int | None, *, enabled: bool | None = None, label: str = "extract", unit: str = "docs"
    ) -> None:
        self.total = total
        self.label = label
        self.unit = unit
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        if total is not None and total <= 1:
            self.enabled = False
        self.done = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> DocsProgress:
        return self

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

        columns: list[Any] = [SpinnerColumn(), TextColumn(f"[bold]{self.label}")]
        if self.total is not None:
            columns += [BarColumn(), TaskProgressColumn(), MofNCompleteColumn()]
        else:
            columns += [TextColumn("{task.completed:,} " + self.unit)]
        columns += [TextColumn("{task.fields[rate]} " + self.unit + "/s"), TimeElapsedColumn()]
        if self.total is not None:
            columns += [TextColumn("ETA"), TimeRemainingColumn()]
        self._progress = Progress(*columns, console=Console(stderr=True), transient=False)
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=self.total, completed=self.done, rate="-")

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._progress is None:
            if self.done <= 1:
                return
            self._start()
        else:
            self._progress.advance(self._task, n)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:,.1f}" if speed else "-")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
