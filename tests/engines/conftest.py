"""A small hand-made corpus for the engine tests: a WARC of generated news pages plus a few text files."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

_NAMES = [
    "Anna Berg",
    "Kim Tae-hyo",
    "Omar Haddad",
    "Lucia Ferreira",
    "the Defence Ministry",
    "Pierre Dubois",
]
_PLACES = ["Seoul", "Kyiv", "Brussels", "Nairobi", "Lima", "Oslo"]
_VERBS = ["said", "told reporters", "denied", "warned", "confirmed", "claimed"]
_TOPICS = [
    "the troop deployment",
    "the grain deal",
    "new sanctions",
    "the ceasefire talks",
    "the budget vote",
]


def _paragraphs(rng: random.Random, n: int, tag: str) -> list[str]:
    out = [
        f"{rng.choice(_PLACES).upper()} - Officials met on Tuesday to discuss {rng.choice(_TOPICS)} ({tag})."
    ]
    for _ in range(n):
        who, verb, topic = rng.choice(_NAMES), rng.choice(_VERBS), rng.choice(_TOPICS)
        out.append(
            f'"We will not accept {topic} under these conditions," {who} {verb} on {rng.choice(["Monday", "Friday"])}. '
            f"{who.split()[-1]} added that talks in {rng.choice(_PLACES)} would continue next week."
        )
    return out


def _page(rng: random.Random, i: int) -> bytes:
    paras = "\n".join(f"<p>{p}</p>" for p in _paragraphs(rng, rng.randint(2, 6), f"item {i}"))
    title = f"{rng.choice(_NAMES)} on {rng.choice(_TOPICS)} ({i})"
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>Subscribe to our newsletter</footer></body></html>"
    ).encode()


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_synthetic_warc", ROOT / "scripts" / "build_synthetic_warc.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_corpus(root: Path, n_records: int, n_texts: int = 3, seed: int = 7) -> Path:
    """``root/`` with ``a.warc.gz`` (n_records generated pages) and ``n_texts`` plain-text scrapes."""
    builder = load_builder()
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    pages = [(f"gen/{i}", "text/html; charset=utf-8", _page(rng, i)) for i in range(max(1, n_records))]
    with open(root / "a.warc.gz", "wb") as fh:
        for rec in builder.iter_records(pages, n_records, seed):
            fh.write(rec)
    for j in range(n_texts):
        body = "\n\n".join(_paragraphs(rng, 3, f"text {j}"))
        (root / f"story-{j}.txt").write_text(
            f"Headline number {j}\n\n{body}\n\nBY STAFF WRITER\n", encoding="utf-8"
        )
    return root


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 40, n_texts=3)


@pytest.fixture(scope="session")
def corpus_factory() -> object:
    """``corpus_factory(root, n_records, n_texts=3)`` builds a corpus (see :func:`make_corpus`)."""
    return make_corpus
