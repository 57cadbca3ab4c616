"""The Python examples in docs/ingest.md run as written (from the repository root)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ingest.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_doc_example_runs(index: int) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(_blocks()[index], f"{DOC}:block{index}", "exec"), {})
    finally:
        os.chdir(cwd)
