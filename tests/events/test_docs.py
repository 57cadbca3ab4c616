"""The examples of docs/events.md, kept honest."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_standalone_examples_print_what_the_doc_says() -> None:
    """Run each example that needs no full pipeline; every ``# expected`` line after a print must match."""
    checked = 0
    for block in _blocks():
        if "extract_text" in block:
            continue
        code_lines: list[str] = []
        expected: list[str] = []
        for line in block.splitlines():
            if line.startswith("# ") and code_lines and "print(" in code_lines[-1]:
                expected.append(line[2:])
            code_lines.append(line)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile("\n".join(code_lines), str(DOC), "exec"), {})
        printed = out.getvalue().splitlines()
        assert printed[: len(expected)] == expected
        checked += len(expected)
    assert checked >= 2


def test_expression_examples() -> None:
    from newsgraph.events.cameo import best_cameo
    from newsgraph.events.dates import resolve_date
    from newsgraph.events.plover import modes, score

    assert [
        resolve_date(t, "2024-10-22")
        for t in ("on Tuesday", "last Friday", "late Monday", "Oct. 19", "in June")
    ] == [
        "2024-10-22",
        "2024-10-18",
        "2024-10-21",
        "2024-10-19",
        "2024-06",
    ]
    assert (score("MOBILIZE", "troops"), score("ACCUSE", "allege")) == (-6.5, -3.5)
    assert sorted(modes("RETREAT")) == ["access", "ceasefire", "disarm", "release", "resign", "withdraw"]
    assert best_cameo("REQUEST", "yield", ["military"]) == "1056"
