"""Readers: files, directories, globs, stdin, gzip, WARC, and every kind of bad input (generated in tmp_path)."""

from __future__ import annotations

import gzip
import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.ingest import Limits, RawDocument, iter_documents

HTML = "<!doctype html><html><head><title>T</title></head><body><article><p>{}</p></article></body></html>"


def docs(*inputs: str | Path, **kw: object) -> list[RawDocument]:
    return list(iter_documents(list(inputs), **kw))  # type: ignore[arg-type]


def messages(doc: RawDocument) -> str:
    return " | ".join(e.message for e in doc.errors)


def test_text_html_and_gz_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain scrape line one.\nLine two.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML.format("Hello"), encoding="utf-8")
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(HTML.format("Zipped").encode()))
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"Zipped text."))
    out = docs(tmp_path)
    assert [Path(d.source.path or "").name for d in out] == ["a.txt", "b.html", "c.htm.gz", "d.txt.gz"]
    assert [d.kind for d in out] == ["text", "html", "html", "text"]
    assert [d.source.format for d in out] == ["text", "html", "html", "text"]
    assert out[0].text == "Plain scrape line one.\nLine two.\n"
    assert "Zipped" in (out[2].text or "")
    assert out[3].text == "Zipped text."
    assert all(not d.errors for d in out)


def test_directory_is_recursive_sorted_and_skips_hidden_and_media(tmp_path: Path) -> None:
    for rel in ["z.txt", "sub/b.txt", "sub/a.txt", "a/c.txt", ".hidden/x.txt", ".dot.txt", "logo.png"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"text of {rel}", encoding="utf-8")
    names = [os.path.relpath(d.source.path or "", tmp_path) for d in docs(tmp_path)]
    assert names == ["z.txt", "a/c.txt", "sub/a.txt", "sub/b.txt"]
    # os.walk order: files of a directory, then its sorted subdirectories; stable across runs
    assert names == [os.path.relpath(d.source.path or "", tmp_path) for d in docs(tmp_path)]


def test_glob_and_input_order(tmp_path: Path) -> None:
    for n in ["2.txt", "1.txt", "3.md"]:
        (tmp_path / n).write_text(n, encoding="utf-8")
    out = docs(tmp_path / "3.md", str(tmp_path / "*.txt"))
    assert [Path(d.source.path or "").name for d in out] == ["3.md", "1.txt", "2.txt"]
    none = docs(str(tmp_path / "*.nothing"))
    assert none[0].text is None and "no file matches" in messages(none[0])


def test_stdin_text_html_and_gzip() -> None:
    out = docs("-", stdin=io.BytesIO(b"From stdin."))
    assert out[0].text == "From stdin." and out[0].source.path == "<stdin>"
    out = docs("-", stdin=io.BytesIO(gzip.compress(HTML.format("piped").encode())))
    assert out[0].kind == "html" and "piped" in (out[0].text or "")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.asp").write_text(HTML.format("markup"), encoding="utf-8")
    (tmp_path / "notes.dat").write_text("Just prose, with <b>one</b> tag.", encoding="utf-8")
    (tmp_path / "noext").write_bytes(gzip.compress(b"gzipped without a suffix"))
    out = docs(tmp_path / "page.asp", tmp_path / "notes.dat", tmp_path / "noext")
    assert [d.kind for d in out] == ["html", "text", "text"]
    assert out[2].text == "gzipped without a suffix"


