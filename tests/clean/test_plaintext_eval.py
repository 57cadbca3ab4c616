"""The plain-text benchmark (eval/plaintext.py): a quick subset in the fast suite, the full run marked slow."""

from __future__ import annotations

import pytest

from tests.conftest import need_dataset


def test_cleaner_beats_rendered_text_on_a_subset(monkeypatch: pytest.MonkeyPatch) -> None:
    need_dataset("aeb")
    need_dataset("wcxb-dev-articles")
    from eval.plaintext import evaluate

    monkeypatch.setenv("NEWSGRAPH_EVAL_LIMIT", "12")
    for name in ("aeb", "wcxb"):
        r = evaluate(name)
        assert r["pages"] == 12
        assert r["cleaned"]["f1"] > r["baseline"]["f1"] + 0.05, (name, r)
        assert r["cleaned"]["f1"] > 0.8, (name, r)


@pytest.mark.slow
def test_full_plaintext_benchmark_meets_target() -> None:
    need_dataset("aeb")
    need_dataset("wcxb-dev-articles")
    from eval.plaintext import TARGET_F1, main

    r = main()
    assert r["aeb"]["cleaned"]["f1"] >= TARGET_F1
    assert r["wcxb"]["cleaned"]["f1"] >= TARGET_F1
