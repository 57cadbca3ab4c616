"""``watch``: collect in a loop until SIGTERM or Ctrl-C.

A signal sets the stop event: fetches in flight are abandoned (their pages stay queued), what was fetched is
stored and its state committed, and :func:`watch` returns. A crash (``kill -9``) is safe too, because the
store's queue only marks a page stored after its article is committed (see :mod:`newsgraph.collect.run`).
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import httpx

from newsgraph.collect.config import CollectOptions, Politeness
from newsgraph.collect.run import CollectReport, ProgressFn, collect
from newsgraph.store.base import Store

_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


def parse_every(text: str) -> float:
    """``15m`` -> 900.0 seconds (units s, m, h, d; a bare number is seconds)."""
    m = _EVERY.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"invalid interval {text!r}: use e.g. 90s, 15m, 1h")
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Set ``stop`` on SIGTERM and SIGINT while inside (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def watch(
    sources: Sequence[str],
    store: Store,
    *,
    every: float,
    politeness: Politeness | None = None,
    options: CollectOptions | None = None,
    transport: httpx.BaseTransport | None = None,
    stop: threading.Event | None = None,
    on_round: Callable[[int, CollectReport], None] | None = None,
    progress: ProgressFn | None = None,
    max_rounds: int | None = None,
) -> int:
    """Run :func:`collect` every ``every`` seconds until ``stop`` is set; returns the number of rounds run.

    An empty ``sources`` follows the sources the store already knows (``collect``, ``POST /api/sources``),
    re-read at each round.
    """
    stop = stop or threading.Event()
    rounds = 0
    while not stop.is_set() and (max_rounds is None or rounds < max_rounds):
        todo = list(sources) or [s.url for s in store.fetch_sources()]
        rep = collect(todo, store, politeness=politeness, options=options, transport=transport, stop=stop,
                      progress=progress)  # fmt: skip
        rounds += 1
        if on_round is not None:
            on_round(rounds, rep)
        if max_rounds is not None and rounds >= max_rounds:
            break
        stop.wait(every)
    return rounds
