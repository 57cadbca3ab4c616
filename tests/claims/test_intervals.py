from __future__ import annotations

import random

from newsgraph.claims.component import _Intervals


def test_intervals_match_the_naive_scan() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 15)) for a in (rng.randint(0, 80) for _ in range(rng.randint(0, 8)))]
        iv = _Intervals(spans)
        for _ in range(100):
            p = rng.randint(0, 100)
            a = rng.randint(0, 100)
            b = a + rng.randint(1, 10)
            assert iv.contains(p) == any(s <= p < e for s, e in spans)
            assert iv.overlaps(a, b) == any(s < b and a < e for s, e in spans)
