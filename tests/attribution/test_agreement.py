"""Annotator-vs-annotator agreement (eval/agreement.py) on brat files written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval.agreement import agreement, annotator_sets

TEXT = "Kim said the talks failed. Lee believes the plan works.\n"


def _ann(*rels: tuple[tuple[int, int], tuple[int, int], tuple[int, int]]) -> str:
    lines = []
    for k, (src, cue, con) in enumerate(rels):
        b = 3 * k
        lines += [
            f"T{b + 1}\tSource {src[0]} {src[1]}\t{TEXT[src[0] : src[1]]}",
            f"T{b + 2}\tCue {cue[0]} {cue[1]}\t{TEXT[cue[0] : cue[1]]}",
            f"T{b + 3}\tContent {con[0]} {con[1]}\t{TEXT[con[0] : con[1]]}",
            f"E{k + 1}\tAttribution:T{b + 2} Content:T{b + 3} Cue:T{b + 2} Source:T{b + 1}",
        ]
    return "\n".join(lines) + "\n"


def _write(root: Path, stem: str, anns: dict[str, str]) -> None:
    base = root / "data" / "train"
    (base / "text").mkdir(parents=True, exist_ok=True)
    (base / "attributions").mkdir(parents=True, exist_ok=True)
    (base / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    for who, body in anns.items():
        (base / "attributions" / f"{stem}_{who}.ann").write_text(body, encoding="utf-8")


KIM = ((0, 3), (4, 8), (9, 25))
LEE = ((27, 30), (31, 39), (40, 54))


def test_identical_annotators_agree_fully(tmp_path: Path) -> None:
    _write(tmp_path, "a", {"aaaa": _ann(KIM, LEE), "bbbb": _ann(KIM, LEE)})
    res = agreement(annotator_sets(tmp_path, "train"))
    assert res["cue"]["f1"] == 1.0
    assert res["all"]["f1"] == 1.0


def test_a_missed_relation_halves_recall_one_way(tmp_path: Path) -> None:
    _write(tmp_path, "a", {"aaaa": _ann(KIM, LEE), "bbbb": _ann(KIM)})
    res = agreement(annotator_sets(tmp_path, "train"))
    # both directions summed: tp 1+1, predicted 1+2, gold 2+1
    assert res["cue"]["p"] == pytest.approx(2 / 3, abs=1e-3)
    assert res["cue"]["r"] == pytest.approx(2 / 3, abs=1e-3)


def test_single_annotator_documents_are_left_out(tmp_path: Path) -> None:
    _write(tmp_path, "a", {"aaaa": _ann(KIM)})
    _write(tmp_path, "b", {"aaaa": _ann(KIM), "cccc": _ann(LEE)})
    sets = annotator_sets(tmp_path, "train")
    assert [name for name, _, _ in sets] == ["b"]
    assert agreement(sets)["cue"]["f1"] == 0.0
