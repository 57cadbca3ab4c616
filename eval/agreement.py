"""How far humans agree on PolNeAR under our own scorer: the ceiling beside the attribution targets.

Some PolNeAR articles were annotated by two annotators (``<name>_<annotator>.ann``). Scoring one annotator's
relations against the other's with :func:`eval.polnear.score` (the scorer of ``eval/attribution.py``: overlap
matching, one-to-one) gives the F1 a perfect copy of one human would get against another. The attribution
targets (cue, source, content ≥ .85, all spans ≥ .75) sit above these figures, which is worth knowing when reading
the system's scores.

The agreement is symmetric in expectation but not exactly (overlap counts half of the *gold* span's words), so
every ordered pair of annotators is scored and the counts are summed.

Run: ``.venv/bin/python -m eval.agreement`` (reads train and dev of ``../shared/datasets/polnear``; it compares
annotators with each other only, no system output).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import permutations
from pathlib import Path
from typing import Any

from eval.polnear import METRICS, Attribution, Counts, annotation_files, parse_ann, score_doc

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"
TARGETS = {"cue": 0.85, "source": 0.85, "content": 0.85, "all": 0.75}
SHOWN = ("cue", "source", "content", "all", "cue_exact", "content_exact")


def annotator_sets(root: Path, split: str) -> list[tuple[str, str, list[list[Attribution]]]]:
    """(name, text, one attribution list per annotator) for every document of ``split`` with ≥ 2 annotators."""
    base = root / "data" / split
    out = []
    for stem, paths in sorted(annotation_files(base).items()):
        txt = base / "text" / f"{stem}.txt"
        if len(paths) < 2 or not txt.exists():
            continue
        anns = [parse_ann(p.read_text(encoding="utf-8")) for p in paths]
        out.append((stem, txt.read_text(encoding="utf-8"), anns))
    return out


def agreement(docs: Sequence[tuple[str, str, list[list[Attribution]]]]) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 of every ordered annotator pair (one as gold, the other as prediction), summed over docs."""
    total = {m: Counts() for m in METRICS}
    for _, text, anns in docs:
        for gold, pred in permutations(anns, 2):
            for m, c in score_doc(text, gold, pred).items():
                total[m].add(c)
    return {m: total[m].prf() for m in METRICS}


def main() -> dict[str, Any]:
    if not POLNEAR.exists():
        print(f"[agreement] PolNeAR not found at {POLNEAR}: skipped")
        return {"skipped": True}
    docs = [d for split in ("train", "dev") for d in annotator_sets(POLNEAR, split)]
    if not docs:
        print("[agreement] no document with two annotators: skipped")
        return {"skipped": True}
    res = agreement(docs)
    n_rel = sum(len(a) for _, _, anns in docs for a in anns)
    print(f"PolNeAR annotator vs annotator (train + dev): {len(docs)} articles, {n_rel} relations (F1)")
    print(f"{'':24}" + "".join(f"{m:>14}" for m in SHOWN))
    print(f"{'human agreement':24}" + "".join(f"{res[m]['f1']:>14.3f}" for m in SHOWN))
    print(f"{'target':24}" + "".join(f"{TARGETS[m]:>14.3f}" if m in TARGETS else f"{'':>14}" for m in SHOWN))
    return {"articles": len(docs), "relations": n_rel, **{m: res[m] for m in SHOWN}}


if __name__ == "__main__":
    main()
