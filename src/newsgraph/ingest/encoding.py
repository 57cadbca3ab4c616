"""Decode bytes to text: BOM, declared charset (HTTP header, ``<meta>``), then detection; never raises.

Order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. strictly valid UTF-8 (a real legacy-encoded text is almost never valid UTF-8, while pages declaring
   ``iso-8859-1`` but serving UTF-8 are common);
3. the charset declared by the HTTP ``Content-Type`` header (WARC) or the document itself
   (``<meta charset>``, ``<meta http-equiv="Content-Type">``, ``<?xml encoding?>``), if it decodes cleanly;
4. UTF-16 without a BOM (NUL bytes on one parity);
5. Western single-byte text (isolated non-ASCII bytes between ASCII letters) as cp1252, the WHATWG reading
   of ``latin-1``;
6. charset-normalizer for the rest (CJK multi-byte encodings such as cp949/EUC-KR, Cyrillic, Greek, ...);
7. a lossy cp1252 / declared-charset decode as the last resort.

NUL bytes are stripped and line ends normalised to ``\\n``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG-style aliases: labels that browsers read as a superset encoding.
_ALIASES: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "euc-kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "ksc5601": "cp949",
    "windows-949": "cp949",
    "x-windows-949": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "tis-620": "cp874",
    "utf8": "utf-8",
    "unicode": "utf-16",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{2,40})["']""", re.IGNORECASE
)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.IGNORECASE)
_META_SCAN_BYTES = 32_768
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_NEWLINES = re.compile(r"\r\n?")


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus how it was decoded (``method``: bom, utf-8, declared, utf-16, cp1252, detected, lossy)."""

    text: str
    encoding: str
    method: str
    lossy: bool = False


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label (``EUC-KR`` -> ``cp949``), or None when unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` value, normalised (or None)."""
    if not content_type:
        return None
    m = _HTTP_CHARSET.search(content_type)
    return normalize_charset(m.group(1)) if m else None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 32 KB (``<meta>`` or ``<?xml?>``), normalised."""
    head = data[:_META_SCAN_BYTES]
    for rx in (_META_CHARSET, _XML_ENCODING):
        m = rx.search(head)
        if m:
            cs = normalize_charset(m.group(1).decode("ascii", "ignore"))
            # A document cannot truthfully declare UTF-16 in ASCII bytes: browsers read it as UTF-8.
            if cs and not cs.startswith(("utf-16", "utf-32")):
                return cs
    return None


def utf16_without_bom(data: bytes) -> str | None:
    sample = data[:65_536]
    n = len(sample)
    if n < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    nuls = even + odd
    if nuls < max(4, n * 0.05):
        return None
    if odd >= 0.7 * nuls:
        return "utf-16-le"
    if even >= 0.7 * nuls:
        return "utf-16-be"
    return None


def _mostly_isolated_high_bytes(data: bytes) -> bool:
    """Western text: bytes >= 0x80 stand alone between ASCII (é in "café"); multi-byte and Cyrillic text runs them."""
    runs = [len(r) for r in _HIGH_RUN.findall(data[:262_144])]
    high = sum(runs)
    paired = sum(n for n in runs if n > 1)
    if high == 0:
        return True
    return paired < 0.5 * high


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _finish(text: str, encoding: str, method: str, lossy: bool = False) -> Decoded:
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, encoding, method, lossy)


def decode_bytes(data: bytes, *, http_charset: str | None = None, html: bool = False) -> Decoded:  # noqa: C901, PLR0912
    """Decode ``data`` to text; never raises. ``http_charset`` is the charset from an HTTP header, if any."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = _try(body, enc)
            if text is not None:
                return _finish(text, enc, "bom")
            return _finish(body.decode(enc, "replace"), enc, "bom", lossy=True)

    text = _try(data, "utf-8")
    if text is not None and "\x00" not in text:
        return _finish(text, "utf-8", "utf-8")

    declared = [
        cs for cs in (normalize_charset(http_charset), declared_charset(data) if html else None) if cs
    ]
    for cs in declared:
        text = _try(data, cs)
        if text is not None and (not cs.startswith("utf-16") or utf16_without_bom(data)):
            return _finish(text, cs, "declared")

    utf16 = utf16_without_bom(data)
    if utf16:
        return _finish(data.decode(utf16, "replace"), utf16, "utf-16", lossy=_try(data, utf16) is None)

    stripped = data.replace(b"\x00", b"") if b"\x00" in data else data
    if stripped is not data:
        text = _try(stripped, "utf-8")
        if text is not None:
            return _finish(text, "utf-8", "utf-8")

    if _mostly_isolated_high_bytes(stripped):
        text = _try(stripped, "cp1252")
        if text is not None:
            return _finish(text, "cp1252", "cp1252")
        # cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls rather than failing.
        return _finish(stripped.decode("latin-1"), "latin-1", "cp1252")

    detected = _detect(stripped)
    if detected:
        text = _try(stripped, detected)
        if text is not None:
            return _finish(text, detected, "detected")
        return _finish(stripped.decode(detected, "replace"), detected, "detected", lossy=True)

    fallback = declared[0] if declared else "cp1252"
    return _finish(stripped.decode(fallback, "replace"), fallback, "lossy", lossy=True)


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
    except Exception:  # the detector must not sink a document
        return None
    if best is None:
        return None
    enc = normalize_charset(best.encoding)
    if enc is None or enc.startswith(("utf-16", "utf-32")):
        # UTF-16 without NUL parity evidence is a misdetection of a short single-byte text.
        return None
    return enc
