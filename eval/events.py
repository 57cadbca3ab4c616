"""PLOVER event coding against the PLOVER gold-standard records (``../shared/datasets/plover``).

The 322 coded sentences (CAMEO manual examples, PLOVER 0.5b1) are split deterministically into a dev half, the only
part the lexicon builder (``scripts/build_plover_data.py``) reads, and a test half; figures are reported on test and
on all records. Legacy 0.5 names map to today's types as the manual's CAMEO-to-PLOVER table says
(:data:`newsgraph.events.gsr.LEGACY_TYPES`: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT).

* event-type accuracy: the coder's main event of the sentence vs the record's type (no event = wrong);
* source / target country accuracy: over records whose source (target) has a country code, the predicted actor's
  ISO alpha-3 is one of the record's codes (compound actors list several);
* baseline: the majority type of the dev half for every sentence;
* actor details (:func:`actor_details`): spurious actors where the record codes none, compound actors covered by
  ``Actor.countries``, and sector accuracy.

``NEWSGRAPH_EVAL_LIMIT`` caps the number of records (quick runs).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

GSR = "gold_standard_records/PLOVER_GSR_CAMEO.txt"


def _plover_dir() -> Path:
    shared = Path(os.environ.get("NEWSGRAPH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    return shared / "datasets" / "plover"


def predict(records: list[Any]) -> list[dict[str, Any]]:
    from newsgraph.events.actors import actor_from_token
    from newsgraph.events.coder import code_sentence, rank_key
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(components=())
    out = []
    for rec, doc in zip(records, nlp.pipe([r.text for r in records], batch_size=64), strict=True):
        events = []
        for sent in doc.sents:
            events += code_sentence(sent)
        events.sort(key=rank_key)
        main = events[0] if events else None
        src = actor_from_token(main.source) if main else None
        tgt = actor_from_token(main.target) if main else None
        out.append(
            {
                "id": rec.id,
                "gold": rec.type,
                "pred": main.type if main else "NONE",
                "trigger": main.lemma if main else "",
                "src": src.country if src else None,
                "tgt": tgt.country if tgt else None,
                "src_name": src.name if src else None,
                "tgt_name": tgt.name if tgt else None,
                "src_all": tuple(src.countries or ([src.country] if src.country else [])) if src else (),
                "tgt_all": tuple(tgt.countries or ([tgt.country] if tgt.country else [])) if tgt else (),
                "src_sector": src.sector if src else None,
                "tgt_sector": tgt.sector if tgt else None,
                "gold_src_sectors": rec.source_sectors,
                "gold_tgt_sectors": rec.target_sectors,
                "gold_src": rec.source_codes,
                "gold_tgt": rec.target_codes,
                "text": rec.text,
            }
        )
    return out


# The 0.5 records predate the manual's UNO/EUR codes and file the UN and the European Community under IGO; a
# few use pre-ISO codes (JAP for Japan, VTN for Vietnam).
_EQUIV = {"UNO": "IGO", "EUR": "IGO", "JPN": "JAP", "VNM": "VTN"}


def _same_country(pred: str | None, gold: tuple[str, ...]) -> bool:
    return pred is not None and (pred in gold or _EQUIV.get(pred) in gold)


def score(rows: list[dict[str, Any]], majority: str) -> dict[str, Any]:
    n = len(rows)
    acc = sum(r["pred"] == r["gold"] for r in rows) / n if n else 0.0
    base = sum(r["gold"] == majority for r in rows) / n if n else 0.0
    src_rows = [r for r in rows if r["gold_src"]]
    tgt_rows = [r for r in rows if r["gold_tgt"]]
    src = sum(_same_country(r["src"], r["gold_src"]) for r in src_rows) / len(src_rows) if src_rows else 0.0
    tgt = sum(_same_country(r["tgt"], r["gold_tgt"]) for r in tgt_rows) / len(tgt_rows) if tgt_rows else 0.0
    out = {
        "n": n,
        "type_accuracy": round(acc, 3),
        "majority_baseline": round(base, 3),
        "source_country_accuracy": round(src, 3),
        "target_country_accuracy": round(tgt, 3),
        "n_source": len(src_rows),
        "n_target": len(tgt_rows),
    }
    out.update(actor_details(rows))
    return out


def _covers(pred: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    """Every distinct gold country is among the predicted ones (compound actors)."""
    norm = {_EQUIV.get(p, p) for p in pred} | set(pred)
    return all(g in norm for g in set(gold))


def actor_details(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Additive actor figures, beside the headline country accuracy:

    * ``*_spurious``: records whose gold has no coded actor on that side but the coder names one with a country
      (a precision check: the headline accuracy ignores these records);
    * ``*_compound``: records whose gold actor lists two or more countries, and the share of them where the
      predicted actor's ``countries`` cover all of them;
    * ``*_sector_accuracy``: over records with a gold sector, the predicted actor's sector is one of them.
    """
    res: dict[str, Any] = {}
    for side in ("src", "tgt"):
        name = "source" if side == "src" else "target"
        none_rows = [r for r in rows if not r[f"gold_{side}"]]
        res[f"{name}_spurious"] = sum(1 for r in none_rows if r[side])
        res[f"n_{name}_none"] = len(none_rows)
        comp = [r for r in rows if len(set(r[f"gold_{side}"])) > 1]
        res[f"n_{name}_compound"] = len(comp)
        res[f"{name}_compound_covered"] = sum(_covers(r[f"{side}_all"], r[f"gold_{side}"]) for r in comp)
        sec_rows = [r for r in rows if r[f"gold_{side}_sectors"]]
        hit = sum(r[f"{side}_sector"] in r[f"gold_{side}_sectors"] for r in sec_rows)
        res[f"{name}_sector_accuracy"] = round(hit / len(sec_rows), 3) if sec_rows else 0.0
        res[f"n_{name}_sector"] = len(sec_rows)
    return res


