"""Exports: JSON Lines round-trips the records; CSV and Parquet are flat tables; ClaimReview is valid JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsgraph.models import Article
from newsgraph.store import Store
from newsgraph.store.export import RATINGS, export, export_string, review_rating

from .factory import NK, world


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_articles(world())
    return store


def test_jsonl_round_trips_articles(filled: Store) -> None:
    lines = export_string(filled, "jsonl").splitlines()
    assert [Article.model_validate_json(x) for x in lines] == world()


def test_jsonl_of_a_table(filled: Store) -> None:
    rows = [json.loads(x) for x in export_string(filled, "jsonl", table="quotes").splitlines()]
    assert len(rows) == 4 and {"speaker", "text", "published", "article_id"} <= set(rows[0])


def test_csv_claims(filled: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export_string(filled, "csv"))))
    assert len(rows) == 6
    assert {r["status"] for r in rows} == {"asserted", "denied", "reported", "confirmed", "hedged"}
    assert all(r["cluster_id"] for r in rows)


@pytest.mark.parametrize("table", ["claims", "quotes", "entities", "events", "articles"])
def test_parquet(filled: Store, tmp_path: Path, table: str) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / f"{table}.parquet"
    n = export(filled, "parquet", out, table=table)  # type: ignore[arg-type]
    got = pq.read_table(out)
    assert got.num_rows == n == {"claims": 6, "quotes": 4, "entities": 11, "events": 1, "articles": 3}[table]


def test_claimreview(filled: Store) -> None:
    reviews = json.loads(export_string(filled, "claimreview", author="Example Fact Check"))
    assert len(reviews) == filled.count("clusters") == 5
    nk = next(r for r in reviews if r["claimReviewed"] == NK)
    assert nk["@context"] == "https://schema.org" and nk["@type"] == "ClaimReview"
    assert nk["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    item = nk["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2024-10-22"
    assert item["author"] == {"@type": "Person", "name": "Kim Tae-hyo"}
    assert [a["url"] for a in item["appearance"]] == ["https://example.org/a1", "https://example.org/a2"]
    assert item["firstAppearance"]["url"] == "https://example.org/a1"
    assert nk["reviewRating"]["ratingValue"] == 5  # asserted + confirmed, no denial
    denied = next(r for r in reviews if r["claimReviewed"] == "North Korean troops were deployed")
    assert denied["reviewRating"]["alternateName"] == RATINGS["denied"][1]


@pytest.mark.parametrize(
    ("statuses", "value"),
    [
        (["denied"], 1),
        (["denied", "hedged"], 1),
        (["hedged", "alleged"], 2),
        (["reported"], 2),
        (["asserted", "denied"], 3),
        (["confirmed", "denied", "hedged"], 3),
        (["asserted", "hedged"], 4),
        (["asserted", "confirmed"], 5),
    ],
)
def test_review_rating_mapping(statuses: list[str], value: int) -> None:
    assert review_rating(statuses)[0] == value


def test_claimreview_carries_the_stances_of_a_dispute(store: Store) -> None:
    from .disputes_world import TROOPS, dispute_world

    store.add_articles(dispute_world())
    reviews = json.loads(export_string(store, "claimreview"))
    troops = next(r for r in reviews if r["claimReviewed"] == TROOPS)
    assert troops["reviewRating"]["ratingValue"] == 3  # confirmed and denied: disputed
    apps = troops["itemReviewed"]["appearance"]
    assert len(apps) == 5 and [a["datePublished"] for a in apps] == sorted(a["datePublished"] for a in apps)
    nis = next(a for a in apps if a["author"]["name"] == "National Intelligence Service")
    assert nis["description"] == (
        "National Intelligence Service supports (confirmed, 'confirmed'): The National Intelligence Service "
        "confirmed that North Korea has sent troops to Russia."
    )
    assert nis["url"] == "https://example.org/d1"
    assert any(a["description"].startswith("Pyongyang denies (denied") for a in apps)
    assert "denied 2" in troops["reviewRating"]["ratingExplanation"]
