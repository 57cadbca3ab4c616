"""Speed and memory ratios of the pipeline and its engines, measured on the same texts in the same run.

* full pipeline words/s ÷ bare spaCy ``nlp.pipe`` words/s, same model, same texts (target >= 0.7);
* HTML extraction docs/s ÷ ``trafilatura.extract`` docs/s on the same pages (target >= 1.0);
* Ray Data with 2 workers ÷ one process, docs/s (target >= 1.7): end to end, once started, and the machine's
  ceiling (2 independent forked processes ÷ one, no Ray);
* RSS after 100k documents ÷ RSS after 10k, one streaming run over a synthetic WARC (target <= 1.1), without NLP,
  and with NLP on wire-length items (10k ÷ 1k by default);
* where the time goes: cleaning vs each spaCy component vs newsgraph's components (measured shares), and a
  pyinstrument profile written to ``bench/profile-pipeline.txt``.

Sizes (env): NEWSGRAPH_BENCH_DOCS (NLP texts, 120), NEWSGRAPH_BENCH_HTML (pages, 150), NEWSGRAPH_BENCH_RAY_DOCS
(160), NEWSGRAPH_BENCH_RSS_DOCS (100000; the first mark is a tenth of it), NEWSGRAPH_BENCH_RSS_NLP_DOCS (10000),
NEWSGRAPH_BENCH_RAY=0 skips Ray.
Texts: PolNeAR (plain text) and AEB + WCXB pages from ../shared/datasets, repeated as needed.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "datasets"
POLNEAR = DATASETS / "polnear" / "data"


def _env(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _ratio(name: str, value: float | None, target: float | None, op: str, note: str = "") -> dict[str, Any]:
    """One row of the table; ``target=None`` for a reference figure (printed, not judged)."""
    met = None if value is None or target is None else (value >= target if op == ">=" else value <= target)
    return {
        "name": name,
        "value": None if value is None else round(value, 3),
        "target": target,
        "op": op,
        "met": met,
        "note": note,
    }


def polnear_texts(n: int) -> list[str]:
    files = sorted(POLNEAR.glob("*/text/*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    return [texts[i % len(texts)] for i in range(n)] if texts else []


def html_pages(n: int) -> list[tuple[str, str]]:
    files = sorted((DATASETS / "aeb" / "html").glob("*.html.gz")) + sorted(
        (DATASETS / "wcxb-dev-articles" / "html").glob("*.html.gz")
    )
    step = max(1, len(files) // max(1, n))  # spread over both corpora
    picked = (files[::step] * (1 + n // max(1, len(files))))[:n]
    return [
        (f"https://example.org/{f.name[:-8]}", gzip.decompress(f.read_bytes()).decode("utf-8", "replace"))
        for f in picked
    ]


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


# ------------------------------------------------------------------------------------------- NLP vs bare spaCy


def bench_nlp(texts: list[str]) -> dict[str, Any]:
    """Full pipeline (clean + spaCy + newsgraph components) vs bare spaCy over the same raw texts."""
    import spacy

    from newsgraph.ingest import RawDocument
    from newsgraph.models import Source
    from newsgraph.nlp import MODEL_NAME, load_pipeline
    from newsgraph.pipeline import DEFAULT_BATCH_SIZE, annotate, prepare_batch

    words = sum(len(t.split()) for t in texts)
    raws = [RawDocument(Source(path=f"bench/{i}.txt"), t) for i, t in enumerate(texts)]
    full_nlp = load_pipeline()
    bare = spacy.load(MODEL_NAME)
    warm = texts[:4]
    list(bare.pipe(warm))
    annotate(prepare_batch(raws[:4]), full_nlp)
    bs = DEFAULT_BATCH_SIZE

    def run_full() -> None:
        for i in range(0, len(raws), bs):
            annotate(prepare_batch(raws[i : i + bs]), full_nlp, batch_size=bs)

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=bs):
            pass

    # alternate halves so drift in the machine's load hits both sides alike
    t_bare = _timed(run_bare)
    t_full = _timed(run_full)
    t_bare += _timed(run_bare)
    t_full += _timed(run_full)
    res = {
        "docs": len(texts),
        "words": words,
        "full_words_per_s": round(2 * words / t_full, 1),
        "bare_spacy_words_per_s": round(2 * words / t_bare, 1),
    }
    res["ratio"] = (2 * words / t_full) / (2 * words / t_bare)
    return res


def time_shares(texts: list[str]) -> dict[str, Any]:
    """Seconds in cleaning and in each pipeline component (run one after the other over the same docs)."""
    from newsgraph.extensions import register_extensions
    from newsgraph.ingest import RawDocument
    from newsgraph.models import Source
    from newsgraph.nlp import COMPONENTS, load_pipeline
    from newsgraph.pipeline import prepare_batch

    register_extensions()
    nlp = load_pipeline()
    raws = [RawDocument(Source(path=f"bench/{i}.txt"), t) for i, t in enumerate(texts)]
    t = time.perf_counter()
    arts = [a for i in range(0, len(raws), 32) for a in prepare_batch(raws[i : i + 32])]
    times: dict[str, float] = {"cleaning (prepare_batch)": time.perf_counter() - t}
    t = time.perf_counter()
    docs = []
    for a in arts:
        if not a.body.strip():
            continue
        d = nlp.make_doc(a.body)
        d._.published, d._.article_id, d._.errors = a.published, a.id, []
        docs.append(d)
    times["tokenizer"] = time.perf_counter() - t
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        pipe = getattr(proc, "pipe", None)
        docs = list(pipe(docs, batch_size=32)) if pipe is not None else [proc(d) for d in docs]
        times[name] = time.perf_counter() - t
    total = sum(times.values())
    ours = sum(v for k, v in times.items() if k in COMPONENTS)
    spacy_total = sum(v for k, v in times.items() if k not in COMPONENTS and not k.startswith("cleaning"))
    return {
        "seconds": {k: round(v, 3) for k, v in times.items()},
        "share": {k: round(v / total, 3) for k, v in times.items()},
        "share_spacy_model": round(spacy_total / total, 3),
        "share_parser": round(times.get("parser", 0.0) / total, 3),
        "share_newsgraph_components": round(ours / total, 3),
        "share_cleaning": round(times["cleaning (prepare_batch)"] / total, 3),
    }


def profile(texts: list[str], out: Path) -> list[str]:
    """pyinstrument profile of ``process_batch`` over ``texts``; the text report goes to ``out``."""
    try:
        from pyinstrument import Profiler
    except ImportError:  # pragma: no cover - a dev dependency
        return []
    from newsgraph.ingest import RawDocument
    from newsgraph.models import Source
    from newsgraph.pipeline import process_batch

    raws = [RawDocument(Source(path=f"bench/{i}.txt"), t) for i, t in enumerate(texts)]
    prof = Profiler(interval=0.002)
    prof.start()
    for i in range(0, len(raws), 32):
        process_batch(raws[i : i + 32])
    prof.stop()
    report = prof.output_text(unicode=False, color=False, show_all=False)
    out.write_text(report, encoding="utf-8")
    return report.splitlines()[:40]


# ------------------------------------------------------------------------------------------- HTML vs trafilatura


def bench_html(pages: list[tuple[str, str]]) -> dict[str, Any]:
    import trafilatura

    from newsgraph.clean import extract_html

    extract_html(pages[0][1], url=pages[0][0])
    trafilatura.extract(pages[0][1], url=pages[0][0])

    def ours() -> None:
        for url, html in pages:
            extract_html(html, url=url)

    def theirs() -> None:
        for url, html in pages:
            trafilatura.extract(html, url=url)

    t_theirs = _timed(theirs)
    t_ours = _timed(ours)
    t_theirs += _timed(theirs)
    t_ours += _timed(ours)
    n = 2 * len(pages)
    return {
        "pages": len(pages),
        "ours_docs_per_s": round(n / t_ours, 1),
        "trafilatura_docs_per_s": round(n / t_theirs, 1),
        "ratio": t_theirs / t_ours,
    }


# ------------------------------------------------------------------------------------------- Ray vs one process


def _steady(marks: list[tuple[float, int]]) -> float | None:
    """One process's docs/s after its first output (start-up and model load excluded): ``marks`` is
    ``(time, docs)`` per output, in order."""
    if len(marks) < 3:
        return None
    t0, t1 = marks[0][0], marks[-1][0]
    docs = sum(n for _, n in marks[1:])
    return docs / (t1 - t0) if t1 > t0 else None


def _local_run(src: str, out: str) -> int:
    from newsgraph.engines.local import LocalOptions, _drop_cached_pipeline, run_local
    from newsgraph.engines.sinks import ParquetShardSink

    _drop_cached_pipeline()
    return run_local([src], lambda st: ParquetShardSink(Path(out)), LocalOptions(batch_size=16)).docs


def parallel_ceiling(src_dirs: list[Path], out: Path) -> float:
    """Wall seconds for ``len(src_dirs)`` independent one-process runs at once (forked: imports shared, each
    loads its own spaCy pipeline): what this machine gives any N-worker engine, with no coordination at all."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    t = time.perf_counter()
    procs = [
        ctx.Process(target=_local_run, args=(str(d), str(out / f"p{i}"))) for i, d in enumerate(src_dirs)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return time.perf_counter() - t


def bench_ray(texts: list[str], workers: int = 2) -> dict[str, Any]:
    """Docs/s of the Ray Data pipeline (2 actors) vs the local engine (one process), same files, NLP on, both
    writing Parquet shards.

    End to end, both include loading the spaCy pipeline (once per process / once per actor); Ray's cluster start
    is excluded (a cluster outlives jobs). *Steady* rates count the documents between the first and the last
    output (batch written / shard written), leaving start-up out: the rate a long run approaches."""
    import ray

    from newsgraph.engines.local import LocalOptions, _drop_cached_pipeline, run_local
    from newsgraph.engines.ray_engine import RayOptions, ShardReport, _init_ray, run_ray
    from newsgraph.engines.sinks import ParquetShardSink

    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-ray-"))
    try:
        src = tmp / "in"
        src.mkdir()
        for i, text in enumerate(texts):
            (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        _drop_cached_pipeline()
        local_marks: list[tuple[float, int]] = []
        t = time.perf_counter()
        stats = run_local(
            [str(src)],
            lambda st: ParquetShardSink(tmp / "local"),
            LocalOptions(batch_size=16),
            on_batch=lambda arts: local_marks.append((time.perf_counter(), len(arts))),
        )
        t_local = time.perf_counter() - t
        opts = RayOptions(batch_size=16, workers=workers, num_cpus=workers, shard_batches=1)
        started = _init_ray(opts)
        reports: list[ShardReport] = []
        try:
            t = time.perf_counter()
            ray_stats = run_ray([str(src)], tmp / "ray", opts, on_shard=reports.append)
            t_ray = time.perf_counter() - t
        finally:
            if started:
                ray.shutdown()
        halves = [tmp / f"half{i}" for i in range(workers)]
        for i, h in enumerate(halves):
            h.mkdir()
            for f in sorted(src.iterdir())[i::workers]:
                (h / f.name).write_bytes(f.read_bytes())
        t_par = parallel_ceiling(halves, tmp / "par")
        ceiling = {
            "independent_processes": workers,
            "independent_docs_per_s": round(stats.docs / t_par, 2),
            "ceiling_ratio": t_local / t_par,
        }
        s_local = _steady(local_marks)
        # Ray: every document over the actors' working window (first shard begun -> last shard written)
        window = max(r.finished for r in reports) - min(r.started for r in reports) if reports else 0.0
        s_ray = sum(r.docs for r in reports) / window if window > 0 else None
        return {
            "docs": stats.docs,
            "workers": workers,
            "one_process_docs_per_s": round(stats.docs / t_local, 2),
            "ray_docs_per_s": round(ray_stats.docs / t_ray, 2),
            "ray_shards": ray_stats.shards,
            "ratio": t_local / t_ray,
            "steady_one_process_docs_per_s": round(s_local, 2) if s_local else None,
            "steady_ray_docs_per_s": round(s_ray, 2) if s_ray else None,
            "steady_ratio": (s_ray / s_local) if s_local and s_ray else None,
            "cpus": os.cpu_count(),
            **ceiling,
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------------------------------- flat memory


def bench_rss(n_docs: int, *, nlp: bool = False) -> dict[str, Any]:
    """One streaming run over an ``n_docs``-record synthetic WARC of PolNeAR texts served as text/plain, RSS
    sampled at n/10 and n documents in the run's own process. Without NLP (ingest + cleaning + JSONL sink) the
    texts are whole; with NLP they are wire-length items (headline + 3 paragraphs) so 100k stays a ~1 h run."""
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-rss-"))
    try:
        warc = tmp / "synthetic.warc.gz"
        build = [sys.executable, str(ROOT / "scripts" / "build_synthetic_warc.py"), "-n", str(n_docs)]
        build += ["--sources", "polnear", "--polnear-as", "text", "-o", str(warc)]
        if nlp:
            build += ["--paragraphs", "3"]
        subprocess.run(build, check=True, capture_output=True)
        first = max(1, n_docs // 10)
        t = time.perf_counter()
        probe = [sys.executable, "-m", "bench.rss_probe", str(warc), "--marks", f"{first},{n_docs}"]
        probe += ["--out", str(tmp / "out.jsonl")] + ([] if nlp else ["--no-nlp"])
        res = subprocess.run(probe, check=True, capture_output=True, text=True, cwd=ROOT)
        data = json.loads(res.stdout)
        marks = data["marks"]
        r0, r1 = marks.get(str(first)), marks.get(str(n_docs))
        return {
            "docs": data["docs"],
            "nlp": nlp,
            "rss_mb_first": r0,
            "rss_mb_last": r1,
            "first": first,
            "last": n_docs,
            "seconds": round(time.perf_counter() - t, 1),
            "ratio": (r1 / r0) if r0 and r1 else None,
            "strings": data.get("strings"),
            "series": data["series"],
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def vocab_growth(texts: list[str]) -> dict[str, Any]:
    """New strings spaCy's StringStore keeps per document (a unique tag per doc, as on a real crawl): bare
    ``nlp.pipe`` vs :func:`newsgraph.pipeline.annotate`, which parses inside ``nlp.memory_zone()``."""
    from newsgraph.ingest import RawDocument
    from newsgraph.models import Source
    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import annotate, prepare_batch

    nlp = load_pipeline()
    tagged = [f"[Ref NG{i:07d}-{i * 7919 % 100003}] {t}" for i, t in enumerate(texts)]
    half = len(tagged) // 2
    before = len(nlp.vocab.strings)
    arts = prepare_batch([RawDocument(Source(format="text"), t, kind="text") for t in tagged[:half]])
    annotate(arts, nlp)
    zoned = (len(nlp.vocab.strings) - before) / max(1, half)
    before = len(nlp.vocab.strings)
    for _ in nlp.pipe(tagged[half:], batch_size=32):
        pass
    bare = (len(nlp.vocab.strings) - before) / max(1, len(tagged) - half)
    return {
        "new_strings_per_doc_bare_spacy": round(bare, 2),
        "new_strings_per_doc_newsgraph": round(zoned, 2),
        "strings_after": len(nlp.vocab.strings),
    }


# ------------------------------------------------------------------------------------------- main


def main() -> dict[str, Any]:
    if not POLNEAR.exists():
        print(f"[bench pipeline] {POLNEAR} not found: skipped")
        return {"skipped": "shared datasets not found"}
    out: dict[str, Any] = {}
    ratios: list[dict[str, Any]] = []
    texts = polnear_texts(_env("NEWSGRAPH_BENCH_DOCS", 120))

    nlp = bench_nlp(texts)
    out["nlp"] = nlp
    ratios.append(
        _ratio(
            "pipeline words/s ÷ bare spaCy words/s",
            nlp["ratio"],
            0.7,
            ">=",
            f"{nlp['full_words_per_s']:.0f} vs {nlp['bare_spacy_words_per_s']:.0f} words/s",
        )
    )
    print(
        f"pipeline: {nlp['full_words_per_s']} words/s; bare spaCy {nlp['bare_spacy_words_per_s']} words/s "
        f"-> {nlp['ratio']:.2f}",
        flush=True,
    )

    shares = time_shares(texts[: max(20, len(texts) // 2)])
    out["time_shares"] = shares
    print("where the time goes: " + ", ".join(f"{k} {v:.0%}" for k, v in shares["share"].items()), flush=True)
    out["profile_top"] = profile(texts[:32], Path(__file__).parent / "profile-pipeline.txt")
    out["vocab"] = vocab_growth(texts[:64])

    html = bench_html(html_pages(_env("NEWSGRAPH_BENCH_HTML", 150)))
    out["html"] = html
    ratios.append(
        _ratio(
            "HTML extraction docs/s ÷ trafilatura docs/s",
            html["ratio"],
            1.0,
            ">=",
            f"{html['ours_docs_per_s']} vs {html['trafilatura_docs_per_s']} docs/s",
        )
    )
    print(
        f"html: ours {html['ours_docs_per_s']} docs/s, trafilatura {html['trafilatura_docs_per_s']} docs/s "
        f"-> {html['ratio']:.2f}",
        flush=True,
    )

    if os.environ.get("NEWSGRAPH_BENCH_RAY", "1") != "0":
        ray_res = bench_ray(polnear_texts(_env("NEWSGRAPH_BENCH_RAY_DOCS", 160)))
        out["ray"] = ray_res
        ratios.append(
            _ratio(
                "Ray Data 2 workers ÷ one process",
                ray_res["ratio"],
                1.7,
                ">=",
                f"{ray_res['ray_docs_per_s']} vs {ray_res['one_process_docs_per_s']} docs/s, "
                f"{ray_res['cpus']} CPUs",
            )
        )
        ratios.append(
            _ratio(
                f"{ray_res['independent_processes']} independent processes ÷ one process (machine ceiling)",
                ray_res["ceiling_ratio"],
                None,
                "",
                f"{ray_res['independent_docs_per_s']} vs {ray_res['one_process_docs_per_s']} docs/s, no Ray: "
                "the most any 2-worker engine can reach here",
            )
        )
        if ray_res["steady_ratio"] is not None:
            ratios.append(
                _ratio(
                    "Ray Data 2 workers ÷ one process, steady state",
                    ray_res["steady_ratio"],
                    1.7,
                    ">=",
                    f"{ray_res['steady_ray_docs_per_s']} vs {ray_res['steady_one_process_docs_per_s']} docs/s "
                    "once started (Ray: the actors' working window; one process: after its first batch)",
                )
            )
        print(f"ray: {ray_res}", flush=True)

    for key, nlp_on, default in (("rss", False, 100_000), ("rss_nlp", True, 10_000)):
        n_rss = _env("NEWSGRAPH_BENCH_RSS_NLP_DOCS" if nlp_on else "NEWSGRAPH_BENCH_RSS_DOCS", default)
        if n_rss <= 0:
            continue
        rss = bench_rss(n_rss, nlp=nlp_on)
        out[key] = rss
        what = "NLP on, wire-length PolNeAR items" if nlp_on else "--no-nlp, whole PolNeAR texts"
        ratios.append(
            _ratio(
                f"RSS at {rss['last']:,} ÷ RSS at {rss['first']:,} docs" + (" (NLP)" if nlp_on else ""),
                rss["ratio"],
                1.1,
                "<=",
                f"{rss['rss_mb_first']} -> {rss['rss_mb_last']} MB, {what}",
            )
        )
        print(
            f"{key}: {rss['rss_mb_first']} MB at {rss['first']:,} docs, {rss['rss_mb_last']} MB at "
            f"{rss['last']:,} ({rss['seconds']} s)",
            flush=True,
        )
    out["ratios"] = ratios
    return out


def _print(ratios: Sequence[dict[str, Any]]) -> None:
    for r in ratios:
        print(f"{r['name']:<48} {r['value']!s:>8}  target {r['op']} {r['target']}  {r['note']}")


if __name__ == "__main__":
    res = main()
    _print(res.get("ratios", []))
