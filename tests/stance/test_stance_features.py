"""Stance features: sentence spans, word classes, TF-IDF cosine, and that a pair always gives the same row."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.stance.features import (
    FEATURE_NAMES,
    N_FEATURES,
    Vocabulary,
    content,
    cosine,
    split_sentences,
    tokens,
)
from newsgraph.stance.lexicon import HEDGE, REFUTE, inflections

BODY = (
    "Officials denied on Monday that the mayor had resigned. The rumor, which spread online, is false, "
    'a spokesman said.\n\nThe mayor reportedly met party leaders on Sunday. "I am staying," she told reporters.'
)


def test_sentence_spans_index_the_text() -> None:
    spans = split_sentences(BODY)
    got = [BODY[s:e] for s, e in spans]
    assert got[0] == "Officials denied on Monday that the mayor had resigned."
    assert got[-1] == '"I am staying," she told reporters.'
    assert len(got) == 4
    assert all(g == g.strip() and g for g in got)


def test_inflections_cover_regular_forms() -> None:
    forms = inflections({"deny", "debunk", "fabricate"})
    assert {"deny", "denies", "denied", "denying", "debunked", "fabricating"} <= forms
    assert "denied" in REFUTE and "hoax" in REFUTE
    assert "reportedly" in HEDGE and "allegedly" in HEDGE
    assert "said" not in REFUTE


def test_content_drops_stop_words_and_folds_plurals() -> None:
    assert content(tokens("The troops of North Korea were sent")) == ["troop", "north", "korea", "sent"]


def test_cosine() -> None:
    assert cosine({"a": 1.0}, {"a": 2.0}) == pytest.approx(1.0)
    assert cosine({"a": 1.0}, {"b": 1.0}) == 0.0
    assert cosine({}, {"a": 1.0}) == 0.0


def _vocab() -> Vocabulary:
    return Vocabulary({"mayor": 2.0, "resign": 2.5, "rumor": 3.0, "officials": 1.5}, 4.0)


def test_pair_features_are_deterministic_and_discriminate() -> None:
    from newsgraph.stance.reading import default_encoder, view_bodies, view_heads

    enc = default_encoder()
    rows = []
    for _ in range(2):  # everything rebuilt from scratch: the same row, bit for bit
        (body,) = view_bodies([BODY], [None], enc)
        near, far = view_heads(["The mayor has resigned", "Apple unveils a new phone"], enc)
        from newsgraph.stance.features import pair_features

        rows.append((pair_features(near, body, _vocab()), pair_features(far, body, _vocab())))
    (a1, b1), (a2, b2) = rows
    assert a1.shape == (N_FEATURES,) and a1.dtype == np.float32
    assert np.array_equal(a1, a2) and np.array_equal(b1, b2)
    col = {n: i for i, n in enumerate(FEATURE_NAMES)}
    assert a1[col["tfidf_body"]] > b1[col["tfidf_body"]]
    assert a1[col["emb_best_sent"]] > b1[col["emb_best_sent"]] + 0.2
    assert a1[col["body_refute"]] > 0  # "denied", "false"
    assert a1[col["head_refute"]] == 0
