"""Reliability fixtures: the hostile corpus of ``scripts/make_bad_corpus.py`` generated once per session."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS_SCRIPT = ROOT / "scripts" / "make_bad_corpus.py"


def corpus_module() -> ModuleType:
    """``scripts/make_bad_corpus.py`` imported by path (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_bad_corpus", CORPUS_SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def bad_corpus_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus with the five slow inputs scaled down to a few MB (see ``SMALL`` in the script)."""
    out = tmp_path_factory.mktemp("bad-small")
    corpus_module().build(out, small=True)
    return out


@pytest.fixture(scope="session")
def bad_corpus_full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus at the sizes of issue 9 (50 MB text, 200 MB gzip bomb, ...): slow tests only."""
    out = tmp_path_factory.mktemp("bad-full")
    corpus_module().build(out)
    return out
