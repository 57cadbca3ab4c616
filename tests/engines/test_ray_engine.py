"""The Ray Data engine produces exactly the local engine's records (local Ray, 2 CPUs, small corpus)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.engines.local import LocalOptions, stream_articles
from newsgraph.engines.sinks import read_parquet_articles
from newsgraph.models import Article, span_errors

pytestmark = pytest.mark.ray


def _key(a: Article) -> tuple[str, str, str]:
    return (a.source.path or "", a.source.warc_record_id or "", a.id)


def _compare(tmp_path: Path, corpus: Path, n: int, nlp_stages: bool) -> None:
    ray = pytest.importorskip("ray")
    from newsgraph.engines.ray_engine import RayOptions, run_ray

    opts = LocalOptions(batch_size=4, nlp_stages=nlp_stages)
    local = [a for _, arts in stream_articles([str(corpus)], opts) for a in arts]
    assert len(local) == n

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ropts = RayOptions(batch_size=4, workers=2, nlp_stages=nlp_stages)
        stats = run_ray([str(corpus)], tmp_path / "out", ropts)
        with pytest.raises(FileExistsError):
            run_ray([str(corpus)], tmp_path / "out", ropts)
    finally:
        ray.shutdown()
    remote = list(read_parquet_articles(tmp_path / "out"))
    assert stats.docs == n and len(remote) == n
    assert sorted(remote, key=_key) == sorted(local, key=_key)
    assert all(not span_errors(a) for a in remote)


def test_ray_equals_single_process_without_nlp(tmp_path: Path, corpus_factory: Callable[..., Path]) -> None:
    """Fast variant: ingest + cleaning through Ray Data (canonical batches, Parquet schema, two actors)."""
    _compare(tmp_path, corpus_factory(tmp_path / "in", 10, n_texts=2), 12, nlp_stages=False)


@pytest.mark.slow
def test_ray_output_equals_single_process_record_for_record(
    tmp_path: Path, corpus_factory: Callable[..., Path]
) -> None:
    """The full pipeline (spaCy loaded once per actor) gives the same records as one process."""
    local_corpus = corpus_factory(tmp_path / "in", 14, n_texts=3)
    _compare(tmp_path, local_corpus, 17, nlp_stages=True)
