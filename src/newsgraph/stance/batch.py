"""Batch stance over FNC-1-layout CSV files: PAIRS (``Headline,Body ID``) x BODIES (``Body ID,articleBody``).

:func:`read_pairs` and :func:`read_bodies` never raise for one bad row: a row that cannot be used (broken CSV,
wrong number of fields, empty headline, empty or missing Body ID, a body that is not in BODIES) becomes a
:class:`RowError` and the other rows go on. :func:`run_pairs` reads each body once (in chunks, so memory stays
flat) and yields ``(pair, result)`` in body-chunk order; :func:`write_out` writes ``Headline,Body ID,Stance`` in
the input order.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.stance.api import StanceResult, StanceScorer

BODY_CHUNK = 32

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class Pair:
    row: int  # 1-based line of the record in PAIRS (the header is line 1)
    headline: str
    body_id: str


@dataclass(frozen=True)
class RowError:
    file: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}: row {self.row}: {self.message}"


def _records(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str] | RowError]]:
    """``(line, {column: value})`` per data record of a CSV with a header naming ``columns``."""
    name = str(path)
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield 1, RowError(name, 1, "empty file (no header)")
            return
        except csv.Error as exc:
            yield 1, RowError(name, 1, f"broken header: {exc}")
            return
        missing = [c for c in columns if c not in header]
        if missing:
            yield 1, RowError(name, 1, f"missing column(s) {', '.join(missing)} (header: {','.join(header)})")
            return
        idx = [header.index(c) for c in columns]
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, RowError(name, start, f"broken CSV row: {exc}")
                continue
            if not row or all(not v.strip() for v in row):
                continue
            if len(row) != len(header):
                yield start, RowError(name, start, f"expected {len(header)} fields, got {len(row)}")
                continue
            yield start, {c: row[i] for c, i in zip(columns, idx, strict=True)}


def read_bodies(path: Path) -> tuple[dict[str, str], list[RowError]]:
    """Bodies by Body ID (stripped), and the rows that could not be used."""
    bodies: dict[str, str] = {}
    errors: list[RowError] = []
    for line, rec in _records(path, ("Body ID", "articleBody")):
        if isinstance(rec, RowError):
            errors.append(rec)
            continue
        bid = rec["Body ID"].strip()
        if not bid:
            errors.append(RowError(str(path), line, "empty Body ID"))
        elif not rec["articleBody"].strip():
            errors.append(RowError(str(path), line, f"Body ID {bid}: empty articleBody"))
        elif bid in bodies:
            errors.append(RowError(str(path), line, f"Body ID {bid} appears twice (the first is kept)"))
        else:
            bodies[bid] = rec["articleBody"]
    return bodies, errors


def read_pairs(path: Path, bodies: dict[str, str]) -> tuple[list[Pair], list[RowError]]:
    """Usable pairs, and the rows that could not be used (including those whose body is missing)."""
    pairs: list[Pair] = []
    errors: list[RowError] = []
    for line, rec in _records(path, ("Headline", "Body ID")):
        if isinstance(rec, RowError):
            errors.append(rec)
            continue
        head, bid = rec["Headline"].strip(), rec["Body ID"].strip()
        if not head:
            errors.append(RowError(str(path), line, "empty Headline"))
        elif not bid:
            errors.append(RowError(str(path), line, "empty Body ID"))
        elif bid not in bodies:
            errors.append(RowError(str(path), line, f"Body ID {bid} is not in the bodies file"))
        else:
            pairs.append(Pair(line, rec["Headline"], bid))
    return pairs, errors


def run_pairs(
    pairs: Sequence[Pair],
    bodies: dict[str, str],
    scorer: StanceScorer,
    *,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[Pair, StanceResult]]:
    """Stance of every pair; each distinct body is parsed and embedded once, :data:`BODY_CHUNK` at a time."""
    head_texts = sorted({p.headline for p in pairs})
    heads = dict(zip(head_texts, scorer.read_heads(head_texts), strict=True))
    by_body: dict[str, list[Pair]] = {}
    for p in pairs:
        by_body.setdefault(p.body_id, []).append(p)
    ids = list(by_body)
    for s in range(0, len(ids), BODY_CHUNK):
        chunk = ids[s : s + BODY_CHUNK]
        views = dict(zip(chunk, scorer.read_bodies([bodies[b] for b in chunk]), strict=True))
        todo = [p for b in chunk for p in by_body[b]]
        results = scorer.score([heads[p.headline] for p in todo], [views[p.body_id] for p in todo])
        yield from zip(todo, results, strict=True)
        if progress is not None:
            progress(len(todo))


def write_out(results: Sequence[tuple[Pair, StanceResult]], out: io.TextIOBase | io.StringIO) -> None:
    """``Headline,Body ID,Stance`` rows in PAIRS order."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["Headline", "Body ID", "Stance"])
    for p, r in sorted(results, key=lambda pr: pr[0].row):
        w.writerow([p.headline, p.body_id, r.label])
