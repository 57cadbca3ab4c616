"""Opaque page cursors for the JSON API: url-safe base64 (no padding) of a small JSON object.

``{"v": 1, "e": "quotes", "k": [...], "f": "...", "c": "..."}``: format version, endpoint, the sort key of the last
row returned (the store's keyset ``after=`` value, see :mod:`newsgraph.store.paging`), a digest of the
request's filters (a cursor is only valid with the filters it was issued for) and a keyed checksum over the rest.

The checksum makes any edit to a cursor a clean HTTP 400 instead of a silently different page. Its key is the
store's own random secret (``meta.cursor_secret``, migration 0008), so a cursor cannot be forged from the
source code; a cursor still grants nothing (it only names a position in a listing the caller can read anyway,
and every value reaches SQL as a bound parameter). Size, nesting and numbers are checked before use: any
malformed cursor is a 400, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import HTTPException

VERSION = 1
MAX_CURSOR = 2048
_PROCESS_KEY = secrets.token_bytes(32)  # for callers that do not pass their store's secret
MAX_INT = 2**53  # bigger integers are not a row's key (and overflow SQLite's 64-bit integers)
MAX_NESTING = 4


def _digest(data: Any, size: int, secret: bytes | None = None) -> str:
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    return hashlib.blake2b(raw, key=(secret or _PROCESS_KEY)[:64], digest_size=size).hexdigest()


def encode_cursor(
    endpoint: str, filters: Mapping[str, Any], key: Sequence[Any], secret: bytes | None = None
) -> str:
    body: dict[str, Any] = {"v": VERSION, "e": endpoint, "k": list(key), "f": _digest(dict(filters), 6)}
    body["c"] = _digest(body, 8, secret)
    raw = json.dumps(body, separators=(",", ":"), ensure_ascii=True, allow_nan=False).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _bad(why: str) -> HTTPException:
    return HTTPException(
        400, f"invalid cursor: {why}; pass back next_cursor unchanged, or omit cursor to start over"
    )


def _plain_value(v: Any) -> bool:
    if v is None or isinstance(v, bool):
        return True
    if isinstance(v, str):
        return len(v) <= 1000
    if isinstance(v, int):
        return -MAX_INT < v < MAX_INT
    if isinstance(v, float):
        return math.isfinite(v) and abs(v) < 1e300
    return False


def decode_cursor(
    cursor: str, endpoint: str, filters: Mapping[str, Any], secret: bytes | None = None
) -> list[Any]:
    """The key a cursor carries, or HTTP 400 for anything that is not a cursor this endpoint issued for these
    filters (bad encoding, edited, another endpoint's, another query's, another format version)."""
    if len(cursor) > MAX_CURSOR:
        raise _bad("too long")
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4))
        if raw.count(b"[") + raw.count(b"{") > MAX_NESTING:  # no deep nesting reaches the JSON parser
            raise _bad("not a cursor")
        body = json.loads(raw.decode("utf-8"), parse_constant=lambda c: None, parse_int=_bounded_int)
    except (ValueError, UnicodeError, binascii.Error, RecursionError, OverflowError):
        raise _bad("not a cursor") from None
    if not isinstance(body, dict) or set(body) != {"v", "e", "k", "f", "c"}:
        raise _bad("not a cursor")
    check = body.pop("c")
    if not isinstance(check, str) or check != _digest(body, 8, secret):
        raise _bad("checksum mismatch (the cursor was altered)")
    if body["v"] != VERSION:
        raise _bad("from another version of the API")
    if body["e"] != endpoint:
        raise _bad(f"issued by /api/{body['e']}, not /api/{endpoint}")
    if body["f"] != _digest(dict(filters), 6):
        raise _bad("issued for different filters (cursor only works with the query it came from)")
    key = body["k"]
    if not isinstance(key, list) or len(key) > 8 or not all(_plain_value(v) for v in key):
        raise _bad("malformed key")
    return key  # its values are checked by the store (KeysetError: a 400 too)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 16:  # int() of a huge digit string is slow, and no key needs one
        raise ValueError("number too large")
    return int(text)


def cursor_secret(store: Any) -> bytes | None:
    """The store's cursor key (``meta.cursor_secret``), or None for a store without one."""
    if store is None:
        return None
    got = getattr(store, "meta", None)
    value = got("cursor_secret") if callable(got) else None
    return value.encode("ascii") if isinstance(value, str) and value else None
