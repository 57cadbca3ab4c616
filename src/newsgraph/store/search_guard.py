"""Limits that keep full-text search from being used as a weapon: a bounded query and a time budget.

A query of many repeated prefix terms (``a* a* a* ...``) costs roughly the square of its term count in SQLite's
FTS5 (and in ``snippet()``). Every search surface (HTML page, JSON API, CLI, ``claims(about=...)``) goes
through the store, and the store calls :func:`bound_query` first:

- at most :data:`MAX_QUERY_CHARS` characters, :data:`MAX_TERMS` distinct terms (words and phrases, after
  dropping repeats, case-insensitively) and :data:`MAX_PREFIX_TERMS` prefix terms (``word*``), each prefix at
  least :data:`MIN_PREFIX_CHARS` long; anything else is :class:`QueryRejected` (HTTP 400, CLI exit 2);
- every search runs under a time budget (``NEWSGRAPH_SEARCH_TIMEOUT_MS``, default 2000), enforced inside the
  database: an SQLite progress handler interrupts the statement, PostgreSQL's ``statement_timeout`` cancels
  it. Over budget is :class:`SearchTimeout` (HTTP 503, CLI exit 2);
- :data:`CANCEL` (set by ``newsgraph serve`` on SIGTERM) interrupts running SQLite searches at once, so the
  server shuts down promptly.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsgraph.store.base import StoreError

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
MAX_PREFIX_TERMS = 3
MIN_PREFIX_CHARS = 2
DEFAULT_TIMEOUT_MS = 2000
_PROGRESS_OPS = 2000  # SQLite VM instructions between two deadline checks (a few microseconds)

CANCEL = threading.Event()
"""Set on server shutdown: every search running in this process is interrupted."""

_TOKEN = re.compile(r'"([^"]*)"?|(\w+)(\*?)')
_WORD = re.compile(r"\w+")


class QueryRejected(StoreError):
    """A search query over the limits (too long, too many terms, too many or too short prefix terms)."""


class SearchTimeout(StoreError):
    """A search that ran over its time budget (or was interrupted by shutdown)."""


def _limit(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def timeout_ms() -> int:
    """The per-search time budget in milliseconds (``NEWSGRAPH_SEARCH_TIMEOUT_MS``, default 2000)."""
    return _limit("NEWSGRAPH_SEARCH_TIMEOUT_MS", DEFAULT_TIMEOUT_MS)


def query_terms(text: str) -> list[tuple[str, bool, bool]]:
    """(term, is_phrase, is_prefix) of a user query, in order, repeats (case-insensitive) dropped."""
    seen: set[tuple[str, bool, bool]] = set()
    out: list[tuple[str, bool, bool]] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None:
            words = _WORD.findall(m.group(1))
            if not words:
                continue
            term = (" ".join(words), True, False)
        elif m.group(2):
            term = (m.group(2), False, bool(m.group(3)))
        else:
            continue
        key = (term[0].casefold(), term[1], term[2])
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out


def bound_query(text: str) -> list[tuple[str, bool, bool]]:
    """The query's distinct terms, or :class:`QueryRejected` when it is over the limits."""
    max_chars = _limit("NEWSGRAPH_SEARCH_MAX_CHARS", MAX_QUERY_CHARS)
    max_terms = _limit("NEWSGRAPH_SEARCH_MAX_TERMS", MAX_TERMS)
    max_prefix = _limit("NEWSGRAPH_SEARCH_MAX_PREFIX_TERMS", MAX_PREFIX_TERMS)
    if len(text) > max_chars:
        raise QueryRejected(f"search query too long: {len(text)} characters, at most {max_chars}")
    terms = query_terms(text)
    if len(terms) > max_terms:
        raise QueryRejected(f"search query has {len(terms)} distinct terms, at most {max_terms}")
    prefixes = [t for t, _, p in terms if p]
    if len(prefixes) > max_prefix:
        raise QueryRejected(f"search query has {len(prefixes)} prefix terms (word*), at most {max_prefix}")
    short = [t for t in prefixes if len(t) < MIN_PREFIX_CHARS]
    if short:
        raise QueryRejected(
            f"prefix term {short[0]}* is too short: a prefix needs at least {MIN_PREFIX_CHARS} characters"
        )
    return terms


def _timed_out(ms: int) -> SearchTimeout:
    return SearchTimeout(f"search took longer than its {ms} ms budget; narrow the query and try again")


@contextmanager
def sqlite_budget(conn: sqlite3.Connection, ms: int | None = None) -> Iterator[None]:
    """Interrupt any statement on ``conn`` that runs past the budget (or once :data:`CANCEL` is set)."""
    ms = timeout_ms() if ms is None else ms
    deadline = time.monotonic() + ms / 1000
    fired = False

    def check() -> int:
        nonlocal fired
        if CANCEL.is_set() or time.monotonic() > deadline:
            fired = True
            return 1
        return 0

    conn.set_progress_handler(check, _PROGRESS_OPS)
    try:
        yield
    except (StoreError, sqlite3.OperationalError) as exc:
        if fired and not isinstance(exc, SearchTimeout):
            if CANCEL.is_set():
                raise SearchTimeout("search interrupted: the server is shutting down") from None
            raise _timed_out(ms) from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


@contextmanager
def pg_budget(conn: Any, ms: int | None = None) -> Iterator[None]:
    """Run the block in one transaction whose statements PostgreSQL cancels past the budget."""
    from psycopg import errors as pg_errors

    ms = timeout_ms() if ms is None else ms
    try:
        with conn.transaction():
            conn.execute(f"SET LOCAL statement_timeout = {int(ms)}")
            yield
    except (StoreError, pg_errors.QueryCanceled) as exc:
        if isinstance(exc, pg_errors.QueryCanceled) or isinstance(exc.__context__, pg_errors.QueryCanceled):
            raise _timed_out(ms) from None
        raise
