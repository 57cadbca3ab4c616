"""Golden, through the real pipeline: the bundled sample's troop deployment is one disputed proposition in the
store, confirmed by the NIS, denied by North Korea, Russia and the North Korean representative, not confirmed by
Russia and alleged by the writer; and the claim check finds it."""

from __future__ import annotations

from newsgraph.models import Article
from newsgraph.store import Store


def test_sample_troop_deployment_is_one_dispute(store: Store, sample_article: Article) -> None:
    store.add_articles([sample_article])
    troops = [d for d in store.disputes() if "troops" in d.cluster.label and "Russia" in d.cluster.label]
    assert len(troops) == 1, [d.cluster.label for d in store.disputes()]
    d = troops[0]
    got = {(s.source_name.casefold(), s.status) for s in d.stances}
    assert ("national intelligence service", "confirmed") in got
    assert {
        ("north korea", "denied"),
        ("russia", "denied"),
        ("a north korean representative", "denied"),
    } <= got
    assert ("russia", "unconfirmed") in got
    assert any(s.writer and s.status == "alleged" for s in d.stances)
    assert d.cluster.n_sources == 5 and d.cluster.n_articles == 1  # Russia twice: two stances, one source
    assert {s.source_name for s in d.sides()["supports"]} == {"National Intelligence Service"}
    assert all(s.sentence and s.date == sample_article.published for s in d.stances)
