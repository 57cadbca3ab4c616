"""Load test of the API against a real server on 127.0.0.1 (bounded request count): requests/s and p95 latency.

Env: NEWSGRAPH_BENCH_API_REQUESTS (default 2000), NEWSGRAPH_BENCH_API_CONCURRENCY (default 16).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def main() -> dict[str, object]:
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
    return res


if __name__ == "__main__":
    main()
