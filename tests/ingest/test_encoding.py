"""Encoding detection: BOM, declared charsets, UTF-16 without BOM, legacy encodings, NULs, garbage."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.encoding import (
    charset_from_content_type,
    declared_charset,
    decode_bytes,
    normalize_charset,
)

KOREAN = (
    "북한군이 러시아에 파병되었다는 보도가 나온 뒤 한국 정부는 우크라이나에 대한 무기 지원을 검토하고 있다고 "
    "밝혔다. 대통령실 관계자는 단계적으로 대응하겠다고 말했다."
)
FRENCH = "Le café était fermé, mais la crème brûlée restait délicieuse à Noël. Über die Straße gingen Müller et Søren."
TYPOGRAPHIC = "He said “we’re ready” — and then left… The price: €50."


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_korean_legacy_encodings_decode_without_declaration(codec: str) -> None:
    d = decode_bytes(KOREAN.encode(codec))
    assert d.text == KOREAN
    assert not d.lossy


def test_korean_declared_in_meta() -> None:
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-KR"></head><body><p>{KOREAN}</p>'
    d = decode_bytes(html.encode("euc-kr"), html=True)
    assert KOREAN in d.text
    assert d.method == "declared"
    assert d.encoding == "cp949"


def test_latin1_and_cp1252() -> None:
    assert decode_bytes(FRENCH.encode("latin-1")).text == FRENCH
    assert decode_bytes(TYPOGRAPHIC.encode("cp1252")).text == TYPOGRAPHIC
    # a short word is too little for a statistical detector, not for the isolated-high-byte rule
    assert decode_bytes("café".encode("latin-1")).text == "café"


def test_http_header_charset_wins_over_detection() -> None:
    data = "Ελληνικά νέα: η κυβέρνηση ανακοίνωσε".encode("iso-8859-7")
    d = decode_bytes(data, http_charset="ISO-8859-7")
    assert d.text.startswith("Ελληνικά")
    assert d.method == "declared"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_with_and_without_bom(codec: str) -> None:
    text = "Hello, world. " + KOREAN
    d = decode_bytes(text.encode(codec))
    assert d.text == text


def test_utf16_html_without_bom_is_not_binary() -> None:
    from newsgraph.ingest.sniff import binary_kind, kind_for

    data = "<html><body><p>Hello there, this is UTF-16.</p></body></html>".encode("utf-16-le")
    assert binary_kind(data) is None
    assert kind_for("page", data) == "html"
    assert decode_bytes(data, html=True).text.startswith("<html>")


def test_utf8_served_as_latin1_is_read_as_utf8() -> None:
    d = decode_bytes("Müller’s café".encode(), http_charset="iso-8859-1")
    assert d.text == "Müller’s café"


def test_nul_bytes_are_stripped_and_newlines_normalised() -> None:
    d = decode_bytes(b"hel\x00lo\r\nwor\x00ld\rend")
    assert d.text == "hello\nworld\nend"


def test_invalid_bytes_never_raise_and_are_flagged() -> None:
    d = decode_bytes(b"\xff\xfe\xfd" * 3 + "Żółć".encode() + b"\x80\x81")
    assert isinstance(d.text, str)


def test_charset_helpers() -> None:
    assert normalize_charset("EUC-KR") == "cp949"
    assert normalize_charset("latin1") == "cp1252"
    assert normalize_charset("no-such-charset") is None
    assert charset_from_content_type('text/html; charset="Shift_JIS"') == "cp932"
    assert charset_from_content_type("text/html") is None
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><html/>') == "cp1251"
    # ASCII bytes cannot truthfully declare UTF-16
    assert declared_charset(b'<meta charset="utf-16">') is None


def test_bom_table_is_consistent() -> None:
    assert codecs.BOM_UTF8 == b"\xef\xbb\xbf"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([None, "utf-8", "euc-kr", "bogus", "utf-16"]), st.booleans())
def test_decode_never_raises(data: bytes, charset: str | None, html: bool) -> None:
    d = decode_bytes(data, http_charset=charset, html=html)
    assert "\x00" not in d.text
    assert "\r" not in d.text
