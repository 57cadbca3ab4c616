"""The four primitives every SQL back-end provides (:mod:`.sqlite`, :mod:`.postgres`).

:class:`~newsgraph.store.sql.SQLStore` and the query mixins it is made of (:mod:`.fetch_state`, :mod:`.stances`)
are written over these alone, so each mixin declares them once, here, instead of repeating the declarations.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

__all__ = ["SQLBackend"]


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
