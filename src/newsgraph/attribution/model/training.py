"""Training the attribution tagger: token features + gold BIO tags -> python-crfsuite -> :class:`CrfWeights`.

The one-hot features are strings (value 1); the dense features (``doc.tensor`` blocks, :func:`~newsgraph.attribution.
model.features.dense`) are standardised with the training set's mean and deviation (:func:`dense_stats`) and go to
crfsuite as real-valued attributes named ``~0``, ``~1``, … (:func:`~newsgraph.attribution.model.crf.dense_name`).

Needs python-crfsuite (the ``dev`` extra), imported here only. L-BFGS training is deterministic: the same
documents, features and settings give the same weights, and :func:`save_deterministic` writes them with fixed
zip timestamps, so the shipped file is byte-identical from one run to the next.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import random
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsgraph.attribution.model.corpus import GoldDoc
from newsgraph.attribution.model.crf import CrfWeights, FloatArray, dense_name
from newsgraph.attribution.model.decoding import gold_tags
from newsgraph.attribution.model.features import dense, doc_features
from newsgraph.attribution.records import Attribution as RuleAttribution
from newsgraph.extensions import index_sentences

RuleFn = Callable[[object], Sequence[RuleAttribution]]
Sequence_ = tuple[list[list[str]], FloatArray | None, list[str]]
"""One training document: per token its feature strings, its dense row (or None), its gold tag."""


@dataclass(frozen=True)
class TrainConfig:
    algorithm: str = "lbfgs"
    """``lbfgs`` (L1/L2-regularised likelihood, the shipped model) or ``ap`` (averaged perceptron: the previous
    shipped model, a little worse alone and combined; see docs/attribution.md)"""
    epochs: int = 20
    """passes of the averaged perceptron"""
    c1: float = 0.05
    """L1 weight (drops rare features: keeps the shipped file small)"""
    c2: float = 0.01
    max_iterations: int = 60
    """L-BFGS iterations: stopped early, chosen on PolNeAR dev from 25, 40, 60, 100, 250 (model alone, all spans
    .592 / .645 / .663 / .644 / .617: more iterations fit train closer and dev worse)"""
    min_freq: int = 2
    seed: int = 13
    """seed of the C library's ``rand()``, which crfsuite's averaged perceptron uses to shuffle the sequences (L-BFGS
    does not shuffle; the seed also fixes the document order in ``scripts/train_attribution.py``)"""
    rule_features: bool = False
    """the rule engine's reading is a feature (the shipped model is independent of the rules)"""
    o_bias: float = 0.5
    """lowers the ``O`` emission at decoding (:meth:`CrfWeights.recall_bias`); chosen on PolNeAR dev from 0.25, 0.5,
    1 for the 60-iteration L-BFGS model (log-potentials; the 20-epoch perceptron, whose scores are sums over epochs,
    used 700)"""
    dense_parts: tuple[str, ...] = ("tok", "head")
    """blocks of ``doc.tensor`` given as dense features (:data:`~newsgraph.attribution.model.features.DENSE_PARTS`)"""

    @property
    def flags(self) -> tuple[str, ...]:
        """What the shipped weights record about their features (see :class:`CrfWeights`)."""
        return (*(("rules",) if self.rule_features else ()), *(f"dense={p}" for p in self.dense_parts))


def sequences(
    docs: Sequence[object],
    gold: Sequence[GoldDoc],
    rules: RuleFn | None = None,
    dense_parts: Sequence[str] = (),
) -> Iterable[Sequence_]:
    """(features, dense rows, tags) per document; ``rules(doc)`` gives the rule engine's attributions used as
    features (None: no rule features); the docs need ``doc.tensor`` when ``dense_parts`` is not empty."""
    for doc, g in zip(docs, gold, strict=True):
        index_sentences(doc)  # type: ignore[arg-type]
        atts = rules(doc) if rules is not None else ()
        x = dense(doc, dense_parts) if dense_parts else None  # type: ignore[arg-type]
        if dense_parts and x is None:
            raise ValueError(f"document {g.name}: no doc.tensor for the dense features (run tok2vec first)")
        yield doc_features(doc, atts), x, gold_tags(doc, g.attributions)  # type: ignore[arg-type]


