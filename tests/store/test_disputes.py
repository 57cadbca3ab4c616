"""Stances of tracked propositions in the store (SQLite and PostgreSQL): counts by distinct source and article,
disputes with their two sides, keyset pages, the claim check, and the upgrade of a schema-5 store in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.models import Stance
from newsgraph.store import Store, open_store
from newsgraph.store.base import side_of
from newsgraph.store.migrate import latest_version, migrations
from newsgraph.store.paging import cluster_key
from newsgraph.store.propositions import appositive_name, sentence_of

from .conftest import HashEmbedder
from .disputes_world import TROOPS, dispute_world, second_dispute
from .test_migrations import _fill_v1


def test_sentence_of_finds_the_sentence_around_a_span() -> None:
    body = 'He said so. "North Korea sent troops," the NIS said on Friday. Later, nothing.'
    s = body.index("North Korea")
    assert sentence_of(body, (s, s + 11)) == '"North Korea sent troops," the NIS said on Friday.'
    assert sentence_of(body, (0, 2)) == "He said so."
    assert sentence_of("one line without a stop", (4, 8)) == "one line without a stop"


def test_appositive_name_keeps_the_name_a_description_ends_in() -> None:
    assert appositive_name("one of the family's attorneys, Justin Bamberg") == "Justin Bamberg"
    assert appositive_name("Justin  Bamberg") == "Justin Bamberg"
    assert appositive_name("Bernie Sanders, I-Vt.") == "Bernie Sanders, I-Vt."  # not a name after the comma
    assert appositive_name("a spokesman, who declined to be named") == "a spokesman, who declined to be named"


def test_side_of_maps_statuses_and_swaps_for_a_negated_claim() -> None:
    assert [side_of(s) for s in ("asserted", "confirmed", "denied", "alleged", "hedged", "unconfirmed")] == [
        "supports", "supports", "denies", "reports", "hedges", "hedges"]  # fmt: skip
    assert side_of("confirmed", negated=True) == "denies" and side_of("denied", negated=True) == "supports"


def test_stances_counts_and_dispute_sides(store: Store) -> None:
    arts = dispute_world()
    p = arts[1].propositions[0]
    p.stances.append(
        Stance(source=p.stances[0].source, status="denied", claim="c3")
    )  # a repeat, counted once
    assert store.add_articles(arts).added == 3
    assert store.count("stances") == 6  # writer + NIS + harbour officials; Pyongyang + representative; Russia
    top = store.clusters(limit=10)[0]
    assert top.label == TROOPS
    assert (top.n_claims, top.n_sources, top.n_articles, top.disputed) == (5, 5, 3, True)
    assert (top.first_date, top.last_date) == ("2024-10-18", "2024-10-24")
    others = [c for c in store.clusters(limit=10) if c.id != top.id]
    assert others and not any(c.disputed for c in others)
    stances = store.stances(top.id)
    assert [s.date for s in stances] == sorted(s.date for s in stances)
    assert {(s.source_name, s.status) for s in stances} == {
        ("the writer", "alleged"), ("National Intelligence Service", "confirmed"), ("Pyongyang", "denied"),
        ("A North Korean representative", "denied"), ("Russia", "unconfirmed")}  # fmt: skip
    nis = next(s for s in stances if s.source_name == "National Intelligence Service")
    assert (
        nis.sentence
        == "The National Intelligence Service confirmed that North Korea has sent troops to Russia."
    )
    assert nis.cue == "confirmed" and nis.url == "https://example.org/d1" and not nis.writer
    assert next(s for s in stances if s.source_name == "the writer").writer
    (d,) = store.disputes()
    sides = d.sides()
    assert [s.source_name for s in sides["supports"]] == ["National Intelligence Service"]
    assert sorted(s.source_name for s in sides["denies"]) == ["A North Korean representative", "Pyongyang"]
    assert [s.source_name for s in sides["hedges"]] == ["Russia"]
    assert [s.status for s in sides["reports"]] == ["alleged"]
    # the member claims carry the tracked proposition; a claim outside every proposition is not tracked
    assert {c.cluster_id for c in store.claims(source="Pyongyang")} == {top.id}


def test_disputes_filters_and_keyset_pages(store: Store) -> None:
    store.add_articles(dispute_world() + second_dispute())
    both = store.disputes()
    assert [d.cluster.label for d in both] == [TROOPS, "the dam was breached"]
    assert [d.cluster.label for d in store.disputes(about="dam")] == ["the dam was breached"]
    assert [d.cluster.label for d in store.disputes(about="Pyongyang")] == [TROOPS]  # a source's name
    assert [d.cluster.label for d in store.disputes(since="2024-11-01")] == ["the dam was breached"]
    assert store.disputes(about="nothing like this") == []
    first = store.disputes(limit=1)
    assert [d.cluster.id for d in first] == [both[0].cluster.id]
    assert [d.cluster.id for d in store.disputes(limit=5, after=first[-1])] == [both[1].cluster.id]
    assert store.disputes(after=cluster_key(both[1].cluster)) == []
    assert [d.cluster.id for d in store.disputes(after=both[0].cluster.id)] == [
        both[1].cluster.id
    ]  # a bare id


def test_check_finds_who_supports_and_denies_a_claim(store: Store) -> None:
    store.add_articles(dispute_world() + second_dispute())
    (m,) = store.check("North Korea has sent troops to Russia")
    assert m.cluster.label == TROOPS and not m.negated and m.score > 0.8
    sides = m.sides()
    assert [s.source_name for s in sides["supports"]] == ["National Intelligence Service"]
    assert {s.source_name for s in sides["denies"]} == {"Pyongyang", "A North Korean representative"}
    neg = store.check("North Korea has not sent troops to Russia")
    assert (
        neg
        and neg[0].negated
        and [s.source_name for s in neg[0].sides()["denies"]] == ["National Intelligence Service"]
    )
    assert store.check("South Korea will send weapons to Ukraine") == []  # other names: no match
    assert store.check("the of and") == []


def _v5_store(url: str) -> None:
    """A schema-5 store (before propositions) holding tracked claims: the troop claim is asserted by Kim and
    confirmed by Ukraine's agency, and Russia's denial was clustered with it."""
    from newsgraph.store.sql import SQLStore

    if url.startswith("postgresql://"):
        from newsgraph.store.postgres import PostgresStore

        old: SQLStore = PostgresStore(url, target_version=5)
    else:
        from newsgraph.store.sqlite import SQLiteStore

        old = SQLiteStore(url, target_version=5)
    assert old.schema_version() == 5
    with old._write() as cur:
        ph = "%s" if url.startswith("postgresql://") else "?"

        def execmany(sql: str, rows: list[tuple[object, ...]]) -> None:
            if url.startswith("postgresql://"):
                cur.executemany(sql, rows)
            else:
                cur.executemany(sql, rows)

        _fill_v1(execmany, ph, cluster_of={"North Korean troops were deployed": "old-nk"})
        old._execute(
            cur,
            "INSERT INTO clusters (id, label, n_claims, first_date, last_date) SELECT cluster_id, min(text), "
            "count(*), min(published), max(published) FROM claims GROUP BY cluster_id",
        )
    old.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "v5.db") if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))


def test_schema5_store_upgrades_in_place_with_its_disputes(empty_url: str) -> None:
    _v5_store(empty_url)
    with open_store(empty_url, embedder=HashEmbedder()) as s:
        assert s.schema_version() == latest_version("sqlite") == latest_version("postgres") >= 6
        (d,) = s.disputes()  # backfilled from the tracked claims: Kim and the agency vs Russia
        assert d.cluster.id == "old-nk" and d.cluster.n_sources == 3 and d.cluster.n_articles == 2
        assert {(st.source_name, st.status) for st in d.stances} == {
            ("Kim Tae-hyo", "asserted"), ("Ukraine's intelligence agency", "confirmed"), ("Russia", "denied")}  # fmt: skip
        assert s.check("North Korea has sent troops to Russia")[0].cluster.id == "old-nk"
        res = s.add_articles(dispute_world())  # new propositions go on being tracked after the upgrade
        assert res.added == 3 and any(x.cluster.label == TROOPS for x in s.disputes())
    if not empty_url.startswith("postgresql://"):
        names = [r[0] for r in sqlite3.connect(empty_url).execute("SELECT name FROM schema_migrations")]
        assert "propositions" in names and names[-1] == migrations("sqlite")[-1].name
