"""``newsgraph watch`` as a real subprocess: SIGTERM stops it cleanly (exit 0, state committed), and a
SIGKILL mid-run loses nothing: restarted, it fetches only what was not stored and stores every page."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsgraph.store import open_store
from tests.collect.site import BETA, FixtureSite
from tests.conftest import ROOT

N_EXTRA = 30
PAGES = 3 + N_EXTRA


@pytest.fixture
def busy_site() -> Iterator[FixtureSite]:
    with FixtureSite(page_delay=0.1) as s:
        s.extra_pages[BETA].extend(f"/b/extra-{i}.html" for i in range(N_EXTRA))
        yield s


def _start(site: FixtureSite, db: Path) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable, "-m", "newsgraph", "watch", site.url(BETA, "/atom.xml"), "--every", "0.5s",
        "--db", str(db), "--no-nlp", "--rate", "20", "--workers", "2", "--backoff", "0.05", "--timeout", "5",
        "--resolve", f"{BETA}:127.0.0.1",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)


def _stored(db: Path) -> set[str]:
    if not db.exists():
        return set()
    try:
        with open_store(db, create=False) as s:
            urls = [st.url for st in s.pending_fetches(None, recheck=True, max_attempts=99)]
            return {u for u, st in s.fetch_states(urls).items() if st.status == "stored"}
    except Exception:  # the store is being created by the subprocess
        return set()


def _wait(cond: Callable[[], bool], timeout: float, proc: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise AssertionError(f"watch exited early ({proc.returncode}): {err[-2000:]}")
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("timed out waiting for watch")


def test_sigterm_stops_cleanly(busy_site: FixtureSite, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    proc = _start(busy_site, db)
    _wait(lambda: len(_stored(db)) >= 3, 60, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err.decode()
    assert "stopped" in err.decode()
    # each round ends with the shared progress bar's line, then the round's report
    assert re.search(r"^round 1: [\d,]+ pages?, 0 errors, [\d.,]+ pages/s in [\d.,]+ s$", err.decode(), re.M)
    with open_store(db, create=False) as s:
        stored = _stored(db)
        assert len(stored) >= 3 and s.count("articles") == len(stored)  # every 'stored' URL has its article


def test_sigkill_and_restart_loses_nothing_and_refetches_nothing_stored(
    busy_site: FixtureSite, tmp_path: Path
) -> None:
    db = tmp_path / "w.db"
    proc = _start(busy_site, db)
    _wait(lambda: len(_stored(db)) >= 5, 60, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    before = _stored(db)
    assert 5 <= len(before) < PAGES, "killed mid-run"
    n_log = len(busy_site.log)

    proc = _start(busy_site, db)
    _wait(lambda: len(_stored(db)) == PAGES, 90, proc)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=20)
    assert proc.returncode == 0

    with open_store(db, create=False) as s:
        assert s.count("articles") == PAGES
        assert {a.source.url for a in s.iter_articles()} == _stored(db)
    after = Counter(h.path for h in busy_site.log[n_log:] if h.status == 200 and h.path.startswith("/b/"))
    for url in before:  # stored before the kill: never requested again
        assert after["/" + url.split("/", 3)[3]] == 0, url
    total = Counter(h.path for h in busy_site.log if h.status == 200 and h.path.startswith("/b/"))
    assert len(total) == PAGES
    # at most the pages in flight at the kill (2 workers + one fetched batch) were fetched twice
    assert sum(1 for n in total.values() if n > 1) <= 10


def test_watch_without_sources_follows_the_store_and_picks_up_new_ones(tmp_path: Path) -> None:
    """In-process: sources added to the store (as POST /api/sources does) are collected on the next round."""
    from newsgraph.collect import CollectOptions, Politeness, watch
    from newsgraph.collect.run import CollectReport
    from tests.collect.site import ALPHA

    with FixtureSite() as site, open_store(tmp_path / "w.db") as store:
        store.add_fetch_source(site.url(BETA, "/atom.xml"))
        rounds: list[int] = []

        def on_round(n: int, rep: CollectReport) -> None:
            rounds.append(rep.stored)
            if n == 1:
                store.add_fetch_source(site.url(ALPHA, "/sitemap-news.xml"))

        pol = Politeness(rate=50, backoff=0.01, timeout=2, resolve=site.resolve)
        n = watch(
            [],
            store,
            every=0.01,
            politeness=pol,
            options=CollectOptions(nlp=False),
            on_round=on_round,
            max_rounds=3,
        )
        assert n == 3
        assert rounds == [
            3,
            2,
            0,
        ]  # beta's 3 pages; then the 2 of the sitemap added meanwhile; then nothing new
