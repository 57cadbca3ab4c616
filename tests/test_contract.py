from __future__ import annotations

import json
import subprocess
import sys

from newsgraph.models import Article, Quote, Speaker, span_errors


def test_schema_has_every_top_level_field() -> None:
    schema = Article.model_json_schema()
    for key in (
        "id",
        "source",
        "language",
        "title",
        "published",
        "authors",
        "sitename",
        "body",
        "captions",
        "removed",
        "entities",
        "quotes",
        "claims",
        "events",
        "errors",
    ):
        assert key in schema["properties"], key


def test_span_errors_detects_bad_offsets() -> None:
    body = "He said “yes”."
    ok = Quote(id="q1", type="direct", text="yes", span=(9, 12), speaker=Speaker(name="He"))
    bad = Quote(id="q2", type="direct", text="yes", span=(8, 11), speaker=Speaker(name="He"))
    assert span_errors(Article(id="x", body=body, quotes=[ok])) == []
    assert len(span_errors(Article(id="x", body=body, quotes=[bad]))) == 1


def test_cli_schema_prints_json_schema() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsgraph", "schema"], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout)["title"] == "Article"


def test_sample_spans_index_body(sample_article: Article) -> None:
    assert sample_article.body
    assert span_errors(sample_article) == []
