"""The numpy MiniLM forward pass reproduces sentence-transformers (reference vectors made with torch)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsgraph.track.embed import Embedder, gelu, get_embedder

REF = Path(__file__).parent / "fixtures" / "embed_reference.json"


@pytest.fixture(scope="module")
def emb() -> Embedder:
    return get_embedder()


def test_matches_sentence_transformers_reference(emb: Embedder) -> None:
    ref = json.loads(REF.read_text())
    want = np.asarray(ref["vectors"], dtype=np.float32)
    got = emb.encode(ref["sentences"], batch_size=3)
    assert got.shape == want.shape == (len(ref["sentences"]), 384)
    cos = (got * want).sum(axis=1) / np.linalg.norm(want, axis=1)
    assert cos.min() >= 0.999, cos
    # the fixture includes a text longer than max_seq_length: truncation must match too
    assert max(len(ids) for ids in emb.tokenize(ref["sentences"])) == ref["max_seq_length"] == 256


def test_normalised_float32_and_order_independent_of_batching(emb: Embedder) -> None:
    texts = ["Seoul may send arms to Kyiv.", "A much longer sentence " * 12, "Short.", "Troops crossed."]
    a = emb.encode(texts, batch_size=1)
    b = emb.encode(texts, batch_size=64)
    c = emb.encode(list(reversed(texts)), batch_size=2)[::-1]
    assert a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(a, b, atol=2e-5)
    np.testing.assert_allclose(a, c, atol=2e-5)
    assert emb.encode([]).shape == (0, 384)


def test_paraphrase_closer_than_unrelated(emb: Embedder) -> None:
    v = emb.encode(
        [
            "North Korea has sent troops to Russia.",
            "Pyongyang dispatched soldiers to Russia.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert float(v[0] @ v[1]) > 0.6 > float(v[0] @ v[2])


def test_gelu_is_the_exact_erf_form() -> None:
    xs = np.linspace(-9, 9, 2001, dtype=np.float32)
    want = np.array([0.5 * x * (1 + math.erf(x / math.sqrt(2))) for x in xs.astype(float)])
    assert np.abs(gelu(xs) - want).max() < 1e-6
    assert gelu(np.array([0.0], dtype=np.float32))[0] == 0.0


def test_embedder_is_cached() -> None:
    assert get_embedder() is get_embedder()


def test_repeated_texts_are_encoded_once_and_land_in_every_slot(
    emb: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = ["Troops crossed the border.", "Seoul may send arms to Kyiv.", "Troops crossed the border."]
    seen: list[list[str]] = []
    tokenize = emb.tokenize

    def spy(batch: Sequence[str]) -> list[list[int]]:
        seen.append(list(batch))
        return tokenize(batch)

    monkeypatch.setattr(emb, "tokenize", spy)
    got = emb.encode(texts)
    monkeypatch.undo()
    assert seen == [["Troops crossed the border.", "Seoul may send arms to Kyiv."]]
    assert got.shape == (3, 384)
    np.testing.assert_array_equal(got[0], got[2])
    np.testing.assert_allclose(got[1], emb.encode([texts[1]])[0], atol=2e-5)


def test_blas_threads_limits_inside_and_restores_after() -> None:
    from threadpoolctl import threadpool_info

    from newsgraph.track.embed import blas_threads

    def blas() -> list[int]:
        return [int(i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas()
    assert before, "numpy's BLAS should be visible to threadpoolctl"
    with blas_threads(1):
        assert blas() == [1] * len(before)
        with blas_threads(1):  # re-entrant: the inner exit keeps the outer limit
            pass
        assert blas() == [1] * len(before)
    assert blas() == before
    with blas_threads(0):  # 0: the library's own setting
        assert blas() == before


def test_blas_threads_setting_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.track.embed import _env_threads

    monkeypatch.delenv("NEWSGRAPH_BLAS_THREADS", raising=False)
    assert _env_threads() == 1
    monkeypatch.setenv("NEWSGRAPH_BLAS_THREADS", "0")
    assert _env_threads() == 0
    monkeypatch.setenv("NEWSGRAPH_BLAS_THREADS", "lots")  # not a number: the default, never a crash on import
    assert _env_threads() == 1
