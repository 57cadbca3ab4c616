"""The store commands, run in-process on a real SQLite file: output formats, exit codes, clear errors."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli import _register, app
from newsgraph.cli.output import Fmt, output_options
from newsgraph.models import CLAIM_STATUSES, Article, SpeakerKind
from newsgraph.store import open_store

from .conftest import HashEmbedder
from .factory import NK, world

_register()
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"


def run(*args: str, code: int = 0) -> str:
    res = CliRunner().invoke(app, list(args))
    assert res.exit_code == code, (res.exit_code, res.output, res.exception)
    assert "Traceback" not in res.output
    return res.stdout


@pytest.fixture
def db(tmp_path: Path) -> str:
    p = str(tmp_path / "news.db")
    with open_store(p, embedder=HashEmbedder()) as s:
        s.add_articles(world())
    return p


def test_choices_mirror_the_contract() -> None:
    from newsgraph.cli.store import KindChoice, StatusChoice

    assert tuple(s.value for s in StatusChoice) == CLAIM_STATUSES
    assert tuple(k.value for k in KindChoice) == SpeakerKind.__args__  # type: ignore[attr-defined]


def test_search_formats(db: str) -> None:
    hits = json.loads(run("search", "troops", "--db", db, "--json"))
    assert {h["kind"] for h in hits} == {"claim", "quote", "article"}
    lines = run("search", "troops", "--db", db, "--jsonl", "-n", "2").splitlines()
    assert len(lines) == 2 and all(json.loads(x)["snippet"] for x in lines)
    rows = list(csv.reader(io.StringIO(run("search", "troops", "--db", db, "--csv"))))
    assert rows[0] == ["kind", "published", "snippet", "title", "article_id", "item_id"]
    table = run("search", "Vladivostok", "--db", db)
    assert "[Vladivostok]" in table  # the highlight survives the rich table


def test_quotes_and_claims(db: str) -> None:
    anon = json.loads(run("quotes", "--kind", "anonymous", "--db", db, "--json"))
    assert {q["speaker"] for q in anon} == {"An official who asked not to be named", "A diplomat"}
    recent = json.loads(run("quotes", "--speaker", "Kim", "--since", "2024-10-01", "--db", db, "--json"))
    assert len(recent) == 1
    denied = list(csv.DictReader(io.StringIO(run("claims", "--status", "denied", "--db", db, "--csv"))))
    assert [(r["source_name"], r["text"]) for r in denied] == [
        ("Russia", "North Korean troops were deployed")
    ]
    assert "Russia" in run("claims", "--status", "denied", "--db", db)


def test_claim_timeline(db: str) -> None:
    tl = json.loads(run("claim", "--first", "--db", db, "--json"))
    assert tl["cluster"]["label"] == NK
    assert [c["status"] for c in tl["claims"]] == ["asserted", "confirmed"]
    table = run("claim", tl["cluster"]["id"], "--db", db)
    assert "2 source(s)" in table and "confirmed" in table
    key = tl["claims"][1]["key"]
    assert json.loads(run("claim", key, "--db", db, "--json"))["cluster"]["id"] == tl["cluster"]["id"]
    assert len(run("claim", key, "--db", db, "--jsonl").splitlines()) == 2
    run("claim", "nope", "--db", db, code=1)
    run("claim", "--db", db, code=2)


def test_entity(db: str) -> None:
    rep = json.loads(run("entity", "Kim Tae-hyo", "--db", db, "--json"))
    assert rep["entities"][0]["n_articles"] == 3 and len(rep["quotes_by"]) == 2
    rows = [json.loads(x) for x in run("entity", "Russia", "--db", db, "--jsonl").splitlines()]
    assert {"claims_by", "claims_about"} <= {r["relation"] for r in rows}
    assert "claims about" in run("entity", "Russia", "--db", db)


def test_export(db: str, tmp_path: Path) -> None:
    assert len(run("export", "--format", "jsonl", "--db", db).splitlines()) == 3
    reviews = json.loads(run("export", "--format", "claimreview", "--db", db))
    assert reviews[0]["@type"] == "ClaimReview"
    out = tmp_path / "c.parquet"
    run("export", "--format", "parquet", "-o", str(out), "--db", db)
    assert out.stat().st_size > 0
    run("export", "--format", "parquet", "--db", db, code=2)


def test_db_from_environment(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_DB", db)
    assert json.loads(run("claims", "--status", "denied", "--json"))[0]["source_name"] == "Russia"


def test_user_errors_are_clear(db: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(200))
    res = CliRunner().invoke(app, ["search", "x", "--db", str(junk)])
    assert res.exit_code == 2 and "not an SQLite database" in res.output and res.exception is not None
    assert isinstance(res.exception, SystemExit)  # an exit, not a crash
    res = CliRunner().invoke(app, ["claims", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 2 and "newsgraph ingest" in res.output
    assert not (tmp_path / "missing.db").exists()
    assert CliRunner().invoke(app, ["claims", "--status", "bogus", "--db", db]).exit_code == 2
    assert CliRunner().invoke(app, ["claims", "--json", "--csv", "--db", db]).exit_code == 2
    assert CliRunner().invoke(app, ["quotes", "--since", "not a date at all", "--db", db]).exit_code == 2


def test_output_options_hand_the_command_one_format() -> None:
    """The shared flags decorator: no flag is the table, one flag is its format, two are a usage error."""
    toy = typer.Typer()
    got: list[tuple[str, int]] = []

    @toy.command()
    @output_options
    def listing(n: int = 1, fmt: Fmt = "table") -> None:
        got.append((fmt, n))

    for flags, expected in (([], "table"), (["--json"], "json"), (["--jsonl"], "jsonl"), (["--csv"], "csv")):
        assert CliRunner().invoke(toy, [*flags, "--n", "3"]).exit_code == 0
        assert got.pop() == (expected, 3)
    res = CliRunner().invoke(toy, ["--jsonl", "--csv"])
    assert res.exit_code == 2 and "choose one of --json, --jsonl, --csv" in res.output and not got
    listing(n=5, jsonl=True)  # still a plain function
    assert got.pop() == ("jsonl", 5)


@pytest.mark.parametrize(
    "command", ["search", "quotes", "claims", "claim", "entity", "disputes", "check", "speakers"]
)
def test_listing_commands_offer_the_output_flags(command: str) -> None:
    out = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    assert all(f" {flag} " in out for flag in ("--json", "--jsonl", "--csv")) and "fmt" not in out


def test_ingest_sample_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make demo`: ingest the sample twice (one record, two sources), then the timeline command.
    (The real NLP stages run; the claim tracker gets the fast stand-in encoder.)"""
    try:
        import newsgraph.track.embed as embed

        monkeypatch.setattr(embed, "get_embedder", HashEmbedder)
    except ImportError:
        pass
    copy = tmp_path / "copy.txt"
    copy.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "demo.db")
    res = CliRunner().invoke(app, ["ingest", str(SAMPLE), str(copy), "--db", db])
    assert res.exit_code == 0, res.output
    assert "added 1, duplicates 1, failed 0" in res.output
    with open_store(db) as s:
        assert s.count("articles") == 1 and s.count("article_sources") == 2
        art = next(s.iter_articles())
        assert "Kim Tae-hyo" in art.body
        n_tracked = s.count("clusters")  # only propositions are tracked
    import newsgraph.pipeline

    annotated: list[int] = []
    real = newsgraph.pipeline.annotate

    def counting(arts: list[Article], *a: Any, **k: Any) -> list[Article]:
        annotated.append(len(arts))
        return real(arts, *a, **k)

    monkeypatch.setattr("newsgraph.engines.local.annotate", counting)  # the binding the engine calls
    out = CliRunner().invoke(app, ["ingest", str(SAMPLE), str(copy), "--db", db]).output
    assert "added 0, duplicates 2" in out
    assert sum(annotated) == 0  # re-running skips the NLP stages for what the store already holds
    res = CliRunner().invoke(app, ["claim", "--first", "--db", db])
    assert res.exit_code == (0 if n_tracked else 1)
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "nothing-here.txt"), "--db", db])
    assert res.exit_code == 1 and "failed 1" in res.output
