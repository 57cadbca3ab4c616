"""Fixtures of the propositions tests: articles run through the real pipeline (small texts written for the tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Article


@pytest.fixture(scope="session")
def article() -> Callable[[str], Article]:
    from newsgraph import extract_text

    cache: dict[str, Article] = {}

    def run(text: str) -> Article:
        if text not in cache:
            cache[text] = extract_text(text)
        return cache[text]

    return run
