"""HTML through the whole pre-NLP path (ingest -> extract_html -> language), and the benchmark figures."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from tests.conftest import need_dataset

PARA = (
    "<p>Das Verteidigungsministerium erklärte am Dienstag, man prüfe alle Optionen für militärische "
    "Unterstützung, nachdem Berichte über die Entsendung tausender Soldaten an die Front bekannt wurden.</p>"
)


def _page(lang_para: str, n: int = 4) -> str:
    return f"<html><head><title>T</title></head><body><article><h1>Heading here</h1>{lang_para * n}</article></body></html>"


def test_html_file_and_warc_to_articles(tmp_path: Path) -> None:
    from newsgraph.engines.local import extract
    from newsgraph.models import span_errors

    en = "<p>" + "The ministry said on Tuesday that it would review every option for support. " * 4 + "</p>"
    (tmp_path / "en.html.gz").write_bytes(gzip.compress(_page(en).encode()))
    (tmp_path / "de.html").write_text(_page(PARA), encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    arts = list(extract([tmp_path], nlp_stages=False))
    assert [Path(a.source.path or "").name for a in arts] == ["de.html", "empty.html", "en.html.gz"]
    de, empty, en_art = arts
    assert de.language == "de" and "Verteidigungsministerium" in de.body
    assert en_art.language == "en" and en_art.title == "Heading here"
    assert empty.body == "" and any(e.stage == "clean" for e in empty.errors)
    assert all(not span_errors(a) for a in arts)


def test_aeb_sample_not_worse_than_trafilatura() -> None:
    need_dataset("aeb")
    from eval.extraction import load_aeb, newsgraph_system, run_system, score_aeb, trafilatura_body

    pages = load_aeb(12)
    ours = score_aeb(pages, *run_system(pages, newsgraph_system()))
    base = score_aeb(pages, *run_system(pages, trafilatura_body))
    assert ours["f1"] >= base["f1"] - 0.005
    assert ours["f1"] > 0.9


@pytest.mark.slow
def test_full_extraction_eval_meets_targets() -> None:
    need_dataset("aeb")
    need_dataset("wcxb-dev-articles")
    from eval.extraction import AEB_TARGET_F1, main

    res = main()
    assert res["aeb"]["newsgraph"]["f1"] >= AEB_TARGET_F1
    assert res["wcxb"]["newsgraph"]["f1"] > res["wcxb"]["trafilatura"]["f1"]
    assert res["wcxb"]["newsgraph"]["title_em"] > res["wcxb"]["trafilatura"]["title_em"]
