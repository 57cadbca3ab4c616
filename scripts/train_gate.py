"""Train the combination's gates on PolNeAR train, tune their thresholds on dev, write
``src/newsgraph/attribution/model/data/gate.json``.

Usage (from the repository root; ``make train`` runs it after ``scripts/train_attribution.py``)::

    python scripts/train_gate.py
    python scripts/train_gate.py --limit 100 --out /tmp/gate.json   # a quick run on the first 100 train articles

For every article the rule engine and the shipped model (``crf.npz``, so run this after retraining it) read the
parse; the script then takes the same steps as :func:`~newsgraph.attribution.model.combine.combine` and labels
each decision with the eval scorer's overlap criterion (``eval/polnear.py``):

* ``add``: a model attribution whose cue no rule reads, labelled 1 when it matches a gold attribution (cue,
  source and content);
* ``content`` / ``source``: a model and a rule attribution of the same cue whose contents (sources) disagree on
  whether they match the gold attribution of that cue, labelled 1 when the model's is the right one.

Each gate is an L2 logistic regression (:func:`~newsgraph.attribution.model.gate.fit_logistic`, Newton's method:
deterministic). Its threshold is then chosen on dev from a fixed grid, one gate after the other, for the best
mean of the cue, source, content and all-spans F1 of the combination, among the thresholds that keep speaker
accuracy on gold direct quotes at least that of the hand-set combination (:func:`objective`). Prints the figures
and the time.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from eval.polnear import Attribution as EvalAttribution  # noqa: E402
from eval.polnear import PolnearDoc, _attr_match, _words, load_split, score  # noqa: E402

POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"
OUT = ROOT / "src" / "newsgraph" / "attribution" / "model" / "data" / "gate.json"
GRID = tuple(round(0.05 * k, 2) for k in range(2, 20))
L2 = 1.0
TIE = 0.0005
"""Thresholds whose dev objective is within this of the best count as tied, and the highest of them wins: the
stricter gate keeps fewer weak readings. On web pages (WCXB) the rule readings a lower ``keep`` threshold lets
through are mostly junk ("consider [creating a seamless design]"), though PolNeAR dev cannot tell them apart. A
wider margin (0.002 for every gate, or 0.0015 for ``keep`` alone) was tried on 2026-12-07: it picked thresholds far
down flat stretches of the grid (add 0.7, source 0.7) and lost .003-.005 dev all-spans F1."""


@dataclass
class Article:
    gold: PolnearDoc
    doc: Any
    rules: list[Any]
    model: list[Any]


def fold_of(n_docs: int, folds: int, seed: int = 13) -> list[int]:
    """The fold of each train document (in ``load_split`` order) under ``train_attribution.py --fold K/N``: its
    position in the seeded shuffle, modulo ``folds``."""
    from newsgraph.attribution.model.training import shuffled_documents

    out = [0] * n_docs
    order = shuffled_documents(n_docs, seed)
    for pos, d in enumerate(order):
        out[d] = pos % folds
    return out


def read(split: str, limit: int | None, cache: Path, oof: Path | None = None) -> list[Article]:
    """The split's articles with the rule engine's and the model's attributions: the shipped model's, or with
    ``oof`` (a folder of ``fold<K>.npz``, each trained without its fold) the out-of-fold model's, so that the gates
    learn from readings of articles the model has not seen, as on new text."""
    import newsgraph.extensions  # noqa: F401  (Doc._ attributes)
    from newsgraph.attribution.component import QuotesComponent
    from newsgraph.attribution.model import model_attributions
    from newsgraph.attribution.model.corpus import parse_cached
    from newsgraph.attribution.model.crf import CrfWeights
    from newsgraph.extensions import index_sentences
    from newsgraph.nlp import load_pipeline

    raw = load_split(POLNEAR, split, limit)
    nlp = load_pipeline(components=())  # the parser after newsgraph_sentences
    comp = QuotesComponent(nlp, "newsgraph_quotes")
    docs = parse_cached(nlp, [d.text for d in raw], cache)
    tok2vec: Any = nlp.get_pipe(
        "tok2vec"
    )  # the DocBin keeps no tensors: the model's dense features need them
    fold_weights = sorted(oof.glob("fold*.npz")) if oof is not None else []
    weights = [CrfWeights.load(p) for p in fold_weights]
    folds = fold_of(len(load_split(POLNEAR, split)), len(weights)) if weights else []
    out = []
    for k, (g, doc) in enumerate(zip(raw, tok2vec.pipe(docs, batch_size=16), strict=True)):
        index_sentences(doc)
        rules = comp.rule_attributions(doc)
        w = weights[folds[k]] if weights else None
        out.append(Article(g, doc, rules, model_attributions(doc, rules, w)))
    return out


def to_eval(doc: Any, atts: Sequence[Any]) -> list[EvalAttribution]:
    """Attributions in the scorer's form, continuation quotes merged (as ``eval/attribution.py`` does)."""
    from eval.attribution import merged_attributions

    return merged_attributions(doc, atts)[0]


