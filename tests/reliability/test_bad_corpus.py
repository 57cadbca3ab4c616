"""The hostile corpus (``scripts/make_bad_corpus.py``) through the whole path: a defined outcome per file.

Every input yields at least one record naming it in ``source.path``; nothing raises; every span indexes the
body; binary/empty/undecodable inputs become error records of a known stage; readable ones keep a body. The
fast variant scales the five slow inputs down and lowers ``Limits.max_bytes`` (the cap is what is tested);
the ``slow`` variant runs the sizes of issue 9 in a subprocess and bounds its peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsgraph.engines.local import extract
from newsgraph.ingest import Limits, iter_documents
from newsgraph.ingest.files import SKIP_IN_DIRECTORIES
from newsgraph.models import Article, span_errors
from newsgraph.pipeline import DEFAULT_BATCH_SIZE, annotate, prepare_batch

SMALL_CAP = 1024 * 1024  # fast variant: Limits(max_bytes=1 MiB) over the scaled-down inputs


@dataclass(frozen=True)
class Outcome:
    """What one input must produce. ``body``: True = some record has a non-empty body, False = no record has
    one, None = either. ``stages``: error stages that must appear on the file's records. ``contains``: text a
    body must hold (proves the decoding). ``max_body``: a ceiling on any body (entity bombs stay unexpanded)."""

    body: bool | None
    stages: frozenset[str] = field(default_factory=frozenset)
    contains: str | None = None
    min_records: int = 1
    max_body: int | None = None


def _o(body: bool | None, *stages: str, **kw: object) -> Outcome:
    return Outcome(body, frozenset(stages), **kw)  # type: ignore[arg-type]


# The defined outcome of each corpus file in the fast variant (1 MiB cap over the scaled-down inputs).
EXPECTED: dict[str, Outcome] = {
    "binary.png": _o(False, "ingest"),
    "binary.pdf": _o(False, "ingest"),
    "binary-elf.txt": _o(False, "ingest"),
    "empty.txt": _o(False, "ingest"),
    "whitespace.txt": _o(False, "ingest"),
    "huge-50mb.txt": _o(True, "ingest", contains="minister"),  # cut at the cap, the kept part is cleaned
    "single-line-5mb.txt": _o(True, "ingest", "nlp", contains="minister"),  # cap; then too long for NLP
    "nul-bytes.txt": _o(True, contains="minister"),
    "invalid-utf8.txt": _o(True, contains="minister"),
    "mixed-encodings.txt": _o(True, contains="minister"),
    "utf16-nobom.txt": _o(True, contains="The minister said"),  # decoded as UTF-16, not as mojibake
    "cp949-korean.txt": _o(True, contains="대통령실"),
    "rtl-arabic.txt": _o(True, contains="الوزير"),
    "rtl-mixed-bidi.txt": _o(True, contains="שלום"),
    "zalgo.txt": _o(True),
    "quotes-10k.txt": _o(True, contains="Critics denied the report"),
    # trafilatura gives up on 10,000 nested <div>s today: a clean-stage error is the defined outcome; a body
    # holding the story (if the HTML stage learns to flatten the tree) is accepted too.
    "nested-10k.html": _o(None),
    "huge-attribute.html": _o(False, "ingest", "clean"),  # the 3 MB attribute is cut by the 1 MiB cap
    "entity-expansion.html": _o(True, contains="minister", max_body=10_000),  # &l9; never expanded
    "no-article.html": _o(False, "clean"),
    "truncated.txt.gz": _o(True, "ingest", contains="minister"),  # partial text kept, truncation reported
    "zip-bomb.txt.gz": _o(False, "ingest"),  # inflation stops at the cap
    "truncated.warc.gz": _o(True, "ingest", min_records=4),
    "bad-lengths.warc": _o(True, "ingest", min_records=2),
    "garbage.warc": _o(False, "ingest"),
}

# The same files at full size under the default 50 MB cap (slow test).
EXPECTED_FULL: dict[str, Outcome] = {
    **EXPECTED,
    "single-line-5mb.txt": _o(True, "nlp", contains="minister"),  # under the cap, over MAX_NLP_CHARS
    # 10 MB is under the cap; the HTML stage finds no article text behind the 10 MB attribute today (reported
    # as a bug): a body with the story or a clean-stage error are both accepted.
    "huge-attribute.html": _o(None),
}


def _extract_capped(paths: Iterable[str | Path], limits: Limits) -> Iterator[Article]:
    """``newsgraph.extract`` with explicit ingest limits (same batching, same stages)."""
    docs = list(iter_documents(paths, limits=limits))
    for i in range(0, len(docs), DEFAULT_BATCH_SIZE):
        yield from annotate(prepare_batch(docs[i : i + DEFAULT_BATCH_SIZE]))


def _by_file(records: Iterable[Article]) -> dict[str, list[Article]]:
    out: dict[str, list[Article]] = {}
    for a in records:
        assert a.source.path, f"record without source.path: {a.id}"
        out.setdefault(Path(a.source.path).name, []).append(a)
    return out


def _check(name: str, records: list[Article], want: Outcome) -> list[str]:  # noqa: C901
    """Problems with one file's records (empty list when the outcome is the defined one)."""
    bad = []
    if len(records) < want.min_records:
        bad.append(f"{name}: {len(records)} record(s), expected >= {want.min_records}")
    bodies = [a.body for a in records if a.body.strip()]
    if want.body is True and not bodies:
        bad.append(f"{name}: no body; errors={[e.message for a in records for e in a.errors]}")
    if want.body is False and bodies:
        bad.append(f"{name}: unexpected body {bodies[0][:80]!r}")
    if (
        want.body is None
        and not bodies
        and not any(e.stage in {"clean", "html"} for a in records for e in a.errors)
    ):
        bad.append(f"{name}: neither a body nor a clean/html error")
    stages = {e.stage for a in records for e in a.errors}
    if not want.stages <= stages:
        bad.append(f"{name}: error stages {sorted(stages)}, expected at least {sorted(want.stages)}")
    if want.contains and not any(want.contains in b for b in bodies):
        bad.append(f"{name}: no body contains {want.contains!r}")
    if want.max_body is not None and any(len(b) > want.max_body for b in bodies):
        bad.append(f"{name}: body longer than {want.max_body}")
    for a in records:
        if not bodies and not a.errors:
            bad.append(f"{name}: empty record without an error")
        bad.extend(f"{name}: {e}" for e in span_errors(a))
        for e in a.errors:
            if "Traceback" in e.message:
                bad.append(f"{name}: traceback in error message")
    return bad


