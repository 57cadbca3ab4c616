"""Train the attribution model on PolNeAR train and write ``src/newsgraph/attribution/model/data/crf.npz``.

Usage (from the repository root; ``make train`` runs the first)::

    python scripts/train_attribution.py
    python scripts/train_attribution.py --limit 20 --out /tmp/crf.npz   # a quick run on 20 documents

The texts are parsed once with the pipeline's spaCy model and cached under ``.cache/attrmodel`` (git-ignored);
the pipeline's ``tok2vec`` then recomputes ``doc.tensor`` (the DocBin does not keep it) for the dense features.
The shipped model is independent of the rules (``--rule-features`` makes the rule engine's attributions
features too: a model that mostly copies the rules, worse in combination; see docs/attribution.md). Training (python-crfsuite, L-BFGS, 60 iterations by
default; ``--algorithm ap`` for the averaged perceptron) is deterministic: the seed fixes the order of the documents
(and the perceptron's shuffling), and the output file is byte-identical for the same inputs. Prints the time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from eval.polnear import load_split  # noqa: E402

if TYPE_CHECKING:
    from newsgraph.attribution.model.training import TrainConfig

POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"
OUT = ROOT / "src" / "newsgraph" / "attribution" / "model" / "data" / "crf.npz"


def config(args: argparse.Namespace, parts: tuple[str, ...]) -> TrainConfig:
    """The training settings the command line asks for."""
    from newsgraph.attribution.model.training import TrainConfig

    cfg = TrainConfig(
        algorithm=args.algorithm, seed=args.seed, rule_features=args.rule_features, dense_parts=parts
    )
    if args.algorithm == "ap":  # the perceptron's scores are sums over epochs: its recall bias is in hundreds
        cfg = replace(cfg, o_bias=700.0)
    if args.iterations is not None:
        cfg = replace(cfg, epochs=args.iterations, max_iterations=args.iterations)
    if args.c1 is not None:
        cfg = replace(cfg, c1=args.c1)
    if args.c2 is not None:
        cfg = replace(cfg, c2=args.c2)
    return cfg


def training_order(n_docs: int, seed: int, limit: int | None, fold: str | None) -> list[int]:
    """The documents to train on, in training order: a seeded shuffle; with ``limit`` its first N (sorted); with
    ``fold`` ``K/N`` all but the documents whose position in the shuffle is K modulo N (``train_gate.fold_of``)."""
    from newsgraph.attribution.model.training import shuffled_documents

    order = shuffled_documents(n_docs, seed)
    if limit is not None:
        order = sorted(order[:limit])
    if fold is not None:
        k, n = (int(x) for x in fold.split("/"))
        order = [d for pos, d in enumerate(order) if pos % n != k]
    return order


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=POLNEAR, help="PolNeAR root (with data/train)")
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "attrmodel")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--fold",
        default=None,
        help="K/N: train on all but the K-th of N folds of the shuffled documents (the gates' out-of-fold readings)",
    )
    ap.add_argument("--algorithm", choices=["lbfgs", "ap"], default="lbfgs")
    ap.add_argument("--iterations", type=int, default=None, help="epochs (ap) or iterations (lbfgs)")
    ap.add_argument("--c1", type=float, default=None, help="L1 weight (lbfgs; default 0.05)")
    ap.add_argument("--c2", type=float, default=None, help="L2 weight (lbfgs; default 0.01)")
    ap.add_argument(
        "--rule-features",
        action="store_true",
        help="give the rule engine's reading as a feature (not shipped)",
    )
    ap.add_argument(
        "--dense",
        default="tok,head",
        help="doc.tensor blocks as dense features: tok, head (comma-separated; '' for none)",
    )
    args = ap.parse_args(argv)

    import newsgraph.extensions  # noqa: F401  (Doc._ attributes)
    from newsgraph.attribution.component import QuotesComponent
    from newsgraph.attribution.model.corpus import GoldAttribution, GoldDoc, parse_cached
    from newsgraph.attribution.model.training import save_deterministic, sequences, train
    from newsgraph.nlp import load_pipeline

    if not (args.data / "data" / args.split).exists():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    raw = load_split(args.data, args.split)
    gold = [
        GoldDoc(d.name, d.text, [GoldAttribution(a.cue, a.source, a.content) for a in d.attributions])
        for d in raw
    ]
    nlp = load_pipeline(components=())  # the parser after newsgraph_sentences
    docs = parse_cached(nlp, [g.text for g in gold], args.cache)
    order = training_order(len(docs), args.seed, args.limit, args.fold)
    t1 = time.perf_counter()
    print(f"{len(order)} documents parsed or read from the cache in {t1 - t0:.1f}s", flush=True)
    comp = QuotesComponent(nlp, "newsgraph_quotes")
    parts = tuple(p for p in args.dense.split(",") if p)
    cfg = config(args, parts)
    chosen = [docs[k] for k in order]
    if parts:  # the DocBin keeps no tensors: run the pipeline's own tok2vec again (same batches every run)
        tok2vec: Any = nlp.get_pipe("tok2vec")  # a TrainablePipe (typed as a plain callable by spaCy)
        chosen = list(tok2vec.pipe(chosen, batch_size=16))
    rules = comp.rule_attributions if cfg.rule_features else None
    data = list(sequences(chosen, [gold[k] for k in order], rules, parts))  # type: ignore[arg-type]
    t2 = time.perf_counter()
    print(f"features of {sum(len(x) for x, _, _ in data)} tokens in {t2 - t1:.1f}s", flush=True)
    weights = train(data, cfg)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_deterministic(weights, args.out)
    t3 = time.perf_counter()
    size = args.out.stat().st_size / 1e6
    print(
        f"trained in {t3 - t2:.1f}s: {len(weights.attrs)} features x {len(weights.labels)} labels, "
        f"{size:.1f} MB -> {args.out}"
    )
    print(f"total time {t3 - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