def _role_ok(text: str, gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> bool:
    gw, pw = _words(text, gold), _words(text, pred)
    return bool(gw) and len(gw & pw) >= 0.5 * len(gw)


def _add_label(text: str, gold: Sequence[EvalAttribution], m: EvalAttribution) -> float:
    """How right an added attribution is, as the four figures count it: the mean of its cue, source and content
    matching (those of the gold attribution whose cue it matches) and of its matching all three."""
    g = next((g for g in gold if _role_ok(text, g.cue, m.cue)), None)
    if g is None:
        return 0.0
    source = _role_ok(text, g.source, m.source) if g.source else True
    content = _role_ok(text, g.content, m.content)
    return (1.0 + source + content + _attr_match(text, gold, [m], False)) / 4


def examples(art: Article) -> dict[str, list[tuple[Any, float]]]:
    """Labelled feature vectors of one article for each gate (see the module docstring)."""
    from newsgraph.attribution.model import combine as comb
    from newsgraph.attribution.model import gate

    doc, text, gold = art.doc, art.gold.text, art.gold.attributions
    rules = copy.deepcopy(art.rules)
    comb.extend_content(doc, rules, art.model)
    cover = gate.rule_cover(doc, rules)
    quotes = gate.doc_quotes(doc)
    out: dict[str, list[tuple[Any, float]]] = {"add": [], "content": [], "source": [], "keep": []}
    same = {id(r): m for m, r in comb.readings_of_same_cue(rules, art.model)}
    for r in rules:
        if r.is_continuation:
            continue
        e = to_eval(doc, [r])[0]
        more = tuple(f for c in rules if c.parent is r for f in c.content)
        e = EvalAttribution(e.cue, e.source, tuple(sorted(e.content + more)))
        x = gate.rule_features(doc, r, same.get(id(r)), comb.CHECKS, quotes)
        out["keep"].append((x, _add_label(text, gold, e)))
    for m, r in comb.readings_of_same_cue(rules, art.model):
        em, er = to_eval(doc, [m])[0], to_eval(doc, [r])[0]
        g = next((g for g in gold if _role_ok(text, g.cue, em.cue)), None)
        if g is None:
            continue
        x = gate.pair_features(doc, m, r, cover, comb.CHECKS, quotes)
        for role in ("content", "source"):
            if role == "source" and not g.source:
                continue
            mine, theirs = (
                _role_ok(text, g.role(role), em.role(role)),
                _role_ok(text, g.role(role), er.role(role)),
            )
            if mine != theirs:
                out[role].append((x, float(mine)))
    for m in art.model:
        if m.source is None or gate.shares_a_cue(doc, m, cover):
            continue
        x = gate.gate_features(doc, m, cover, comb.CHECKS, quotes)
        out["add"].append((x, _add_label(text, gold, to_eval(doc, [m])[0])))
    return out


def evaluate(arts: Sequence[Article], gates: Any) -> dict[str, dict[str, float]]:
    """The scorer's figures of the combination with ``gates`` over ``arts``, plus ``speaker`` (accuracy of the
    resolved speaker on gold direct quotes, as ``eval/attribution.py`` counts it)."""
    from eval.attribution import newsgraph_predictions, speaker_accuracy

    from newsgraph.attribution.component import to_quotes
    from newsgraph.attribution.model.combine import combine

    triples = []
    ok = total = 0
    for a in arts:
        found = combine(a.doc, copy.deepcopy(a.rules), a.model, gates)
        triples.append((a.gold.text, a.gold.attributions, to_eval(a.doc, found)))
        pred, _, names = newsgraph_predictions(a.doc, found, to_quotes(a.doc, found)[0])
        c, t = speaker_accuracy(a.gold.text, a.gold.attributions, pred, names)
        ok, total = ok + c, total + t
    out = score(triples)
    out["speaker"] = {"f1": ok / total if total else 0.0}
    return out


def with_gate(gates: Any, name: str, gate: Any) -> Any:
    """``gates`` with its ``name`` gate replaced."""
    return replace(gates, **{name: gate})


def objective(s: dict[str, dict[str, float]], floor: float = 0.0) -> float:
    """Mean of the cue, source, content and all-spans F1; a gate that costs speaker accuracy (below ``floor``,
    that of the hand-set combination) is not admissible."""
    if s["speaker"]["f1"] < floor:
        return -1.0
    return float(np.mean([s[m]["f1"] for m in ("cue", "source", "content", "all")]))


def _line(s: dict[str, dict[str, float]]) -> str:
    return " / ".join(f"{m} {s[m]['f1']:.3f}" for m in ("cue", "source", "content", "all", "speaker"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N train articles only")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "attrmodel")
    ap.add_argument(
        "--oof",
        type=Path,
        default=None,
        help="folder of fold<K>.npz (train_attribution.py --fold K/N): train the gates on out-of-fold readings",
    )
    args = ap.parse_args(argv)

    from newsgraph.attribution.model.gate import FEATURES, PAIR_FEATURES, RULE_FEATURES, Gates, fit_logistic

    if not (POLNEAR / "data" / "train").exists():
        print(f"PolNeAR not found at {POLNEAR}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    train = read("train", args.limit, args.cache, args.oof)
    dev = read("dev", None, args.cache)
    t1 = time.perf_counter()
    print(f"{len(train)} train + {len(dev)} dev articles read in {t1 - t0:.1f}s", flush=True)
    rows: dict[str, list[tuple[Any, float]]] = {"add": [], "content": [], "source": [], "keep": []}
    for art in train:
        for k, v in examples(art).items():
            rows[k].extend(v)
    feats = {"add": FEATURES, "content": PAIR_FEATURES, "source": PAIR_FEATURES, "keep": RULE_FEATURES}
    fitted = {}
    for k, v in rows.items():
        x = np.array([r[0] for r in v])
        y = np.array([r[1] for r in v])
        fitted[k] = fit_logistic(x, y, feats[k], L2)
        print(f"gate {k}: {len(y)} train examples, {y.mean():.3f} positive", flush=True)
    gates = Gates()
    hand = evaluate(dev, gates)
    floor = hand["speaker"]["f1"]
    print(f"dev, hand-set checks: {_line(hand)}", flush=True)
    for k in ("keep", "content", "source", "add"):
        base = objective(evaluate(dev, gates), floor)
        tried = [
            (t, objective(evaluate(dev, with_gate(gates, k, replace(fitted[k], threshold=t))), floor))
            for t in GRID
        ]
        print(f"gate {k}: " + " ".join(f"{t}:{got:.4f}" for t, got in tried), flush=True)
        top = max(got for _, got in tried)
        best_score, best_t = base, -1.0
        if top > base:  # near-ties go to the stricter threshold (TIE)
            best_t, best_score = max((t, got) for t, got in tried if got >= top - TIE)
        if best_t >= 0:
            gates = with_gate(gates, k, replace(fitted[k], threshold=best_t))
        which = f"threshold {best_t}" if best_t >= 0 else "not used (no gain on dev)"
        print(f"gate {k}: {which} -> dev mean F1 {best_score:.4f}", flush=True)
    print(f"dev, gates: {_line(evaluate(dev, gates))}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(gates.to_json() + "\n", encoding="utf-8")
    print(f"total time {time.perf_counter() - t0:.1f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