@pytest.fixture(scope="module")
def per_file(bad_corpus_small: Path) -> dict[str, list[Article]]:
    """Each corpus file through the pipeline on its own: ``newsgraph.extract`` (default limits) for the small
    files, the same stages under the 1 MiB cap for the scaled-down big ones."""
    out: dict[str, list[Article]] = {}
    for p in sorted(bad_corpus_small.iterdir()):
        small = p.stat().st_size < 512 * 1024
        recs = list(extract([p]) if small else _extract_capped([p], Limits(max_bytes=SMALL_CAP)))
        assert all(a.source.path == str(p) for a in recs), p.name
        out[p.name] = recs
    return out


def test_corpus_is_complete(bad_corpus_small: Path) -> None:
    names = {p.name for p in bad_corpus_small.iterdir()}
    assert names == set(EXPECTED), "update EXPECTED when the corpus script changes"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_has_its_defined_outcome(per_file: dict[str, list[Article]], name: str) -> None:
    assert _check(name, per_file[name], EXPECTED[name]) == []


def test_whole_directory_in_one_batch(bad_corpus_small: Path, per_file: dict[str, list[Article]]) -> None:
    """One call over the directory: the bad files do not disturb the good ones (same records as one by one)."""
    batch = _by_file(_extract_capped([bad_corpus_small], Limits(max_bytes=SMALL_CAP)))
    walked = {n for n in EXPECTED if Path(n).suffix.lower() not in SKIP_IN_DIRECTORIES}
    assert set(batch) == walked  # images are skipped when walking a directory, every other file is read
    problems = [msg for n in walked for msg in _check(n, batch[n], EXPECTED[n])]
    assert problems == []
    for n in walked:
        assert [(a.id, a.body, len(a.quotes)) for a in batch[n]] == [
            (a.id, a.body, len(a.quotes)) for a in per_file[n]
        ], n