@pytest.mark.parametrize(
    ("name", "data", "expect"),
    [
        ("img.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("doc.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("prog", b"\x7fELF\x02\x01\x01" + bytes(200), "ELF executable"),
        ("noise.txt", bytes(i % 32 for i in range(4000)), "binary data"),
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\t\r\n  ", "only whitespace"),
        ("nuls.txt", b"\x00" * 100, "only whitespace"),
    ],
)
def test_bad_files_become_error_documents(tmp_path: Path, name: str, data: bytes, expect: str) -> None:
    (tmp_path / name).write_bytes(data)
    out = docs(tmp_path / name, tmp_path / name)
    assert len(out) == 2  # iteration goes on after the bad one
    assert out[0].text is None
    assert [e.stage for e in out[0].errors] == ["ingest"]
    assert expect in messages(out[0])


def test_nul_bytes_inside_text_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_bytes(b"Seoul\x00 said\x00 on Tuesday that it would respond in stages.")
    out = docs(tmp_path / "n.txt")
    assert out[0].text == "Seoul said on Tuesday that it would respond in stages." and not out[0].errors


def test_missing_file_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    out = docs(tmp_path / "missing.txt", tmp_path / "empty", tmp_path / "ok.txt", tmp_path / "gone.warc.gz")
    assert [d.text for d in out] == [None, None, "fine", None]
    assert "no such file" in messages(out[0])
    assert "no readable files" in messages(out[1])
    assert "no such file" in messages(out[3]) and out[3].source.format == "warc"


def test_truncated_gzip_keeps_partial_text(tmp_path: Path) -> None:
    text = " ".join(f"sentence number {i} of a long article." for i in range(3000)).encode()
    blob = gzip.compress(text)
    (tmp_path / "cut.txt.gz").write_bytes(blob[: len(blob) // 2])
    (tmp_path / "after.txt").write_text("next", encoding="utf-8")
    out = docs(tmp_path / "cut.txt.gz", tmp_path / "after.txt")
    assert out[0].text and out[0].text.startswith("sentence number 0") and len(out[0].text) < len(text)
    assert "truncated" in messages(out[0]) and "partial text kept" in messages(out[0])
    assert out[1].text == "next"


def test_corrupt_gzip(tmp_path: Path) -> None:
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate" * 4)
    out = docs(tmp_path / "bad.gz")
    assert out[0].text is None and out[0].errors[0].stage == "ingest"


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        chunk = b"A" * (1 << 20)
        for _ in range(64):  # 64 MB decompressed, ~64 KB on disk
            f.write(chunk)
    assert bomb.stat().st_size < 1 << 20
    t = time.monotonic()
    out = docs(bomb, limits=Limits(max_bytes=2 << 20))
    assert time.monotonic() - t < 10
    assert out[0].text is not None and len(out[0].text) == 2 << 20
    assert "exceeds the 2,097,152-byte cap" in messages(out[0])


def test_large_plain_file_is_capped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB
    out = docs(big, limits=Limits(max_bytes=1 << 20))
    assert len(out[0].text or "") == 1 << 20
    assert "Limits.max_bytes" in messages(out[0])
    assert docs(big)[0].errors == ()  # under the default 50 MB cap


def test_warc_one_document_per_html_response(tmp_path: Path, make_warc: Callable[..., bytes]) -> None:
    records = [
        ("http://example.com/a", HTML.format("First article").encode(), {}),
        ("http://example.com/logo.png", b"\x89PNG\r\n\x1a\nxxxx", {"content_type": "image/png"}),
        ("http://example.com/req", b"GET / HTTP/1.1\r\n", {"record_type": "request"}),
        ("http://example.com/moved", b"", {"status": "301 Moved Permanently"}),
        ("http://example.com/b", HTML.format("caf\xe9 cr\xe8me").encode("latin-1"),
         {"content_type": "text/html; charset=ISO-8859-1"}),
        ("http://example.com/c.txt", b"Plain text response.", {"content_type": "text/plain"}),
    ]  # fmt: skip
    for gz in (False, True):
        path = tmp_path / ("x.warc.gz" if gz else "x.warc")
        path.write_bytes(make_warc(records, gz=gz))
        out = docs(path)
        assert [d.source.url for d in out] == [
            "http://example.com/a",
            "http://example.com/b",
            "http://example.com/c.txt",
        ]
        assert [d.kind for d in out] == ["html", "html", "text"]
        assert all(d.source.format == "warc" and d.source.path == str(path) for d in out)
        assert out[0].source.warc_record_id == "<urn:uuid:00000000-0000-0000-0000-000000000000>"
        assert "café crème" in (out[1].text or "")
        assert all(not d.errors for d in out)


def test_warc_http_gzip_and_chunked_payloads(tmp_path: Path, make_warc: Callable[..., bytes]) -> None:
    zipped = gzip.compress(HTML.format("compressed body").encode())
    parts = [b"<html><body><p>c", b"hunked body</p>"]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
    path = tmp_path / "enc.warc"
    path.write_bytes(
        make_warc(
            [
                ("http://e.com/gz", zipped, {"extra_http": b"Content-Encoding: gzip\r\n"}),
                ("http://e.com/ch", chunked, {"extra_http": b"Transfer-Encoding: chunked\r\n"}),
            ]
        )
    )
    out = docs(path)
    assert "compressed body" in (out[0].text or "")
    assert "chunked body" in (out[1].text or "")


def test_truncated_warc_keeps_good_records(tmp_path: Path, make_warc: Callable[..., bytes]) -> None:
    recs: list[tuple[str, bytes, dict[str, str]]] = [
        (f"http://e.com/{i}", HTML.format(f"article {i} " * 50).encode(), {}) for i in range(3)
    ]
    for gz in (False, True):
        data = make_warc(recs, gz=gz)
        path = tmp_path / f"cut{int(gz)}.warc{'.gz' if gz else ''}"
        path.write_bytes(data[: len(data) - (20 if gz else 300)])  # cuts into the last record only
        out = docs(path, tmp_path / "missing.txt")
        good = [d for d in out if d.text and not d.errors]
        assert [d.source.url for d in good][:2] == ["http://e.com/0", "http://e.com/1"]
        assert any(d.errors and "truncat" in messages(d) for d in out[:-1]), [messages(d) for d in out]
        assert "no such file" in messages(out[-1])  # the batch went on


def test_garbled_and_non_warc_archives(tmp_path: Path, make_warc: Callable[..., bytes]) -> None:
    good = make_warc([("http://e.com/0", HTML.format("kept").encode(), {})])
    (tmp_path / "garbled.warc").write_bytes(good + b"\x00\x01 not a warc header at all\r\n\r\n" * 20 + good)
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"this is not a WARC file" * 10))
    (tmp_path / "onlyimages.warc").write_bytes(
        make_warc([("http://e.com/i", b"\x89PNG", {"content_type": "image/png"})])
    )
    out = docs(tmp_path / "garbled.warc", tmp_path / "junk.warc.gz", tmp_path / "onlyimages.warc")
    assert out[0].text and "kept" in out[0].text
    assert out[1].text is None and "garbled" in messages(out[1])
    assert out[2].text is None and "not a WARC file" in messages(out[2])
    assert out[3].text is None and "no HTML or text responses" in messages(out[3])


def test_warc_on_stdin_and_record_limit(make_warc: Callable[..., bytes]) -> None:
    recs: list[tuple[str, bytes, dict[str, str]]] = [
        (f"http://e.com/{i}", HTML.format(f"doc {i}").encode(), {}) for i in range(5)
    ]
    out = docs("-", stdin=io.BytesIO(make_warc(recs, gz=True)), limits=Limits(max_records_per_archive=2))
    assert [d.source.url for d in out] == ["http://e.com/0", "http://e.com/1"]
    assert all(d.source.format == "warc" for d in out)


def test_iteration_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(str(i), encoding="utf-8")
    it = iter_documents([tmp_path])
    first = next(it)
    (tmp_path / "2.txt").unlink()  # removed after the walk: reported when reached, not before
    rest = list(it)
    assert first.text == "0" and rest[0].text == "1" and rest[1].text is None
