"""``newsgraph disputes`` and ``newsgraph check``, the real CLI in-process on a real SQLite store (the check runs
the real MiniLM encoder)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsgraph.store import open_store

from .conftest import HashEmbedder
from .disputes_world import TROOPS, dispute_world, second_dispute
from .test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> str:
    p = str(tmp_path / "news.db")
    with open_store(p, embedder=HashEmbedder()) as s:
        s.add_articles(dispute_world() + second_dispute())
    return p


def test_disputes_lists_both_sides_in_every_format(db: str) -> None:
    doc = json.loads(run("disputes", "--db", db, "--json"))
    assert [d["cluster"]["label"] for d in doc] == [TROOPS, "the dam was breached"]
    sides = doc[0]["sides"]
    assert [s["source_name"] for s in sides["supports"]] == ["National Intelligence Service"]
    assert {s["source_name"] for s in sides["denies"]} == {"Pyongyang", "A North Korean representative"}
    assert sides["denies"][0]["sentence"].endswith(".") and sides["denies"][0]["date"] == "2024-10-21"
    rows = list(csv.DictReader(io.StringIO(run("disputes", "--about", "dam", "--db", db, "--csv"))))
    assert [(r["side"], r["source_name"]) for r in rows] == [
        ("supports", "The ministry"),
        ("denies", "The operator"),
    ]
    lines = run("disputes", "--since", "2024-11-01", "--db", db, "--jsonl").splitlines()
    assert {json.loads(x)["statement"] for x in lines} == {"the dam was breached"}
    table = run("disputes", "--db", db, "-n", "1")
    assert TROOPS in table and "5 sources, 3 articles" in table and "dam" not in table
    assert "no results" in run("disputes", "--about", "zebra", "--db", db)
    run("disputes", "--since", "not a date at all", "--db", db, code=2)
    run("disputes", "--db", str(Path(db).parent / "missing.db"), code=2)


def test_check_a_claim_and_its_negation(db: str) -> None:
    doc = json.loads(run("check", "Pyongyang has sent soldiers to Russia", "--db", db, "--json"))
    (m,) = doc["matches"]
    assert m["cluster"]["label"] == TROOPS and not m["negated"]
    assert [s["source_name"] for s in m["sides"]["supports"]] == ["National Intelligence Service"]
    neg = json.loads(run("check", "North Korea did not send troops to Russia", "--db", db, "--json"))
    assert neg["matches"][0]["negated"] and [
        s["source_name"] for s in neg["matches"][0]["sides"]["denies"]
    ] == ["National Intelligence Service"]
    rows = list(
        csv.DictReader(io.StringIO(run("check", "North Korea sent troops to Russia", "--db", db, "--csv")))
    )
    assert {r["side"] for r in rows} == {"supports", "denies", "reports", "hedges"}
    table = run("check", "North Korea has sent troops to Russia", "--db", db)
    assert "National Intelligence Service" in table and "match" in table
    assert json.loads(run("check", "The moon is made of cheese", "--db", db, "--json"))["matches"] == []
    run("check", "  ", "--db", db, code=2)
    assert "Examples" in run("check", "--help") and "Examples" in run("disputes", "--help")


def test_disputes_of_undated_articles_read_undated(tmp_path: Path) -> None:
    p = str(tmp_path / "undated.db")
    arts = dispute_world()
    for a in arts:
        a.published = None
    with open_store(p, embedder=HashEmbedder()) as s:
        s.add_articles(arts)
    table = run("disputes", "--db", p)
    assert "undated" in table and "None" not in table
    rows = list(csv.DictReader(io.StringIO(run("disputes", "--db", p, "--csv"))))
    assert rows and {r["date"] for r in rows} == {"undated"}
    # the record as the API gives it: published is null
    doc = json.loads(run("disputes", "--db", p, "--json"))
    assert doc[0]["sides"]["denies"][0]["published"] is None
    assert (doc[0]["cluster"]["first_date"], doc[0]["cluster"]["last_date"]) == (None, None)


def test_speakers_command_lists_one_row_per_speaker(tmp_path: Path) -> None:
    from .factory import world

    db = str(tmp_path / "speakers.db")
    with open_store(db, embedder=HashEmbedder()) as s:
        s.add_articles(world())
    rows = json.loads(run("speakers", "--db", db, "--json"))
    names = [r["name"] for r in rows]
    assert names and len(names) == len(set(names)) and "unknown" not in names
    assert all(r["n_quotes"] >= 1 and r["n_articles"] >= 1 for r in rows)
    assert [r["n_quotes"] for r in rows] == sorted((r["n_quotes"] for r in rows), reverse=True)
    table = run("speakers", "--db", db, "-n", "1")
    assert rows[0]["name"] in table
    assert "Examples" in run("speakers", "--help")
    run("speakers", "--kind", "nonsense", "--db", db, code=2)


def test_disputes_print_the_source_kind(db: str) -> None:
    """``source_kind`` beside ``source_name`` (an anonymous source is shown as such; this world's kinds are
    written by hand in disputes_world)."""
    rows = list(csv.DictReader(io.StringIO(run("disputes", "--about", "North Korea", "--db", db, "--csv"))))
    kinds = {r["source_name"]: r["source_kind"] for r in rows}
    assert kinds["A North Korean representative"] == "person"
    assert set(kinds.values()) <= {"person", "organization", "state", "anonymous", "media", "unknown"}
