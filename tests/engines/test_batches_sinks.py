"""Canonical batches, the Parquet schema from the contract, sinks, progress, n_process and the CLI shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.progress import DocsProgress
from newsgraph.engines.batches import expand_inputs, is_multi_document, iter_batches, iter_segments
from newsgraph.engines.checkpoint import Position
from newsgraph.engines.local import LocalOptions, stream_articles
from newsgraph.engines.progress import estimate_total
from newsgraph.engines.sinks import (
    JSON_COLUMNS,
    STRING_COLUMNS,
    JsonlSink,
    ParquetShardSink,
    arrow_schema,
    article_from_row,
    article_to_row,
    read_parquet_articles,
)
from newsgraph.models import Article, Claim, Entity, Mention, Quote, Source, Speaker


def test_segments_keep_archives_apart_and_group_small_files() -> None:
    files = ["a.txt", "b.html", "c.warc.gz", "d.txt", "e.txt", "f.txt", "g.WARC"]
    segs = list(iter_segments(files, batch_size=2))
    assert [(s.files, s.multi) for s in segs] == [
        (("a.txt", "b.html"), False),
        (("c.warc.gz",), True),
        (("d.txt", "e.txt"), False),
        (("f.txt",), False),
        (("g.WARC",), True),
    ]
    assert [s.index for s in segs] == [0, 1, 2, 3, 4]
    assert is_multi_document("x.warc") and not is_multi_document("x.html.gz")


def test_batches_from_a_position_are_the_tail_of_the_full_stream(small_corpus: Path) -> None:
    full = list(iter_batches([str(small_corpus)], 4))
    sizes = [len(b) for _, b in full]
    assert sum(sizes) == 43 and max(sizes) == 4
    # archive batches never cross the archive's end; its records come in file order
    warc = [b for _, b in full if b[0].source.format == "warc"]
    assert all(d.source.path == warc[0][0].source.path for b in warc for d in b)
    for k in (1, 5, len(full) - 1):
        pos = full[k - 1][0]
        tail = list(iter_batches([str(small_corpus)], 4, start=pos))
        assert [(p, [d.source for d in b]) for p, b in tail] == [
            (p, [d.source for d in b]) for p, b in full[k:]
        ]
    assert list(iter_batches([str(small_corpus)], 4, start=Position(99, 0))) == []


def test_expand_inputs_reports_missing_patterns_in_place(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Hello there.\n", encoding="utf-8")
    items = list(expand_inputs([str(tmp_path), str(tmp_path / "nomatch-*.txt")]))
    assert items[0] == str(tmp_path / "x.txt")
    assert len(items) == 2


def _rich_article() -> Article:
    body = "Kim said: “We will respond.” Russia denied it."
    sp = Speaker(name="Kim Tae-hyo", kind="person", span=(0, 3), resolved_from="Kim", entity="e1")
    q = Quote(
        id="q1",
        type="direct",
        text="“We will respond.”",
        span=(9, 27),
        cue="said",
        cue_span=(4, 8),
        speaker=sp,
    )
    c = Claim(id="c1", text="We will respond.", span=(10, 26), source=sp, quote="q1", status="asserted")
    ent = Entity(id="e1", name="Kim Tae-hyo", type="PERSON", mentions=[Mention(text="Kim", span=(0, 3))])
    return Article(
        id="abc",
        source=Source(path="x.warc.gz", url="https://e.org/1", format="warc", warc_record_id="<urn:uuid:1>"),
        language="en",
        title=None,
        body=body,
        quotes=[q],
        claims=[c],
        entities=[ent],
    )


def test_parquet_schema_comes_from_the_contract_and_roundtrips(tmp_path: Path) -> None:
    schema = arrow_schema()
    assert schema.names == list(Article.model_fields)
    assert {"id", "title", "body", "language", "published"} <= set(STRING_COLUMNS)
    assert {"source", "quotes", "claims", "entities", "errors"} <= set(JSON_COLUMNS)
    meta = schema.field("quotes").metadata
    assert json.loads(meta[b"json_schema"])["type"] == "array"
    art = _rich_article()
    row = article_to_row(art)
    assert json.loads(row["quotes"] or "")[0]["speaker"]["name"] == "Kim Tae-hyo"
    assert article_from_row(row) == art
    sink = ParquetShardSink(tmp_path / "pq", shard_batches=1)
    sink.write([art, Article(id="e", body="")])
    assert sink.commit() == {"shards": 1, "records": 2}
    sink.close()
    back = list(read_parquet_articles(tmp_path / "pq"))
    assert back[0] == art and back[1].id == "e"


def test_jsonl_sink_resume_truncates_to_the_checkpointed_length(tmp_path: Path) -> None:
    p = tmp_path / "o.jsonl"
    s = JsonlSink(p)
    s.write([Article(id="a"), Article(id="b")])
    state = s.commit()
    s.write([Article(id="c")])
    s._fh.flush()
    s._fh.close()  # killed before the next commit
    assert p.read_text().count("\n") == 3
    r = JsonlSink(p, resume_state=state)
    r.write([Article(id="d")])
    r.close()
    assert [json.loads(x)["id"] for x in p.read_text().splitlines()] == ["a", "b", "d"]


def test_progress_only_for_more_than_one_document(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("x", encoding="utf-8")
    assert estimate_total([str(tmp_path)]) == 3
    assert estimate_total([str(tmp_path), "c.warc.gz"]) is None
    assert not DocsProgress(1, enabled=True).enabled
    with DocsProgress(3, enabled=True) as bar:
        bar.advance(1)
        assert bar._progress is None  # nothing drawn for the first document
        bar.advance(2)
        assert bar._progress is not None and bar._progress.tasks[0].completed == 3


@pytest.mark.slow
def test_n_process_gives_the_same_records(small_corpus: Path) -> None:
    one = [a for _, arts in stream_articles([str(small_corpus)], LocalOptions(batch_size=8)) for a in arts]
    two = [
        a
        for _, arts in stream_articles([str(small_corpus)], LocalOptions(batch_size=8, n_process=2))
        for a in arts
    ]
    assert one == two


def test_cli_streams_json_parquet_and_rejects_bad_combinations(small_corpus: Path, tmp_path: Path) -> None:
    from newsgraph.cli import _register, app

    _register()
    runner = CliRunner()
    res = runner.invoke(app, ["extract", str(small_corpus), "--no-nlp", "--batch-size", "8"])
    assert res.exit_code in (0, 1), res.output
    arr = json.loads(res.stdout)
    assert isinstance(arr, list) and len(arr) == 43
    one = runner.invoke(app, ["extract", str(small_corpus / "story-0.txt"), "--no-nlp"])
    assert isinstance(json.loads(one.stdout), dict)
    res = runner.invoke(
        app, ["extract", str(small_corpus), "--no-nlp", "-f", "parquet", "-o", str(tmp_path / "pq")]
    )
    assert res.exit_code in (0, 1)
    got = list(read_parquet_articles(tmp_path / "pq"))
    assert [a.id for a in got] == [a["id"] for a in arr]
    assert (tmp_path / "pq" / "_checkpoint.json").exists()
    assert runner.invoke(app, ["extract", str(small_corpus), "-f", "parquet"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(small_corpus), "--resume"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(small_corpus), "--engine", "ray", "-f", "jsonl"]).exit_code == 2


def test_resume_refuses_output_shorter_than_its_checkpoint(tmp_path: Path) -> None:
    from newsgraph.engines.checkpoint import CheckpointMismatch

    p = tmp_path / "o.jsonl"
    p.write_bytes(b"{}\n")
    with pytest.raises(CheckpointMismatch):
        JsonlSink(p, resume_state={"bytes": 1000, "records": 9})
    with pytest.raises(CheckpointMismatch):
        ParquetShardSink(tmp_path / "pq", resume_state={"shards": 2, "records": 64})


def test_a_text_passed_as_a_path_is_an_error_record_not_a_crash(tmp_path: Path) -> None:
    from newsgraph import extract

    story = (
        "Kim Tae-hyo said on Monday that the talks had failed and that Seoul would respond in kind.\n\n" * 4
    )
    (tmp_path / "x.txt").write_text(story, encoding="utf-8")
    text = "Politics. " * 40 + "\n" + "Kim said the talks failed. " * 30  # a whole article, not a file name
    arts = list(extract([text, str(tmp_path / "x.txt"), "bad\0name"], nlp_stages=False))
    assert len(arts) == 3
    assert arts[0].errors and "not a usable path" in arts[0].errors[0].message
    assert not arts[1].errors and arts[1].body.startswith("Kim Tae-hyo said")
    assert arts[2].errors and "not a usable path" in arts[2].errors[0].message
