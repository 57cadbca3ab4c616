"""Cross-article tracking through the store with the real tracker (MiniLM embeddings, persisted index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.models import Article
from newsgraph.store import Store, open_store

from .conftest import HashEmbedder
from .factory import make_article

pytest.importorskip("newsgraph.track.cluster", reason="the claim tracker (newsgraph.track) is not installed")


def _troops(i: int, sentence: str, claim: str, source: str, status: str, date: str) -> Article:
    body = f"{sentence} Officials in Seoul and Kyiv were briefed on day {i}."
    return make_article(
        body,
        published=date,
        url=f"https://example.org/t{i}",
        entities=[("e1", "North Korea", "GPE"), ("e2", "Russia", "GPE"), ("e3", source, "ORG")],
        claims=[{"text": claim, "source": source, "kind": "organization", "status": status}],
    )


def test_paraphrases_form_one_timeline_across_sessions(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    a = _troops(1, "The NIS said North Korea has sent troops to Russia.", "North Korea has sent troops to Russia",
                "NIS", "asserted", "2024-10-18")  # fmt: skip
    b = _troops(2, "The Kremlin denied that North Korea sent troops to Russia.", "North Korea sent troops to Russia",
                "Kremlin", "denied", "2024-10-21")  # fmt: skip
    unrelated = make_article(
        "The central bank said inflation eased to 2 percent in October.",
        published="2024-10-20",
        claims=[{"text": "inflation eased to 2 percent in October", "source": "The central bank", "kind": "organization"}],
    )  # fmt: skip
    with open_store(db) as s:  # the real MiniLM encoder
        s.add_articles([a, unrelated])
    with open_store(db) as s:  # a new session: the index is restored from the store
        s.add_articles([b])
        tl = s.claim(f"{b.id}:c1")
        assert tl is not None
        assert [(c.source_name, c.status) for c in tl.claims] == [("NIS", "asserted"), ("Kremlin", "denied")]
        assert s.count("clusters") == 2
        assert s.claims(about="inflation")[0].cluster_id != tl.cluster.id


def test_writers_share_one_index(store: Store, db_url: str) -> None:
    """Two store handles writing alternately: each reloads the index the other saved."""
    other = open_store(db_url, embedder=HashEmbedder())
    same = "North Korea has sent troops to Russia"
    for i, st in enumerate([store, other, store, other]):
        st.add_articles(
            [_troops(i, f"Agency {i} said {same}.", same, f"Agency {i}", "asserted", f"2024-10-2{i}")]
        )
    other.close()
    tl = store.claims(about="troops")[0]
    timeline = store.claim(tl.cluster_id or "")
    assert timeline is not None and len(timeline.claims) == 4
