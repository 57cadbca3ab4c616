"""Claim-status evaluation on our own PolNeAR-dev annotations (``eval/data/claims_gold.jsonl``).

Each gold unit is a PolNeAR attribution's Content span (units chosen by PolNeAR's annotators, not by our system),
labelled by us with a status and polarity following ``docs/claims.md``. For every unit we run
:func:`newsgraph.claims.status.classify_status` with the PolNeAR cue and source spans and compare.

Printed: status accuracy beside the majority-class baseline, per-status P/R/F1, a confusion table, polarity
accuracy, for all units and for the random stratum alone (the enriched stratum over-samples rarer statuses).
``NEWSGRAPH_EVAL_LIMIT`` caps the number of articles.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).parent / "data" / "claims_gold.jsonl"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "datasets" / "polnear" / "data" / "dev" / "text"
STATUSES = ("asserted", "confirmed", "denied", "hedged", "alleged", "reported", "unconfirmed")


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(
    rows: list[dict[str, Any]], limit: int | None = None
) -> list[tuple[dict[str, Any], tuple[str, str, str | None]]]:
    """(gold row, (status, polarity, writer_stance)) for every gold unit whose article text is available."""
    src = str(ROOT / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    from newsgraph.claims.status import classify_status
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(components=())
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_article[r["article"]].append(r)
    names = sorted(by_article)
    if limit is not None:
        names = names[:limit]
    out: list[tuple[dict[str, Any], tuple[str, str, str | None]]] = []
    texts = [(POLNEAR / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    for name, doc in zip(names, nlp.pipe(texts, batch_size=8), strict=True):
        for r in by_article[name]:
            content = (r["content"][0][0], r["content"][0][1])
            cue = tuple(r["cue_span"][0]) if r["cue_span"] else None
            src_span = None
            if r["source_span"]:
                s, e = r["source_span"][0]
                src_span = doc.char_span(s, e, alignment_mode="expand")
            res = classify_status(doc, content, cue, src_span)
            out.append((r, (res.status, res.polarity, res.writer_stance)))
    return out


def _prf(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    out = {}
    for s in STATUSES:
        tp = sum(1 for g, p in pairs if g == s and p == s)
        n_pred = sum(1 for _, p in pairs if p == s)
        n_gold = sum(1 for g, _ in pairs if g == s)
        pr = tp / n_pred if n_pred else 0.0
        rc = tp / n_gold if n_gold else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[s] = {"p": round(pr, 3), "r": round(rc, 3), "f1": round(f1, 3), "gold": n_gold, "pred": n_pred}
    return out


def score(results: list[tuple[dict[str, Any], tuple[str, str, str | None]]]) -> dict[str, Any]:
    pairs = [(r["status"], p[0]) for r, p in results]
    n = len(pairs)
    if not n:
        return {"n": 0}
    majority, _ = Counter(g for g, _ in pairs).most_common(1)[0]
    acc = sum(g == p for g, p in pairs) / n
    base = sum(g == majority for g, _ in pairs) / n
    pol = sum(r["polarity"] == p[1] for r, p in results) / n
    confusion: dict[str, dict[str, int]] = {g: dict.fromkeys(STATUSES, 0) for g in STATUSES}
    for g, p in pairs:
        confusion[g][p] += 1
    per = _prf(pairs)
    present = [s for s in STATUSES if per[s]["gold"]]
    macro = sum(per[s]["f1"] for s in present) / len(present) if present else 0.0
    return {
        "n": n,
        "accuracy": round(acc, 3),
        "majority_baseline": round(base, 3),
        "majority_class": majority,
        "macro_f1": round(macro, 3),
        "polarity_accuracy": round(pol, 3),
        "per_status": per,
        "confusion": confusion,
    }


def _print(title: str, s: dict[str, Any]) -> None:
    print(f"\n--- {title}: {s['n']} claims ---")
    if not s["n"]:
        return
    print(f"{'':22}{'system':>8}{'majority':>10}")
    print(
        f"{'status accuracy':22}{s['accuracy']:>8.3f}{s['majority_baseline']:>10.3f}   (majority = {s['majority_class']})"
    )
    print(f"{'macro F1 (present)':22}{s['macro_f1']:>8.3f}")
    print(f"{'polarity accuracy':22}{s['polarity_accuracy']:>8.3f}")
    print(f"\n{'status':13}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for st, v in s["per_status"].items():
        print(f"{st:13}{v['gold']:>5}{v['pred']:>5}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}")
    abbrev = [x[:5] for x in STATUSES]
    print("\nconfusion (rows gold, columns predicted)")
    print(f"{'':13}" + "".join(f"{a:>7}" for a in abbrev))
    for g in STATUSES:
        print(f"{g:13}" + "".join(f"{s['confusion'][g][p]:>7}" for p in STATUSES))


def main() -> dict[str, Any]:
    if not POLNEAR.exists():
        print(f"[claims] PolNeAR dev texts not found at {POLNEAR}: skipped")
        return {"skipped": True}
    lim = os.environ.get("NEWSGRAPH_EVAL_LIMIT")
    results = predict(load_gold(), int(lim) if lim else None)
    summary = {"all": score(results), "random": score([x for x in results if x[0]["stratum"] == "random"])}
    _print("all gold claims (random + enriched strata)", summary["all"])
    _print("random stratum only (representative of PolNeAR dev)", summary["random"])
    return summary


if __name__ == "__main__":
    main()
