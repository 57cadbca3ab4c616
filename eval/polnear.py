"""PolNeAR reader (brat standoff) and attribution scorer, reusable by any attribution system.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) stores one ``.txt`` per article and one or more ``.ann`` files
(``<name>_<annotator>.ann``) with ``Source`` / ``Cue`` / ``Content`` text-bound annotations linked by ``E``
lines (``Attribution:T4 Content:T3 Cue:T2 Source:T1``). Spans may be discontinuous (``2103 2168;2170 2425``).

Scoring (:func:`score`), per role (cue, source, content):

* **exact**: a predicted span matches a gold span when both cover the same word tokens (punctuation and
  whitespace at the edges are ignored, so ``“Yes,”`` and ``Yes`` are the same content);
* **overlap**: the predicted span covers at least half of the gold span's word tokens;
* **all**: an attribution whose cue, source and content all match one gold attribution (overlap criterion;
  an attribution with no gold source needs no predicted source). ``all_exact`` is the same with exact matching.

Matching is one-to-one (greedy, best overlap first). Precision = matched / predicted, recall = matched / gold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Frag = tuple[int, int]
_WORD = re.compile(r"\w+(?:['’]\w+)*")
ROLES = ("cue", "source", "content")


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: each role is a (possibly empty) tuple of character fragments."""

    cue: tuple[Frag, ...] = ()
    source: tuple[Frag, ...] = ()
    content: tuple[Frag, ...] = ()
    id: str = ""

    def role(self, name: str) -> tuple[Frag, ...]:
        return tuple(getattr(self, name))


@dataclass
class PolnearDoc:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def parse_ann(ann: str) -> list[Attribution]:  # noqa: C901
    """The attribution relations of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, tuple[Frag, ...]]] = {}
    rels: list[tuple[str, dict[str, str]]] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        tid = parts[0]
        if tid.startswith("T") and len(parts) >= 2:
            head = parts[1]
            label, _, offs = head.partition(" ")
            frags: list[Frag] = []
            for piece in offs.split(";"):
                nums = piece.split()
                if len(nums) == 2:
                    frags.append((int(nums[0]), int(nums[1])))
            spans[tid] = (label, tuple(frags))
        elif tid.startswith("E") and len(parts) >= 2:
            args: dict[str, str] = {}
            for arg in parts[1].split():
                k, _, v = arg.partition(":")
                args[k] = v
            rels.append((tid, args))
    out = []
    for eid, args in rels:
        roles: dict[str, tuple[Frag, ...]] = {}
        for key in ("Cue", "Source", "Content"):
            ref = args.get(key)
            if ref and ref in spans:
                roles[key.lower()] = spans[ref][1]
        out.append(Attribution(id=eid, **roles))
    return out


def annotation_files(base: Path) -> dict[str, list[Path]]:
    """Per article stem, its ``.ann`` files under ``base/attributions`` (``<name>_<annotator>.ann``), in name
    order: one per annotator."""
    groups: dict[str, list[Path]] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        groups.setdefault(re.sub(r"_[0-9a-f]{4}$", "", p.stem), []).append(p)
    return groups


def load_split(root: Path, split: str, limit: int | None = None) -> list[PolnearDoc]:
    """Documents of ``root/data/<split>``; with several annotators, the first ``.ann`` in name order is used."""
    base = root / "data" / split
    anns = annotation_files(base)
    docs = []
    for txt in sorted((base / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        ann = anns[txt.stem][0]
        docs.append(
            PolnearDoc(txt.stem, txt.read_text(encoding="utf-8"), parse_ann(ann.read_text(encoding="utf-8")))
        )
        if limit is not None and len(docs) >= limit:
            break
    return docs


# --------------------------------------------------------------------------------------------- scoring


def _words(text: str, frags: Iterable[Frag]) -> frozenset[int]:
    """Start offsets of the word tokens inside the fragments (the unit of comparison)."""
    out: set[int] = set()
    for s, e in frags:
        for m in _WORD.finditer(text, s, e):
            out.add(m.start())
    return frozenset(out)


def _match(
    gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]], exact: bool
) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(gold):
        if not g:
            continue
        for pi, p in enumerate(pred):
            if not p:
                continue
            inter = len(g & p)
            if exact:
                if g == p:
                    cands.append((1.0, gi, pi))
            elif inter and inter >= 0.5 * len(g):
                cands.append((inter / len(g | p), gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


@dataclass
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def prf(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


METRICS = ("cue", "cue_exact", "source", "source_exact", "content", "content_exact", "all", "all_exact")


def _attr_match(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution], exact: bool) -> int:
    """Number of predicted attributions whose three spans all match one gold attribution (one-to-one)."""
    used: set[int] = set()
    n = 0
    for p in pred:
        pw = {r: _words(text, p.role(r)) for r in ROLES}
        for gi, g in enumerate(gold):
            if gi in used:
                continue
            ok = True
            for r in ROLES:
                gw = _words(text, g.role(r))
                if not gw:
                    continue
                ok = gw == pw[r] if exact else bool(pw[r]) and len(gw & pw[r]) >= 0.5 * len(gw)
                if not ok:
                    break
            if ok and _words(text, g.role("cue")):
                used.add(gi)
                n += 1
                break
    return n


def score_doc(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution]) -> dict[str, Counts]:
    """Counts for one document (add them up over a corpus with :meth:`Counts.add`)."""
    out: dict[str, Counts] = {}
    for r in ROLES:
        g = [w for w in (_words(text, a.role(r)) for a in gold) if w]
        p = [w for w in (_words(text, a.role(r)) for a in pred) if w]
        out[r] = Counts(len(_match(g, p, exact=False)), len(p), len(g))
        out[f"{r}_exact"] = Counts(len(_match(g, p, exact=True)), len(p), len(g))
    # an attribution whose cue is punctuation only (a transcript's "PENCE:", a colon before a quote) has no word to
    # compare: left out on both sides, as the per-role counts do
    n_gold = sum(1 for a in gold if _words(text, a.cue))
    n_pred = sum(1 for a in pred if _words(text, a.cue))
    out["all"] = Counts(_attr_match(text, gold, pred, exact=False), n_pred, n_gold)
    out["all_exact"] = Counts(_attr_match(text, gold, pred, exact=True), n_pred, n_gold)
    return out


def score(
    docs: Iterable[tuple[str, Sequence[Attribution], Sequence[Attribution]]],
) -> dict[str, dict[str, float]]:
    """Micro-averaged P/R/F1 for every metric in :data:`METRICS` over ``(text, gold, pred)`` triples."""
    total = {m: Counts() for m in METRICS}
    for text, gold, pred in docs:
        for m, c in score_doc(text, gold, pred).items():
            total[m].add(c)
    return {m: total[m].prf() for m in METRICS}


def is_direct(text: str, a: Attribution) -> bool:
    """Gold attribution whose content is a quotation (starts or ends with a quotation mark)."""
    if not a.content:
        return False
    s = a.content[0][0]
    e = a.content[-1][1]
    chunk = text[s:e].strip()
    return len(chunk) > 2 and chunk[0] in '“"' and chunk.rstrip(".,;:")[-1:] in '”"'


def iter_gold_direct(doc: PolnearDoc) -> Iterator[Attribution]:
    return (a for a in doc.attributions if is_direct(doc.text, a))
