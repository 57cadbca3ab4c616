"""Adversarial full-text queries (issue 17): the wall time of each one, bound checks and time budget included.

A query the bounds reject costs microseconds (QueryRejected, HTTP 400); one the budget stops costs at most the
budget (SearchTimeout, HTTP 503); the rest run. ``make bench`` reports the p95 over all of them on the big store
(target <= 200 ms), with how many were rejected, timed out or answered.
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any


def attack_queries(vocab: list[str], *, seed: int = 11) -> list[str]:
    """The probe's repros plus the most expensive queries the bounds still allow."""
    rnd = random.Random(seed)
    common = [
        "the",
        "said",
        "that",
        "with",
        "from",
        "have",
        "were",
        "this",
        "their",
        "would",
        "about",
        "which",
    ]
    stems = sorted({w[:2] for w in vocab if len(w) >= 2})
    out = [
        " ".join(["a*"] * 1000),  # 14 s on a one-article store before the fix
        " ".join(["a*"] * 166),  # 76 s on 84 articles before the fix
        " ".join(["th*"] * 160),  # repeats: deduped to one term
        " ".join(common),  # 12 very common words
        " ".join(common[:9]) + " th* co* pr*",  # the bound exactly: 12 terms, 3 two-letter prefixes
        '"the said that with from have were this their would about which"',
        " ".join(f'"{w} {w}"' for w in common),
        "s* t* a*",  # one-letter prefixes: rejected
    ]
    for _ in range(40):
        prefixes = " ".join(f"{rnd.choice(stems)}*" for _ in range(3))
        words = " ".join(rnd.choice(common + vocab) for _ in range(9))
        out.append(f"{prefixes} {words}")
    return out


def adversarial_latency(store: Any, vocab: list[str]) -> dict[str, float]:
    from newsgraph.store.search_guard import QueryRejected, SearchTimeout, timeout_ms

    lat: list[float] = []
    outcome = {"rejected": 0, "timed_out": 0, "answered": 0}
    for q in attack_queries(vocab):
        t = time.perf_counter()
        try:
            store.search(q, limit=20)
            outcome["answered"] += 1
        except QueryRejected:
            outcome["rejected"] += 1
        except SearchTimeout:
            outcome["timed_out"] += 1
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    return {
        "queries": len(lat),
        "p50_ms": statistics.median(lat),
        "p95_ms": lat[int(0.95 * (len(lat) - 1))],
        "max_ms": lat[-1],
        "budget_ms": timeout_ms(),
        **{k: float(v) for k, v in outcome.items()},
    }
