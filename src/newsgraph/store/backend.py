"""The four primitives every SQL back-end provides (:mod:`.sqlite`, :mod:`.postgres`).

:class:`~newsgraph.store.sql.SQLStore` and the query mixins it is made of (:mod:`.fetch_state`, :mod:`.stances`)
are written over these alone, so each mixin declares them once, here, instead of repeating the declarations.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

__all__ = ["CHUNK", "SQLBackend", "chunks", "marks"]

CHUNK = 500
"""Values bound in one ``IN (…)`` list at the most (SQLite's limit on parameters is 999 in old builds)."""


def marks(n: int) -> str:
    """``?, ?, …``: ``n`` placeholders for an ``IN (…)`` list or a ``VALUES (…)`` row."""
    return ", ".join("?" * n)


def chunks(seq: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``seq`` in consecutive slices of ``n`` at the most (one ``IN (…)`` query each)."""
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


class SQLBackend(ABC):
    @abstractmethod
    def _write(self) -> AbstractContextManager[Any]:
        """A write transaction (serialised across processes); yields a cursor-like object."""

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read query."""

    @abstractmethod
    def _executemany(self, cur: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement over many rows, inside a write transaction."""

    @abstractmethod
    def _execute(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """One statement inside a write transaction; its rows (if any)."""
