"""Claim-tracking evaluation: does the clusterer put two claims in one tracked claim exactly when they state
the same proposition? Scored on hand-labelled PolNeAR claim pairs (``eval/data/claim_pairs.jsonl``; labelling
guidelines in ``docs/tracking.md``).

Systems, side by side (pair precision / recall / F1 of the "same" decision):

* ``clusterer``: every labelled claim added to one :class:`ClaimClusterer` in publication order (the real,
  incremental setting: chaining and centroid effects included), entity keys from spaCy NER on the claim
  text through :func:`entity_key`; a pair is "same" when both claims end in one cluster;
* ``clusterer, text only``: the same without entity keys;
* ``cosine >= t``: the raw embedding similarity at the clusterer's threshold (0.78, chosen on the even-numbered
  pairs; the odd-numbered half is reported separately as held-out);
* ``token Jaccard >= 0.5``: the lexical baseline (content words), and its best threshold on this set (an
  oracle, optimistic by construction), with the oracle-best cosine threshold for the same comparison.

``NEWSGRAPH_EVAL_LIMIT`` caps the number of pairs (quick runs).

Mining new candidate pairs (for labelling, never scored automatically)::

    python -m eval.track --mine /tmp/claim_candidates.jsonl
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PAIRS = Path(__file__).parent / "data" / "claim_pairs.jsonl"
POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"

_STOP_WORDS = (
    "the a an of to in and or that is was were be been it its for on with as by at from this these those he "
    "she they we i you his her their our not will would has have had said says who which but if"
)
_STOP = frozenset(_STOP_WORDS.split())
_TOK = re.compile(r"[a-z0-9']+")


def content_tokens(text: str) -> frozenset[str]:
    return frozenset(w for w in _TOK.findall(text.lower()) if w not in _STOP)


def jaccard(a: str, b: str) -> float:
    ta, tb = content_tokens(a), content_tokens(b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 0.0


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def claim_of(side: dict[str, Any], root: Path = POLNEAR) -> str:
    """Full claim text of one side of a pair, read from the dataset (``frags``: brat fragments)."""
    text = (root / "data" / side["split"] / "text" / f"{side['doc']}.txt").read_text(encoding="utf-8")
    return " ".join(text[s:e] for s, e in side["frags"])


def prf(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, dict[str, float]]:
    best: tuple[float, dict[str, float]] = (0.0, prf([False] * len(gold), gold))
    for t in sorted(set(round(s, 3) for s in scores)):
        m = prf([s >= t for s in scores], gold)
        if m["f1"] > best[1]["f1"]:
            best = (t, m)
    return best


def ner_entity_keys(texts: Iterable[str]) -> list[frozenset[str]]:
    """Entity keys of named entities spaCy finds inside each claim text."""
    from newsgraph.models import Entity
    from newsgraph.nlp import load_pipeline
    from newsgraph.track.link import entity_key

    nlp = load_pipeline()
    keep = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        keys = {entity_key(Entity(id="x", name=e.text, type=e.label_)) for e in doc.ents if e.label_ in keep}
        out.append(frozenset(keys))
    return out


def main() -> dict[str, Any]:  # noqa: C901
    from newsgraph.track.cluster import ClaimClusterer, claim_text
    from newsgraph.track.embed import get_embedder

    if not POLNEAR.exists():
        print(f"[track] {POLNEAR} not found: skipped")
        return {"skipped": "polnear not found"}
    pairs = load_pairs()
    limit = os.environ.get("NEWSGRAPH_EVAL_LIMIT")
    if limit:
        pairs = pairs[: int(limit)]
    gold = [p["label"] == "same" for p in pairs]

    # one node per distinct claim (a claim may appear in several pairs)
    nodes: dict[tuple[str, str], dict[str, Any]] = {}
    for p in pairs:
        for side in (p["a"], p["b"]):
            nodes.setdefault((side["doc"], json.dumps(side["frags"])), side)
    keys = list(nodes)
    texts = [claim_of(nodes[k]) for k in keys]
    idx = {k: i for i, k in enumerate(keys)}
    ab = [
        (idx[(p["a"]["doc"], json.dumps(p["a"]["frags"]))], idx[(p["b"]["doc"], json.dumps(p["b"]["frags"]))])
        for p in pairs
    ]

    vecs = get_embedder().encode([claim_text(t) for t in texts])
    cos = [float(vecs[i] @ vecs[j]) for i, j in ab]
    jac = [jaccard(texts[i], texts[j]) for i, j in ab]
    ents = ner_entity_keys(texts)

    # publication order: PolNeAR file names are <outlet>_<YYYY-MM-DD>_<slug>
    order = sorted(range(len(keys)), key=lambda i: (keys[i][0].split("_")[1:2], keys[i]))
    none: frozenset[str] = frozenset()

    def run(with_entities: bool) -> list[str]:
        c = ClaimClusterer()
        items = [(f"n{i}", texts[i], ents[i] if with_entities else none, none) for i in order]
        cids = c.add_many(items, vectors=vecs[order])
        by_node = dict(zip(order, cids, strict=True))
        return [by_node[i] for i in range(len(keys))]

    full = run(True)
    text_only = run(False)
    thr = ClaimClusterer().threshold
    t_cos, best_cos = best_threshold(cos, gold)
    t_jac, best_jac = best_threshold(jac, gold)
    rows: dict[str, dict[str, float]] = {
        "clusterer (entities+numbers)": prf([full[i] == full[j] for i, j in ab], gold),
        "clusterer, text only": prf([text_only[i] == text_only[j] for i, j in ab], gold),
        f"cosine >= {thr:.2f}": prf([c >= thr for c in cos], gold),
        f"cosine >= {t_cos:.3f} (oracle)": best_cos,
        "token Jaccard >= 0.50": prf([j >= 0.5 for j in jac], gold),
        f"token Jaccard >= {t_jac:.3f} (oracle)": best_jac,
    }
    # the default threshold was chosen on the even-numbered pairs ("tune"); the odd ones are held out
    halves: dict[str, dict[str, dict[str, float]]] = {}
    for half, name in ((0, "tune (even)"), (1, "held-out (odd)")):
        sel = [k for k in range(len(pairs)) if k % 2 == half]
        g = [gold[k] for k in sel]
        halves[name] = {
            "clusterer": prf([full[ab[k][0]] == full[ab[k][1]] for k in sel], g),
            f"cosine >= {thr:.2f}": prf([cos[k] >= thr for k in sel], g),
            "token Jaccard >= 0.50": prf([jac[k] >= 0.5 for k in sel], g),
        }
    strata: dict[str, dict[str, float]] = {}
    for name in sorted({p.get("stratum", "?") for p in pairs}):
        sel = [k for k, p in enumerate(pairs) if p.get("stratum", "?") == name]
        strata[name] = {
            "pairs": len(sel),
            "same": sum(gold[k] for k in sel),
            "clusterer_acc": round(
                sum((full[ab[k][0]] == full[ab[k][1]]) == gold[k] for k in sel) / len(sel), 3
            ),
            "jaccard_acc": round(sum((jac[k] >= 0.5) == gold[k] for k in sel) / len(sel), 3),
        }

    print(
        f"claim pairs: {len(pairs)} ({sum(gold)} same, {len(gold) - sum(gold)} different), {len(keys)} claims"
    )
    print(f"{'system':<36} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, m in rows.items():
        print(
            f"{name:<36} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} {m['tp']:>5} {m['fp']:>5} {m['fn']:>5}"
        )
    print(f"\n{'split':<16} {'system':<24} {'P':>6} {'R':>6} {'F1':>6}")
    for hname, systems in halves.items():
        for name, m in systems.items():
            print(f"{hname:<16} {name:<24} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}")
    print(f"\n{'stratum':<22} {'pairs':>5} {'same':>5} {'clusterer acc':>14} {'jaccard acc':>12}")
    for name, s in strata.items():
        print(
            f"{name:<22} {s['pairs']:>5} {s['same']:>5} {s['clusterer_acc']:>14.3f} {s['jaccard_acc']:>12.3f}"
        )
    return {
        "pairs": len(pairs),
        "same": sum(gold),
        "claims": len(keys),
        "threshold": thr,
        "systems": rows,
        "halves": halves,
        "strata": strata,
    }


# --------------------------------------------------------------------------------------- candidate mining


def mine(out: Path, seed: int = 7) -> None:  # pragma: no cover - offline helper for labelling  # noqa: C901, PLR0912, PLR0915
    """Write unlabelled candidate pairs (different articles) stratified by cosine and lexical overlap."""
    import random
    from collections import defaultdict

    from eval.polnear import load_split
    from newsgraph.track.cluster import claim_text
    from newsgraph.track.embed import get_embedder

    rows: list[dict[str, Any]] = []
    for split in ("train", "dev"):
        for d in load_split(POLNEAR, split):
            for a in d.attributions:
                txt = " ".join(d.text[s:e] for s, e in a.content)
                if a.content and 6 <= len(txt.split()) <= 60:
                    rows.append(
                        {"split": split, "doc": d.name, "frags": [list(f) for f in a.content], "text": txt}
                    )
    vecs = get_embedder().encode([claim_text(r["text"]) for r in rows])
    toks = [content_tokens(r["text"]) for r in rows]
    doc = [r["doc"] for r in rows]
    cand: dict[tuple[int, int], float] = {}
    for s in range(0, len(rows), 1000):
        sims = vecs[s : s + 1000] @ vecs.T
        for i in range(sims.shape[0]):
            top = np.argpartition(-sims[i], 30)[:30]
            for j in top.tolist():
                if doc[j] != doc[s + i]:
                    cand[(min(s + i, j), max(s + i, j))] = float(sims[i, j])
    df: dict[str, int] = defaultdict(int)
    for t in toks:
        for w in t:
            df[w] += 1
    inv: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        for w in t:
            if 2 <= df[w] <= 40:
                inv[w].append(i)
    for i, t in enumerate(toks):
        shared: dict[int, int] = defaultdict(int)
        for w in t:
            for j in inv.get(w, []):
                if j > i and doc[j] != doc[i]:
                    shared[j] += 1
        for j, k in shared.items():
            if k >= 2 and len(t & toks[j]) / len(t | toks[j]) >= 0.3:
                cand.setdefault((i, j), float(vecs[i] @ vecs[j]))
    bands = [
        ("cos>=.85", 0.85, 80),
        ("cos.75-.85", 0.75, 80),
        ("cos.65-.75", 0.65, 60),
        ("cos.55-.65", 0.55, 40),
    ]
    strata: dict[str, list[tuple[int, int, float, float]]] = defaultdict(list)
    for (i, j), c in cand.items():
        jac_ij = len(toks[i] & toks[j]) / max(1, len(toks[i] | toks[j]))
        if jac_ij > 0.85:
            continue  # verbatim reprints are trivial
        name = next((n for n, lo, _ in bands if c >= lo), None)
        if name in ("cos.55-.65", None) and jac_ij >= 0.35:
            name = "lex>=.35,cos<.65"
        if name:
            strata[name].append((i, j, c, jac_ij))
    want = {n: k for n, _, k in bands} | {"lex>=.35,cos<.65": 50}
    rng = random.Random(seed)
    used: set[int] = set()
    with out.open("w", encoding="utf-8") as f:
        for name, k in want.items():
            pool = strata[name]
            rng.shuffle(pool)
            took = 0
            for i, j, c, jac_ij in pool:
                if i in used or j in used or took >= k:
                    continue
                used |= {i, j}
                took += 1
                rec = {
                    "stratum": name,
                    "cos": round(c, 3),
                    "jaccard": round(jac_ij, 3),
                    "a": rows[i],
                    "b": rows[j],
                }
                f.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--mine":
        mine(Path(sys.argv[2]))
    else:
        main()
