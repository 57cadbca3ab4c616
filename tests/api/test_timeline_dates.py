"""The stance timeline never shows an ingest time as a date: stances of undated articles go in an ``undated``
column right of the dated axis (rule ``undated_not_ingest_date``)."""

from __future__ import annotations

from newsgraph.api.timeline import layout
from newsgraph.store.base import StanceRow


def _stance(
    source: str, status: str, published: str | None, ingested: str = "2026-12-04T17:36:09+00:00"
) -> StanceRow:
    return StanceRow(
        "tc1", "Families want schools", f"a-{source}", "p1", "c1", source, "person", None, status, "said",
        "Families want schools, she said.", False, published or ingested, None, None, published,
    )  # fmt: skip


def test_undated_stances_sit_in_their_own_column() -> None:
    tl = layout(
        "Families want schools", [_stance("A", "asserted", "2016-10-07"), _stance("B", "denied", None)]
    )
    labels = [t.label for t in tl.ticks]
    assert labels[-1] == "undated" and "2026-12-04" not in labels and "2016-10-07" in " ".join(labels)
    dated, undated = tl.marks
    assert undated.x > max(t.x for t in tl.ticks[:-1]) > dated.x - 1  # right of the dated axis
    assert "undated" in undated.title and "2026" not in undated.title
    assert "some undated" in tl.description


def test_all_undated_has_no_date_axis() -> None:
    tl = layout("Families want schools", [_stance("A", "asserted", None), _stance("B", "denied", None)])
    assert [t.label for t in tl.ticks] == ["undated"]
    assert "none of them dated" in tl.description and "2026" not in tl.description
    assert len({m.x for m in tl.marks}) == 1
