"""Golden test: the sample's contested fact (North Korean troops sent to Russia) is one disputed proposition.

Nothing in newsgraph.propositions knows the sample: the stances come from general rules (derivation, anaphora,
coordination, writer hedges) over the real pipeline's claims.
"""

from __future__ import annotations

from newsgraph.models import Article, Proposition, span_errors


def _troops(article: Article) -> list[Proposition]:
    claims = {c.id: c for c in article.claims}
    return [
        p
        for p in article.propositions
        if any(
            "troop" in claims[c].text and ("Russia" in claims[c].text or "deploy" in claims[c].text)
            for c in p.claims
        )
        and "withdraw" not in p.statement
        and "entered" not in p.statement
    ]


def test_one_disputed_troops_proposition(sample_article: Article) -> None:
    disputed = [p for p in sample_article.propositions if p.disputed]
    assert len(disputed) == 1
    (prop,) = disputed
    assert prop in _troops(sample_article)
    assert len(_troops(sample_article)) == 1
    assert "troops" in prop.statement and "Russia" in prop.statement and "North Korea" in prop.statement


def test_stances_of_the_troops_proposition(sample_article: Article) -> None:
    (prop,) = [p for p in sample_article.propositions if p.disputed]
    got = [(s.source.name, s.status, s.writer) for s in prop.stances]
    assert got == [
        ("the writer", "alleged", True),
        ("National Intelligence Service", "confirmed", False),
        ("North Korea", "denied", False),
        ("Russia", "denied", False),
        ("a North Korean representative", "denied", False),
        ("Russia", "unconfirmed", False),
    ]


def test_stance_cue_spans_index_the_body(sample_article: Article) -> None:
    body = sample_article.body
    assert not span_errors(sample_article)
    (prop,) = [p for p in sample_article.propositions if p.disputed]
    for st in prop.stances:
        assert st.cue is not None and st.cue_span is not None
        s, e = st.cue_span
        assert body[s:e] == st.cue
    writer = prop.stances[0]
    assert writer.cue is not None and writer.cue.lower().startswith("alleged")


def test_member_claims_and_stance_claims_exist(sample_article: Article) -> None:
    ids = {c.id for c in sample_article.claims}
    for p in sample_article.propositions:
        assert p.claims and set(p.claims) <= ids
        assert all(st.claim in ids for st in p.stances)
        assert p.statement and len(p.statement.split()) >= 3
