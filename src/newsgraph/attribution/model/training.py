"""Training the attribution tagger: token features + gold BIO tags -> python-crfsuite -> :class:`CrfWeights`.

Needs python-crfsuite (the ``dev`` extra), imported here only. L-BFGS training is deterministic: the same
documents, features and settings give the same weights, and :func:`save_deterministic` writes them with fixed
zip timestamps, so the shipped file is byte-identical from one run to the next.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsgraph.attribution.model.corpus import GoldDoc
from newsgraph.attribution.model.crf import CrfWeights
from newsgraph.attribution.model.decoding import gold_tags
from newsgraph.attribution.model.features import doc_features
from newsgraph.attribution.records import Attribution as RuleAttribution
from newsgraph.extensions import index_sentences

RuleFn = Callable[[object], Sequence[RuleAttribution]]


@dataclass(frozen=True)
class TrainConfig:
    algorithm: str = "ap"
    """``ap`` (averaged perceptron: a few fast epochs) or ``lbfgs`` (L1/L2-regularised likelihood: slower)"""
    epochs: int = 10
    """passes of the averaged perceptron"""
    c1: float = 0.05
    """L1 weight (drops rare features: keeps the shipped file small)"""
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 2
    seed: int = 13
    """seed of the C library's ``rand()``, which crfsuite's averaged perceptron uses to shuffle the sequences"""


def sequences(
    docs: Sequence[object], gold: Sequence[GoldDoc], rules: RuleFn | None = None
) -> Iterable[tuple[list[list[str]], list[str]]]:
    """(features, tags) per document; ``rules(doc)`` gives the rule engine's attributions used as features."""
    for doc, g in zip(docs, gold, strict=True):
        index_sentences(doc)  # type: ignore[arg-type]
        atts = rules(doc) if rules is not None else ()
        yield doc_features(doc, atts), gold_tags(doc, g.attributions)  # type: ignore[arg-type]


def _seed_c_rand(seed: int) -> None:
    """Seed libc's ``rand()`` (crfsuite shuffles with it each epoch; unseeded, a second training in the same
    process would shuffle differently from the first)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
    libc.srand(ctypes.c_uint(seed))


def train(data: Iterable[tuple[list[list[str]], list[str]]], cfg: TrainConfig) -> CrfWeights:
    import pycrfsuite  # type: ignore[import-untyped]

    trainer = pycrfsuite.Trainer(algorithm=cfg.algorithm, verbose=False)
    labels: set[str] = set()
    for xs, ys in data:
        trainer.append(xs, ys)
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
        weights = CrfWeights.from_crfsuite(sorted(labels), info.state_features, info.transitions)
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
    )
