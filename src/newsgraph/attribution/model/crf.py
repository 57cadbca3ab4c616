"""A linear-chain CRF decoded in numpy: the weights python-crfsuite learned, exported to one ``.npz`` file.

Training needs python-crfsuite (the ``dev`` extra); inference needs only numpy: the emission score of a token is
the sum of the weight rows of its feature strings, and :func:`viterbi` finds the best tag sequence under the
learned transition scores (with the BIO constraint that ``I-X`` follows ``B-X`` or ``I-X``).

Real-valued (dense) features, the pipeline's own ``doc.tensor`` (see :func:`~newsgraph.attribution.model.features.dense`),
are standardised with the training set's mean and deviation and weighted by a ``dims x len(labels)`` matrix: their
emission score is one matrix product per document (:meth:`CrfWeights.dense_emissions`).

The file holds ``labels`` (the tag names, ``\\n``-joined UTF-8 bytes), ``attrs`` (the feature strings, likewise),
``state`` (``len(attrs) x len(labels)`` float16 weights), ``trans`` (``len(labels) x len(labels)``), ``dense``
(``dims x len(labels)``, possibly ``0 x len(labels)``), ``dense_mu`` and ``dense_sd`` (``dims``), and ``flags``
(``\\n``-joined settings the features depend on: ``rules`` when the rule engine's reading is a feature), and
``o_bias`` (one float, absent in older files: 0): how much the ``O`` tag's emission score is lowered before decoding
(:meth:`CrfWeights.recall_bias`; the tagger is precise and misses, a lower ``O`` trades a little precision for
recall).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
NEG = np.float32(-1e4)


def _join(words: Sequence[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def _split(arr: npt.NDArray[np.uint8]) -> list[str]:
    return bytes(arr.tobytes()).decode("utf-8").split("\n")


@dataclass
class CrfWeights:
    labels: list[str]
    attrs: dict[str, int]
    state: FloatArray
    trans: FloatArray
    dense: FloatArray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    """``dims x len(labels)`` weights of the standardised dense features (no rows: no dense features)"""
    dense_mu: FloatArray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    dense_sd: FloatArray = field(default_factory=lambda: np.ones(0, dtype=np.float32))
    flags: tuple[str, ...] = ()
    """settings the features were built with (``rules``: the rule engine's reading is a feature)"""
    o_bias: float = 0.0
    """subtracted from the ``O`` column of the emission scores before decoding (:meth:`recall_bias`)"""
    _z: FloatArray | None = field(default=None, init=False, repr=False, compare=False)
    _allowed: FloatArray | None = field(default=None, init=False, repr=False, compare=False)
    _folded: tuple[FloatArray, FloatArray] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def from_crfsuite(
        cls,
        labels: Sequence[str],
        state_features: Mapping[tuple[str, str], float],
        transitions: Mapping[tuple[str, str], float],
        dense_mu: FloatArray | None = None,
        dense_sd: FloatArray | None = None,
        flags: Sequence[str] = (),
    ) -> CrfWeights:
        """Arrays from ``pycrfsuite.Tagger().info()`` (attributes with all-zero weights are dropped; the dense
        attributes, named by :func:`dense_name`, go to the ``dense`` matrix)."""
        labels = sorted(labels, key=lambda x: (x != "O", x[2:], x[:1]))
        lab = {name: k for k, name in enumerate(labels)}
        dims = 0 if dense_mu is None else len(dense_mu)
        dense = np.zeros((dims, len(labels)), dtype=np.float32)
        dense_names = {dense_name(k): k for k in range(dims)}
        for (a, label), w in state_features.items():
            if a in dense_names and label in lab:
                dense[dense_names[a], lab[label]] = w
        names = sorted({a for (a, _), w in state_features.items() if w != 0.0 and a not in dense_names})
        attrs = {a: k for k, a in enumerate(names)}
        state = np.zeros((len(names), len(labels)), dtype=np.float32)
        for (a, label), w in state_features.items():
            if a in attrs and label in lab:
                state[attrs[a], lab[label]] = w
        trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (x, y), w in transitions.items():
            if x in lab and y in lab:
                trans[lab[x], lab[y]] = w
        mu = np.zeros(dims, dtype=np.float32) if dense_mu is None else dense_mu.astype(np.float32)
        sd = np.ones(dims, dtype=np.float32) if dense_sd is None else dense_sd.astype(np.float32)
        return cls(list(labels), attrs, state, trans, dense, mu, sd, tuple(flags))

    def save_to(self, file: Path | BinaryIO) -> None:
        names = sorted(self.attrs, key=self.attrs.__getitem__)
        np.savez_compressed(
            file,
            labels=_join(self.labels),
            attrs=_join(names),
            state=self.state.astype(np.float16),
            trans=self.trans,
            dense=self.dense.reshape(-1, len(self.labels)).astype(np.float32),
            dense_mu=self.dense_mu.astype(np.float32),
            dense_sd=self.dense_sd.astype(np.float32),
            flags=_join(self.flags),
            o_bias=np.asarray([self.o_bias], dtype=np.float32),
        )

    @classmethod
    def load(cls, path: Path | BinaryIO) -> CrfWeights:
        with np.load(path, allow_pickle=False) as z:
            labels = _split(z["labels"])
            names = _split(z["attrs"])
            state = z["state"].astype(np.float32)
            trans = z["trans"].astype(np.float32)
            files = set(z.files)
            dense = (
                z["dense"].astype(np.float32) if "dense" in files else np.zeros((0, len(labels)), np.float32)
            )
            mu = z["dense_mu"].astype(np.float32) if "dense_mu" in files else np.zeros(0, np.float32)
            sd = z["dense_sd"].astype(np.float32) if "dense_sd" in files else np.ones(0, np.float32)
            flags = tuple(f for f in _split(z["flags"]) if f) if "flags" in files else ("rules",)
            o_bias = float(z["o_bias"][0]) if "o_bias" in files else 0.0
        return cls(labels, {a: k for k, a in enumerate(names)}, state, trans, dense, mu, sd, flags, o_bias)

    def recall_bias(self, emit: FloatArray) -> FloatArray:
        """``emit`` with :attr:`o_bias` subtracted from the ``O`` column (a copy; ``emit`` itself when 0)."""
        if not self.o_bias or "O" not in self.labels:
            return emit
        out = emit.copy()
        out[:, self.labels.index("O")] -= np.float32(self.o_bias)
        return out

    @property
    def dims(self) -> int:
        """How many dense features the weights expect per token (0: none)."""
        return int(self.dense.shape[0]) if self.dense.ndim == 2 else 0

    def dense_emissions(self, x: FloatArray) -> FloatArray:
        """``len(x) x len(labels)`` scores of the raw dense features ``x`` (``len(x) x dims``): standardised, then
        one matrix product (the standardisation is folded into the weights once: ``x @ (W / sd) - (mu / sd) @ W``)."""
        if self._folded is None:
            w = (self.dense / self.dense_sd[:, None]).astype(np.float32)
            self._folded = (w, (-(self.dense_mu @ w)).astype(np.float32))
        w, bias = self._folded
        return np.asarray(x @ w + bias, dtype=np.float32)

    def emissions(self, feats: Sequence[Sequence[str]]) -> FloatArray:
        """``len(feats) x len(labels)`` scores: per token, the sum of its known features' weight rows."""
        rows: list[int] = []
        owner: list[int] = []
        get = self.attrs.get
        for t, fs in enumerate(feats):
            for f in fs:
                k = get(f)
                if k is not None:
                    rows.append(k)
                    owner.append(t)
        n = len(feats)
        out = np.zeros((n, len(self.labels)), dtype=np.float32)
        if rows:
            who = np.asarray(owner, dtype=np.intp)
            w = self.state[np.asarray(rows, dtype=np.intp)]
            for j in range(len(self.labels)):
                out[:, j] = np.bincount(who, weights=w[:, j], minlength=n)
        return out

    def column_emissions(
        self, cols: Mapping[str, Sequence[str]], templates: Mapping[str, Sequence[int]]
    ) -> FloatArray:
        """The same scores as :meth:`emissions`, from per-template value columns, with one dictionary lookup per
        distinct value (not per token) and numpy gathers for the token and its neighbours."""
        n = len(next(iter(cols.values()))) if cols else 0
        n_labels = len(self.labels)
        out = np.zeros((n, n_labels), dtype=np.float32)
        if n == 0:
            return out
        zero = len(self.attrs)  # index of the all-zero row of _state_z
        state = self._state_z()
        get = self.attrs.get
        for name, values in cols.items():
            codes: dict[str, int] = {}
            arr = np.fromiter((codes.setdefault(v, len(codes)) for v in values), dtype=np.intp, count=n)
            uniq = list(codes)
            for off in templates[name]:
                prefix = f"{name}=" if off == 0 else f"{off}:{name}="
                table = np.fromiter(
                    (get(prefix + v, zero) if v else zero for v in uniq), dtype=np.intp, count=len(uniq)
                )
                rows = table[arr]
                if off == 0:
                    out += state[rows]
                    continue
                pad = get(prefix + "<pad>", zero)
                if off > 0:
                    out[: n - off] += state[rows[off:]] if off < n else 0.0
                    out[max(0, n - off) :] += state[pad]
                else:
                    k = -off
                    out[k:] += state[rows[: n - k]] if k < n else 0.0
                    out[: min(k, n)] += state[pad]
        return out

    def _state_z(self) -> FloatArray:
        if self._z is None:
            self._z = np.vstack([self.state, np.zeros((1, self.state.shape[1]), dtype=np.float32)])
        return self._z

    def allowed(self) -> FloatArray:
        """Transition scores with the impossible BIO moves (``O`` or ``B-Y`` to ``I-X``) set to a large negative."""
        if self._allowed is not None:
            return self._allowed
        t = self.trans.copy()
        for j, y in enumerate(self.labels):
            if not y.startswith("I-"):
                continue
            for i, x in enumerate(self.labels):
                if x[2:] != y[2:] or x == "O":
                    t[i, j] = NEG
        self._allowed = t
        return t

    def start_scores(self) -> FloatArray:
        return np.array([NEG if y.startswith("I-") else 0.0 for y in self.labels], dtype=np.float32)

    def tag(self, feats: Sequence[Sequence[str]]) -> list[str]:
        """The best tag sequence for one document's token features."""
        if not feats:
            return []
        path = viterbi(self.recall_bias(self.emissions(feats)), self.allowed(), self.start_scores())
        return [self.labels[k] for k in path]


def dense_name(k: int) -> str:
    """The CRF attribute name of dense dimension ``k`` (no one-hot feature string starts with ``~``)."""
    return f"~{k}"


def viterbi(emit: FloatArray, trans: FloatArray, start: FloatArray | None = None) -> list[int]:
    """Best path through ``emit`` (n x L) under ``trans`` (L x L, from -> to)."""
    n, n_labels = emit.shape
    if n == 0:
        return []
    back = np.zeros((n, n_labels), dtype=np.int32)
    score = emit[0] + (start if start is not None else 0.0)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    best.reverse()
    return best


def _scan(mats: npt.NDArray[np.float64], *, reverse: bool = False) -> npt.NDArray[np.float64]:
    """Running products of ``mats`` (``k x L x L``): ``mats[0] @ … @ mats[i]`` at ``i`` (``reverse``: ``mats[i] @ … @
    mats[0]``), each scaled to sum 1, in ``log2 k`` batched steps (Hillis-Steele) instead of ``k`` small ones."""
    out = mats.copy()
    k = 1
    while k < len(out):
        out[k:] = out[k:] @ out[:-k] if reverse else out[:-k] @ out[k:]
        out[k:] /= out[k:].sum(axis=(1, 2), keepdims=True)
        k *= 2
    return out


def marginals(
    emit: FloatArray, trans: FloatArray, start: FloatArray | None = None
) -> npt.NDArray[np.float64]:
    """``n x L`` posterior probability of each label at each token under the CRF (forward-backward: every row sums
    to 1). The model's confidence in a span it (or a rule) reads is read off these. The forward and backward
    messages are running products of the per-token matrices ``exp(trans) * exp(emit[i])`` (:func:`_scan`)."""
    n, n_labels = emit.shape
    if n == 0:
        return np.zeros((0, n_labels), dtype=np.float64)
    step = np.exp(np.maximum(trans.astype(np.float64), -50.0))
    e = np.exp(emit.astype(np.float64) - emit.max(axis=1, keepdims=True))
    first = e[0] * (np.exp(np.maximum(start.astype(np.float64), -50.0)) if start is not None else 1.0)
    alpha = np.empty((n, n_labels))
    beta = np.ones((n, n_labels))
    alpha[0] = first / first.sum()
    if n > 1:
        mats = step[None, :, :] * e[1:, None, :]  # mats[i - 1][a, b]: from label a at i - 1 to b at i
        fwd = np.einsum("a,nab->nb", alpha[0], _scan(mats))
        alpha[1:] = fwd / fwd.sum(axis=1, keepdims=True)
        bwd = _scan(mats[::-1], reverse=True).sum(axis=2)  # mats[i] @ … @ mats[n - 2] @ 1, for beta[i]
        beta[: n - 1] = (bwd / bwd.sum(axis=1, keepdims=True))[::-1]
    p = alpha * beta
    return np.asarray(p / p.sum(axis=1, keepdims=True), dtype=np.float64)
