"""Write the FNC-1 split by ``Body ID`` (70/15/15, seed 13) to ``eval/data/fnc1_split.json``.

Run once; the file is committed so every run of ``make train`` / ``make eval`` uses the same bodies.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FNC1 = ROOT.parent / "shared" / "datasets" / "fnc1"
OUT = ROOT / "eval" / "data" / "fnc1_split.json"
SEED = 13


def main() -> None:
    with (FNC1 / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        ids = sorted({int(r["Body ID"]) for r in csv.DictReader(fh)})
    rng = random.Random(SEED)
    rng.shuffle(ids)
    n_train, n_dev = round(0.70 * len(ids)), round(0.15 * len(ids))
    split = {
        "source": "FNC-1 train_bodies.csv, split by Body ID (scripts/make_stance_split.py, seed 13)",
        "train": sorted(ids[:n_train]),
        "dev": sorted(ids[n_train : n_train + n_dev]),
        "heldout": sorted(ids[n_train + n_dev :]),
    }
    OUT.write_text(json.dumps(split) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in split.items() if isinstance(v, list)})


if __name__ == "__main__":
    main()
