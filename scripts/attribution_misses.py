"""List the PolNeAR *train* attributions newsgraph misses (and, optionally, its false positives), by construction.

Run: ``.venv/bin/python scripts/attribution_misses.py --limit 120 [--offset 0] [--show 5] [--fp]``.

Parses are cached as a spaCy ``DocBin`` under ``/tmp/newsgraph-polnear-cache`` (keyed by split, offset and limit),
so re-running after a rule change only re-runs the attribution component. Only the train split is read: the
dev split is for reporting (``eval/attribution.py``), never for finding rules.

Each gold attribution whose cue is not matched (overlap criterion, as in :mod:`eval.polnear`) is put in one
group, from the spaCy parse of its cue head: ``according to``, noun cue, adjective cue, verb known / unknown to
the lexicon, passive, ``as X put it``, no source, cue not a content word ... The table shows how many gold
attributions each group holds, with a few examples of the head lemmas.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from eval.polnear import Attribution, _match, _words, load_split  # noqa: E402

CACHE = Path("/tmp/newsgraph-polnear-cache")


def _parse(docs: list[Any], key: str, cache: bool = True) -> list[Any]:
    """Parse the texts; cached under /tmp when ``cache`` (a DocBin keeps no ``doc.tensor``, which the model reads)."""
    from spacy.tokens import DocBin

    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(components=())  # the parser after newsgraph_sentences
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{key}-{'-'.join(nlp.pipe_names)}.spacy"
    if cache and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    if not cache:
        return parsed
    db = DocBin(attrs=["ORTH", "TAG", "POS", "HEAD", "DEP", "LEMMA", "ENT_IOB", "ENT_TYPE", "SENT_START"])
    for d in parsed:
        db.add(d)
    db.to_disk(path)
    return parsed


def _head_token(doc: Any, frags: tuple[tuple[int, int], ...]) -> Any | None:
    toks = [t for t in doc if any(s <= t.idx < e for s, e in frags)]
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    content = [t for t in heads if t.pos_ in {"VERB", "NOUN", "ADJ", "PROPN"}]
    return (content or heads or toks)[0]


def group(  # noqa: C901, PLR0912
    doc: Any, text: str, g: Attribution, nested_cues: set[int], pred_words: frozenset[int]
) -> tuple[str, str]:
    """(group, lemma) of a missed gold attribution."""
    from newsgraph.attribution.cues import cue_strength

    cue_text = " ".join(text[s:e] for s, e in g.cue).lower()
    head = _head_token(doc, g.cue)
    if head is None:
        return "no-token", cue_text
    lemma = head.lemma_.lower()
    if "according" in cue_text:
        return "according to", cue_text
    tag = "no-source" if not g.source else "src"
    multi = len({doc[t.i].sent.start for t in doc if any(s <= t.idx < e for s, e in g.content)}) > 1
    if head.pos_ in {"NOUN", "PROPN"}:
        kind = f"noun({'lex' if cue_strength(lemma, 'NOUN') >= 0.15 else 'unk'})"
        poss = any(c.dep_ == "poss" for c in head.children)
        kind += "+poss" if poss else ""
    elif head.pos_ == "ADJ":
        kind = "adj"
    elif head.pos_ in {"VERB", "AUX"}:
        kind = f"verb({'lex' if cue_strength(lemma) >= 0.1 else 'unk'})"
        deps = {c.dep_ for c in head.children}
        if "nsubjpass" in deps or (head.tag_ == "VBN" and head.dep_ in {"acl", "amod"}):
            kind += "+pass"
        elif not deps & {"nsubj", "csubj", "nsubjpass"}:
            kind += f"+nosubj:{head.dep_}"
        if "ccomp" not in deps and "xcomp" not in deps and "dobj" not in deps:
            kind += "+nocomp"
    elif head.pos_ == "ADP":
        kind = "prep"
    else:
        kind = f"other:{head.pos_}"
    if cue_text.startswith("as ") or " as " in cue_text:
        kind = "as-X-put-it"
    if _words(text, g.cue) & pred_words:
        kind = "CUE-EXTENT(pred cue too short)"
    if head.i in nested_cues:
        kind = "DROPPED-nested/in-quote"
    if multi:
        kind += "+multisent"
    return f"{kind} [{tag}]", lemma


def subject_path(doc: Any, att: Any) -> str:
    """How the rule found the source of a verb attribution: own subject, or the verb's relation to its head."""
    if att.verb is None or att.source_head is None:
        return "-"
    verb = doc[att.verb]
    if any(c.i == att.source_head for c in verb.children):
        return "own"
    if verb.head.i == att.source_head:
        return f"head:{verb.dep_}"
    return f"via:{verb.dep_}/{verb.tag_}"


def _rule_counts(
    text: str, doc: Any, atts: list[Any], gold: list[Attribution], pred: list[Attribution], out: Any
) -> None:
    """Add, per rule and subject path, how many predicted cue/source/content spans match a gold span."""
    roles = {}
    for r in ("cue", "source", "content"):
        gw = [_words(text, g.role(r)) for g in gold]
        pw = [_words(text, p.role(r)) for p in pred]
        roles[r] = {pi for _, pi in _match(gw, pw, exact=False)}
    for pi, p in enumerate(pred):
        a = atts[int(p.id[1:])]
        key = f"{a.rule} / {subject_path(doc, a)}"
        c = out[key]
        c["n"] += 1
        c["cue"] += pi in roles["cue"]
        c["src_n"] += bool(p.source)
        c["src"] += pi in roles["source"] and bool(p.source)
        c["con"] += pi in roles["content"]


