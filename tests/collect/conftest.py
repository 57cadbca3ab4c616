"""Fixtures: the real fixture site (tests/collect/site.py) and test-sized politeness."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.collect import CollectOptions, Politeness
from newsgraph.store import Store, open_store
from tests.collect.site import FixtureSite

RATE = 10.0
"""Requests per second per host in the tests: 0.1 s apart (the default is 1/s)."""


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite(slow_delay=1.0) as s:
        yield s


def politeness(site: FixtureSite, **kw: object) -> Politeness:
    base: dict[str, object] = dict(
        rate=RATE, per_host=1, workers=4, retries=2, backoff=0.05, timeout=0.5, max_bytes=200_000,
        resolve=site.resolve,
    )  # fmt: skip
    base.update(kw)
    return Politeness(**base)  # type: ignore[arg-type]


FAST = CollectOptions(nlp=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "news.db") as s:
        yield s
