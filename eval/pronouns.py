"""Who a pronoun source is: speaker resolution of "…,” she said" on text newsgraph was never developed on.

Run: ``.venv/bin/python -m eval.pronouns`` (part of ``make eval``).

PolNeAR's speaker accuracy credits a source that is the gold's own word, so it cannot see whether *she* was
resolved to the right person. This eval reads the ground-truth bodies of the AEB and WCXB extraction benchmarks
(``../shared/datasets``), runs the attribution component on them as they are, and compares the resolved speaker of
each gold item of ``eval/data/pronoun_speakers.jsonl`` (a quote whose source is *he*, *she*, *they* or *it*,
labelled with its referent; guidelines in ``docs/attribution.md``, *Pronoun speakers: a gold set of our own*).

``python -m eval.pronouns --sheet FILE`` draws the sample (seeded, stratified by pronoun) and writes, for the
labeller, each item's article text up to the end of the quote's paragraph, and nothing of the system's reading;
it prints the items, to be labelled and saved as the gold file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets"
GOLD = Path(__file__).parent / "data" / "pronoun_speakers.jsonl"
QUOTAS = {"he": 25, "she": 25, "they": 15, "it": 10}
SEED = 20261206


def pool() -> Iterator[tuple[str, str, str]]:
    """(corpus, document id, text) of the AEB and WCXB ground-truth bodies, in a fixed order."""
    aeb = SHARED / "aeb" / "ground-truth.json"
    if aeb.exists():
        for key, rec in sorted(json.loads(aeb.read_text(encoding="utf-8")).items()):
            yield "aeb", key, str(rec.get("articleBody") or "")
    wcxb = SHARED / "wcxb-dev-articles" / "ground-truth"
    for path in sorted(wcxb.glob("*.json")) if wcxb.exists() else []:
        rec = json.loads(path.read_text(encoding="utf-8"))
        yield "wcxb", path.stem, str(rec["ground_truth"].get("main_content") or "")


def _texts() -> dict[tuple[str, str], str]:
    return {(c, d): t for c, d, t in pool() if t.strip()}


def pronoun_quotes(nlp: Any, comp: Any, texts: dict[tuple[str, str], str]) -> dict[tuple[str, str, int], Any]:
    """(corpus, doc, pronoun offset) -> the resolved :class:`~newsgraph.models.Speaker` of every quote whose
    source is a third-person subject pronoun."""
    from newsgraph.attribution.component import to_quotes

    keys = list(texts)
    out: dict[tuple[str, str, int], Any] = {}
    for key, doc in zip(keys, nlp.pipe((texts[k] for k in keys), batch_size=16), strict=True):
        quotes, _ = to_quotes(doc, comp.attributions(doc))
        for q in quotes:
            sp = q.speaker
            if sp.span is None:
                continue
            word = texts[key][sp.span[0] : sp.span[1]]
            if word.lower() in QUOTAS:
                out[(key[0], key[1], sp.span[0])] = sp
    return out


def _pipeline() -> tuple[Any, Any]:
    import newsgraph.attribution.component  # noqa: F401
    from newsgraph.attribution.component import QuotesComponent
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(components=())
    return nlp, QuotesComponent(nlp, "newsgraph_quotes")


def anchor(text: str, start: int) -> str:
    """At most eight words of the text from ``start``."""
    return " ".join(text[start:].split()[:8])


def sheet(path: Path) -> list[dict[str, Any]]:
    """Draw the sample and write the labelling sheet (contexts only) to ``path``; returns the unlabelled items."""
    texts = _texts()
    nlp, comp = _pipeline()
    found = sorted(pronoun_quotes(nlp, comp, texts))
    rng = random.Random(SEED)
    rng.shuffle(found)
    taken: dict[str, int] = dict.fromkeys(QUOTAS, 0)
    items: list[dict[str, Any]] = []
    with path.open("w", encoding="utf-8") as fh:
        for corpus, doc, start in found:
            text = texts[(corpus, doc)]
            word = text[start : start + 4].split()[0].strip(",.").lower() if text[start:].strip() else ""
            if word not in QUOTAS or taken[word] >= QUOTAS[word]:
                continue
            taken[word] += 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            fh.write(f"===== item {len(items)} ({word}) =====\n{text[max(0, end - 2500) : start]}")
            fh.write(f"[[{text[start : start + len(word)]}]]{text[start + len(word) : end]}\n\n")
            items.append(
                {"corpus": corpus, "doc": doc, "start": start, "pronoun": word, "anchor": anchor(text, start),
                 "gold": ""}
            )  # fmt: skip
    return items


def _head(name: str) -> str:
    word = name.split()[-1].casefold() if name.split() else ""
    return word.removesuffix("'s").removesuffix("’s")


def right(gold: str, name: str, kind: str) -> bool:
    """The predicted speaker (``name``, ``kind``) names the gold referent: each name's last word (its head) is in
    the other ("Clinton" ~ "Hillary Clinton", "Mr. Trump" ~ "Donald Trump", not "Tech Elevator" ~ "Tech
    Elevator's FAQ page"); a gold ``none`` is right when the speaker is left ``unknown``."""
    if gold == "none":
        return kind == "unknown"
    return bool(name.split()) and _head(gold) in name.casefold() and _head(name) in gold.casefold()


def main() -> dict[str, Any]:
    if not GOLD.exists() or not (SHARED / "aeb").exists():
        print(f"[pronouns] gold set or benchmarks not found ({GOLD}, {SHARED}): skipped")
        return {"skipped": True}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = _texts()
    wanted = {(g["corpus"], g["doc"]) for g in gold}
    nlp, comp = _pipeline()
    got = pronoun_quotes(nlp, comp, {k: v for k, v in texts.items() if k in wanted})
    by: dict[str, list[int]] = {}
    misses = []
    for g in gold:
        sp = got.get((g["corpus"], g["doc"], g["start"]))
        # a gold "none" (an impersonal "it is important to note") is also right when no quote was read at all
        ok = right(g["gold"], sp.name, sp.kind) if sp is not None else g["gold"] == "none"
        for k in (g["pronoun"], "all"):
            by.setdefault(k, [0, 0])
            by[k][0] += ok
            by[k][1] += 1
        if not ok:
            misses.append((g["pronoun"], g["gold"], sp.name if sp is not None else "(quote not found)"))
    res = {k: {"right": r, "n": n, "accuracy": round(r / n, 3)} for k, (r, n) in by.items()}
    print(f"pronoun speakers, {len(gold)} gold items (AEB + WCXB ground truth, never used in development)")
    for k in ("all", *QUOTAS):
        if k in res:
            print(f"  {k:5} {res[k]['right']:3}/{res[k]['n']:<3} {res[k]['accuracy']:.3f}")
    for p, g, s in misses:
        print(f"  miss: {p:4} gold {g!r:40} system {s!r}")
    return res


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sheet", type=Path, help="draw the sample and write the labelling sheet here")
    args = ap.parse_args()
    if args.sheet:
        for it in sheet(args.sheet):
            print(json.dumps(it, ensure_ascii=False))
    else:
        main()