_MEMORY_PROBE = textwrap.dedent(
    """
    import json, resource, sys, time
    from newsgraph.ingest import Limits, iter_documents
    from newsgraph.pipeline import prepare_batch, annotate
    import newsgraph.clean, dateparser, trafilatura  # imported before the baseline is taken
    cap, stages, paths = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    if stages == "all":
        from newsgraph.nlp import load_pipeline
        load_pipeline()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    out = []
    for p in paths:
        docs = list(iter_documents([p], limits=Limits(max_bytes=cap)))
        arts = prepare_batch(docs) if stages != "ingest" else []
        if stages == "all":
            annotate(arts)
        out.append([p, len(docs), [len(a.body) for a in arts]])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"baseline_mb": base, "rss_mb": peak, "growth_mb": peak - base,
                      "seconds": time.perf_counter() - t, "files": out}))
    """
)


def _probe(cap: int, stages: str, paths: list[Path], timeout: float) -> dict[str, object]:
    res = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(cap), stages, *map(str, paths)],
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def test_big_inputs_bounded_memory_fast(bad_corpus_small: Path) -> None:
    """Ingest + clean of the gzip bomb (24 MB inflated), the 6 MB text, the 3 MB attribute and the 3 MB line under
    a 1 MiB cap: the peak RSS grows by less than 400 MB over the process with its libraries loaded (measured
    ~150-300 MB: the cleaner's per-line structures over 1 MiB of text), whatever the input size beyond the cap."""
    names = ["zip-bomb.txt.gz", "huge-50mb.txt", "huge-attribute.html", "single-line-5mb.txt"]
    got = _probe(SMALL_CAP, "clean", [bad_corpus_small / n for n in names], timeout=120)
    assert float(got["growth_mb"]) < 400, got  # type: ignore[arg-type]
    # ingest alone (read, inflate, sniff, decode): a few MB over the cap, not the 24 MB the bomb inflates to
    got = _probe(SMALL_CAP, "ingest", [bad_corpus_small / n for n in names], timeout=120)
    assert float(got["growth_mb"]) < 24, got  # type: ignore[arg-type]


@pytest.mark.slow
def test_full_size_corpus_bounded_memory(bad_corpus_full: Path) -> None:
    """Issue 9 sizes through every stage, default limits, in a subprocess: 200 MB gzip bomb, 50 MB text, 10 MB
    attribute, 5 MB line. Peak RSS under 3 GB; each document produces its defined outcome (checked below)."""
    names = ["zip-bomb.txt.gz", "huge-attribute.html", "single-line-5mb.txt", "huge-50mb.txt"]
    got = _probe(50 * 1024 * 1024, "all", [bad_corpus_full / n for n in names], timeout=1800)
    assert float(got["rss_mb"]) < 3072, got  # type: ignore[arg-type]


@pytest.mark.slow
def test_full_size_corpus_outcomes(bad_corpus_full: Path) -> None:
    """``newsgraph.extract`` over the full-size directory in one batch: the defined outcome for every file."""
    got = _by_file(extract([bad_corpus_full]))
    walked = {n for n in EXPECTED_FULL if Path(n).suffix.lower() not in SKIP_IN_DIRECTORIES}
    assert set(got) == walked
    assert [msg for n in walked for msg in _check(n, got[n], EXPECTED_FULL[n])] == []
