"""Train the two-stage FNC-1 stance model and export it for numpy inference (``make train``).

Data: ``../shared/datasets/fnc1`` split by Body ID (``eval/data/fnc1_split.json``, made by
``scripts/make_stance_split.py``). Stage 1 (related/unrelated) and stage 2 (agree/disagree/discuss) are
scikit-learn ``HistGradientBoostingClassifier`` ensembles over :mod:`newsgraph.stance.features`; trained on the
train bodies, the decision threshold and stage-2 class offsets tuned on the dev bodies, the held-out bodies never
read here. Seeded and deterministic. Writes ``src/newsgraph/stance/data/stance_model.npz`` and checks that the
numpy evaluation reproduces scikit-learn's probabilities.

Parses and embeddings are cached under ``.cache/stance/`` (git-ignored): the first run parses the 1,683 bodies
(run it with ``nice``).

    python scripts/train_stance.py            # train, tune, export, print dev scores and the time taken
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from eval.fnc1 import featurise, fnc_score, learn_vocabulary, macro_f1, read_fnc1, read_split, views_for  # noqa: E402

from newsgraph.stance.features import F32, FEATURE_NAMES  # noqa: E402
from newsgraph.stance.model import MODEL_PATH, RELATED_LABELS, STANCE_LABELS, load_model  # noqa: E402

SEED = 13


# ---------------------------------------------------------------------------------------------- export


def export_hgb(clf: Any, stage: str) -> dict[str, np.ndarray[Any, Any]]:
    """A fitted HistGradientBoostingClassifier as flat node arrays (see :class:`TreeEnsemble`)."""
    feats, thr, left, right, val, leaf, miss, roots, outs = [], [], [], [], [], [], [], [], []
    offset = 0
    depth = 0
    for it in clf._predictors:
        for k, pred in enumerate(it):
            nodes = pred.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not exported")
            roots.append(offset)
            outs.append(k)
            feats.append(nodes["feature_idx"])
            thr.append(nodes["num_threshold"])
            left.append(np.where(nodes["is_leaf"], 0, nodes["left"].astype(np.int64) + offset))
            right.append(np.where(nodes["is_leaf"], 0, nodes["right"].astype(np.int64) + offset))
            val.append(nodes["value"])
            leaf.append(nodes["is_leaf"])
            miss.append(nodes["missing_go_to_left"])
            depth = max(depth, int(nodes["depth"].max()))
            offset += len(nodes)
    return {
        f"{stage}_feature": np.concatenate(feats).astype(np.int32),
        f"{stage}_threshold": np.concatenate(thr).astype(np.float64),
        f"{stage}_left": np.concatenate(left).astype(np.int32),
        f"{stage}_right": np.concatenate(right).astype(np.int32),
        f"{stage}_value": np.concatenate(val).astype(np.float64),
        f"{stage}_is_leaf": np.concatenate(leaf).astype(bool),
        f"{stage}_missing_left": np.concatenate(miss).astype(bool),
        f"{stage}_roots": np.array(roots, dtype=np.int32),
        f"{stage}_tree_output": np.array(outs, dtype=np.int32),
        f"{stage}_baseline": np.asarray(clf._baseline_prediction, dtype=np.float64).reshape(-1),
        f"{stage}_depth": np.array(depth + 1),
    }


# ---------------------------------------------------------------------------------------------- training


def _hgb(**kw: Any) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier  # type: ignore[import-untyped]

    return HistGradientBoostingClassifier(
        learning_rate=0.08, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=1.0,
        early_stopping=False, random_state=SEED, **kw,
    )  # fmt: skip


def tune(
    p_rel: np.ndarray[Any, Any], log_st: np.ndarray[Any, Any], y: np.ndarray[Any, Any]
) -> tuple[float, F32]:
    """Threshold on P(related) and stage-2 offsets maximising score + macro-F1 on dev (coarse grid)."""
    unrel = STANCE_LABELS.index("unrelated")
    best: tuple[float, float, F32] = (-1.0, 0.5, np.zeros(3, dtype=np.float32))
    for thr in (0.3, 0.4, 0.5, 0.6):
        for d_dis in (0.0, 0.5, 1.0, 1.5, 2.0):
            for d_agr in (-0.5, 0.0, 0.5):
                off = np.array([d_agr, d_dis, 0.0], dtype=np.float32)
                st = (log_st + off).argmax(axis=1)
                pred = np.where(p_rel < thr, unrel, st)
                val = fnc_score(y.tolist(), pred.tolist()) + macro_f1(y.tolist(), pred.tolist())
                if val > best[0] + 1e-9:
                    best = (val, thr, off)
    return best[1], best[2]


def main() -> int:
    t0 = time.time()
    np.random.seed(SEED)
    bodies, pairs = read_fnc1()
    split = read_split()
    use = set(split["train"]) | set(split["dev"])
    bodies = {b: t for b, t in bodies.items() if b in use}  # the held-out bodies are not read here
    pairs = [p for p in pairs if p[1] in use]
    heads, views = views_for(bodies, pairs)
    train_ids = set(split["train"])
    tr = [p for p in pairs if p[1] in train_ids]
    dv = [p for p in pairs if p[1] not in train_ids]
    vocab = learn_vocabulary(
        [bodies[b] for b in sorted(train_ids & set(bodies))] + sorted({h for h, _, _ in tr})
    )
    t_feat = time.time()
    xtr, ytr = featurise(tr, heads, views, vocab)
    xdv, ydv = featurise(dv, heads, views, vocab)
    print(f"features: {xtr.shape} train, {xdv.shape} dev in {time.time() - t_feat:.0f}s", flush=True)

    unrel = STANCE_LABELS.index("unrelated")
    rel_clf = _hgb(max_iter=200).fit(xtr, (ytr != unrel).astype(int))
    m = ytr != unrel
    counts = np.bincount(ytr[m], minlength=3)[:3]
    weights = (counts.sum() / (3 * counts))[ytr[m]] ** 0.5  # softened class balance
    st_clf = _hgb(max_iter=300).fit(xtr[m], ytr[m], sample_weight=weights)

    p_rel = rel_clf.predict_proba(xdv)[:, 1]
    log_st = np.log(np.maximum(st_clf.predict_proba(xdv), 1e-12))
    thr, off = tune(p_rel, log_st, ydv)

    arrays: dict[str, Any] = {
        "feature_names": np.array(FEATURE_NAMES),
        "vocab_words": np.array(list(vocab.idf)),
        "vocab_idf": np.array(list(vocab.idf.values()), dtype=np.float32),
        "vocab_default": np.array(vocab.default),
        "decision_threshold": np.array(thr),
        "stance_offsets": off,
        "trained": np.array(
            f"scripts/train_stance.py seed {SEED}: FNC-1 train split ({len(train_ids)} bodies, {len(tr)} pairs)"
        ),
        **export_hgb(rel_clf, "related"),
        **export_hgb(st_clf, "stance"),
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(MODEL_PATH, **arrays)

    model = load_model(MODEL_PATH)
    p_np = model.probabilities(xdv)
    p_sk = np.column_stack([st_clf.predict_proba(xdv) * p_rel[:, None], 1.0 - p_rel])
    gap = float(np.abs(p_np - p_sk).max())
    if gap > 1e-6:
        raise SystemExit(f"numpy evaluation differs from scikit-learn by {gap:g}")
    pred = [STANCE_LABELS.index(s) for s in model.predict(xdv)]
    print(
        f"model: {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB), numpy vs sklearn max gap {gap:.1e}"
    )
    print(
        f"threshold P(related) {thr}, stage-2 offsets {dict(zip(RELATED_LABELS, off.tolist(), strict=True))}"
    )
    print(
        f"dev: FNC-1 score {fnc_score(ydv.tolist(), pred):.4f}, macro-F1 {macro_f1(ydv.tolist(), pred):.4f}"
    )
    print(f"train_stance took {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
