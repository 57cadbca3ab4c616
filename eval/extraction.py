"""HTML extraction accuracy: newsgraph's ``extract_html`` beside trafilatura alone, in the same run.

1. AEB (``../shared/datasets/aeb``): body P/R/F1 with the benchmark's own shingle scoring (``eval/scoring.py``
   mirrors ``aeb/evaluate.py``), plus its exact-match accuracy.
2. WCXB dev articles (``../shared/datasets/wcxb-dev-articles``): body P/R/F1 (the benchmark's ``word_f1``,
   page means), title exact match, author match and date accuracy (definitions below).

trafilatura alone = ``trafilatura.extract(html_bytes, url=url)`` with its defaults for the body and
``trafilatura.bare_extraction(html_bytes, url=url, with_metadata=True)`` for title/author/date. newsgraph =
ingest's decoder then :func:`newsgraph.clean.html.extract_html` (one trafilatura pass + captions + cleaner).

Metadata scoring (same normalisation for both systems; NFKC, case-folded, whitespace folded, typographic quotes
and dashes unified):

* title exact match: normalised predicted title == normalised gold title (pages with a gold title);
* author match: the first gold name (gold split on ``,`` ``;`` ``|`` ``&`` ``and``) equals one predicted name,
  or the whole normalised strings are equal (pages with a gold author);
* date accuracy: predicted ``YYYY-MM-DD`` == gold (pages with a gold date).
* false date: share of the pages without a gold date that still get a date (lower is better; mostly a
  copyright year read as 1 January).

``NEWSGRAPH_EVAL_LIMIT`` caps the number of pages per dataset for quick runs.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"
AEB_TARGET_F1 = 0.965

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_NAME_SPLIT = re.compile(r"\s*(?:[,;|&/]|\band\b)\s*", re.IGNORECASE)


def _limit() -> int | None:
    v = os.environ.get("NEWSGRAPH_EVAL_LIMIT")
    return int(v) if v else None


def norm_meta(text: str | None) -> str:
    """Normalisation for metadata comparison."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", t).strip(" .")


def author_match(pred: list[str], gold: str) -> bool:
    g = norm_meta(gold)
    names = [norm_meta(p) for p in pred if p]
    if not names:
        return False
    if norm_meta(", ".join(pred)) == g or norm_meta("; ".join(pred)) == g:
        return True
    first = next((x for x in (norm_meta(s) for s in _NAME_SPLIT.split(gold)) if x), "")
    split_pred = {norm_meta(s) for n in pred for s in _NAME_SPLIT.split(n)} | set(names)
    return bool(first) and first in split_pred


@dataclass
class Page:
    key: str
    html: bytes
    url: str | None
    gold_body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class Output:
    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


def load_aeb(limit: int | None = None) -> list[Page]:
    root = DATASETS / "aeb"
    gt = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gt)[:limit] if limit else sorted(gt)
    return [
        Page(
            k,
            gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()),
            gt[k].get("url"),
            gt[k].get("articleBody") or "",
        )
        for k in keys
    ]


def load_wcxb(limit: int | None = None) -> list[Page]:
    root = DATASETS / "wcxb-dev-articles"
    files = sorted((root / "ground-truth").glob("*.json"))
    files = files[:limit] if limit else files
    pages = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        gt = data.get("ground_truth") or {}
        pages.append(
            Page(
                f.stem,
                gzip.decompress((root / "html" / f"{f.stem}.html.gz").read_bytes()),
                data.get("url"),
                gt.get("main_content") or "",
                gt.get("title"),
                gt.get("author"),
                gt.get("publish_date"),
            )
        )
    return pages


def newsgraph_system(**options: Any) -> Callable[[Page], Output]:
    from newsgraph.clean.html import extract_html
    from newsgraph.clean.html_options import HtmlOptions
    from newsgraph.ingest import decode_bytes

    opts = HtmlOptions(**options)

    def run(page: Page) -> Output:
        html = decode_bytes(page.html, html=True).text
        c = extract_html(html, url=page.url, options=opts)
        return Output(c.body, c.title, tuple(a.name for a in c.authors), c.published)

    return run


def trafilatura_body(page: Page) -> Output:
    import trafilatura

    return Output(trafilatura.extract(page.html, url=page.url) or "")


def trafilatura_meta(page: Page) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None or isinstance(doc, dict):
        return Output("")
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Output(doc.text or "", doc.title, authors, doc.date)