def main() -> dict[str, Any]:  # noqa: C901, PLR0912
    from newsgraph.events.gsr import load_records, split_records

    path = _plover_dir() / GSR
    if not path.exists():
        print(f"[events] {path} not found: skipped")
        return {"skipped": str(path)}
    dev, test = split_records(load_records(path))
    limit = int(os.environ.get("NEWSGRAPH_EVAL_LIMIT", "0") or 0)
    if limit:
        dev, test = dev[: limit // 2], test[: limit - limit // 2]
    majority = Counter(r.type for r in dev).most_common(1)[0][0]
    rows_dev = predict(dev)
    rows_test = predict(test)
    results: dict[str, Any] = {
        "test": score(rows_test, majority),
        "dev": score(rows_dev, majority),
        "all": score(rows_dev + rows_test, majority),
        "majority_class": majority,
    }
    print(
        f"PLOVER gold-standard records ({len(dev)} dev / {len(test)} test); baseline = majority type of dev ({majority})"
    )
    print(f"{'split':6} {'n':>4} {'type acc':>9} {'baseline':>9} {'src ctry':>9} {'tgt ctry':>9}")
    for split in ("test", "dev", "all"):
        s = results[split]
        print(
            f"{split:6} {s['n']:>4} {s['type_accuracy']:>9.3f} {s['majority_baseline']:>9.3f} "
            f"{s['source_country_accuracy']:>9.3f} {s['target_country_accuracy']:>9.3f}"
        )
    print(
        "\nactors: country = right / records with a gold country; spurious = an actor with a country where the"
        " record codes none;\ncompound = gold lists 2+ countries, covered by the predicted countries; sector ="
        " accuracy over records with a gold sector"
    )
    head = ("src ctry", "tgt ctry", "src spur", "tgt spur", "src comp", "tgt comp", "src sect", "tgt sect")
    print(f"{'split':6} " + " ".join(f"{h:>9}" for h in head))
    for split in ("test", "dev", "all"):
        s = results[split]
        cells = []
        for side in ("source", "target"):
            right = round(s[f"{side}_country_accuracy"] * s[f"n_{side}"])
            cells.append(f"{right}/{s[f'n_{side}']}")
        for side in ("source", "target"):
            cells.append(f"{s[f'{side}_spurious']}/{s[f'n_{side}_none']}")
        for side in ("source", "target"):
            cells.append(f"{s[f'{side}_compound_covered']}/{s[f'n_{side}_compound']}")
        for side in ("source", "target"):
            cells.append(f"{s[f'{side}_sector_accuracy']:.3f}")
        print(f"{split:6} " + " ".join(f"{c:>9}" for c in cells))
    # Error analysis reads the dev half, where the lexicon and rules are developed; the test half is held out
    # (its confusions and rows print only with NEWSGRAPH_EVAL_VERBOSE=test).
    verbose = os.environ.get("NEWSGRAPH_EVAL_VERBOSE", "")
    shown, shown_name = (rows_test, "test") if verbose == "test" else (rows_dev, "dev")
    for split_name, split_rows in (("dev", rows_dev), ("test", rows_test)):
        conf = Counter((r["gold"], r["pred"]) for r in split_rows if r["gold"] != r["pred"])
        per_type: dict[str, list[int]] = {}
        for r in split_rows:
            per_type.setdefault(r["gold"], [0, 0])
            per_type[r["gold"]][0] += r["pred"] == r["gold"]
            per_type[r["gold"]][1] += 1
        results[f"confusions_{split_name}"] = {f"{g}->{p}": c for (g, p), c in conf.most_common(20)}
        results[f"per_type_{split_name}"] = {k: round(v[0] / v[1], 3) for k, v in per_type.items()}
        if split_name == shown_name:
            print(f"\nmost frequent confusions on {split_name} (gold -> predicted: count)")
            for (g, p), c in conf.most_common(12):
                print(f"  {g:10} -> {p:10} {c}")
            print(
                f"\nper-type accuracy on {split_name}: "
                + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(per_type.items()))
            )
    if verbose:
        for r in shown:
            if r["gold"] != r["pred"]:
                print(f"  {r['gold']:9} {r['pred']:9} [{r['trigger']}] {r['text'][:150]}")
    return results


if __name__ == "__main__":
    main()
