"""Attribution accuracy on PolNeAR dev (cue / source / content / all spans), textacy baseline side by side, speed.

Run: ``.venv/bin/python -m eval.attribution`` (``NEWSGRAPH_EVAL_LIMIT=20`` for a quick look,
``NEWSGRAPH_EVAL_SPLIT=train`` while developing rules: tune on train, report on dev).

Rows:

* ``newsgraph``: the ``newsgraph_quotes`` component as shipped (``model="combined"``: the rule engine plus the
  attributions the statistical model adds, see ``docs/attribution.md``); the source span is the full source noun phrase the rule
  read (PolNeAR's convention), continuation quotes are merged into the attribution they continue;
* ``newsgraph (speaker span)``: the same attributions, scored with the product's ``Speaker.span`` (the name
  mention: "Kim Tae-hyo" in "Kim Tae-hyo, principal deputy national security adviser");
* ``rules alone`` / ``model alone``: the same component with ``model="rules"`` / ``model="model"`` (the shipped
  model does not read the rules' output, so "model alone" is an independent second reader; its attributions still
  go through the rules' speaker resolution);
* ``textacy``: ``textacy.extract.triples.direct_quotations`` (direct quotes only).

Also: speaker accuracy on gold direct quotes (content found and source right: the predicted source span overlaps
the gold source, or the resolved speaker name contains it), and words/s of spaCy parsing with and without the
component on the same texts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.polnear import ROLES, Attribution, PolnearDoc, _words, is_direct, load_split, score

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"
TARGETS = {"cue": 0.85, "source": 0.85, "content": 0.85, "all": 0.75}
SYSTEMS = ("newsgraph", "rules alone", "model alone", "newsgraph (speaker span)", "textacy")
CITRON = {"cue": 0.823, "source": 0.820, "content": 0.833, "all": 0.567}


def _tok_chars(doc: Any, toks: Sequence[int]) -> tuple[tuple[int, int], ...]:
    return tuple((doc[i].idx, doc[i].idx + len(doc[i].text)) for i in sorted(toks))


def merged_attributions(doc: Any, atts: Sequence[Any]) -> tuple[list[Attribution], list[int]]:
    """The attributions in the scorer's form (cue phrase, noun-phrase source, content), continuation quotes merged
    into the attribution they continue, and the index in ``atts`` of each one kept."""
    out: list[Attribution] = []
    heads: list[int] = []
    where: dict[int, int] = {}
    for i, a in enumerate(atts):
        if a.continues is not None and a.continues in where:
            j = where[i] = where[a.continues]
            old = out[j]
            out[j] = Attribution(old.cue, old.source, tuple(sorted(old.content + tuple(a.content))), old.id)
            continue
        cue = _tok_chars(doc, a.cue_extent or a.cue)  # the cue phrase (Quote.cue_phrase), as PolNeAR marks it
        if a.quoted_cue is not None:
            cue = _tok_chars(doc, [a.quoted_cue])
        src_slice = a.quoted_source or a.source
        src = (
            ((doc[src_slice[0]].idx, doc[src_slice[1] - 1].idx + len(doc[src_slice[1] - 1].text)),)
            if src_slice
            else ()
        )
        where[i] = len(out)
        heads.append(i)
        out.append(Attribution(cue, src, tuple(a.content), f"P{i}"))
    return out, heads


def newsgraph_predictions(
    doc: Any, atts: list[Any], quotes: list[Any]
) -> tuple[list[Attribution], list[Attribution], list[str]]:
    """(NP-source attributions, speaker-span attributions, speaker names) with continuation quotes merged."""
    np_out, heads = merged_attributions(doc, atts)
    speakers = [quotes[i].speaker for i in heads]
    sp_out = [
        Attribution(a.cue, (sp.span,) if sp.span else (), a.content, a.id)
        for a, sp in zip(np_out, speakers, strict=True)
    ]
    return np_out, sp_out, [sp.name for sp in speakers]


def textacy_predictions(doc: Any) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on some unbalanced quotes
        return []
    for t in triples:
        cue = _tok_chars(doc, [tok.i for tok in t.cue])
        spk = _tok_chars(doc, [tok.i for tok in t.speaker])
        src = ((spk[0][0], spk[-1][1]),) if spk else ()
        content = ((t.content.start_char, t.content.end_char),)
        out.append(Attribution(cue, src, content))
    return out


def speaker_accuracy(
    text: str, gold: Sequence[Attribution], pred: Sequence[Attribution], names: Sequence[str]
) -> tuple[int, int]:
    """(correct, total) over gold direct quotes with a source."""
    correct = total = 0
    for g in gold:
        if not is_direct(text, g) or not g.source:
            continue
        total += 1
        gc = _words(text, g.content)
        gs = _words(text, g.source)
        gsrc_text = " ".join(text[s:e] for s, e in g.source).lower()
        for p, name in zip(pred, names, strict=True):
            pc = _words(text, p.content)
            if not gc or len(gc & pc) < 0.5 * len(gc):
                continue
            ps = _words(text, p.source)
            last = gsrc_text.split()[-1].strip("’'s,") if gsrc_text.split() else ""
            if (gs and len(gs & ps) >= 0.5 * len(gs)) or (last and last in name.lower()):
                correct += 1
            break
    return correct, total


def main() -> dict[str, Any]:
    import newsgraph.attribution.component  # noqa: F401
    from newsgraph.attribution.component import QuotesComponent, to_quotes
    from newsgraph.nlp import load_pipeline

    split = os.environ.get("NEWSGRAPH_EVAL_SPLIT", "dev")
    limit_env = os.environ.get("NEWSGRAPH_EVAL_LIMIT")
    limit = int(limit_env) if limit_env else None
    if not POLNEAR.exists():
        print(f"[attribution] PolNeAR not found at {POLNEAR}: skipped")
        return {"skipped": True}
    docs: list[PolnearDoc] = load_split(POLNEAR, split, limit)
    nlp = load_pipeline(components=())  # the parser after newsgraph_sentences
    comp = QuotesComponent(nlp, "newsgraph_quotes")
    rules_only = QuotesComponent(nlp, "newsgraph_quotes", model="rules")
    model_only = QuotesComponent(nlp, "newsgraph_quotes", model="model")
    comp(nlp("Seoul said on Monday that it was ready, according to officials."))  # one-time table loading
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    t_parse = time.perf_counter() - t0
    n_words = sum(sum(1 for t in d if not t.is_space and not t.is_punct) for d in parsed)
    rows: dict[str, list[tuple[str, list[Attribution], list[Attribution]]]] = {name: [] for name in SYSTEMS}
    speaker: dict[str, list[int]] = {name: [0, 0] for name in SYSTEMS if name != "newsgraph (speaker span)"}
    t_attr = 0.0
    for pd, doc in zip(docs, parsed, strict=True):
        t1 = time.perf_counter()
        atts = comp.attributions(doc)  # the shipped setting: rules + model
        quotes, _ = to_quotes(doc, atts)
        t_attr += time.perf_counter() - t1
        preds: dict[str, tuple[list[Attribution], list[str]]] = {}
        np_pred, sp_pred, merged_names = newsgraph_predictions(doc, atts, quotes)
        preds["newsgraph"] = (np_pred, merged_names)
        rows["newsgraph (speaker span)"].append((pd.text, pd.attributions, sp_pred))
        for name, setting in (("rules alone", rules_only), ("model alone", model_only)):
            alone = setting.attributions(doc)
            p, _, n = newsgraph_predictions(doc, alone, to_quotes(doc, alone)[0])
            preds[name] = (p, n)
        tx_pred = textacy_predictions(doc)
        preds["textacy"] = (tx_pred, ["" for _ in tx_pred])
        for name, (p, n) in preds.items():
            rows[name].append((pd.text, pd.attributions, p))
            c, t = speaker_accuracy(pd.text, pd.attributions, p, n)
            speaker[name][0] += c
            speaker[name][1] += t
    results: dict[str, Any] = {"split": split, "docs": len(docs), "words": n_words}
    for name, triples in rows.items():
        results[name] = score(triples)
    results["speaker_accuracy_direct"] = {
        name: round(ok / tot, 3) if tot else 0.0 for name, (ok, tot) in speaker.items()
    }
    results["speaker_accuracy_direct"]["gold_direct_quotes"] = speaker["newsgraph"][1]
    wps_parse = n_words / t_parse if t_parse else 0.0
    wps_both = n_words / (t_parse + t_attr) if t_parse + t_attr else 0.0
    results["speed"] = {
        "words_per_s_parse": round(wps_parse),
        "words_per_s_parse_plus_attribution": round(wps_both),
        "attribution_overhead": round(t_attr / t_parse, 3) if t_parse else 0.0,
    }
    _print(results)
    return results


def _print(r: dict[str, Any]) -> None:
    print(f"PolNeAR {r['split']}: {r['docs']} articles, {r['words']} words (F1; P/R in the json)")
    metrics = ["cue", "cue_exact", "source", "source_exact", "content", "content_exact", "all", "all_exact"]
    head = f"{'system':26}" + "".join(f"{m:>14}" for m in metrics)
    print(head)
    print("-" * len(head))
    for name in SYSTEMS:
        print(f"{name:26}" + "".join(f"{r[name][m]['f1']:>14.3f}" for m in metrics))
    print(
        f"{'target':26}"
        + "".join(f"{TARGETS.get(m, float('nan')):>14.3f}" if m in TARGETS else f"{'':>14}" for m in metrics)
    )
    print(
        f"{'Citron (PARC3, published)':26}"
        + "".join(f"{CITRON[m]:>14.3f}" if m in CITRON else f"{'':>14}" for m in metrics)
    )
    for name in ("newsgraph", "rules alone", "model alone"):
        ng = r[name]
        print(
            f"{name} P/R: "
            + ", ".join(f"{m} {ng[m]['p']:.3f}/{ng[m]['r']:.3f}" for m in ("cue", "source", "content", "all"))
        )
    sa = r["speaker_accuracy_direct"]
    print(
        f"speaker accuracy, gold direct quotes (n={sa['gold_direct_quotes']}, target .92): "
        + ", ".join(f"{name} {sa[name]:.3f}" for name in sa if name != "gold_direct_quotes")
    )
    sp = r["speed"]
    print(
        f"speed: spaCy parse {sp['words_per_s_parse']} words/s; parse + attribution {sp['words_per_s_parse_plus_attribution']} words/s; "
        f"attribution adds {sp['attribution_overhead'] * 100:.1f}% (target <= 30%)"
    )


ROLES_USED = ROLES

if __name__ == "__main__":
    main()
