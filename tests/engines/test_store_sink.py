"""Records into a store from the engines: ``extract --db`` (a TeeSink beside the file), ``ingest`` of Parquet
shards, and the Python ``extract()`` cutting the same canonical batches as the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from newsgraph.engines.local import LocalOptions, extract, stream_articles
from newsgraph.engines.sinks import JsonlSink, StoreSink, TeeSink, read_parquet_articles
from newsgraph.models import Article
from newsgraph.store import open_store


class _Cli:
    def __init__(self) -> None:
        from newsgraph.cli import _register, app

        _register()
        self.app = app
        self.runner = CliRunner()

    def invoke(self, args: list[str]) -> Result:
        return self.runner.invoke(self.app, args)


def _cli() -> _Cli:
    return _Cli()


def test_python_extract_cuts_the_cli_batches(small_corpus: Path) -> None:
    """Cleaning looks across a batch, so the library call must batch exactly like ``newsgraph extract``."""
    opts = LocalOptions(batch_size=8, nlp_stages=False)
    engine = [a for _, arts in stream_articles([str(small_corpus)], opts) for a in arts]
    assert list(extract(small_corpus, batch_size=8, nlp_stages=False)) == engine


def test_tee_sink_writes_file_and_store_and_reports(tmp_path: Path, small_corpus: Path) -> None:
    arts = list(extract(small_corpus, batch_size=8, nlp_stages=False))
    store_sink = StoreSink(open_store(tmp_path / "s.db"))
    tee = TeeSink(JsonlSink(tmp_path / "o.jsonl"), store_sink)
    tee.write(arts[:10])
    state = tee.commit()
    tee.write(arts[:10])  # a resumed run hands a batch to the store again: nothing is added twice
    tee.write(arts[10:])
    tee.close()
    assert state is not None and state == {
        "bytes": state["bytes"],
        "records": 10,
    }  # the checkpoint state is the file's
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == len(arts) + 10
    with open_store(tmp_path / "s.db", create=False) as store:
        assert store.count("articles") == len({a.id for a in arts})
    assert store_sink.result.duplicates >= 10


def test_extract_db_then_ingest_parquet_shards(tmp_path: Path, small_corpus: Path) -> None:
    runner = _cli()
    db1, db2, out = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "pq"
    app_args = ["extract", str(small_corpus), "--no-nlp", "-f", "parquet", "-o", str(out), "--db", str(db1)]
    res = runner.invoke(app_args)
    assert res.exit_code in (0, 1), res.output
    assert "store: added" in res.stderr
    records = list(read_parquet_articles(out))
    ids = {a.id for a in records}
    with open_store(db1, create=False) as store:
        assert store.count("articles") == len(ids)
    # the same extraction into the same store again adds nothing
    again = runner.invoke([*app_args[:-3], str(tmp_path / "pq2"), "--db", str(db1)])
    assert again.exit_code in (0, 1) and f"added 0, duplicates {len(records)}," in again.stderr
    with open_store(db1, create=False) as store:
        assert store.count("articles") == len(ids)
    # `ingest` takes the shards as records: no re-extraction, the same articles and bodies
    res = runner.invoke(["ingest", str(out), "--db", str(db2), "--quiet"])
    assert res.exit_code == 0, res.output
    with open_store(db2, create=False) as store:
        assert store.count("articles") == len(ids)
        one = records[0]
        got = store.article(one.id)
        assert isinstance(got, Article) and got.body == one.body


def test_extract_db_bad_url_is_a_clear_error(tmp_path: Path, small_corpus: Path) -> None:
    res = _cli().invoke(["extract", str(small_corpus), "--no-nlp", "--db", "mysql://nope/x"])
    assert res.exit_code == 2
    assert "unsupported database URL" in res.stderr


def test_ingest_n_process_stores_what_extract_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ingest --n-process 2` runs the local engine's batches through spaCy worker processes: the stored quotes
    are those `extract` finds in one process; a second ingest adds nothing and parses nothing."""
    sample = Path(__file__).resolve().parents[2] / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = sample.read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text.replace("Kim Tae-hyo", "Park Min-su"), encoding="utf-8")
    want = {a.id: len(a.quotes) for a in extract(corpus)}
    assert all(want.values())
    db = tmp_path / "n.db"
    res = _cli().invoke(["ingest", str(corpus), "--db", str(db), "--n-process", "2"])
    assert res.exit_code == 0, res.output
    assert "added 2, duplicates 0" in res.stderr
    with open_store(db, create=False) as store:
        got = {i: len(a.quotes) for i in want if (a := store.article(i)) is not None}
    assert got == want
    import newsgraph.pipeline

    parsed: list[int] = []
    real = newsgraph.pipeline.annotate

    def counting(arts: list[Article], *a: Any, **k: Any) -> list[Article]:
        parsed.append(len(arts))
        return real(arts, *a, **k)

    monkeypatch.setattr("newsgraph.engines.local.annotate", counting)  # the binding the engine calls
    again = _cli().invoke(["ingest", str(corpus), "--db", str(db), "--n-process", "2"])
    assert again.exit_code == 0 and "added 0, duplicates 2" in again.stderr
    assert parsed == []


def test_ingest_reports_foreign_and_damaged_parquet_and_goes_on(tmp_path: Path, small_corpus: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    runner = _cli()
    good = tmp_path / "good"
    assert runner.invoke(
        ["extract", str(small_corpus), "--no-nlp", "-f", "parquet", "-o", str(good)]
    ).exit_code in (0, 1)
    n = len({a.id for a in read_parquet_articles(good)})
    foreign = tmp_path / "foreign.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), foreign)
    damaged = tmp_path / "damaged.parquet"
    damaged.write_bytes((good / "part-00000.parquet").read_bytes()[:300])
    db = tmp_path / "m.db"
    res = runner.invoke(["ingest", str(foreign), str(damaged), str(good), "--db", str(db), "--no-nlp", "-q"])
    assert res.exit_code == 1, res.output
    assert "not a newsgraph record file" in res.stderr and "damaged.parquet" in res.stderr
    assert "Traceback" not in res.output
    with open_store(db, create=False) as store:
        assert store.count("articles") == n
