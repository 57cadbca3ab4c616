"""Training data for the attribution model: parsed documents with gold spans, parsed once and cached.

The reader of the brat files lives in ``eval/polnear.py``; this module takes its output as plain
``(name, text, attributions)`` triples, parses the texts with the pipeline's own spaCy model and caches the parses
as a :class:`~spacy.tokens.DocBin` under a git-ignored folder (``.cache/attrmodel`` by default), keyed by a hash of
the texts, so a second training run does not parse again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

Frag = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: each role is a tuple of character fragments (PolNeAR spans may be discontinuous)."""

    cue: tuple[Frag, ...]
    source: tuple[Frag, ...]
    content: tuple[Frag, ...]


@dataclass
class GoldDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _key(texts: Sequence[str]) -> str:
    h = hashlib.sha1()
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def parse_cached(nlp: Language, texts: Sequence[str], cache_dir: Path, batch_size: int = 16) -> list[Doc]:
    """Parses of ``texts`` (same order), read from ``cache_dir`` when an earlier run stored them."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    pipes = "".join(f"-{n}" for n in nlp.pipe_names if n.startswith("newsgraph_"))  # they change the parse
    path = cache_dir / f"parses-{nlp.meta.get('name', 'model')}{pipes}-{_key(texts)}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    DocBin(
        attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE", "MORPH"],
        docs=docs,
    ).to_disk(path)
    return docs
