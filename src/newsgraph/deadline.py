"""Per-document time limits.

``with deadline(seconds):`` raises :class:`DocumentTimeout` in the block when it runs longer than ``seconds``. It uses
``SIGALRM`` (``setitimer``), so it only arms in the main thread of a Unix process; elsewhere (API worker threads,
some Ray workers) it is a no-op and the size caps in :mod:`newsgraph.ingest.limits` and ``MAX_NLP_CHARS`` bound the
work instead. Pure-C loops that never return to the interpreter cannot be interrupted; every stage is written to
return regularly (linear scans, no catastrophic regexes).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_DOC_TIMEOUT = 120.0
"""Seconds; the pipeline reads ``NEWSGRAPH_DOC_TIMEOUT`` at call time (see ``pipeline.doc_timeout``)."""


class DocumentTimeout(Exception):
    """A document took longer than its time limit."""


def _can_arm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` inside the block after ``seconds`` (None or <= 0: no limit).

    Cooperates with an outer ``ITIMER_REAL`` timer (a caller's own deadline, pytest-timeout): if the outer one is
    due first it is left to fire; otherwise it is suspended and re-armed, less the time spent, afterwards.
    """
    if not seconds or seconds <= 0 or not _can_arm():
        yield
        return
    outer_left, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left <= seconds:
        yield  # the outer timer fires first anyway
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"timed out after {seconds:g}s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            left = max(outer_left - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)
