"""The Python example of docs/collect.md runs as written, against the fixture site instead of example.org."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.collect.site import BETA, FixtureSite
from tests.conftest import ROOT

DOC = ROOT / "docs" / "collect.md"


def test_doc_example_runs(tmp_path: Path, capsys: object) -> None:
    [block] = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    with FixtureSite() as site:
        code = block.replace("https://example.org/feed.xml", site.url(BETA, "/atom.xml"))
        code = code.replace("Politeness(", f"Politeness(resolve={site.resolve!r}, ")
        cwd = os.getcwd()
        os.chdir(tmp_path)
        try:
            exec(compile(code, f"{DOC}:python", "exec"), {})
        finally:
            os.chdir(cwd)
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.splitlines()[0] == "2 0 []"  # stored, failed, errors
    assert out.splitlines()[1].endswith(" 2 0")  # the source: stored 2, failed 0
