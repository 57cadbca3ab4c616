"""List the attributions :func:`~newsgraph.attribution.rules.drop_nested` drops on PolNeAR *train*, each labelled
against gold (is there an unmatched gold attribution its cue / all three spans match?) with a few features, and
the precision of each feature value. Used to find which nested attributions are worth keeping.

Run: ``.venv/bin/python scripts/nested_candidates.py --limit 200 [--show 0] [--only FEATURE=VALUE]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from attribution_misses import _parse  # noqa: E402  (this folder is on sys.path when run as a script)
from eval.polnear import _match, _words, load_split  # noqa: E402


def _outer(doc: Any, atts: list[Any], a: Any) -> Any | None:
    """The attribution whose content holds ``a``'s cue (the narrowest one)."""
    c = doc[a.cue[0]].idx
    best = None
    for b in atts:
        if b is a or b.is_continuation:
            continue
        for s, e in b.content:
            if s <= c < e and (best is None or e - s < best[0]):
                best = (e - s, b)
    return best[1] if best else None


def features(doc: Any, text: str, a: Any, outer: Any | None) -> dict[str, str]:
    from newsgraph.attribution.cues import cue_strength
    from newsgraph.attribution.marks import quote_spans

    v = doc[a.verb] if a.verb is not None else doc[a.cue[0]]
    c = v.idx
    in_q = any(s <= c < e for s, e in quote_spans(text))
    f = {
        "rule": a.rule,
        "lemma": v.lemma_.lower(),
        "strength": f"{min(cue_strength(v.lemma_.lower()), 0.99):.1f}",
        "dep": v.dep_,
        "in_quote": str(in_q),
        "has_src": str(a.source is not None),
        "own_subj": str(a.source_head is not None and doc[a.source_head].head.i == v.i),
        "src_pron": str(a.source_head is not None and doc[a.source_head].pos_ == "PRON"),
        "outer_rule": outer.rule if outer else "-",
        "outer_lemma": doc[outer.verb].lemma_.lower() if outer and outer.verb is not None else "-",
        "outer_direct": str(bool(outer and outer.quotes)),
        "same_content": str(outer is not None and sorted(outer.content) == sorted(a.content)),
        "same_src": str(outer is not None and outer.source == a.source),
        "tag": v.tag_,
        "modal": str(any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)),
        "neg": str(any(c.dep_ == "neg" for c in v.children)),
        "inner_quotes": str(bool(a.quotes)),
        "src_propn": str(a.source_head is not None and doc[a.source_head].pos_ == "PROPN"),
    }
    if a.source_head is not None and outer is not None:
        f["src_in_outer"] = str(any(s <= doc[a.source_head].idx < e for s, e in outer.content))
    if outer is not None and outer.verb is not None:
        # how the inner cue hangs under the outer cue
        path = []
        node = v
        for _ in range(6):
            if node.i == outer.verb or node.head.i == node.i:
                break
            path.append(node.dep_)
            node = node.head
        f["path"] = "/".join(path) if node.i == outer.verb else "other"
    return f


def main() -> None:  # noqa: C901, PLR0912, PLR0915
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "datasets" / "polnear"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--only", default="", help="FEATURE=VALUE[,FEATURE=VALUE]: only these candidates")
    ap.add_argument(
        "--dump", default="", help="write the candidates (features, labels) to this JSON-lines file"
    )
    args = ap.parse_args()
    import spacy
    from eval.attribution import merged_attributions, newsgraph_predictions

    from newsgraph.attribution.component import QuotesComponent, to_quotes
    from newsgraph.attribution.rules import drop_nested, find_attributions

    docs = load_split(Path(args.polnear), args.split, args.limit)
    key = f"train-0-{args.limit}" if args.split == "train" else f"{args.split}-all"
    parsed = _parse(docs, key)
    comp = QuotesComponent(spacy.blank("en"), "newsgraph_quotes")
    only = dict(kv.split("=", 1) for kv in args.only.split(",") if kv)
    rows: list[tuple[dict[str, str], bool, bool, str]] = []
    for pd, doc in zip(docs, parsed, strict=True):
        text = pd.text
        atts = comp.attributions(doc)
        base, _, _ = newsgraph_predictions(doc, atts, to_quotes(doc, atts)[0])
        gold = [g for g in pd.attributions if _words(text, g.cue)]
        hit = {
            gi
            for gi, _ in _match(
                [_words(text, g.cue) for g in gold], [_words(text, p.cue) for p in base], False
            )
        }
        free = [g for gi, g in enumerate(gold) if gi not in hit]
        every = find_attributions(doc, comp.thresholds)
        kept = {id(a) for a in drop_nested(doc, list(every))}
        for a in every:
            if id(a) in kept or a.is_continuation:
                continue
            p = merged_attributions(doc, [a])[0][0]
            pw = {r: _words(text, p.role(r)) for r in ("cue", "source", "content")}
            cue_ok = all_ok = False
            gmatch = None
            for g in free:
                gw = _words(text, g.cue)
                if len(gw & pw["cue"]) < 0.5 * len(gw):
                    continue
                cue_ok, gmatch = True, g
                ok = True
                for r in ("source", "content"):
                    w = _words(text, g.role(r))
                    if w and len(w & pw[r]) < 0.5 * len(w):
                        ok = False
                if ok:
                    all_ok = True
                    break
            outer = _outer(doc, every, a)
            f = features(doc, text, a, outer)
            if outer is not None:  # does the outer attribution's cue match a gold cue?
                ow = _words(text, merged_attributions(doc, [outer])[0][0].cue)
                f["outer_ok"] = str(
                    any(len(_words(text, g.cue) & ow) >= 0.5 * len(_words(text, g.cue)) for g in gold)
                )
            if any(f.get(k) != v for k, v in only.items()):
                continue
            v = doc[a.verb] if a.verb is not None else doc[a.cue[0]]
            src = doc[a.source[0] : a.source[1]].text if a.source else "-"
            con = " | ".join(text[s:e] for s, e in a.content)[:120]
            ex = f"[{pd.name[:25]}] {'OK ' if all_ok else ('cue' if cue_ok else '-- ')} SRC<{src}> CUE<{v.text}> CON<{con}>\n      SENT: {v.sent.text[:250]!r}"
            if gmatch is not None and not all_ok:
                gsrc = " ".join(text[s:e] for s, e in gmatch.source)
                gcon = " ".join(text[s:e] for s, e in gmatch.content)[:120]
                ex += f"\n      GOLD SRC<{gsrc}> CON<{gcon}>"
            rows.append((f, cue_ok, all_ok, ex + "\n      " + str(f)))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for f, cue_ok, all_ok, ex in rows:
                fh.write(json.dumps({**f, "cue_ok": cue_ok, "all_ok": all_ok, "ex": ex}) + "\n")
    n = len(rows)
    print(f"{n} dropped; cue-matched {sum(r[1] for r in rows)}; all-matched {sum(r[2] for r in rows)}")
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for f, cue_ok, all_ok, _ in rows:
        for k, v in f.items():
            by[f"{k}={v}"]["n"] += 1
            by[f"{k}={v}"]["cue"] += cue_ok
            by[f"{k}={v}"]["all"] += all_ok
    for k, c in sorted(by.items(), key=lambda kv: (kv[0].split("=")[0], -kv[1]["n"])):
        if c["n"] >= 5:
            print(f"  {k:40s} n={c['n']:4d} cue={c['cue'] / c['n']:.2f} all={c['all'] / c['n']:.2f}")
    for _, _, _, ex in rows[: args.show]:
        print(ex)


if __name__ == "__main__":
    main()