def main() -> None:  # noqa: C901, PLR0912, PLR0915
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "datasets" / "polnear"))
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--show", type=int, default=3, help="examples per group")
    ap.add_argument("--group", default="", help="only groups containing this text")
    ap.add_argument("--lemma", default="", help="only examples whose cue head has this lemma")
    ap.add_argument("--fp", action="store_true", help="also list false-positive cues")
    ap.add_argument(
        "--model", default="rules", help="rules (default: the model was fit on train), model or combined"
    )
    ap.add_argument(
        "--by-rule", action="store_true", help="precision of cue/source/content per rule and subject path"
    )
    args = ap.parse_args()
    import spacy
    from eval.attribution import newsgraph_predictions
    from eval.polnear import score

    from newsgraph.attribution.component import QuotesComponent, to_quotes

    docs = load_split(Path(args.polnear), "train", args.offset + args.limit)[args.offset :]
    parsed = _parse(docs, f"train-{args.offset}-{args.limit}", cache=args.model == "rules")
    nlp = spacy.blank("en")
    comp = QuotesComponent(nlp, "newsgraph_quotes", model=args.model)
    groups: Counter[str] = Counter()
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    fps: Counter[str] = Counter()
    fp_ex: dict[str, list[str]] = defaultdict(list)
    triples = []
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for pd, doc in zip(docs, parsed, strict=True):
        text = pd.text
        atts = comp.attributions(doc)
        from newsgraph.attribution.rules import find_attributions

        kept = {i for a in atts for i in a.cue}
        nested_cues = {i for a in find_attributions(doc, comp.thresholds) for i in a.cue} - kept
        quotes, _ = to_quotes(doc, atts)
        pred, _, _ = newsgraph_predictions(doc, atts, quotes)
        triples.append((text, pd.attributions, pred))
        gold = [g for g in pd.attributions if _words(text, g.cue)]
        gw = [_words(text, g.cue) for g in gold]
        pw = [_words(text, p.cue) for p in pred]
        pairs = _match(gw, pw, exact=False)
        hit = {gi for gi, _ in pairs}
        all_pred = frozenset().union(*pw) if pw else frozenset()
        for gi, g in enumerate(gold):
            if gi in hit:
                continue
            grp, lemma = group(doc, text, g, nested_cues, all_pred)
            groups[grp] += 1
            lemmas[grp][lemma] += 1
            if len(examples[grp]) < args.show and (not args.lemma or lemma == args.lemma):
                sent = doc[_head_token(doc, g.cue).i].sent  # type: ignore[union-attr]
                src = " ".join(text[s:e] for s, e in g.source)
                cue = " ".join(text[s:e] for s, e in g.cue)
                con = " ".join(text[s:e] for s, e in g.content)[:160]
                examples[grp].append(
                    f"    [{pd.name[:30]}] SRC<{src}> CUE<{cue}> CON<{con}>\n      SENT: {sent.text[:300]!r}"
                )
        if args.by_rule:
            _rule_counts(text, doc, atts, gold, pred, by_rule)
        if args.fp:
            hitp = {pi for _, pi in pairs}
            for pi, p in enumerate(pred):
                if pi in hitp or not pw[pi]:
                    continue
                cue = " ".join(text[s:e] for s, e in p.cue).lower()
                fps[cue] += 1
                if len(fp_ex[cue]) < args.show:
                    con = " ".join(text[s:e] for s, e in p.content)[:160]
                    src = " ".join(text[s:e] for s, e in p.source)
                    fp_ex[cue].append(f"    SRC<{src}> CON<{con}>")
    total = sum(groups.values())
    print(f"{len(docs)} train docs; missed gold cues: {total}")
    for grp, n in groups.most_common():
        if args.group and args.group not in grp:
            continue
        top = ", ".join(f"{lem}:{c}" for lem, c in lemmas[grp].most_common(12))
        print(f"{n:5d}  {grp}   {top}")
        for ex in examples[grp]:
            print(ex)
    if args.fp:
        print(f"\nfalse-positive cues: {sum(fps.values())}")
        for cue, n in fps.most_common(40):
            print(f"{n:5d}  {cue}")
            for ex in fp_ex[cue]:
                print(ex)
    if args.by_rule:
        print("\nper rule (subject path): n, cue P, source P, content P")
        for key, c in sorted(by_rule.items(), key=lambda kv: -kv[1]["n"]):
            print(
                f"{c['n']:5d}  cue {c['cue'] / c['n']:.2f}  src {c['src'] / max(1, c['src_n']):.2f}"
                f" ({c['src_n']})  con {c['con'] / c['n']:.2f}  {key}"
            )
    r = score(triples)
    print(
        "\nscores: "
        + ", ".join(
            f"{m} P{r[m]['p']:.3f} R{r[m]['r']:.3f} F{r[m]['f1']:.3f}"
            for m in ("cue", "source", "content", "all")
        )
    )


if __name__ == "__main__":
    main()