def dense_stats(rows: Iterable[FloatArray]) -> tuple[FloatArray, FloatArray]:
    """Mean and standard deviation (floored at 1e-3) per dense dimension over all tokens of ``rows``."""
    n = 0
    total: npt.NDArray[np.float64] | None = None
    squares: npt.NDArray[np.float64] | None = None
    for x in rows:
        x64 = x.astype(np.float64)
        total = x64.sum(0) if total is None else total + x64.sum(0)
        squares = (x64**2).sum(0) if squares is None else squares + (x64**2).sum(0)
        n += len(x)
    if total is None or squares is None or n == 0:
        return np.zeros(0, dtype=np.float32), np.ones(0, dtype=np.float32)
    mu = total / n
    sd = np.sqrt(np.maximum(squares / n - mu**2, 0.0))
    return mu.astype(np.float32), np.maximum(sd, 1e-3).astype(np.float32)


def items(
    feats: list[list[str]], x: FloatArray | None, mu: FloatArray, sd: FloatArray
) -> list[dict[str, float]]:
    """crfsuite items: every feature string with value 1, the standardised dense values under their names."""
    if x is None:
        return [dict.fromkeys(fs, 1.0) for fs in feats]
    names = [dense_name(k) for k in range(x.shape[1])]
    z = ((x - mu) / sd).round(4).tolist()
    out = []
    for fs, row in zip(feats, z, strict=True):
        d = dict.fromkeys(fs, 1.0)
        d.update(zip(names, row, strict=True))
        out.append(d)
    return out


def shuffled_documents(n_docs: int, seed: int) -> list[int]:
    """Document indices in the seeded order training reads them in (``scripts/train_attribution.py``); the folds of
    ``--fold K/N`` and of ``scripts/train_gate.py --oof`` are positions in it modulo N."""
    order = list(range(n_docs))
    random.Random(seed).shuffle(order)
    return order


def _seed_c_rand(seed: int) -> None:
    """Seed libc's ``rand()`` (crfsuite shuffles with it each epoch; unseeded, a second training in the same
    process would shuffle differently from the first)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
    libc.srand(ctypes.c_uint(seed))


def train(data: Iterable[Sequence_], cfg: TrainConfig) -> CrfWeights:
    """Weights learned from ``data`` (from :func:`sequences`; read twice: dense statistics, then training)."""
    import pycrfsuite  # type: ignore[import-untyped]

    data = list(data)
    mu, sd = dense_stats(x for _, x, _ in data if x is not None)
    trainer = pycrfsuite.Trainer(algorithm=cfg.algorithm, verbose=False)
    labels: set[str] = set()
    for xs, x, ys in data:
        trainer.append(pycrfsuite.ItemSequence(items(xs, x, mu, sd)), ys)
        labels.update(ys)
    params: dict[str, float | int | bool] = {
        "feature.minfreq": cfg.min_freq,
        "feature.possible_transitions": True,
    }
    if cfg.algorithm == "lbfgs":
        params.update(c1=cfg.c1, c2=cfg.c2, max_iterations=cfg.max_iterations)
    else:
        params.update(max_iterations=cfg.epochs)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.model")
        _seed_c_rand(cfg.seed)
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        weights = CrfWeights.from_crfsuite(
            sorted(labels),
            info.state_features,
            info.transitions,
            mu if len(mu) else None,
            sd if len(sd) else None,
            cfg.flags,
        )
        weights.o_bias = cfg.o_bias
        tagger.close()
    return weights


def save_deterministic(w: CrfWeights, path: Path) -> None:
    """:meth:`CrfWeights.save` with fixed zip timestamps (``np.savez`` stamps the current time)."""
    buf = io.BytesIO()
    w.save_to(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))


def weights_equal(a: CrfWeights, b: CrfWeights) -> bool:
    return (
        a.labels == b.labels
        and a.attrs == b.attrs
        and bool(np.array_equal(a.state, b.state))
        and bool(np.array_equal(a.trans, b.trans))
        and bool(np.array_equal(a.dense, b.dense))
        and a.flags == b.flags
        and a.o_bias == b.o_bias
    )
