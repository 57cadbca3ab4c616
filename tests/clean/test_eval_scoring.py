"""eval/scoring.py mirrors the benchmarks' own scorers exactly."""

from __future__ import annotations

import importlib.util
import random

import pytest
from eval.scoring import aeb_corpus, aeb_counts, token_prf, wcxb_prf

from tests.conftest import need_dataset


def _load(path: str, name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_token_prf_basic() -> None:
    assert token_prf("a b c d e", "a b c d e") == (1.0, 1.0, 1.0)
    p, r, f = token_prf("a b c d e f g", "a b c d e")
    assert r == 1.0 and 0 < p < 1 and p < f < r
    assert token_prf("", "a b c d") == (0.0, 0.0, 0.0)


def _texts() -> list[tuple[str, str]]:
    rng = random.Random(7)
    words = [
        "the",
        "bank",
        "said",
        "rates",
        "would",
        "rise",
        "next",
        "year",
        "Seoul",
        "Ukraine",
        "2024",
        "über",
        "café",
    ]
    pairs = []
    for _ in range(40):
        gold = " ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
        pred = " ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
        pairs.append((pred, gold))
    return pairs


def test_matches_aeb_evaluate() -> None:
    aeb = _load(str(need_dataset("aeb") / "evaluate.py"), "aeb_evaluate")
    pairs = _texts()
    ours = [aeb_counts(p, g) for p, g in pairs]
    theirs = [aeb.string_shingle_matching(true=g, pred=p) for p, g in pairs]
    assert [x for t in ours for x in t] == pytest.approx([x for t in theirs for x in t])
    m = aeb.metrics_from_tp_fp_fns(theirs)
    c = aeb_corpus(ours)
    assert (c["f1"], c["precision"], c["recall"]) == pytest.approx((m["f1"], m["precision"], m["recall"]))


def test_matches_wcxb_evaluate() -> None:
    wcxb = _load(str(need_dataset("wcxb-dev-articles") / "evaluate.py"), "wcxb_evaluate")
    for p, g in _texts():
        assert wcxb_prf(p, g) == pytest.approx(wcxb.word_f1(p, g))
