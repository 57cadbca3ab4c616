"""Exports: JSON Lines, CSV, Parquet (pyarrow) and schema.org ClaimReview JSON-LD for fact-checkers.

``export(store, "jsonl", out)`` writes full Article records by default; ``table=`` picks claims, quotes,
entities or events (flat rows, the default for CSV and Parquet). ``claimreview`` writes one ClaimReview per
tracked proposition, its appearances being the stances of its sources (see :func:`review_rating` for how the
statuses map to a rating).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newsgraph.store.base import ExportFormat, ExportTable, StanceRow, Store, Timeline, side_of

# ratingValue, alternateName: the sourcing state of a tracked claim, NOT a verdict on its truth
RATINGS: dict[str, tuple[int, str]] = {
    "denied": (1, "Denied by its sources"),
    "unconfirmed": (2, "Unconfirmed"),
    "disputed": (3, "Disputed: sources both affirm and deny"),
    "asserted": (4, "Asserted"),
    "confirmed": (5, "Confirmed by a source"),
}
_AFFIRM = {"asserted", "confirmed"}
_WEAK = {"hedged", "alleged", "reported", "unconfirmed"}


def review_rating(statuses: Iterable[str]) -> tuple[int, str]:
    """Map the statuses of a tracked claim's sources to a 1-5 ClaimReview rating.

    - any ``denied`` and any ``asserted``/``confirmed`` -> 3 disputed
    - ``denied`` with only weak support (hedged, alleged, reported, unconfirmed) or none -> 1 denied
    - any ``confirmed`` (no denial) -> 5 confirmed
    - any ``asserted`` (no denial) -> 4 asserted
    - only hedged / alleged / reported / unconfirmed -> 2 unconfirmed
    """
    s = set(statuses)
    if "denied" in s:
        return RATINGS["disputed"] if s & _AFFIRM else RATINGS["denied"]
    if "confirmed" in s:
        return RATINGS["confirmed"]
    if "asserted" in s:
        return RATINGS["asserted"]
    return RATINGS["unconfirmed"]


def _actor(name: str, kind: str) -> dict[str, Any]:
    t = (
        "Person"
        if kind == "person"
        else "Organization"
        if kind in ("organization", "state", "media")
        else "Thing"
    )
    return {"@type": t, "name": name}


def _appearance(
    urls: dict[str, list[str]], article_id: str, url: str | None, title: str | None, date: str | None,
    source_name: str, source_kind: str, description: str,
) -> dict[str, Any]:  # fmt: skip
    app: dict[str, Any] = {"@type": "CreativeWork", "author": _actor(source_name, source_kind)}
    seen = urls.get(article_id) or [url or ""]
    u = next((x for x in seen if x.startswith(("http://", "https://"))), None)
    if u:
        app["url"] = u
    elif seen[0]:
        app["identifier"] = seen[0]  # a local file, not a URL
    if title:
        app["headline"] = title
    if date:
        app["datePublished"] = date
    app["description"] = description
    return app


def claim_review(
    tl: Timeline,
    urls: dict[str, list[str]],
    *,
    author: str,
    date: str,
    stances: Sequence[StanceRow] = (),
) -> dict[str, Any]:
    """One ClaimReview (schema.org JSON-LD) for a tracked proposition. With its ``stances`` (one per source per
    article), each appearance is a stance: who, which side, the status, the cue and the sentence, and the rating
    and its explanation count stances; without, the member claims of the timeline."""
    if stances:
        statuses = [st.status for st in stances]
        appearances = [
            _appearance(urls, st.article_id, st.url, st.title, st.published, st.source_name, st.source_kind,
                        f"{st.source_name} {side_of(st.status)} ({st.status}"
                        + (f", '{st.cue}'" if st.cue else "") + f"): {st.sentence}")
            for st in stances
        ]  # fmt: skip
        first_author = _actor(stances[0].source_name, stances[0].source_kind)
        first_date: str | None = next((st.published for st in stances if st.published), None)
    else:
        statuses = [c.status for c in tl.claims]
        appearances = [
            _appearance(urls, c.article_id, c.url, c.title, c.published, c.source_name, c.source_kind,
                        f"{c.source_name}: {c.status}")
            for c in tl.claims
        ]  # fmt: skip
        first_author = _actor(tl.claims[0].source_name, tl.claims[0].source_kind) if tl.claims else {}
        first_date = tl.claims[0].published if tl.claims else None
    value, name = review_rating(statuses)
    counts = Counter(statuses)
    item: dict[str, Any] = {"@type": "Claim", "text": tl.cluster.label, "appearance": appearances}
    if appearances:
        item["author"] = first_author
        if first_date:
            item["datePublished"] = first_date
        item["firstAppearance"] = appearances[0]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": tl.cluster.id,
        "claimReviewed": tl.cluster.label,
        "datePublished": date,
        "author": {"@type": "Organization", "name": author},
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": "Sourcing, not truth: "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
        },
    }


def iter_claim_reviews(store: Store, *, author: str = "newsgraph") -> Iterable[dict[str, Any]]:
    date = datetime.now(UTC).date().isoformat()
    batch = store.clusters(limit=500)
    while batch:
        for cl in batch:
            tl = store.claim(cl.id)
            stances = store.stances(cl.id)
            if tl is None or not (tl.claims or stances):
                continue
            urls = store.article_urls([c.article_id for c in tl.claims] + [s.article_id for s in stances])
            yield claim_review(tl, urls, author=author, date=date, stances=stances)
        batch = store.clusters(limit=500, after=batch[-1])  # keyset: each page is an index seek


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(v: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (it starts with ``= + - @``, tab or carriage return)
    gets a leading ``'`` (OWASP CSV-injection advice); numbers and other text pass unchanged."""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def _flat(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        return csv_safe(json.dumps(v, ensure_ascii=False))
    return csv_safe(v)


def export(
    store: Store,
    fmt: ExportFormat,
    out: IO[str] | IO[bytes] | Path,
    *,
    table: ExportTable | None = None,
    author: str = "newsgraph",
) -> int:
    """Write the store in ``fmt`` to ``out`` (a text stream, or a path; Parquet needs a path or binary stream).
    Returns the number of records written."""
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [{k: _flat(v) for k, v in r.items()} for r in store.iter_rows(table or "claims")]
        tbl = pa.Table.from_pylist(rows) if rows else pa.table({})
        pq.write_table(tbl, str(out) if isinstance(out, Path) else out)
        return len(rows)
    opened = isinstance(out, Path)
    stream: IO[str] = out.open("w", encoding="utf-8", newline="") if isinstance(out, Path) else out  # type: ignore[assignment]
    try:
        if fmt == "jsonl":
            for r in store.iter_rows(table or "articles"):
                stream.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            writer: Any = None
            for r in store.iter_rows(table or "claims"):
                if writer is None:
                    writer = csv.DictWriter(stream, fieldnames=list(r))
                    writer.writeheader()
                writer.writerow({k: _flat(v) for k, v in r.items()})
                n += 1
        elif fmt == "claimreview":
            reviews = list(iter_claim_reviews(store, author=author))
            stream.write(json.dumps(reviews, ensure_ascii=False, indent=2) + "\n")
            n = len(reviews)
        else:
            raise ValueError(f"unknown export format {fmt!r}")
    finally:
        if opened:
            stream.close()
    return n


def export_string(store: Store, fmt: ExportFormat, **kw: Any) -> str:
    buf = io.StringIO()
    export(store, fmt, buf, **kw)
    return buf.getvalue()
