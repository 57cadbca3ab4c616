"""The shipped two-stage stance model, evaluated in numpy.

Stage 1 decides *related* vs *unrelated*; stage 2, for related pairs, *agree* / *disagree* / *discuss*. Both are
gradient-boosted tree ensembles trained with scikit-learn (``scripts/train_stance.py``, ``make train``) and
exported to ``data/stance_model.npz``: for every stage the trees' nodes as flat arrays (feature, threshold, left,
right, leaf value, missing-value direction), the root of each tree, the output column each tree adds to, and the
baseline. The TF-IDF vocabulary of the features ships in the same file. Nothing here imports scikit-learn.

The file is read once, on first use (:func:`get_model`), never on import.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from newsgraph.stance.features import FEATURE_NAMES, Vocabulary

StanceLabel = Literal["agree", "disagree", "discuss", "unrelated"]
STANCE_LABELS: tuple[StanceLabel, ...] = ("agree", "disagree", "discuss", "unrelated")
RELATED_LABELS: tuple[StanceLabel, ...] = ("agree", "disagree", "discuss")

MODEL_PATH = Path(__file__).parent / "data" / "stance_model.npz"

F64 = npt.NDArray[np.float64]


class ModelFileError(RuntimeError):
    """The model file is missing or was made for other features (run ``make train``)."""


@dataclass(frozen=True)
class TreeEnsemble:
    """Gradient-boosted trees as flat node arrays; :meth:`raw` sums the leaves reached per output column."""

    feature: npt.NDArray[np.int32]
    threshold: F64
    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    value: F64
    is_leaf: npt.NDArray[np.bool_]
    missing_left: npt.NDArray[np.bool_]
    roots: npt.NDArray[np.int32]
    tree_output: npt.NDArray[np.int32]
    baseline: F64
    depth: int

    def raw(self, x: npt.NDArray[np.floating]) -> F64:
        """Raw scores, shape ``(n_rows, n_outputs)``: baseline plus the leaf values of every tree.

        Walks all (row, tree) paths together, one tree level per step, and drops a path as soon as it reaches
        its leaf (the trees are grown leaf-wise: most paths end far above :attr:`depth`).
        """
        n = x.shape[0]
        out: F64 = np.tile(self.baseline, (n, 1))
        if n == 0:
            return out
        n_trees = len(self.roots)
        node = np.tile(self.roots, n)  # path r * n_trees + t: row r in tree t
        row = np.repeat(np.arange(n), n_trees)
        live = np.flatnonzero(~self.is_leaf[node])
        for _ in range(self.depth):
            if not live.size:
                break
            nd = node[live]
            xv = x[row[live], self.feature[nd]]
            go_left = np.where(np.isnan(xv), self.missing_left[nd], xv <= self.threshold[nd])
            nd = np.where(go_left, self.left[nd], self.right[nd])
            node[live] = nd
            live = live[~self.is_leaf[nd]]
        leaf_values = self.value[node].reshape(n, n_trees)
        for k in range(out.shape[1]):
            out[:, k] += leaf_values[:, self.tree_output == k].sum(axis=1)
        return out


def _ensemble(z: dict[str, npt.NDArray[np.generic]], stage: str) -> TreeEnsemble:
    def a(name: str) -> npt.NDArray[np.generic]:
        return z[f"{stage}_{name}"]

    return TreeEnsemble(
        feature=a("feature").astype(np.int32),
        threshold=a("threshold").astype(np.float64),
        left=a("left").astype(np.int32),
        right=a("right").astype(np.int32),
        value=a("value").astype(np.float64),
        is_leaf=a("is_leaf").astype(bool),
        missing_left=a("missing_left").astype(bool),
        roots=a("roots").astype(np.int32),
        tree_output=a("tree_output").astype(np.int32),
        baseline=a("baseline").astype(np.float64).reshape(-1),
        depth=int(a("depth")),
    )


def _sigmoid(x: F64) -> F64:
    out: F64 = 1.0 / (1.0 + np.exp(-x))
    return out


def _softmax(x: F64) -> F64:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    out: F64 = e / e.sum(axis=1, keepdims=True)
    return out


@dataclass(frozen=True)
class StanceModel:
    """Both stages, the decision threshold on P(related), per-class offsets of stage 2, and the vocabulary."""

    related: TreeEnsemble
    stance: TreeEnsemble
    related_threshold: float
    stance_offsets: F64  # added to stage-2 log-probabilities (tuned on the dev split)
    vocab: Vocabulary
    trained: str  # provenance line written by the training script

    def probabilities(self, x: npt.NDArray[np.floating]) -> F64:
        """``(n, 4)`` probabilities in :data:`STANCE_LABELS` order: P(related) split by stage 2."""
        return self.predict_with_probabilities(x)[1]

    def predict(self, x: npt.NDArray[np.floating]) -> list[StanceLabel]:
        """One label per row: unrelated below the threshold, else the best related class."""
        return self.predict_with_probabilities(x)[0]

    def predict_with_probabilities(self, x: npt.NDArray[np.floating]) -> tuple[list[StanceLabel], F64]:
        """Labels and probabilities together, each stage's trees walked once."""
        p_rel = _sigmoid(self.related.raw(x)[:, 0])
        p_st = _softmax(self.stance.raw(x))
        probs: F64 = np.column_stack([p_st * p_rel[:, None], 1.0 - p_rel])
        best = (np.log(np.maximum(p_st, 1e-12)) + self.stance_offsets).argmax(axis=1)
        labels: list[StanceLabel] = [
            "unrelated" if p < self.related_threshold else RELATED_LABELS[int(b)]
            for p, b in zip(p_rel, best, strict=True)
        ]
        return labels, probs


def load_model(path: Path = MODEL_PATH) -> StanceModel:
    """Read a model file written by the training script (no pickle)."""
    if not path.is_file():
        raise ModelFileError(f"stance model not found at {path}: run `make train`")
    with np.load(path, allow_pickle=False) as npz:
        z = {k: npz[k] for k in npz.files}
    names = tuple(str(s) for s in z["feature_names"])
    if names != FEATURE_NAMES:
        raise ModelFileError(
            f"{path} was trained on other features than this code computes: run `make train`"
        )
    words = [str(w) for w in z["vocab_words"]]
    vocab = Vocabulary(
        dict(zip(words, z["vocab_idf"].astype(float).tolist(), strict=True)), float(z["vocab_default"])
    )
    return StanceModel(
        related=_ensemble(z, "related"),
        stance=_ensemble(z, "stance"),
        related_threshold=float(z["decision_threshold"]),
        stance_offsets=z["stance_offsets"].astype(np.float64),
        vocab=vocab,
        trained=str(z["trained"]),
    )


_MODEL: StanceModel | None = None
_LOCK = threading.Lock()


def get_model() -> StanceModel:
    """The process-wide model, loaded on first use."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = load_model()
    return _MODEL
