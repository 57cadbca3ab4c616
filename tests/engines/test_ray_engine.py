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


def test_ray_output_equals_single_process_record_for_record(
    tmp_path: Path, corpus_factory: Callable[..., Path]
) -> None:
    ray = pytest.importorskip("ray")
    from newsgraph.engines.ray_engine import RayOptions, run_ray

    corpus = corpus_factory(tmp_path / "in", 14, n_texts=3)
    local = [a for _, arts in stream_articles([str(corpus)], LocalOptions(batch_size=4)) for a in arts]
    assert len(local) == 17
    assert any(a.entities or a.quotes for a in local) or all(not a.errors for a in local)

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        stats = run_ray([str(corpus)], tmp_path / "out", RayOptions(batch_size=4, workers=2))
    finally:
        ray.shutdown()
    remote = list(read_parquet_articles(tmp_path / "out"))
    assert stats.docs == 17 and len(remote) == 17
    assert sorted(remote, key=_key) == sorted(local, key=_key)
    assert all(not span_errors(a) for a in remote)
    with pytest.raises(FileExistsError):
        run_ray([str(corpus)], tmp_path / "out", RayOptions(batch_size=4, workers=2))
