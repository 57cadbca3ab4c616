"""``newsgraph collect`` / ``watch`` on the command line: help with examples, summary, one-line errors, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import _register, app
from tests.collect.site import ALPHA, BETA, FixtureSite

_register()
runner = CliRunner()


def _args(site: FixtureSite) -> list[str]:
    return ["--rate", "20", "--backoff", "0.05", "--timeout", "0.5", "--retries", "1", "--no-nlp", "--quiet",
            "--resolve", f"{ALPHA}:127.0.0.1", "--resolve", f"{BETA}:127.0.0.1"]  # fmt: skip


def test_help_has_examples() -> None:
    for cmd in ("collect", "watch"):
        out = runner.invoke(app, [cmd, "--help"], env={"COLUMNS": "200"}).output
        assert "Examples:" in out and f"newsgraph {cmd} https://example.org/" in out


def test_collect_then_again_without_sources(site: FixtureSite, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    r = runner.invoke(app, ["collect", site.url(BETA, "/atom.xml"), "--db", db, *_args(site)])
    assert r.exit_code == 0, r.output
    # no SOURCE: the sources the store follows; nothing new -> nothing stored, still ok
    r = runner.invoke(app, ["collect", "--db", db, *[a for a in _args(site) if a != "--quiet"]])
    assert r.exit_code == 0, r.output
    assert "0 new pages found; fetched 0, stored 0" in r.stderr


def test_failed_pages_exit_1_with_one_line_errors(site: FixtureSite, tmp_path: Path) -> None:
    args = [a for a in _args(site) if a != "--quiet"]
    r = runner.invoke(app, ["collect", site.url(ALPHA, "/feed.xml"), "--db", str(tmp_path / "c.db"), *args])
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("newsgraph: http")]
    # (the 400 kB page is under the default 10 MB cap here, so it is stored)
    assert len(errors) == 3 and any(e.endswith("redirect loop (2 hops)") for e in errors)
    assert "stored 7" in r.stderr and "skipped (robots) 1" in r.stderr


def test_usage_errors_exit_2_and_nothing_fetched_exits_3(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["collect", "x", "--since", "yesterday", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["watch", "x", "--every", "soon", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["collect", "--db", db]).exit_code == 2  # no source, none followed
    r = runner.invoke(app, ["collect", str(tmp_path / "missing.txt"), "--db", db, "--quiet"])
    assert r.exit_code == 3


def test_collect_and_watch_share_the_politeness_options() -> None:
    from newsgraph.cli.collect import POLITENESS_OPTIONS

    for cmd in ("collect", "watch"):
        out = runner.invoke(app, [cmd, "--help"], env={"COLUMNS": "200"}).output
        assert "Politeness" in out
        for name, _, _ in POLITENESS_OPTIONS:
            assert "--" + name.replace("_", "-") in out, (cmd, name)


def test_bad_politeness_values_exit_2_in_both_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    for cmd in ("collect", "watch"):
        r = runner.invoke(app, [cmd, "https://example.org/feed.xml", "--db", db, "--resolve", "nocolon"])
        assert r.exit_code == 2 and "expected HOST:ADDRESS" in r.output, (cmd, r.output)
        r = runner.invoke(app, [cmd, "https://example.org/feed.xml", "--db", db, "--user-agent", " "])
        assert r.exit_code == 2 and "expected one non-empty line" in r.output, (cmd, r.output)
