from __future__ import annotations

import re
from pathlib import Path

from newsgraph.api import render
from newsgraph.models import Article, Quote, Speaker


def _q(i: int, s: int, e: int, body: str, who: str = "A") -> Quote:
    return Quote(id=f"q{i}", type="direct", text=body[s:e], span=(s, e), speaker=Speaker(name=who))


def test_segments_cover_body_once_and_pick_innermost_quote() -> None:
    body = "Alpha said that “beta gamma” today.\n\nDelta."
    outer = _q(1, 11, 35, body, "Alpha")
    inner = _q(2, 16, 28, body, "Beta")
    art = Article(id="x", body=body, quotes=[outer, inner])
    segs = render.segments(art)
    assert "".join(s.text for s in segs) == body
    by_text = {s.text: (s.quote.id if s.quote else None) for s in segs}
    assert by_text["“beta gamma”"] == "q2"
    assert by_text["that "] == "q1"
    assert by_text[" today."] == "q1"
    assert by_text["Alpha said "] is None
    assert [len(p) for p in render.paragraphs(art)][-1] == 1


def test_crossing_and_out_of_range_spans_do_not_break_rendering() -> None:
    body = "one two three four five"
    a = _q(1, 0, 13, body)
    b = _q(2, 8, 23, body)
    bad = Quote(id="q3", type="direct", text="x", span=(20, 99), speaker=Speaker(name="Z"))
    segs = render.segments(Article(id="x", body=body, quotes=[a, b, bad]))
    assert "".join(s.text for s in segs) == body
    assert {s.quote.id for s in segs if s.quote} == {"q1", "q2"}


def test_speaker_classes_are_stable_and_defined_in_css() -> None:
    css = (Path(render.__file__).parent / "static" / "app.css").read_text()
    defined = dict(re.findall(r"\.(sp-\d+) \{ background: (#[0-9a-f]{6}); \}", css))
    assert len(defined) == len(render.PALETTE)
    for i, colour in enumerate(render.PALETTE):
        assert defined[f"sp-{i}"] == colour
    assert render.speaker_class("Kim Tae-hyo") == render.speaker_class("kim tae-hyo")
    assert render.speaker_class("Kim Tae-hyo") in defined


def test_heading_is_the_title_else_the_first_line() -> None:
    """Rule ``first_line_heading``."""
    body = "The real Trump showed up at debate. GOP must live with it.\n\nRepublicans learned again that …"
    assert render.heading(None, body) == "The real Trump showed up at debate. GOP must live with it."
    assert render.heading("A title", body) == "A title"
    long = "word " * 40
    h = render.heading("", long)
    assert h.endswith("…") and len(h) <= render.HEADING_CHARS + 1 and "  " not in h
    assert render.heading(None, "\n\n") == "(untitled)"
