"""Issue 17: a real ``newsgraph serve`` process. SIGTERM during a long search stops it promptly; a rotating
X-Forwarded-For does not dodge the rate limit; the access log never shows a token; an unusable store is a
one-line error with exit 2."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsgraph.store import open_store
from tests.conftest import ROOT
from tests.store.factory import make_article


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path, port: int, env: dict[str, str], *extra: str) -> subprocess.Popen[bytes]:
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NEWSGRAPH_LOG_LEVEL": "info", **env}
    full.pop("NEWSGRAPH_TOKEN", None)
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port), *extra],
        env=full,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_up(proc: subprocess.Popen[bytes], url: str) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode() if proc.stderr else "server exited")
        try:
            httpx.get(url + "/api/clusters", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    db = tmp_path / "serve.db"
    open_store(str(db)).close()
    port = _free_port()
    proc = _serve(db, port, {"NEWSGRAPH_RATE_PER_MINUTE": "4"})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_up(proc, url)
        yield proc, url
    finally:
        proc.kill()
        proc.wait()


def test_rotating_forwarded_for_is_not_trusted_and_tokens_stay_out_of_the_log(
    running: tuple[subprocess.Popen[bytes], str],
) -> None:
    proc, url = running
    codes = [
        httpx.get(
            url + "/api/quotes?token=s3cret-in-query", headers={"X-Forwarded-For": f"10.0.0.{i}"}, timeout=10
        ).status_code
        for i in range(8)
    ]
    assert 429 in codes, codes
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    log = out.decode() + err.decode()
    assert "/api/quotes" in log  # the access log is on
    assert "s3cret-in-query" not in log
    assert "token=***" in log


def test_sigterm_during_a_long_search_stops_promptly(tmp_path: Path) -> None:
    db = tmp_path / "slow.db"
    words = " ".join(f"w{j}" for j in range(3000))
    with open_store(str(db)) as s:
        s.add_articles(
            [make_article(f"Report {i}: the army said troops would deploy. {words}") for i in range(20)]
        )
    port = _free_port()
    lift = {"NEWSGRAPH_SEARCH_MAX_TERMS": "1000", "NEWSGRAPH_SEARCH_MAX_PREFIX_TERMS": "1000",
            "NEWSGRAPH_SEARCH_MAX_CHARS": "10000", "NEWSGRAPH_SEARCH_TIMEOUT_MS": "600000"}  # fmt: skip
    proc = _serve(db, port, lift)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_up(proc, url)
        q = " ".join(f"w{i}*" for i in range(1, 60))  # tens of seconds of FTS5 work without a budget

        def slow() -> None:
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(url + "/api/search", params={"q": q}, timeout=120)

        th = threading.Thread(target=slow, daemon=True)
        th.start()
        time.sleep(1.5)
        assert th.is_alive()  # the search is running
        t = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        assert time.monotonic() - t < 8.0
    finally:
        proc.kill()
        proc.wait()


def test_serve_on_an_unusable_store_is_one_line_exit_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    proc = _serve(junk, _free_port(), {})
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    text = err.decode()
    assert "Traceback" not in text and "╭" not in text
    assert "error:" in text and "junk.db" in text
