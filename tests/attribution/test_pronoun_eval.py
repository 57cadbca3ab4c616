"""eval/pronouns.py: the pronoun-speaker gold set is well formed and balanced, its items point at the words they
name in the benchmark texts, and the scorer counts a name as right only when both heads agree."""

from __future__ import annotations

import json
from collections import Counter

from eval.pronouns import GOLD, QUOTAS, pool, right

from tests.conftest import need_dataset


def _gold() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_right_needs_both_heads() -> None:
    assert right("Hillary Clinton", "Clinton", "person") and right("Mr. Trump", "Donald Trump", "person")
    assert right("Big Machine", "Big Machine", "unknown")  # a name the resolver left without a kind
    assert not right("Tech Elevator", "Tech Elevator's FAQ page", "unknown")
    assert not right("Kaldi", "Thomas Jefferson", "person")
    assert right("none", "it", "unknown") and not right("none", "Circle", "organization")


def test_gold_set_is_balanced_and_small() -> None:
    gold = _gold()
    counts = Counter(str(g["pronoun"]) for g in gold)
    assert counts == Counter(QUOTAS)  # 25 he, 25 she, 15 they, 10 it
    assert all(g["gold"] and len(str(g["anchor"]).split()) <= 8 for g in gold)
    assert sum(g["gold"] == "none" for g in gold) < len(gold) // 4


def test_items_point_at_their_pronoun() -> None:
    need_dataset("aeb")
    need_dataset("wcxb-dev-articles")
    texts = {(c, d): t for c, d, t in pool()}
    for g in _gold():
        text = texts[(str(g["corpus"]), str(g["doc"]))]
        start = int(str(g["start"]))
        assert text[start:].lower().startswith(str(g["pronoun"])), g
        assert " ".join(text[start:].split()[:8]) == g["anchor"]
