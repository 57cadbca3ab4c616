"""The shared progress display (:mod:`newsgraph.cli.progress`): its counts, a total that grows, and the final
summary line that ``ingest`` and ``collect`` print (run in-process with the typer runner, real SQLite, the real
fixture site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import _register, app
from newsgraph.cli.progress import DocsProgress, plural
from newsgraph.collect import CollectProgress, collect
from newsgraph.store import open_store
from tests.collect.conftest import FAST, politeness
from tests.collect.site import ALPHA, BETA, FixtureSite

_register()
runner = CliRunner()
NUM = r"[\d,]+\.\d"


def test_plural() -> None:
    assert [plural(1, "errors"), plural(0, "errors"), plural(1204, "docs"), plural(1, "pages")] == [
        "1 error",
        "0 errors",
        "1,204 docs",
        "1 page",
    ]


def test_bar_counts_errors_and_its_total_grows(capsys: pytest.CaptureFixture[str]) -> None:
    with DocsProgress(None, enabled=True, label="collect", unit="pages", summary=True) as bar:
        bar.update(total=2)  # discovery found two pages: the bar appears before any is done
        assert bar._progress is not None
        bar.update(total=5)
        bar.advance(2)
        bar.advance(1, errors=1)
        bar.error()
        task = bar._progress.tasks[0]
        assert (task.total, task.completed) == (5, 3)
        assert "2 errors" in task.fields["errs"]
    assert (bar.done, bar.errors, bar.total) == (3, 2, 5)
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.fullmatch(rf"collect: 3 pages, 2 errors, {NUM} pages/s in {NUM} s", last), last


def test_disabled_bar_draws_nothing_but_still_counts(capsys: pytest.CaptureFixture[str]) -> None:
    with DocsProgress(10, enabled=False, label="ingest") as bar:
        bar.advance(4, errors=1)
    assert bar._progress is None and (bar.done, bar.errors) == (4, 1)
    assert capsys.readouterr().err == ""  # no summary unless asked for


def test_ingest_prints_one_summary_line_with_its_errors(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, town in enumerate(("Harbour", "Market")):
        (docs / f"{i}.txt").write_text(
            f"{town} plan approved\n\nThe council approved the {town.lower()} plan on Tuesday after a long debate.\n"
            "The mayor said work would start in the spring.\n",
            encoding="utf-8",
        )
    (docs / "2.txt").write_text("", encoding="utf-8")  # nothing to store: one error
    db = str(tmp_path / "news.db")
    res = runner.invoke(app, ["ingest", str(docs), "--db", db, "--no-nlp"])
    assert res.exit_code == 1, res.output
    lines = res.stderr.strip().splitlines()
    assert any(re.fullmatch(rf"ingest: 3 docs, 1 error, {NUM} docs/s in {NUM} s", ln) for ln in lines), lines
    assert lines[-1] == f"added 2, duplicates 0, failed 1 -> {db}"
    quiet = runner.invoke(app, ["ingest", str(docs), "--db", db, "--no-nlp", "--quiet"])
    assert quiet.exit_code == 1
    assert not any(ln.startswith("ingest:") for ln in quiet.stderr.splitlines())


def test_collect_summary_counts_the_failed_pages(tmp_path: Path) -> None:
    with FixtureSite(slow_delay=1.0) as site:
        args = ["--rate", "20", "--backoff", "0.05", "--timeout", "0.5", "--retries", "1", "--no-nlp",
                "--resolve", f"{ALPHA}:127.0.0.1", "--resolve", f"{BETA}:127.0.0.1"]  # fmt: skip
        res = runner.invoke(
            app, ["collect", site.url(ALPHA, "/feed.xml"), "--db", str(tmp_path / "c.db"), *args]
        )
    assert res.exit_code == 1, res.output
    lines = res.stderr.strip().splitlines()
    failed = [ln for ln in lines if ln.startswith("newsgraph: http")]
    assert len(failed) == 3
    [line] = [ln for ln in lines if ln.startswith("collect: ")]
    m = re.fullmatch(rf"collect: (\d+) pages, 3 errors, {NUM} pages/s in {NUM} s", line)
    assert m, line
    assert int(m.group(1)) >= 11  # 7 stored, 3 failed, 1 skipped by robots.txt (and any duplicates)
    assert "stored 7" in lines[-1] and "failed 3" in lines[-1]


def test_collect_reports_progress_as_it_goes(tmp_path: Path) -> None:
    events: list[CollectProgress] = []
    with FixtureSite(slow_delay=1.0) as site, open_store(tmp_path / "c.db") as db:
        feeds = [site.url(ALPHA, "/feed.xml"), site.url(BETA, "/atom.xml")]
        rep = collect(feeds, db, politeness=politeness(site), options=FAST, progress=events.append)
    assert events[0] == CollectProgress(0, 0, 0)  # the run started
    discovery = [e for e in events if e.done == 0]
    assert [e.total for e in discovery] == sorted(e.total for e in discovery)  # the total grows
    assert discovery[-1].total > discovery[1].total > 0  # the second feed added pages
    fetch = [e for e in events if e.done]
    assert [e.done for e in fetch] == list(range(1, len(fetch) + 1))
    assert fetch[-1].done == fetch[-1].total
    assert fetch[-1].errors == len(rep.errors) > 0
