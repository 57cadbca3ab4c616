"""The reference article end to end: canonical entities and claim statuses (issue 5's expectations)."""

from __future__ import annotations

from newsgraph.models import Article, span_errors


def _claim(article: Article, needle: str):  # type: ignore[no-untyped-def]
    found = [c for c in article.claims if needle in c.text or (c.cue and needle in c.cue)]
    assert found, f"no claim with {needle!r}: {[c.text[:60] for c in article.claims]}"
    return found[0]


def _entity(article: Article, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, f"{name}: {[e.name for e in article.entities]}"
    return found[0]


def test_sample_spans_are_valid(sample_article: Article) -> None:
    assert span_errors(sample_article) == []
    assert not [e for e in sample_article.errors if e.stage == "claims"]


def test_sample_claim_statuses(sample_article: Article) -> None:
    a = sample_article
    denied = _claim(a, "the alleged troop deployment")
    assert denied.status == "denied" and denied.writer_stance == "alleged"
    assert _claim(a, "the claims as").status == "denied"
    assert _claim(a, "North Korea plans to send around 12,000 troops").status == "confirmed"
    assert _claim(a, "We may consider gradually providing defensive weapons").status == "hedged"
    assert _claim(a, "whether a monitoring team will be deployed").status == "unconfirmed"
    assert _claim(a, "the deployment of North Korean troops").status == "unconfirmed"
    assert _claim(a, "to provide further details").status == "unconfirmed"  # a refusal to tell
    assert _claim(a, "South Korea is also considering dispatching").status == "reported"
    assert _claim(a, "South Korea may send personnel").status == "reported"
    assert _claim(a, "The government urges the immediate withdrawal").status == "asserted"


def test_sample_claims_carry_sources_and_quotes(sample_article: Article) -> None:
    a = sample_article
    quote_ids = {q.id for q in a.quotes}
    assert {c.quote for c in a.claims if c.quote} == quote_ids  # every quote is a claim
    ids = [c.id for c in a.claims]
    assert len(ids) == len(set(ids))
    kim = _entity(a, "Kim Tae-hyo")
    urge = _claim(a, "The government urges the immediate withdrawal")
    assert urge.source.entity == kim.id


def test_sample_entities(sample_article: Article) -> None:
    a = sample_article
    kim = _entity(a, "Kim Tae-hyo")
    assert (kim.type, kim.country, kim.sector) == ("PERSON", "KOR", "GOV")
    assert "principal deputy national security adviser" in kim.attributes
    assert "Kim" in {m.text for m in kim.mentions}
    nsc = _entity(a, "National Security Council")
    assert {"National Security Council", "NSC"} <= {m.text for m in nsc.mentions}
    south = _entity(a, "South Korea")
    assert south.country == "KOR" and {"Seoul", "South Korean"} <= {m.text for m in south.mentions}
    assert _entity(a, "North Korea").country == "PRK"
    assert _entity(a, "Russia").country == "RUS"
    ukraine = _entity(a, "Ukraine")
    assert ukraine.country == "UKR" and "Kyiv" in {m.text for m in ukraine.mentions}
    assert not any(any(ch.isdigit() for ch in e.name) and e.type == "PRODUCT" for e in a.entities)
    assert not any(e.name.startswith("80.2") for e in a.entities)
