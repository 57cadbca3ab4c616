"""scripts/audit_deps.py fails CI on a real finding only, not on an unreachable vulnerability service."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_deps.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_deps", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _fake(report: dict[str, Any]) -> Any:
    def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        assert "--no-deps" in cmd and "--disable-pip" in cmd
        return subprocess.CompletedProcess(cmd, 1, json.dumps(report), "")

    return run


@pytest.mark.parametrize(
    ("deps", "status"),
    [
        (
            [
                {
                    "name": "a",
                    "version": "1",
                    "skip_reason": "Dependency not found on PyPI and could not be audited",
                }
            ],
            0,
        ),
        ([{"name": "a", "version": "1", "vulns": []}], 0),
        ([{"name": "a", "version": "1", "vulns": [{"id": "GHSA-x", "fix_versions": ["2"]}]}], 1),
    ],
    ids=["offline", "clean", "vulnerable"],
)
def test_exit_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], deps: Any, status: int
) -> None:
    mod = _module()
    monkeypatch.setattr(mod.subprocess, "run", _fake({"dependencies": deps}))
    assert mod.main(["audit_deps.py"]) == status
    out = capsys.readouterr().out
    assert ("VULNERABLE a 1: GHSA-x (fixed in 2)" in out) == (status == 1)
