"""Reading bodies and headlines into feature views, in batches: parse, embed, view.

Shared by the Python API, the batch CLI, the training script, the evaluation and the benchmark, so that all of
them compute exactly the same features. ``encode`` is any function from texts to unit MiniLM vectors (the
training script passes a caching one); by default :func:`newsgraph.track.embed.get_embedder`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsgraph.models import Article
from newsgraph.stance.features import F32, BodyView, HeadView, body_texts, body_view, head_view

Encoder = Callable[[Sequence[str]], F32]


def default_encoder() -> Encoder:
    """MiniLM run in numpy (:mod:`newsgraph.track.embed`), loaded once."""
    from newsgraph.track.embed import get_embedder

    emb = get_embedder()
    return lambda texts: emb.encode(list(texts))


# The stages stance reads: quotes -> entities -> claims (events are not used, and cost a fifth of the parse).
STANCE_COMPONENTS = ("newsgraph_quotes", "newsgraph_entities", "newsgraph_claims")


def parse_bodies(texts: Sequence[str]) -> list[Article]:
    """newsgraph's pipeline over raw body texts (clean, attribution, claims), one Article each, never raising."""
    from newsgraph.ingest import RawDocument
    from newsgraph.models import Source
    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import DEFAULT_BATCH_SIZE, annotate, prepare_batch

    nlp = load_pipeline(components=STANCE_COMPONENTS)
    out: list[Article] = []
    for s in range(0, len(texts), DEFAULT_BATCH_SIZE):
        chunk = texts[s : s + DEFAULT_BATCH_SIZE]
        out.extend(
            annotate(prepare_batch([RawDocument(Source(format="text"), t, kind="text") for t in chunk]), nlp)
        )
    return out


def view_bodies(texts: Sequence[str], articles: Sequence[Article | None], encode: Encoder) -> list[BodyView]:
    """Body views for texts already parsed into ``articles`` (``None``: no claims); one embedding batch."""
    pieces = [body_texts(t) for t in texts]
    flat = [s for sents in pieces for s in sents]
    vecs = encode(flat) if flat else np.zeros((0, 384), dtype=np.float32)
    views: list[BodyView] = []
    at = 0
    for text, art, sents in zip(texts, articles, pieces, strict=True):
        views.append(body_view(text, art, vecs[at : at + len(sents)]))
        at += len(sents)
    return views


def view_heads(texts: Sequence[str], encode: Encoder) -> list[HeadView]:
    """Headline/claim views, one embedding batch."""
    vecs = encode(list(texts)) if texts else np.zeros((0, 384), dtype=np.float32)
    return [head_view(t, v) for t, v in zip(texts, vecs, strict=True)]
