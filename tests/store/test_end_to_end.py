"""The bundled sample through the real pipeline (newsgraph.extract_text) into each back-end and back."""

from __future__ import annotations

from newsgraph.models import Article, span_errors
from newsgraph.store import Store


def test_sample_round_trip(store: Store, sample_article: Article) -> None:
    assert sample_article.body and span_errors(sample_article) == []
    res = store.add_articles([sample_article])
    assert (res.added, res.failed) == (1, 0)
    back = store.article(sample_article.id)
    assert back == sample_article and back is not None and span_errors(back) == []
    hits = store.search("Kim Tae-hyo weapons")
    assert any(h.kind == "article" and h.article_id == sample_article.id for h in hits)
    assert store.count("quotes") == len(sample_article.quotes)
    assert store.count("claims") == len(sample_article.claims)
    assert store.count("entities") == len({e.id for e in sample_article.entities})
    for c in sample_article.claims:  # every claim is tracked, and its timeline holds it
        tl = store.claim(f"{sample_article.id}:{c.id}")
        assert tl is not None and f"{sample_article.id}:{c.id}" in {x.key for x in tl.claims}
    if any(q.speaker.name == "Kim Tae-hyo" for q in sample_article.quotes):
        assert store.quotes(speaker="Kim Tae-hyo")
    assert store.add_articles([sample_article]).duplicates == 1
