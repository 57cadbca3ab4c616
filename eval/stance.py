"""FNC-1 stance: the shipped model on our dev split (Body IDs in ``eval/data/fnc1_split.json``).

Scored with the dataset's own ``scorer.py`` (imported from ``../shared/datasets/fnc1``, not copied): the official
relative score (TEST / MAX), the confusion matrix, and macro-F1 over the four labels. The published competition
figures are printed beside ours for reference; they are on the official *test* set, which is not ours (our dev
bodies come from FNC-1 train and share headlines with our train bodies, so the two are not directly comparable).

    python -m eval.stance              # dev split
    python -m eval.stance --heldout    # our held-out bodies: run once, at the end

``NEWSGRAPH_EVAL_LIMIT`` caps the number of bodies (quick runs). Parses and embeddings are cached under
``.cache/stance/``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType
from typing import Any

from eval.fnc1 import FNC1, featurise, macro_f1, read_fnc1, read_split, views_for
from newsgraph.stance.model import STANCE_LABELS, get_model

PUBLISHED = {
    "official baseline (test)": {"score": 0.752},
    "SOLAT in the SWEN (test)": {"score": 0.820, "macro_f1": 0.582},
    "Athene (test)": {"score": 0.820, "macro_f1": 0.604},
    "UCLMR (test)": {"score": 0.817, "macro_f1": 0.583},
}
TARGETS = {"score": 0.85, "macro_f1": 0.70}


def official_scorer() -> ModuleType:
    """FNC-1's ``scorer.py`` from the shared dataset folder."""
    spec = importlib.util.spec_from_file_location("fnc1_scorer", FNC1 / "scorer.py")
    if spec is None or spec.loader is None:  # pragma: no cover
        raise FileNotFoundError(FNC1 / "scorer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def per_class_f1(cm: list[list[int]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for k, lab in enumerate(STANCE_LABELS):
        tp = cm[k][k]
        fp = sum(cm[g][k] for g in range(4)) - tp
        fn = sum(cm[k]) - tp
        out[lab] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return out


def evaluate(split_name: str = "dev", limit: int | None = None) -> dict[str, Any]:
    bodies, pairs = read_fnc1()
    ids = read_split()[split_name]
    if limit:
        ids = ids[:limit]
    keep = set(ids)
    pairs = [p for p in pairs if p[1] in keep]
    heads, views = views_for({b: bodies[b] for b in ids}, pairs, log=lambda m: print(m, file=sys.stderr))
    model = get_model()
    x, y = featurise(pairs, heads, views, model.vocab)
    pred = model.predict(x)
    gold_rows = [{"Headline": h, "Body ID": str(b), "Stance": s} for h, b, s in pairs]
    pred_rows = [
        {"Headline": h, "Body ID": str(b), "Stance": p} for (h, b, _), p in zip(pairs, pred, strict=True)
    ]
    scorer = official_scorer()
    test, cm = scorer.score_submission(gold_rows, pred_rows)
    null, best = scorer.score_defaults(gold_rows)
    mf1 = macro_f1(y.tolist(), [STANCE_LABELS.index(p) for p in pred])
    return {
        "split": split_name,
        "bodies": len(ids),
        "pairs": len(pairs),
        "score": round(test / best, 4),
        "score_raw": [test, null, best],
        "macro_f1": round(mf1, 4),
        "f1": per_class_f1(cm),
        "confusion": cm,
        "model": model.trained,
    }


def print_report(r: dict[str, Any]) -> None:
    print(f"FNC-1 stance, our {r['split']} split: {r['bodies']} bodies, {r['pairs']} pairs ({r['model']})")
    test, null, best = r["score_raw"]
    print(f"  official relative score {r['score']:.3f}  (TEST {test:.2f} / MAX {best:.2f}; NULL {null:.2f})")
    print(f"  macro-F1 {r['macro_f1']:.3f}  per class {r['f1']}")
    print(f"  targets on dev: score >= {TARGETS['score']}, macro-F1 >= {TARGETS['macro_f1']}")
    print("  published, on the official competition test set (not ours; for reference):")
    for name, fig in PUBLISHED.items():
        extra = f", macro-F1 {fig['macro_f1']:.3f}" if "macro_f1" in fig else ""
        print(f"    {name:28} score {fig['score']:.3f}{extra}")
    print("  confusion (rows gold, columns predicted):")
    print("    " + " " * 10 + "".join(f"{lab:>11}" for lab in STANCE_LABELS))
    for lab, row in zip(STANCE_LABELS, r["confusion"], strict=True):
        print(f"    {lab:10}" + "".join(f"{n:>11}" for n in row))


def main() -> dict[str, Any]:
    split = "heldout" if "--heldout" in sys.argv[1:] else "dev"
    limit = int(os.environ.get("NEWSGRAPH_EVAL_LIMIT", "0")) or None
    r = evaluate(split, limit)
    print_report(r)
    r["published"] = PUBLISHED
    r["targets"] = TARGETS
    r["met"] = {k: r[k] >= v for k, v in TARGETS.items()} if split == "dev" else None
    return r


if __name__ == "__main__":
    main()
