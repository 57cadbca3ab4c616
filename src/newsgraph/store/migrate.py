"""Versioned migrations: ``migrations/<backend>/NNNN_name.sql`` files, applied in order, each recorded in
``schema_migrations``. The runner itself lives in each back-end (they lock differently)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(backend: str) -> list[Migration]:
    """The migrations of ``backend`` ("sqlite" or "postgres"), oldest first."""
    out = []
    for f in resources.files(f"newsgraph.store.migrations.{backend}").iterdir():
        if f.name.endswith(".sql") and f.name[:4].isdigit():
            out.append(Migration(int(f.name[:4]), f.name[5:-4], f.read_text(encoding="utf-8")))
    out.sort(key=lambda m: m.version)
    return out


def latest_version(backend: str) -> int:
    return migrations(backend)[-1].version


def sqlite_statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies keep their inner semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
