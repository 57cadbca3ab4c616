"""Quotation-mark spans: curly/straight, multi-paragraph, unbalanced, nested, pathological."""

from __future__ import annotations

import time

from newsgraph.attribution.marks import quote_spans, strip_marks


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_curly_and_straight() -> None:
    t = 'He said “yes, we will.” She said "no way" and left.'
    assert _texts(t) == ["“yes, we will.”", '"no way"']


def test_multi_paragraph_quote_with_repeated_opening_mark() -> None:
    t = "She said:\n\n“First paragraph of the quote.\n\n“Second paragraph, still quoting.”\n\nThen she left."
    assert _texts(t) == ["“First paragraph of the quote.\n\n“Second paragraph, still quoting.”"]


def test_unbalanced_opening_mark_is_closed_at_paragraph_end() -> None:
    t = "He said “this never closes.\n\nA new paragraph with “a real quote” here."
    assert _texts(t) == ["“this never closes.", "“a real quote”"]


def test_stray_closing_mark_is_ignored() -> None:
    assert _texts("Nothing” to see “here” now.") == ["“here”"]


def test_nested_single_quotes_stay_inside() -> None:
    t = "“He told me ‘go home’ twice,” she said."
    assert _texts(t) == ["“He told me ‘go home’ twice,”"]
    s, e = strip_marks(t, quote_spans(t)[0])
    assert t[s:e] == "He told me ‘go home’ twice,"


def test_ten_thousand_marks_fast() -> None:
    t = ("“a” " * 5000) + '"' * 10000
    t0 = time.perf_counter()
    spans = quote_spans(t)
    assert time.perf_counter() - t0 < 1.0
    assert len(spans) >= 5000
    assert all(0 <= s < e <= len(t) for s, e in spans)


def test_quote_goes_on_into_a_paragraph_whose_first_mark_closes_it() -> None:
    text = "“The wind came first.\n\nBy morning three boats were gone,” she said."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "“The wind came first.\n\nBy morning three boats were gone,”"
    ]
    text = "He shouted “stop\n\nNothing else happened. “Go,” she said."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "“stop",
        "“Go,”",
    ]  # a new opening mark: no continuation
