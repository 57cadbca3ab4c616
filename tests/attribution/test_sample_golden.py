"""Golden test: every attribution in the bundled sample, with type, cue and resolved speaker, by hand.

Run on the full pipeline (``newsgraph.extract_text``) and on a hand-cleaned copy of the body, so the expectations
do not depend on the cleaner. Speaker/type/cue/text are compared, not offsets; offsets are checked by
``span_errors``.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from newsgraph.models import Article, Quote, span_errors

from ._sample import hand_cleaned_body


class Want(NamedTuple):
    text: str  # the content starts with this
    type: str
    cue: str
    name: str
    kind: str
    resolved_from: str | None = None
    description: str | None = None


GOLDEN = [
    Want("the immediate withdrawal of North Korean troops", "indirect", "called for", "South Korea", "state", "Seoul"),
    Want("it may consider providing “offensive weapons”", "mixed", "signaled", "South Korea", "state", "Seoul"),
    Want("“We may consider gradually providing defensive weapons", "direct", "told", "a senior presidential official",
         "anonymous", None, "senior presidential official"),
    Want("“If we believe the situation becomes excessively severe", "direct", "added", "a senior presidential official",
         "anonymous", "the official", "senior presidential official"),
    Want("that it could provide lethal weapons", "indirect", "hinted", "South Korea", "state", "it"),
    Want("that North Korea plans to send around 12,000 troops", "indirect", "confirmed", "National Intelligence Service",
         "organization"),
    Want("that South Korea is also considering dispatching a “monitoring team”", "mixed", "suggest",
         "local media reports", "media", "Local media reports"),
    Want("South Korea may send personnel to analyze North Korean tactics", "indirect", "Quoting",
         "an anonymous government source", "anonymous"),
    Want("whether a monitoring team will be deployed", "indirect", "has not confirmed", "the presidential office",
         "organization"),
    Want("that “North Korean troops have not yet entered the war,”", "mixed", "emphasized",
         "a senior presidential official", "anonymous", "The senior official", "senior presidential official"),
    Want("South Korea’s firm stance against military cooperation", "indirect", "reiterated", "Kim Tae-hyo", "person",
         None, "principal deputy national security adviser"),
    Want("“The government urges the immediate withdrawal of North Korean troops,”", "direct", "said", "Kim Tae-hyo",
         "person", "Kim", "principal deputy national security adviser"),
    Want("“If North Korea and Russia continue their military alliance", "direct", "said", "Kim Tae-hyo", "person", "Kim"),
    Want("that South Korea would implement “step-by-step response measures”", "mixed", "added", "Kim Tae-hyo", "person",
         "He"),
    Want("to provide further details", "indirect", "declined", "Kim Tae-hyo", "person", "he"),
    Want("that such disclosures could affect", "indirect", "noting", "Kim Tae-hyo", "person", "he"),
    Want("the alleged troop deployment", "indirect", "denied", "North Korea and Russia", "state"),
    Want("the claims as “groundless stereotyped rumors”", "mixed", "dismissed", "a North Korean representative",
         "anonymous", None, "North Korean representative"),
    Want("that the allegations were aimed at “smearing the image", "mixed", "stated", "a North Korean representative",
         "anonymous", None, "North Korean representative"),
    Want("the deployment of North Korean troops", "indirect", "has also not confirmed", "Russia", "state"),
    Want("Russia of “taking a gamble”", "mixed", "accused", "Hwang Joon-kook", "person", None,
         "South Korean Ambassador to the United Nations"),
    Want("that military cooperation with North Korea could make Pyongyang", "mixed", "warned", "Hwang Joon-kook",
         "person", None, "South Korean Ambassador to the United Nations"),
]  # fmt: skip


def _find(quotes: list[Quote], want: Want) -> Quote:
    hits = [q for q in quotes if q.text.startswith(want.text)]
    assert hits, f"no quote starting {want.text!r}; got {[q.text[:50] for q in quotes]}"
    return hits[0]


def _check(article: Article, *, exact_count: bool) -> None:
    assert span_errors(article) == []
    quotes = article.quotes
    assert len(quotes) >= 18
    for want in GOLDEN:
        q = _find(quotes, want)
        got = (q.type, q.cue, q.speaker.name, q.speaker.kind)
        assert got == (want.type, want.cue, want.name, want.kind), f"{want.text!r}: {got}"
        assert q.speaker.resolved_from == want.resolved_from, f"{want.text!r}: {q.speaker.resolved_from!r}"
        if want.description is not None:
            assert q.speaker.description == want.description, f"{want.text!r}: {q.speaker.description!r}"
        assert q.speaker.span is not None
    # Nobody's words go to Kim Jong-un, and the anonymous official never borrows a named person.
    assert all("Jong-un" not in q.speaker.name for q in quotes)
    if exact_count:
        assert len(quotes) == len(GOLDEN), [
            q.text[:40] for q in quotes if not any(q.text.startswith(w.text) for w in GOLDEN)
        ]


@pytest.fixture(scope="module")
def hand_article() -> Article:
    from newsgraph.extensions import register_extensions
    from newsgraph.nlp import load_pipeline

    register_extensions()
    body = hand_cleaned_body()
    doc = load_pipeline(components=("newsgraph_quotes",))(body)
    return Article(id="sample", body=body, quotes=doc._.quotes)


def test_golden_on_hand_cleaned_body(hand_article: Article) -> None:
    _check(hand_article, exact_count=True)


def test_golden_on_full_pipeline(sample_article: Article) -> None:
    _check(sample_article, exact_count=False)


def test_lede_indirect_attribution_runs_to_the_clause_end(hand_article: Article) -> None:
    lede = _find(hand_article.quotes, GOLDEN[0])
    assert lede.text.endswith("allegedly deployed to fight alongside Russia in its war against Ukraine")
    assert "signaled" not in lede.text


def test_mentions_chain_kim(hand_article: Article) -> None:
    from newsgraph.nlp import load_pipeline

    doc = load_pipeline(components=("newsgraph_quotes",))(hand_article.body)
    chain = [hand_article.body[s:e] for s, e in doc._.mentions["Kim Tae-hyo"]]
    assert chain[:2] == ["Kim Tae-hyo", "Kim"]
    assert "He" in chain and "he" in chain
