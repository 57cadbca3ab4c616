"""Store fixtures: every test taking ``store`` runs on SQLite and, when NEWSGRAPH_TEST_PG is set, on a real
PostgreSQL (each test in its own fresh schema, dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.store import Store, open_store

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")
REQUIRE_SERVICES = os.environ.get("NEWSGRAPH_REQUIRE_SERVICES") == "1"


def need_pg() -> str:
    if not PG_URL:
        if REQUIRE_SERVICES:
            pytest.fail("NEWSGRAPH_TEST_PG is not set but NEWSGRAPH_REQUIRE_SERVICES=1")
        pytest.skip("PostgreSQL tests need NEWSGRAPH_TEST_PG=postgresql://... (.ci/run sets it)")
    return PG_URL


def _with_schema(url: str, schema: str) -> str:
    return url + ("&" if "?" in url else "?") + f"schema={schema}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty schema on the test server (dropped afterwards)."""
    base = need_pg()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield _with_schema(base, schema)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A location for a new store: an SQLite path, or a fresh PostgreSQL schema URL."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    yield s
    s.close()
