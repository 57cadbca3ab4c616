"""Store fixtures: every test taking ``store`` runs on SQLite and, when NEWSGRAPH_TEST_PG is set, on a real
PostgreSQL server (one migrated schema per session, its tables truncated before each test; tests that need
an empty schema take ``pg_url``, a fresh schema dropped afterwards)."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from newsgraph.store import Store, open_store

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")
REQUIRE_SERVICES = os.environ.get("NEWSGRAPH_REQUIRE_SERVICES") == "1"
TABLES = ("articles", "article_sources", "entities", "quotes", "claims", "mentions", "events", "global_entities",
          "entity_aliases", "clusters", "tracker_state", "tracker_items", "stances", "fetch_state",
          "fetch_sources")  # fmt: skip


class HashEmbedder:
    """A fast stand-in sentence encoder (hashed bag of words, L2-normalised, 384 dims) so that store tests
    exercise the real ClaimClusterer without the MiniLM forward pass: identical wording -> cosine 1."""

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", t.casefold()):
                out[i, int(hashlib.md5(w.encode()).hexdigest()[:6], 16) % 384] += 1.0
            n = float(np.linalg.norm(out[i]))
            if n:
                out[i] /= n
        return out


def need_pg() -> str:
    if not PG_URL:
        if REQUIRE_SERVICES:
            pytest.fail("NEWSGRAPH_TEST_PG is not set but NEWSGRAPH_REQUIRE_SERVICES=1")
        pytest.skip("PostgreSQL tests need NEWSGRAPH_TEST_PG=postgresql://... (.ci/run sets it)")
    return PG_URL


def with_schema(url: str, schema: str) -> str:
    return url + ("&" if "?" in url else "?") + f"schema={schema}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty schema on the test server (dropped afterwards)."""
    base = need_pg()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield with_schema(base, schema)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str]:
    base = need_pg()
    import psycopg

    schema = f"s_{uuid.uuid4().hex[:12]}"
    url = with_schema(base, schema)
    open_store(url).close()
    yield url
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _truncate(url: str) -> None:
    import psycopg

    base, _, q = url.partition("?schema=")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {', '.join(f'{q}.{t}' for t in TABLES)} RESTART IDENTITY CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The location of an empty, migrated store: an SQLite path or a PostgreSQL URL (truncated tables)."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    url = str(request.getfixturevalue("pg_session_url"))
    _truncate(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url, embedder=HashEmbedder())
    yield s
    s.close()
