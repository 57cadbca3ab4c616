"""API speed, in one run (``make bench``):

1. load test of the API against a real server on 127.0.0.1 (bounded request count): requests/s and p95 latency;
2. deep pages: on an SQLite store of >= 50k quotes, the time of ``GET /api/quotes`` for page 1000 (50 rows a page,
   reached by following ``next_cursor``) over that of page 1 (median of repeated requests, in-process ASGI
   client); keyset cursors make it ~1 (target <= 2). The old OFFSET cursor's ratio (the store asked for
   offset + limit + 1 rows) is printed beside it for reference.

Env: NEWSGRAPH_BENCH_API_REQUESTS (default 2000), NEWSGRAPH_BENCH_API_CONCURRENCY (default 16),
NEWSGRAPH_BENCH_API_QUOTES (default 52000, the deep-page store; 20 quotes an article).
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _load(base: str, paths: list[str], n: int, conc: int) -> tuple[list[float], int]:
    lat: list[float] = []
    errors = 0
    sem = asyncio.Semaphore(conc)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def one(i: int) -> None:
            nonlocal errors
            async with sem:
                t = time.perf_counter()
                r = await client.get(paths[i % len(paths)])
                lat.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors += 1

        await asyncio.gather(*(one(i) for i in range(n)))
    return lat, errors


def _deep_store(path: Path, n_quotes: int, per_article: int = 20) -> None:
    """Synthetic articles of ``per_article`` quotes each (claim clustering off: this measures paging)."""
    from newsgraph.models import Article, Quote, Source, Speaker
    from newsgraph.store import open_store
    from newsgraph.store.sql import SQLStore

    def arts() -> Iterator[Article]:
        for i in range((n_quotes + per_article - 1) // per_article):
            sents = [f"Speaker {i % 97} said harbour {i} item {k} was ready." for k in range(per_article)]
            body = " ".join(sents)
            quotes, pos = [], 0
            for k, t in enumerate(sents):
                quotes.append(
                    Quote(id=f"q{k + 1}", type="indirect", text=t, span=(pos, pos + len(t)),
                          speaker=Speaker(name=f"Speaker {i % 97}", kind="person"))
                )  # fmt: skip
                pos += len(t) + 1
            yield Article(
                id=f"deep{i:08d}", source=Source(path=f"deep/{i}.txt"), language="en", title=f"Story {i}",
                published=f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}", body=body, quotes=quotes,
            )  # fmt: skip

    track, SQLStore._track = SQLStore._track, False
    try:
        with open_store(path) as store:
            store.add_articles(arts(), batch_size=500)
    finally:
        SQLStore._track = track


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def deep_pages(tmp: Path, page: int = 1000, limit: int = 50, repeat: int = 15) -> dict[str, Any]:
    """Time of page ``page`` over page 1 of /api/quotes, with keyset cursors (and, for reference, the old
    OFFSET approach on the same store)."""
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings
    from newsgraph.store import open_store

    n_quotes = max(int(os.environ.get("NEWSGRAPH_BENCH_API_QUOTES", 52_000)), page * limit + 1)
    db = tmp / "deep.db"
    t = time.perf_counter()
    _deep_store(db, n_quotes)
    build_s = time.perf_counter() - t
    app = create_app(Settings(db=str(db), rate_per_minute=100_000_000, allowed_hosts=["testserver"]))
    with TestClient(app) as client:
        cursor = None
        t = time.perf_counter()
        for _ in range(page - 1):  # follow next_cursor to page `page`
            got = client.get("/api/quotes", params={"limit": limit, **({"cursor": cursor} if cursor else {})})
            cursor = got.json()["next_cursor"]
        walk_s = time.perf_counter() - t
        assert cursor, "the store is too small for that page"

        def first() -> object:
            return client.get("/api/quotes", params={"limit": limit}).json()

        def deep() -> object:
            return client.get("/api/quotes", params={"limit": limit, "cursor": cursor}).json()

        ms_1, ms_deep = _median_ms(first, repeat), _median_ms(deep, repeat)
    with open_store(db) as store:  # the old cursor: ask for offset + limit + 1 rows, slice the page out
        off = (page - 1) * limit
        n_rows = store.count("quotes")
        old_1 = _median_ms(lambda: store.quotes(limit=limit + 1)[:limit], 5)
        old_deep = _median_ms(lambda: store.quotes(limit=off + limit + 1)[off : off + limit], 5)
    return {
        "quotes": n_rows,
        "page": page,
        "limit": limit,
        "build_s": round(build_s, 1),
        "walk_s": round(walk_s, 1),
        "page1_ms": round(ms_1, 2),
        "deep_ms": round(ms_deep, 2),
        "ratio": round(ms_deep / ms_1, 2),
        "offset_page1_ms": round(old_1, 2),
        "offset_deep_ms": round(old_deep, 2),
        "offset_ratio": round(old_deep / old_1, 1),
    }


def main() -> dict[str, object]:
    deep = deep_pages(Path(tempfile.mkdtemp(prefix="newsgraph-bench-deep-")))
    print(
        f"API deep page: page {deep['page']} / page 1 of /api/quotes = {deep['ratio']} "
        f"({deep['deep_ms']} vs {deep['page1_ms']} ms, {deep['quotes']:,} quotes, {deep['limit']} a page); "
        f"old OFFSET cursor: {deep['offset_ratio']} ({deep['offset_deep_ms']} vs {deep['offset_page1_ms']} ms)"
    )
    n = int(os.environ.get("NEWSGRAPH_BENCH_API_REQUESTS", 2000))
    conc = int(os.environ.get("NEWSGRAPH_BENCH_API_CONCURRENCY", 16))
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-api-"))
    db = tmp / "api.db"
    exe = [sys.executable, "-m", "newsgraph"]
    subprocess.run([*exe, "ingest", str(SAMPLE), "--db", str(db)], check=True, capture_output=True)
    port = _free_port()
    env = dict(os.environ, NEWSGRAPH_RATE_PER_MINUTE="100000000", NEWSGRAPH_LOG_LEVEL="warning")
    proc = subprocess.Popen(
        [*exe, "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/quotes?limit=1", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        aid = httpx.get(base + "/api/quotes?limit=1").json()["items"][0]["article_id"]
        paths = [
            f"/api/articles/{aid}",
            "/api/search?q=withdrawal",
            "/api/quotes?kind=anonymous",
            "/api/claims?status=denied",
            f"/articles/{aid}",
        ]
        t = time.perf_counter()
        lat, errors = asyncio.run(_load(base, paths, n, conc))
        wall = time.perf_counter() - t
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    lat.sort()
    res: dict[str, object] = {
        "requests": n,
        "concurrency": conc,
        "errors": errors,
        "requests_per_s": round(n / wall, 1),
        "p50_ms": round(lat[len(lat) // 2] * 1000, 1),
        "p95_ms": round(lat[int(len(lat) * 0.95)] * 1000, 1),
    }
    print(
        f"API load: {res['requests_per_s']} req/s, p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, "
        f"{errors} errors ({n} requests, {conc} concurrent, one uvicorn worker)"
    )
    res["deep_pages"] = deep
    note = f"{n} requests, {conc} concurrent, {errors} errors"
    res["ratios"] = [
        _ratio("requests/s (one uvicorn worker, loopback)", res["requests_per_s"], note=note),
        _ratio("p95 latency (ms)", res["p95_ms"], note=f"p50 {res['p50_ms']} ms"),
        _ratio(
            f"page {deep['page']} ÷ page 1 time, /api/quotes (keyset)",
            deep["ratio"],
            2,
            "<=",
            f"{deep['deep_ms']} vs {deep['page1_ms']} ms, {deep['quotes']:,} quotes; "
            f"old OFFSET cursor {deep['offset_ratio']}",
        ),
    ]
    return res


def _ratio(name: str, value: Any, target: Any = None, op: str = "", note: str = "") -> dict[str, Any]:
    met = None
    if isinstance(value, (int, float)) and isinstance(target, (int, float)) and op:
        met = value >= target if op == ">=" else value <= target
    return {"name": name, "value": value, "target": target, "op": op, "met": met, "note": note}


if __name__ == "__main__":
    main()
