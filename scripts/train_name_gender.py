"""Build the first-name gender table of speaker resolution, ``src/newsgraph/attribution/data/first_names.json``.

Usage (from the repository root; ``make train`` runs it)::

    python scripts/train_name_gender.py
    python scripts/train_name_gender.py --limit 100 --out /tmp/first_names.json   # a quick run

Reads PolNeAR **train** and the FNC-1 training bodies (``../shared/datasets``), parsed with the pipeline's spaCy
model (cached under ``.cache/attrmodel``, as the attribution model's training does), and counts, for the first
name of every multi-word ``PERSON`` entity, the sentences where rule ``pronoun_after_the_only_person``
(:func:`newsgraph.attribution.gender.sentence_evidence`, the rule speaker resolution applies within an article)
reads it as male or female. A name seen at least ``MIN_EVIDENCE`` times, at least ``MIN_SHARE`` of them one way,
goes into the table. Deterministic (sorted output); prints the counts and the time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from eval.polnear import load_split  # noqa: E402

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets"
OUT = ROOT / "src" / "newsgraph" / "attribution" / "data" / "first_names.json"


def texts(limit: int | None) -> list[str]:
    """PolNeAR train texts, then the FNC-1 training bodies (the first ``limit`` of each)."""
    csv.field_size_limit(10**8)
    out = [d.text for d in load_split(SHARED / "polnear", "train", limit)]
    with (SHARED / "fnc1" / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        bodies = [row["articleBody"] for row in csv.DictReader(fh)]
    return out + bodies[:limit]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N texts of each corpus only")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "attrmodel")
    args = ap.parse_args(argv)

    from newsgraph.attribution.gender import MIN_EVIDENCE, MIN_SHARE, first_name, sentence_evidence
    from newsgraph.attribution.model.corpus import parse_cached
    from newsgraph.nlp import load_pipeline

    if not (SHARED / "polnear" / "data" / "train").exists() or not (SHARED / "fnc1").exists():
        print(f"PolNeAR train or FNC-1 not found under {SHARED}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    nlp = load_pipeline(components=())
    docs = parse_cached(nlp, texts(args.limit), args.cache)
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        for sent in doc.sents:
            found = sentence_evidence(sent)
            name = first_name(found[0].text) if found is not None else None
            if found is not None and name is not None:
                counts.setdefault(name, Counter())[found[1]] += 1
    table = {}
    for name, c in sorted(counts.items()):
        total = c["m"] + c["f"]
        g, n = c.most_common(1)[0]
        if total >= MIN_EVIDENCE and n / total >= MIN_SHARE:
            table[name] = g
    args.out.parent.mkdir(parents=True, exist_ok=True)
    doc_text = {
        "source": "PolNeAR train + FNC-1 train bodies, rule pronoun_after_the_only_person",
        "names": table,
    }
    args.out.write_text(json.dumps(doc_text, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    n_f = sum(1 for g in table.values() if g == "f")
    print(
        f"{len(docs)} texts, {len(counts)} first names seen, {len(table)} in the table ({n_f} female) "
        f"in {time.perf_counter() - t0:.1f}s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
