"""Speed of the propositions component: its time over the rest of the pipeline's, on the same PolNeAR texts.

``newsgraph_propositions`` reads lemmas and the parse the pipeline already made (no embeddings), so it should add
little: target <= 10% of the time of everything before it (spaCy + quotes, entities, claims). Documents:
``NEWSGRAPH_BENCH_PROPOSITIONS_DOCS`` (default 30) from PolNeAR dev.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"
TARGET = 0.10


def main() -> dict[str, Any]:
    from eval.polnear import load_split

    from newsgraph.nlp import COMPONENTS, load_pipeline

    if not POLNEAR.exists():
        print("[bench propositions] PolNeAR not found: skipped")
        return {"skipped": True}
    limit = int(os.environ.get("NEWSGRAPH_BENCH_PROPOSITIONS_DOCS", "30"))
    texts = [d.text for d in load_split(POLNEAR, "dev", limit)]
    before = tuple(c for c in COMPONENTS if c not in ("newsgraph_propositions", "newsgraph_events"))
    nlp = load_pipeline(components=(*before, "newsgraph_propositions"))
    comp = nlp.get_pipe("newsgraph_propositions")

    def fresh(text: str) -> Any:
        doc = nlp.make_doc(text)
        doc._.errors = []
        return doc

    list(nlp.pipe([fresh(texts[0])]))  # one-time loading (tables, lexicons)
    with nlp.select_pipes(disable=["newsgraph_propositions"]):
        t0 = time.perf_counter()
        docs = list(nlp.pipe((fresh(t) for t in texts), batch_size=16))
        t_before = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_props = sum(len(comp(doc)._.propositions or []) for doc in docs)
    t_props = time.perf_counter() - t1
    ratio = t_props / t_before if t_before else 0.0
    out: dict[str, Any] = {
        "docs": len(docs),
        "propositions": n_props,
        "seconds_pipeline_before": round(t_before, 2),
        "seconds_propositions": round(t_props, 3),
        "ratios": [
            {
                "name": "propositions time / pipeline time before it",
                "value": round(ratio, 3),
                "target": TARGET,
                "op": "<=",
                "met": ratio <= TARGET,
                "note": f"{len(docs)} PolNeAR dev docs, {n_props} propositions",
            }
        ],
    }
    print(
        f"propositions: {len(docs)} docs, {n_props} propositions; {t_props:.2f}s vs {t_before:.2f}s for the "
        f"pipeline before it: ratio {ratio:.3f} (target <= {TARGET})"
    )
    return out


if __name__ == "__main__":
    main()
