"""The example of docs/propositions.md, kept honest: it runs on the sample and prints what the doc says."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "propositions.md"


def test_the_doc_example_prints_what_the_doc_says() -> None:
    (block,) = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    code = [ln for ln in block.splitlines() if not ln.startswith("# ")]
    expected = [ln[2:] for ln in block.splitlines() if ln.startswith("# ")]
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile("\n".join(code), str(DOC), "exec"), {})
    finally:
        os.chdir(cwd)
    assert out.getvalue().splitlines() == expected
