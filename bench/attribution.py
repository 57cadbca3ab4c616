"""Speed of the attribution component: words/s of spaCy parsing with and without ``newsgraph_quotes``.

Same PolNeAR texts for both (``NEWSGRAPH_EVAL_LIMIT`` caps the number of documents, default 30); target: attribution
adds <= 30% over spaCy's own parsing time. The component runs as shipped (rules + statistical model); the same docs
run again with the rules alone give the model's share of the attribution time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"


def main() -> dict[str, Any]:
    from eval.polnear import load_split

    from newsgraph.attribution.component import QuotesComponent
    from newsgraph.nlp import load_pipeline

    limit = int(os.environ.get("NEWSGRAPH_EVAL_LIMIT", "30"))
    if not POLNEAR.exists():
        print("[bench attribution] PolNeAR not found: skipped")
        return {"skipped": True}
    texts = [d.text for d in load_split(POLNEAR, "dev", limit)]
    nlp = load_pipeline(components=())  # the parser after newsgraph_sentences
    comp = QuotesComponent(nlp, "newsgraph_quotes")
    t_warm = time.perf_counter()
    comp(
        nlp("Seoul said on Monday that it was ready, according to officials.")
    )  # one-time: lexicon, geo tables
    t_warm = time.perf_counter() - t_warm
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    t_parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_quotes = sum(len(comp(doc)._.quotes) for doc in docs)
    t_attr = time.perf_counter() - t1
    rules_only = QuotesComponent(nlp, "newsgraph_quotes", model="rules")
    t2 = time.perf_counter()
    for doc in docs:
        rules_only(doc)
    t_rules = time.perf_counter() - t2
    words = sum(sum(1 for t in d if not t.is_space and not t.is_punct) for d in docs)
    out = {
        "docs": len(docs),
        "words": words,
        "quotes": n_quotes,
        "words_per_s_parse": round(words / t_parse),
        "words_per_s_parse_plus_attribution": round(words / (t_parse + t_attr)),
        "attribution_overhead": round(t_attr / t_parse, 3),
        "rules_only_overhead": round(t_rules / t_parse, 3),
        "model_share_of_attribution": round(max(0.0, t_attr - t_rules) / t_attr, 3) if t_attr else 0.0,
        "one_time_setup_s": round(t_warm, 2),
    }
    print(
        f"attribution: {out['docs']} docs, {words} words; parse {out['words_per_s_parse']} words/s, "
        f"parse+attribution {out['words_per_s_parse_plus_attribution']} words/s, "
        f"overhead {out['attribution_overhead'] * 100:.1f}% (target <= 30%; rules alone "
        f"{out['rules_only_overhead'] * 100:.1f}%, the model {out['model_share_of_attribution'] * 100:.0f}% of "
        f"attribution time); one-time table load {t_warm:.1f}s"
    )
    return out


if __name__ == "__main__":
    main()
