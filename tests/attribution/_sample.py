"""A hand-cleaned copy of the bundled sample's body (what the plain-text cleaner should produce)."""

from __future__ import annotations

from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"


def hand_cleaned_body() -> str:
    """The article paragraphs only: no weather/date header, headline, ad marker, photo captions or byline."""
    paras = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n")]
    first = next(i for i, p in enumerate(paras) if len(p.split()) >= 15)  # header lines and headline before
    keep = []
    for p in paras[first:]:
        if not p or p.endswith("]") or p.startswith("BY ") or p.startswith("- Advertisement"):
            continue  # photo captions (credit in brackets), byline, ad marker
        keep.append(p)
    return "\n\n".join(keep)
