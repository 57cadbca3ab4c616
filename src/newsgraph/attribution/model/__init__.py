"""The statistical attribution model: a CRF tagger (source, cue, content) over the pipeline's parse, a linker, and
its combination with the rule engine.

``model_attributions(doc, rule_atts)`` tags one parsed doc (one-hot features of the parse plus its ``doc.tensor``)
and links the chunks into attributions; the weights (``data/crf.npz``, trained by ``scripts/train_attribution.py``
on PolNeAR train) load once, on first use. The shipped weights do not read ``rule_atts`` (their ``flags`` say so).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from newsgraph.attribution.model.crf import CrfWeights, FloatArray, marginals, viterbi
from newsgraph.attribution.model.decoding import chunks
from newsgraph.attribution.model.features import TEMPLATES, columns, dense
from newsgraph.attribution.model.linking import link
from newsgraph.attribution.records import Attribution

MODEL_PATH = Path(__file__).parent / "data" / "crf.npz"


@lru_cache(maxsize=2)
def load_weights(path: Path = MODEL_PATH) -> CrfWeights:
    """The shipped weights (read once per process; no download: the file is part of the package)."""
    if not path.exists():
        raise FileNotFoundError(
            f"attribution model {path} missing: run `make train` (scripts/train_attribution.py)"
        )
    return CrfWeights.load(path)


def dense_parts(w: CrfWeights) -> tuple[str, ...]:
    """The ``doc.tensor`` blocks the weights were trained with (their ``dense=`` flags)."""
    return tuple(f.partition("=")[2] for f in w.flags if f.startswith("dense="))


def emissions(doc: Doc, rule_atts: Sequence[Attribution], w: CrfWeights) -> FloatArray:
    """``len(doc) x len(labels)`` emission scores: the one-hot features' weights plus the dense features' (when
    the doc has no tensor the dense part is left out, and the tags are the one-hot features' alone), the ``O``
    column lowered by the weights' ``o_bias``."""
    atts = rule_atts if "rules" in w.flags else ()
    emit = w.column_emissions(columns(doc, atts), TEMPLATES)
    if w.dims:
        x = dense(doc, dense_parts(w))
        if x is not None and x.shape[1] == w.dims:
            emit = emit + w.dense_emissions(x)
    return w.recall_bias(np.asarray(emit, dtype=np.float32))


def tag_doc(doc: Doc, rule_atts: Sequence[Attribution] = (), weights: CrfWeights | None = None) -> list[str]:
    """BIO tags (``B-CUE``, ``I-SRC``, ``O``, …) for every token of a parsed doc (``rule_atts`` are read only by
    weights trained with the rules' reading as a feature)."""
    w = weights or load_weights()
    if len(doc) == 0:
        return []
    emit = emissions(doc, rule_atts, w)
    return [w.labels[k] for k in viterbi(emit, w.allowed(), w.start_scores())]


ROLE_SUFFIX = ("CUE", "SRC", "CON")


def span_confidence(
    doc: Doc, probs: npt.NDArray[np.float64], labels: Sequence[str], a: Attribution
) -> tuple[float, ...]:
    """The model's confidence in attribution ``a`` (its own or a rule's): for its cue, source and content tokens,
    the mean and the lowest probability (``probs``: :func:`~.crf.marginals`) that the token carries that role
    (``B-`` or ``I-``). A role the attribution lacks scores 0."""
    content = [
        t.i
        for s, e in a.content
        for t in (doc.char_span(s, e, alignment_mode="expand") or ())
        if not t.is_space
    ]
    spans: tuple[Sequence[int], ...] = (a.cue, range(*a.source) if a.source else (), content)
    out: list[float] = []
    for role, toks in zip(ROLE_SUFFIX, spans, strict=True):
        cols = [k for k, y in enumerate(labels) if y.endswith(role)]
        if not toks or not cols:
            out += [0.0, 0.0]
            continue
        p = probs[list(toks)][:, cols].sum(axis=1)
        out += [round(float(p.mean()), 4), round(float(p.min()), 4)]
    return tuple(out)


def model_attributions(
    doc: Doc, rule_atts: Sequence[Attribution] = (), weights: CrfWeights | None = None
) -> list[Attribution]:
    """The model's own attributions in ``doc`` (``rule="model"``), each with its :attr:`~.records.Attribution.
    confidence`; the ``rule_atts`` are given theirs too (how sure the model is of the rules' reading). They are
    features only if the weights were trained with them."""
    w = weights or load_weights()
    if len(doc) == 0:
        return []
    emit = emissions(doc, rule_atts, w)
    trans, start = w.allowed(), w.start_scores()
    found = link(doc, chunks([w.labels[k] for k in viterbi(emit, trans, start)]))
    probs = marginals(emit, trans, start)
    for a in (*found, *rule_atts):
        a.confidence = span_confidence(doc, probs, w.labels, a)
    return found
