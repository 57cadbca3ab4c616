"""Properties of the cleaner on arbitrary text (hypothesis) and linear-time behaviour on hostile inputs."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_batch, clean_text
from newsgraph.clean.lines import normalize_input

_NOWS = re.compile(r"\s+")


def _squash(s: str) -> str:
    """Input and output compared without whitespace (line joins and space folding are allowed changes)."""
    return _NOWS.sub("", normalize_input(s))


_LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "By JANE DOE, Associated Press",
                "- Advertisement -",
                "80.2 F",
                "Tuesday, October 22, 2024",
                "SEOUL, Oct 22 (Reuters) - The bank said.",
                "* Home",
                "Share on Facebook",
                "Read more",
                "A man waves. [JOINT PRESS CORPS]",
                "Image Credit: WeWork",
                "Related articles",
                "12 Comments",
                "The official said the talks would continue next week in the capital, according to the report.",
                "“" * 50,
                "[" * 30,
                "(" * 30,
                "Photo: " * 10,
                "By " * 20,
                "",
                "   ",
                "\x00",
                "\r\n",
            ]
        ),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_never_raises_and_output_comes_from_input(lines: list[str]) -> None:
    text = "\n".join(lines)
    c = clean_text(text)
    assert c.errors == []
    src = _squash(text)
    for para in c.body.split("\n\n"):
        assert _squash(para) in src
    for r in c.removed:
        assert _squash(r.text) in src
    for cap in c.captions:
        assert _squash(cap.text) in src
    assert "\n\n\n" not in c.body
    assert c.body == c.body.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    c = clean_text(text)
    assert c.errors == []
    assert "\x00" not in c.body


@settings(max_examples=20, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=8))
def test_batch_matches_length(texts: list[str]) -> None:
    assert len(clean_batch(texts)) == len(texts)


def _timed(text: str) -> float:
    t = time.perf_counter()
    clean_text(text)
    return time.perf_counter() - t


def test_five_megabyte_single_line_is_fast() -> None:
    line = ("The official said the talks would continue next week in the capital. " * 80_000)[:5_000_000]
    assert _timed(line) < 5.0


def test_pathological_punctuation_is_fast() -> None:
    assert _timed("“" * 10_000) < 1.0
    assert _timed("“a” " * 10_000) < 2.0
    assert _timed("[" * 10_000 + "]" * 10_000) < 1.0
    assert _timed(("By " * 3000) + "[x@y.z]") < 1.0
    assert _timed("SEOUL, " * 5000 + "(Reuters) - x") < 1.0
    assert _timed(("A" * 30 + "-") * 3000) < 1.0
    assert _timed("x" * 2_000_000) < 2.0
    assert _timed("@" * 100_000 + "\n" + ("a@" * 50_000)) < 2.0
    assert _timed(("a" * 1999 + "\n") * 500) < 5.0


def test_many_comment_headings_is_fast() -> None:
    prose = (
        "The official said the talks would continue next week in the capital, according to the report. " * 4
    )
    assert (
        _timed(
            prose
            + "\n"
            + "Comments\nA reader wrote that the talks were a waste of everybody's time.\n" * 20_000
        )
        < 10.0
    )


def test_many_short_lines_is_fast() -> None:
    text = "\n".join(
        f"* Menu item {i}" if i % 3 else f"Line {i} of the page, with words." for i in range(20_000)
    )
    assert _timed(text) < 10.0
