"""The claim check's scoring (real MiniLM): paraphrases and negations match, other roles and topics do not."""

from __future__ import annotations

import pytest

from newsgraph.track.check import (
    content_words,
    entity_agreement,
    lexical_overlap,
    names,
    negated,
    rank_statements,
    stem,
)

S = "North Korea has sent troops to Russia"


def test_words_stems_names_and_negation() -> None:
    assert content_words("That North Korea has not sent 1,000 troops") == ["north", "korea", "sent", "troops"]
    assert stem("deployment") == stem("deployed") == "deploy"
    assert names("The NIS said North Korea sent troops") == {"nis", "north", "korea"}
    assert negated("Russia hasn't confirmed it") and negated("no troops were sent") and not negated(S)
    assert lexical_overlap("troops deployed to Russia", "the deployment of troops in Russia") == 1.0
    assert (
        entity_agreement("South Korea sends arms", S) == 0.5
        and entity_agreement("troops were sent", S) == 1.0
    )


@pytest.mark.parametrize(
    ("claim", "match", "neg"),
    [
        ("North Korea sent troops to Russia", True, False),
        ("Pyongyang has sent soldiers to Russia", True, False),
        ("North Korea did not send troops to Russia", True, True),
        ("Russia sent troops to Ukraine", False, False),
        ("South Korea will send weapons to Ukraine", False, False),
        ("The moon is made of cheese", False, False),
    ],
)
def test_rank_statements_with_minilm(claim: str, match: bool, neg: bool) -> None:
    got = rank_statements(claim, [("tc_1", S), ("tc_2", "the dam was breached")])
    assert [cid for cid, _, _ in got] == (["tc_1"] if match else [])
    if match:
        assert got[0][2] is neg
