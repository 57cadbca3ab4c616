"""The Makefile picks a supported interpreter (scripts/find-python), whatever Pythons a user has."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIND = ROOT / "scripts" / "find-python"


def _fake(dir_: Path, name: str, version: tuple[int, int]) -> None:
    """A stand-in interpreter that answers the version probe like a real one of `version` would."""
    ok = (3, 11) <= version <= (3, 13)
    p = dir_ / name
    p.write_text(f"#!/bin/sh\n# fake Python {version[0]}.{version[1]}\nexit {0 if ok else 1}\n")
    p.chmod(0o755)


def _find(path_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(path_dir), "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(["/bin/sh", str(FIND)], env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("have", "want"),
    [
        ({"python3": (3, 9), "python3.13": (3, 13)}, "python3.13"),
        ({"python3": (3, 12), "python3.12": (3, 12)}, "python3.12"),
        ({"python3.11": (3, 11), "python3.12": (3, 12), "python3.13": (3, 13)}, "python3.11"),
        ({"python3": (3, 13)}, "python3"),
        ({"python3": (3, 14), "python3.12": (3, 12)}, "python3.12"),
    ],
)
def test_picks_supported_interpreter(tmp_path: Path, have: dict[str, tuple[int, int]], want: str) -> None:
    for name, ver in have.items():
        _fake(tmp_path, name, ver)
    res = _find(tmp_path)
    assert res.returncode == 0, res.stderr
    assert Path(res.stdout.strip()).name == want


def test_no_supported_interpreter_is_a_clear_error(tmp_path: Path) -> None:
    _fake(tmp_path, "python3", (3, 10))
    res = _find(tmp_path)
    assert res.returncode == 1
    assert "needs Python 3.11, 3.12 or 3.13" in res.stderr


def test_real_choice_is_supported() -> None:
    res = subprocess.run(["/bin/sh", str(FIND)], capture_output=True, text=True, check=True)
    out = subprocess.run(
        [res.stdout.strip(), "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() in {"(3, 11)", "(3, 12)", "(3, 13)"}
    assert sys.version_info >= (3, 11)


def test_version_has_one_source() -> None:
    """pyproject reads the version from the package (hatch dynamic version): it is written once."""
    import importlib.metadata
    import tomllib

    import newsgraph

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert importlib.metadata.version("newsgraph") == newsgraph.__version__


def test_make_help_lists_every_target() -> None:
    targets = set()
    for line in (ROOT / "Makefile").read_text().splitlines():
        if line.startswith(".PHONY:"):
            targets = set(line.split(":", 1)[1].split())
    res = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    listed = {ln.split()[1] for ln in res.stdout.splitlines() if ln.startswith("make ")}
    assert targets and targets <= listed | {"python"}, targets - listed
