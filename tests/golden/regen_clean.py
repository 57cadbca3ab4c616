"""Regenerate the plain-text cleaner's golden record of the bundled sample; review the diff before committing.

.venv/bin/python tests/golden/regen_clean.py
"""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.clean import clean_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"
GOLDEN = Path(__file__).with_name("clean-joongang-2024-10-22.json")


def main() -> None:
    cleaned = clean_text(SAMPLE.read_text(encoding="utf-8"))
    GOLDEN.write_text(json.dumps(cleaned.model_dump(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
