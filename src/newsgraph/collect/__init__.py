"""Collect: follow feeds, sitemaps and sites politely, and store what they publish.

::

    from newsgraph.collect import collect
    from newsgraph.store import open_store

    with open_store("news.db") as store:
        report = collect(["https://example.org/feed.xml"], store)

One module per concern: :mod:`~newsgraph.collect.sources` (what a SOURCE is; discovery with trafilatura's
feeds and sitemaps), :mod:`~newsgraph.collect.fetch` (the polite httpx client), :mod:`~newsgraph.collect.gate`
(per-host rate and concurrency), :mod:`~newsgraph.collect.robots`, :mod:`~newsgraph.collect.run` (one run over
the store's fetch queue), :mod:`~newsgraph.collect.watch` (the loop) and :mod:`~newsgraph.collect.archive`
(``--warc``).
"""

from __future__ import annotations

from newsgraph.collect.config import USER_AGENT, CollectOptions, Politeness
from newsgraph.collect.run import CollectProgress, CollectReport, collect
from newsgraph.collect.watch import parse_every, watch

__all__ = [
    "USER_AGENT",
    "CollectOptions",
    "CollectProgress",
    "CollectReport",
    "Politeness",
    "collect",
    "parse_every",
    "watch",
]
