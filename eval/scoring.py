"""Body-text scoring shared by the extraction and plain-text evaluations.

Two benchmark scorers, each mirrored *exactly* from the benchmark's own ``evaluate.py`` so our figures are
comparable with published ones:

* AEB (Scrapinghub Article Extraction Benchmark, ``aeb/evaluate.py``): ``\\w+`` tokens (case kept), 4-token
  shingles counted as multisets, per-document TP/FP/FN normalised to sum 1; corpus precision and recall are the
  *means* of per-document precision / recall and corpus F1 is the harmonic mean of those two means.
  :func:`token_prf` gives one document's (P, R, F1); :func:`aeb_counts` + :func:`aeb_corpus` give corpus figures.
* WCXB (``wcxb-dev-articles/evaluate.py``): lower-cased ``\\w+`` word bags, per-page P/R/F1, corpus figures are
  plain means over pages (:func:`wcxb_prf`, :func:`mean_prf`).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

TpFpFn = tuple[float, float, float]

# aeb/evaluate.py: re.compile(r'\w+', re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text: str | None) -> list[str]:
    """AEB tokenisation: every ``\\w+`` run, case preserved."""
    return _TOKEN_RE.findall(text or "")


def _ngrams(text: str, n: int) -> list[tuple[str, ...]]:
    tokens = tokenize(text)
    result = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle:
            result.append(shingle)
    return result


def aeb_counts(pred: str, gold: str, ngram_n: int = 4) -> TpFpFn:
    """AEB ``string_shingle_matching(true=gold, pred=pred)``: normalised (tp, fp, fn) over 4-token shingles."""
    true_shingles = Counter(_ngrams(gold, ngram_n))
    pred_shingles = Counter(_ngrams(pred, ngram_n))
    tp = fp = fn = 0.0
    for key in set(true_shingles) | set(pred_shingles):
        true_count = true_shingles.get(key, 0)
        pred_count = pred_shingles.get(key, 0)
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    s = tp + fp + fn
    if s > 0:
        return (tp / s, fp / s, fn / s)
    return (tp, fp, fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def token_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """One document's (precision, recall, F1) under AEB's shingle scoring."""
    tp, fp, fn = aeb_counts(pred, gold)
    p, r = precision_score(tp, fp, fn), recall_score(tp, fp, fn)
    return p, r, _f1(p, r)


def aeb_corpus(tp_fp_fns: Sequence[TpFpFn]) -> dict[str, float]:
    """AEB ``metrics_from_tp_fp_fns``: mean P over docs with predictions, mean R over docs with gold, F1 of means."""
    ps = [precision_score(*t) for t in tp_fp_fns if t[0] + t[1] > 0]
    rs = [recall_score(*t) for t in tp_fp_fns if t[0] + t[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": _f1(p, r), "precision": p, "recall": r, "n": float(len(tp_fp_fns))}


def aeb_accuracy(pred: str, gold: str) -> float:
    """AEB ``get_accuracy``: 1.0 when the token sequences are identical."""
    return float(tokenize(gold) == tokenize(pred))


def wcxb_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """WCXB ``word_f1(predicted, reference)``: lower-cased ``\\w+`` bag-of-words P/R/F1."""
    pred_tokens = re.findall(r"\w+", pred.lower()) if pred else []
    ref_tokens = re.findall(r"\w+", gold.lower()) if gold else []
    if not ref_tokens:
        return (1.0, 1.0, 1.0) if not pred_tokens else (0.0, 0.0, 0.0)
    if not pred_tokens:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(pred_tokens) & Counter(ref_tokens)).values())
    p = overlap / len(pred_tokens)
    r = overlap / len(ref_tokens)
    return p, r, _f1(p, r)


def mean_prf(rows: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    """WCXB corpus figures: plain means of per-page P, R and F1."""
    rows = list(rows)
    if not rows:
        return {"f1": 0.0, "precision": 0.0, "recall": 0.0, "n": 0.0}
    n = len(rows)
    return {
        "f1": sum(r[2] for r in rows) / n,
        "precision": sum(r[0] for r in rows) / n,
        "recall": sum(r[1] for r in rows) / n,
        "n": float(n),
    }