def run_system(pages: list[Page], fn: Callable[[Page], Output]) -> tuple[list[Output], float]:
    outs = []
    t = time.perf_counter()
    for p in pages:
        try:
            outs.append(fn(p))
        except Exception as exc:  # a crashing system scores zero on that page
            print(f"  ! {p.key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            outs.append(Output(""))
    return outs, time.perf_counter() - t


def score_aeb(pages: list[Page], outs: list[Output], seconds: float) -> dict[str, float]:
    from eval.scoring import aeb_accuracy, aeb_corpus, aeb_counts

    m = aeb_corpus([aeb_counts(o.body, p.gold_body) for p, o in zip(pages, outs, strict=True)])
    m["accuracy"] = sum(aeb_accuracy(o.body, p.gold_body) for p, o in zip(pages, outs, strict=True)) / max(
        len(pages), 1
    )
    m["docs_per_s"] = len(pages) / seconds if seconds else 0.0
    return m


def score_wcxb(
    pages: list[Page], outs: list[Output], seconds: float, meta: list[Output] | None = None
) -> dict[str, float]:
    from eval.scoring import mean_prf, wcxb_prf

    meta = meta or outs
    m = mean_prf(wcxb_prf(o.body, p.gold_body) for p, o in zip(pages, outs, strict=True))
    titled = [(p, o) for p, o in zip(pages, meta, strict=True) if p.title]
    authored = [(p, o) for p, o in zip(pages, meta, strict=True) if p.author]
    dated = [(p, o) for p, o in zip(pages, meta, strict=True) if p.date]
    m["title_em"] = sum(norm_meta(o.title) == norm_meta(p.title) for p, o in titled) / max(len(titled), 1)
    m["author_match"] = sum(author_match(list(o.authors), p.author or "") for p, o in authored) / max(
        len(authored), 1
    )
    m["date_acc"] = sum((o.date or "")[:10] == (p.date or "")[:10] for p, o in dated) / max(len(dated), 1)
    undated = [o for p, o in zip(pages, meta, strict=True) if not p.date]
    m["date_on_undated"] = sum(bool(o.date) for o in undated) / max(len(undated), 1)
    m["n_title"], m["n_author"], m["n_date"] = float(len(titled)), float(len(authored)), float(len(dated))
    m["docs_per_s"] = len(pages) / seconds if seconds else 0.0
    return m


def _table(title: str, rows: dict[str, dict[str, float]], cols: list[tuple[str, str]]) -> None:
    print(f"\n{title}")
    print(f"  {'system':<24}" + "".join(f"{h:>12}" for h, _ in cols))
    for name, m in rows.items():
        print(
            f"  {name:<24}"
            + "".join(
                f"{m.get(k, float('nan')):>12.4f}" if k != "docs_per_s" else f"{m.get(k, 0):>12.1f}"
                for _, k in cols
            )
        )


def main() -> dict[str, Any]:
    limit = _limit()
    results: dict[str, Any] = {}
    ours = newsgraph_system()
    if (DATASETS / "aeb").exists():
        pages = load_aeb(limit)
        base, tb = run_system(pages, trafilatura_body)
        mine, tm = run_system(pages, ours)
        results["aeb"] = {"trafilatura": score_aeb(pages, base, tb), "newsgraph": score_aeb(pages, mine, tm)}
        _table(
            f"AEB body extraction ({len(pages)} pages; target F1 >= {AEB_TARGET_F1}, trafilatura published 0.958)",
            results["aeb"],
            [
                ("F1", "f1"),
                ("precision", "precision"),
                ("recall", "recall"),
                ("exact", "accuracy"),
                ("docs/s", "docs_per_s"),
            ],
        )
    else:
        print(f"[extraction] {DATASETS / 'aeb'} not found: AEB skipped")
    if (DATASETS / "wcxb-dev-articles").exists():
        pages = load_wcxb(limit)
        base, tb = run_system(pages, trafilatura_body)
        base_meta, _ = run_system(pages, trafilatura_meta)
        mine, tm = run_system(pages, ours)
        results["wcxb"] = {
            "trafilatura": score_wcxb(pages, base, tb, base_meta),
            "newsgraph": score_wcxb(pages, mine, tm),
        }
        _table(
            f"WCXB dev articles ({len(pages)} pages; body F1 = mean word F1; metadata over pages with gold values)",
            results["wcxb"],
            [("body F1", "f1"), ("precision", "precision"), ("recall", "recall"), ("title EM", "title_em"),
             ("author", "author_match"), ("date acc", "date_acc"), ("false date", "date_on_undated"), ("docs/s", "docs_per_s")],
        )  # fmt: skip
        halves = {}
        for name, parity in (("even ids (rule development)", 0), ("odd ids (held out)", 1)):
            idx = [i for i, p in enumerate(pages) if p.key.isdigit() and int(p.key) % 2 == parity]
            sub = [pages[i] for i in idx]
            halves[name] = score_wcxb(sub, [mine[i] for i in idx], tm * len(idx) / max(len(pages), 1))
        results["wcxb_halves"] = halves
        _table(
            "WCXB halves, newsgraph (the HTML rules were developed on the even ids and checked on the odd ones)",
            halves,
            [
                ("body F1", "f1"),
                ("title EM", "title_em"),
                ("author", "author_match"),
                ("date acc", "date_acc"),
            ],
        )
    else:
        print(f"[extraction] {DATASETS / 'wcxb-dev-articles'} not found: WCXB skipped")
    return results


if __name__ == "__main__":
    main()
