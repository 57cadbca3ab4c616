"""FNC-1 for the stance model: the data, our split by Body ID, cached parses and embeddings, features, scores.

Shared by ``scripts/train_stance.py``, ``eval/stance.py``, ``bench/stance.py`` and the ``shared`` tests. The split
is ``eval/data/fnc1_split.json`` (``scripts/make_stance_split.py``). Parses and MiniLM vectors are cached under
``.cache/stance/`` (git-ignored) so that iterating does not parse the 1,683 bodies again.
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.models import Article
from newsgraph.stance.features import F32, BodyView, HeadView, Vocabulary, content, pair_features, tokens
from newsgraph.stance.model import STANCE_LABELS
from newsgraph.stance.reading import default_encoder, parse_bodies, view_bodies, view_heads

ROOT = Path(__file__).resolve().parents[1]
FNC1 = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "fnc1"
SPLIT = ROOT / "eval" / "data" / "fnc1_split.json"
CACHE = ROOT / ".cache" / "stance"
MIN_DF = 2

Pairs = list[tuple[str, int, str]]


def read_fnc1(fnc1: Path = FNC1) -> tuple[dict[int, str], Pairs]:
    """Bodies by Body ID and (headline, Body ID, stance) pairs of FNC-1 train."""
    with (fnc1 / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    with (fnc1 / "train_stances.csv").open(encoding="utf-8", newline="") as fh:
        pairs = [(r["Headline"], int(r["Body ID"]), r["Stance"]) for r in csv.DictReader(fh)]
    return bodies, pairs


def read_split() -> dict[str, list[int]]:
    """Our Body ID split: train, dev, heldout."""
    raw = json.loads(SPLIT.read_text(encoding="utf-8"))
    return {k: [int(i) for i in raw[k]] for k in ("train", "dev", "heldout")}


def cached_articles(bodies: dict[int, str], *, log: Callable[[str], None] = print) -> dict[int, Article]:
    """newsgraph Articles of the bodies, parsed once and kept in ``.cache/stance/articles.jsonl``."""
    path = CACHE / "articles.jsonl"
    got: dict[int, Article] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            got[int(rec["body_id"])] = Article.model_validate(rec["article"])
    todo = sorted(set(bodies) - set(got))
    if todo:
        log(f"parsing {len(todo)} bodies (cached in {path}) ...")
        CACHE.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            for s in range(0, len(todo), 64):
                ids = todo[s : s + 64]
                for bid, art in zip(ids, parse_bodies([bodies[i] for i in ids]), strict=True):
                    got[bid] = art
                    fh.write(json.dumps({"body_id": str(bid), "article": art.model_dump(mode="json")}) + "\n")
                log(f"  {s + len(ids)}/{len(todo)}")
    return got


class CachedEncoder:
    """MiniLM vectors by text, cached in ``.cache/stance/embeddings.npz`` (float32, exact)."""

    def __init__(self, path: Path = CACHE / "embeddings.npz", *, log: Callable[[str], None] = print) -> None:
        self.path = path
        self.log = log
        self.vecs: dict[str, F32] = {}
        if path.is_file():
            with np.load(path, allow_pickle=False) as z:
                for t, v in zip(z["texts"], z["vecs"], strict=True):
                    self.vecs[str(t)] = v
        self._encoder = None

    def __call__(self, texts: Sequence[str]) -> F32:
        todo = sorted({t for t in texts if t not in self.vecs})
        if todo:
            if self._encoder is None:
                self._encoder = default_encoder()  # type: ignore[assignment]
            self.log(f"embedding {len(todo)} texts ...")
            for s in range(0, len(todo), 2048):
                chunk = todo[s : s + 2048]
                for t, v in zip(chunk, self._encoder(chunk), strict=True):  # type: ignore[misc]
                    self.vecs[t] = v
                self.save()
                self.log(f"  {s + len(chunk)}/{len(todo)}")
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.vecs[t] for t in texts]).astype(np.float32)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self.vecs)
        np.savez(self.path, texts=np.array(keys), vecs=np.stack([self.vecs[k] for k in keys]))


def learn_vocabulary(texts: Sequence[str]) -> Vocabulary:
    """Smoothed idf over documents (``log((1+N)/(1+df)) + 1``), words with df >= MIN_DF."""
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(content(tokens(t))))
    n = len(texts)
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in sorted(df.items()) if c >= MIN_DF}
    return Vocabulary(idf, math.log((1 + n) / 1) + 1)


def featurise(
    pairs: Sequence[tuple[str, int, str]],
    heads: dict[str, HeadView],
    views: dict[int, BodyView],
    vocab: Vocabulary,
) -> tuple[F32, np.ndarray[Any, np.dtype[np.int64]]]:
    x = np.stack([pair_features(heads[h], views[b], vocab) for h, b, _ in pairs])
    y = np.array([STANCE_LABELS.index(s) for _, _, s in pairs], dtype=np.int64)
    return x, y


def views_for(
    bodies: dict[int, str], pairs: Pairs, *, log: Callable[[str], None] = print
) -> tuple[dict[str, HeadView], dict[int, BodyView]]:
    """Head and body views of the pairs (parses and vectors from the cache, computed once when missing)."""
    ids = sorted({b for _, b, _ in pairs})
    arts = cached_articles({i: bodies[i] for i in ids}, log=log)
    enc = CachedEncoder(log=log)
    views = dict(zip(ids, view_bodies([bodies[i] for i in ids], [arts[i] for i in ids], enc), strict=True))
    htexts = sorted({h for h, _, _ in pairs})
    heads = dict(zip(htexts, view_heads(htexts, enc), strict=True))
    return heads, views


def fnc_score(gold: Sequence[int], pred: Sequence[int]) -> float:
    """FNC-1 relative score (``scorer.py``'s weights) of label indices in :data:`STANCE_LABELS` order."""
    unrel = STANCE_LABELS.index("unrelated")
    got = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 if g == unrel else 1.0
        if g == p:
            got += 0.25 if g == unrel else 0.75
        if g != unrel and p != unrel:
            got += 0.25
    return got / best if best else 0.0


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Mean of the per-class F1 over the four labels."""
    f1s = []
    for k in range(len(STANCE_LABELS)):
        tp = sum(g == k and p == k for g, p in zip(gold, pred, strict=True))
        fp = sum(g != k and p == k for g, p in zip(gold, pred, strict=True))
        fn = sum(g == k and p != k for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)
