"""The query API over a small hand-built world: search, quotes, claims, claim timelines, entities."""

from __future__ import annotations

import pytest

from newsgraph.models import Entity
from newsgraph.store import Store
from newsgraph.track.link import entity_key

from .factory import NK, world

KIM = entity_key(Entity(id="", name="Kim Tae-hyo", type="PERSON"))

HOSTILE = [
    '"', '""', "'", "%", "_", "\\", "*", "-", "-troops", "troops*", "NEAR(troops Russia)", "troops NEAR Russia",
    "troops OR", "AND", "NOT troops", "title:troops", "body:x OR 1", "^troops", "(troops", "troops)", "{x}",
    "'; DROP TABLE articles; --", "1' OR '1'='1", "%' OR 1=1 --", "troops\x00", "Тройка", "ü", "", "   ", "::",
    "@@ to_tsquery('x')", "$1", "?", "%s", "%(x)s",
]  # fmt: skip


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_articles(world())
    return store


def test_search_finds_claims_quotes_and_articles(filled: Store) -> None:
    hits = filled.search("troops")
    kinds = {h.kind for h in hits}
    assert kinds == {"claim", "quote", "article"}
    claim_hits = [h for h in hits if h.kind == "claim"]
    assert any("troops" in h.snippet for h in claim_hits)
    assert all(h.article_id for h in hits)
    assert filled.search("Vladivostok", limit=1)[0].snippet.lower().count("vladivostok") == 1
    assert filled.search("zanzibar") == []


def test_search_phrase_and_stemming(filled: Store) -> None:
    phrase = filled.search('"intelligence agency"')
    assert phrase and all(h.article_id == world()[1].id for h in phrase)
    assert filled.search('"agency intelligence"') == []  # a phrase keeps its word order
    assert filled.search("deploy")  # stemmed: deployed


def test_hostile_text_never_breaks_or_injects(filled: Store) -> None:
    for q in HOSTILE:
        filled.search(q)
        filled.quotes(speaker=q, since=q)
        filled.claims(about=q, source=q, status=q)
        filled.entity(q)
        filled.claim(q)
    assert filled.count("articles") == 3
    assert filled.count("claims") == 6
    assert len(filled.search("troops NEAR Russia")) > 0  # NEAR is just a word here, like the others


def test_like_wildcards_are_literal(filled: Store) -> None:
    assert filled.quotes(speaker="%") == []
    assert filled.quotes(speaker="_") == []
    assert filled.claims(source="%") == []
    assert len(filled.quotes(speaker="Kim")) == 2


def test_quotes_filters(filled: Store) -> None:
    kim = filled.quotes(speaker="kim tae")
    assert [q.published for q in kim] == ["2024-10-22", "2024-09-03"]  # newest first
    assert all(q.speaker_key == KIM for q in kim)
    anon = filled.quotes(kind="anonymous")
    assert {q.speaker for q in anon} == {"An official who asked not to be named", "A diplomat"}
    assert [q.text for q in filled.quotes(speaker="Kim", since="2024-10-01")] == [
        "South Korea will consider supplying weapons to Ukraine"
    ]
    assert len(filled.quotes(limit=1)) == 1


def test_claims_filters(filled: Store) -> None:
    denied = filled.claims(status="denied")
    assert [(c.source_name, c.text) for c in denied] == [("Russia", "North Korean troops were deployed")]
    about = filled.claims(about="North Korea")
    assert {c.text for c in about} >= {NK}
    assert {c.source_name for c in filled.claims(source="intelligence")} == {"Ukraine's intelligence agency"}
    anon_about_troops = filled.claims(about="troops", source="official")
    assert [c.status for c in anon_about_troops] == ["reported"]
    assert filled.claims(status="confirmed", source="Russia") == []


def test_claim_timeline_orders_sources_by_date(filled: Store) -> None:
    kim_claim = filled.claims(source="Kim", about="troops")[0]
    tl = filled.claim(kim_claim.key)
    assert tl is not None
    assert [(c.source_name, c.status, c.published) for c in tl.claims] == [
        ("Kim Tae-hyo", "asserted", "2024-10-22"),
        ("Ukraine's intelligence agency", "confirmed", "2024-10-25"),
    ]
    assert tl.cluster.n_claims == 2
    assert (tl.cluster.first_date, tl.cluster.last_date) == ("2024-10-22", "2024-10-25")
    assert tl.status_counts() == {"asserted": 1, "confirmed": 1}
    by_id = filled.claim(tl.cluster.id)
    assert by_id == tl
    assert filled.claim(tl.cluster.id[:9]) == tl  # a unique prefix
    assert filled.claim("no-such-claim") is None


def test_first_cluster_and_listing(filled: Store) -> None:
    first = filled.first_cluster()
    assert first is not None
    tl = filled.claim(first)
    assert tl is not None and tl.claims[0].text == NK
    top = filled.clusters(limit=1)[0]
    assert top.n_claims == 2 and top.label == NK


def test_entity_said_and_said_about(filled: Store) -> None:
    rep = filled.entity("Kim Tae-hyo")
    assert [e.key for e in rep.entities] == [KIM]
    assert rep.entities[0].n_articles == 3
    assert {q.text for q in rep.quotes_by} == {
        "South Korea will consider supplying weapons to Ukraine", "sanctions on Pyongyang were working"
    }  # fmt: skip
    assert {c.status for c in rep.claims_by} == {"asserted", "hedged"}
    russia = filled.entity("Russia")
    assert {c.text for c in russia.claims_by} == {"North Korean troops were deployed"}
    assert NK in {c.text for c in russia.claims_about}  # others' claims that mention Russia
    assert all(c.source_name != "Russia" for c in russia.claims_about)
    by_key = filled.entity(KIM)
    assert [e.key for e in by_key.entities] == [KIM]


def test_unknown_entity_falls_back_to_speaker_names(filled: Store) -> None:
    rep = filled.entity("diplomat")
    assert rep.entities == []
    assert [q.speaker for q in rep.quotes_by] == ["A diplomat"]
