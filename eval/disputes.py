"""Real-corpus check of tracked propositions (issue 13): ingest the 84 PolNeAR dev articles through the whole
pipeline into a temporary store and look at the top 20 tracked propositions as the home page lists them.

Checks, printed beside their targets:

* at least 18 of the top 20 are clauses with a predicate (in a parse of the statement: a subject, not a relative
  pronoun, of a finite verb; three words or more) reported by >= 2 distinct sources or articles;
* no bare names (a statement made only of proper nouns, determiners and punctuation, or equal to an entity name).

Also printed: how many propositions are tracked and disputed, and the top disputes with their two sides.
``NEWSGRAPH_EVAL_LIMIT`` caps the number of articles (quick runs); ``NEWSGRAPH_EVAL_DB=path.db`` keeps the store
there (to open it with ``newsgraph serve``) instead of a temporary one, and evaluates that store again without
re-ingesting when it already holds the articles.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets" / "polnear"
DEV = POLNEAR / "data" / "dev" / "text"
TOP = 20
TARGET_CLAUSES = 18
_NAME_POS = frozenset({"PROPN", "DET", "PUNCT", "SPACE", "CCONJ", "PART"})


_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WH = frozenset({"who", "which", "that", "what", "whom", "whose"})


def is_clause(nlp: Any, text: str) -> bool:
    """A clause with a predicate: three words or more and a subject whose verb is finite (itself or through an
    auxiliary), the subject not a relative pronoun ("Who has pledged ..." is a fragment of a relative clause)."""
    doc = nlp(text)
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return False
    for t in doc:
        if t.dep_ in _SUBJ and t.lower_ not in _WH:
            verb = t.head
            if verb.tag_ in _FINITE or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children
            ):
                return True
    return False


def is_bare_name(nlp: Any, text: str, names: set[str]) -> bool:
    """Only proper nouns (and determiners, punctuation), or exactly the name of an entity of the corpus."""
    doc = nlp(text)
    return text.strip().casefold() in names or all(t.pos_ in _NAME_POS for t in doc)


def main() -> dict[str, Any]:
    if not DEV.is_dir():
        print(f"[eval] disputes: {DEV} not found (../shared/datasets); skipped")
        return {"skipped": True}
    import spacy

    import newsgraph
    from newsgraph.nlp import MODEL_NAME
    from newsgraph.store import IngestResult, open_store

    paths = sorted(DEV.glob("*.txt"))
    limit = int(os.environ.get("NEWSGRAPH_EVAL_LIMIT", "0") or 0)
    if limit:
        paths = paths[:limit]
    t0 = time.time()
    keep = os.environ.get("NEWSGRAPH_EVAL_DB")
    with tempfile.TemporaryDirectory() as tmp, open_store(keep or Path(tmp) / "polnear.db") as store:
        if keep and store.count("articles") >= len(
            paths
        ):  # a kept store from an earlier run: evaluate it again
            res = IngestResult(added=store.count("articles"))
        else:
            res = store.add_articles(newsgraph.extract([str(p) for p in paths]), batch_size=50)
        secs = time.time() - t0
        n_props = sum(len(a.propositions) for a in store.iter_articles())
        names = {e.name.casefold() for a in store.iter_articles() for e in a.entities}
        top = store.clusters(limit=TOP)
        disputes = store.disputes(limit=5)
        n_disputed = len(store.disputes(limit=10_000))
        n_tracked = store.count("clusters")
        n_claims = store.count("claims")
    nlp = spacy.load(MODEL_NAME)
    print(f"ingested {res.added} articles ({res.failed} failed) in {secs:.0f}s: {n_claims} claims, "
          f"{n_props} propositions, {n_tracked} tracked, {n_disputed} disputed")  # fmt: skip
    print(f"\ntop {len(top)} tracked propositions (rank by stances: one per source per article)")
    print(f"{'#':>2} {'stances':>7} {'sources':>7} {'articles':>8}  clause  >=2  statement")
    good = 0
    bare = 0
    rows = []
    for i, c in enumerate(top, 1):
        clause = is_clause(nlp, c.label)
        many = c.n_sources >= 2 or c.n_articles >= 2
        name = is_bare_name(nlp, c.label, names)
        good += clause and many and not name
        bare += name
        flag = "  disputed" if c.disputed else ""
        print(f"{i:>2} {c.n_claims:>7} {c.n_sources:>7} {c.n_articles:>8}  {'yes' if clause else 'NO':>6}  "
              f"{'yes' if many else 'NO':>3}  {c.label[:90]}{flag}")  # fmt: skip
        rows.append({"statement": c.label, "n_claims": c.n_claims, "n_sources": c.n_sources,
                     "n_articles": c.n_articles, "clause": clause, "reported_twice": many, "bare_name": name})  # fmt: skip
    print(f"\nclauses with a predicate reported by >= 2 sources or articles: {good}/{len(top)} "
          f"(target >= {TARGET_CLAUSES}/{TOP}) -> {'met' if good >= TARGET_CLAUSES else 'NOT met'}")  # fmt: skip
    print(f"bare names in the top {len(top)}: {bare} (target 0) -> {'met' if bare == 0 else 'NOT met'}")
    if disputes:
        print("\ntop disputes")
    for d in disputes:
        sides = d.sides()
        print(f"- {d.cluster.label[:100]}")
        for side in ("supports", "denies"):
            who = ", ".join(sorted({s.source_name for s in sides[side]}))
            print(f"    {side}: {who}")
    return {
        "articles": res.added,
        "failed": res.failed,
        "seconds": round(secs, 1),
        "claims": n_claims,
        "propositions": n_props,
        "tracked": n_tracked,
        "disputed": n_disputed,
        "top_clauses_reported_twice": good,
        "top_bare_names": bare,
        "target_met": good >= TARGET_CLAUSES and bare == 0,
        "top": rows,
    }


if __name__ == "__main__":
    out = main()
    sys.exit(0 if out.get("skipped") or out.get("target_met") else 1)
