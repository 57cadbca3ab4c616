"""Plain-text scrape benchmark: full pages rendered to text, then newsgraph's plain-text cleaner.

Every AEB page and every WCXB dev article is rendered with ``inscriptis.get_text(html)`` (default settings): the
result is what a text scrape of the whole page looks like - menus, footers, comment threads and all. That text
(never the HTML) goes through :func:`newsgraph.clean.clean_text`, and the cleaned body is scored against the
benchmark's gold article body. The baseline is the rendered text unchanged.

Scoring (``eval/scoring.py``):

* AEB rows: the benchmark's own 4-token-shingle P/R/F1 (mirrors ``aeb/evaluate.py``);
* WCXB rows: the same shingle scoring, and WCXB's own lower-cased bag-of-words ``word_f1`` (page means);
* WCXB metadata read from the text alone: title exact match and date accuracy (pages with gold values).

``NEWSGRAPH_EVAL_LIMIT`` caps the number of pages per dataset for quick runs.
"""

from __future__ import annotations

import gzip
import json
import os
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"
TARGET_F1 = 0.90


def _decode(data: bytes) -> str:
    try:
        from newsgraph.ingest.encoding import decode_bytes

        return decode_bytes(data, html=True).text
    except Exception:
        return data.decode("utf-8", "replace")


def _limit() -> int | None:
    v = os.environ.get("NEWSGRAPH_EVAL_LIMIT")
    return int(v) if v and v.isdigit() and int(v) > 0 else None


def iter_pages(name: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(page id, html, gold dict with body/title/date) for "aeb" or "wcxb"."""
    limit = _limit()
    if name == "aeb":
        base = DATASETS / "aeb"
        gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
        paths = sorted((base / "html").glob("*.html.gz"))[:limit]
        for p in paths:
            key = p.name[: -len(".html.gz")]
            if key in gold:
                yield (
                    key,
                    _decode(gzip.decompress(p.read_bytes())),
                    {"body": gold[key].get("articleBody", "")},
                )
    else:
        base = DATASETS / "wcxb-dev-articles"
        paths = sorted((base / "html").glob("*.html.gz"))[:limit]
        for p in paths:
            key = p.name[: -len(".html.gz")]
            gt_path = base / "ground-truth" / f"{key}.json"
            if not gt_path.exists():
                continue
            gt = json.loads(gt_path.read_text(encoding="utf-8")).get("ground_truth") or {}
            yield (
                key,
                _decode(gzip.decompress(p.read_bytes())),
                {
                    "body": gt.get("main_content") or "",
                    "title": gt.get("title") or "",
                    "date": (gt.get("publish_date") or "")[:10],
                },
            )


def render(html: str) -> str:
    import inscriptis

    try:
        return inscriptis.get_text(html) or ""
    except Exception:
        return ""


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        s = s.replace(a, b)
    return " ".join(s.split())


def evaluate(name: str) -> dict[str, Any]:
    from eval.scoring import aeb_corpus, aeb_counts, mean_prf, wcxb_prf
    from newsgraph.clean import clean_text

    base_counts, clean_counts = [], []
    base_words, clean_words = [], []
    titles = dates = n_title = n_date = 0
    t_clean = 0.0
    n = 0
    for _key, html, gold in iter_pages(name):
        text = render(html)
        t = time.perf_counter()
        cleaned = clean_text(text)
        t_clean += time.perf_counter() - t
        n += 1
        base_counts.append(aeb_counts(text, gold["body"]))
        clean_counts.append(aeb_counts(cleaned.body, gold["body"]))
        if name == "wcxb":
            base_words.append(wcxb_prf(text, gold["body"]))
            clean_words.append(wcxb_prf(cleaned.body, gold["body"]))
            if gold["title"]:
                n_title += 1
                titles += _norm(cleaned.title) == _norm(gold["title"])
            if len(gold["date"]) == 10:
                n_date += 1
                dates += (cleaned.published or "")[:10] == gold["date"]
    out: dict[str, Any] = {
        "pages": n,
        "baseline": aeb_corpus(base_counts) if n else {},
        "cleaned": aeb_corpus(clean_counts) if n else {},
        "ms_per_page": 1000 * t_clean / max(1, n),
    }
    if name == "wcxb":
        out["baseline_word"] = mean_prf(base_words)
        out["cleaned_word"] = mean_prf(clean_words)
        out["title_exact"] = titles / max(1, n_title)
        out["date_accuracy"] = dates / max(1, n_date)
        out["n_title"], out["n_date"] = n_title, n_date
    return out


def _row(label: str, m: dict[str, float]) -> str:
    return f"  {label:<34} {m.get('precision', 0):>7.3f} {m.get('recall', 0):>7.3f} {m.get('f1', 0):>7.3f}"


def main() -> dict[str, Any]:
    results: dict[str, Any] = {}
    missing = [d for d in ("aeb", "wcxb-dev-articles") if not (DATASETS / d).exists()]
    if missing:
        print(f"[plaintext] datasets not found under {DATASETS}: {', '.join(missing)}")
        return {"skipped": f"missing {missing}"}
    print("Plain-text scrape benchmark: inscriptis.get_text(page) -> newsgraph.clean.clean_text")
    print(f"  {'':<34} {'P':>7} {'R':>7} {'F1':>7}")
    for name, title in (("aeb", "AEB (shingle scoring)"), ("wcxb", "WCXB dev articles (shingle scoring)")):
        r = evaluate(name)
        results[name] = r
        print(f"{title}, {r['pages']} pages, cleaner {r['ms_per_page']:.1f} ms/page")
        print(_row("rendered text unchanged (baseline)", r["baseline"]))
        print(_row("newsgraph clean_text", r["cleaned"]))
        if name == "wcxb":
            print("WCXB dev articles (WCXB word_f1)")
            print(_row("rendered text unchanged (baseline)", r["baseline_word"]))
            print(_row("newsgraph clean_text", r["cleaned_word"]))
            print(
                f"  metadata from text: title exact {r['title_exact']:.3f} ({r['n_title']} pages), "
                f"date accuracy {r['date_accuracy']:.3f} ({r['n_date']} pages)"
            )
    f1s = [results[k]["cleaned"].get("f1", 0.0) for k in ("aeb", "wcxb")]
    verdict = "met" if min(f1s) >= TARGET_F1 else "NOT met"
    print(f"Target F1 >= {TARGET_F1:.2f} on both: {verdict} (AEB {f1s[0]:.3f}, WCXB {f1s[1]:.3f})")
    results["target_f1"] = TARGET_F1
    return results


if __name__ == "__main__":
    main()
