"""Per-host politeness: a request rate, a concurrency cap, and pauses a server asks for (``Retry-After``).

One :class:`HostGates` is shared by every fetching thread. ``with gates.slot(host):`` waits until the host may
be asked again (at most ``rate`` requests per second, at most ``per_host`` in flight), then holds a slot for
the length of the request. The global cap across hosts is the size of the collector's thread pool.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class _Host:
    def __init__(self, per_host: int) -> None:
        self.slots = threading.BoundedSemaphore(per_host)
        self.next_at = 0.0  # monotonic time before which no new request may start
        self.delay: float | None = None  # robots.txt Crawl-delay, when longer than 1/rate


class HostGates:
    """Rate and concurrency per host. ``clock``/``sleep`` are injectable so the arithmetic is testable."""

    def __init__(
        self,
        rate: float,
        per_host: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.per_host = max(1, per_host)
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def _host(self, host: str) -> _Host:
        with self._lock:
            h = self._hosts.get(host)
            if h is None:
                h = self._hosts[host] = _Host(self.per_host)
            return h

    def set_crawl_delay(self, host: str, delay: float | None) -> None:
        """A robots.txt ``Crawl-delay`` slows the host down (never speeds it up)."""
        if delay and delay > self.interval:
            self._host(host).delay = delay

    def pause(self, host: str, seconds: float) -> None:
        """No request to ``host`` before ``seconds`` from now (a 429/503 ``Retry-After``)."""
        h = self._host(host)
        with self._lock:
            h.next_at = max(h.next_at, self._clock() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        h = self._host(host)
        h.slots.acquire()
        try:
            with self._lock:
                now = self._clock()
                start = max(now, h.next_at)
                h.next_at = start + (h.delay or self.interval)
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            h.slots.release()


def retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for: delay-seconds or an HTTP-date; None when absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float, asked: float | None) -> float:
    """Delay before retry number ``attempt`` (0-based): the server's ``Retry-After`` if it gave one, else
    ``base * 2**attempt``, at most ``cap`` (a longer ``Retry-After`` is handled by the caller)."""
    if asked is not None:
        return asked
    return float(min(cap, base * (2**attempt)))
