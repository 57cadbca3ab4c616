"""Opaque page cursors for the JSON API: url-safe base64 (no padding) of a small JSON object.

``{"v": 1, "e": "quotes", "k": [...], "f": "...", "c": "..."}``: format version, endpoint, the sort key of the last
row returned (the store's keyset ``after=`` value, see :mod:`newsgraph.store.paging`), a digest of the
request's filters (a cursor is only valid with the filters it was issued for) and a keyed checksum over the rest.

The checksum makes any edit to a cursor a clean HTTP 400 instead of a silently different page. It is an
integrity check, not a secret: a cursor grants nothing (it only names a position in a listing the caller can
read anyway, and every value reaches SQL as a bound parameter), so a hand-made cursor that passes validation is
harmless.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import HTTPException

VERSION = 1
MAX_CURSOR = 2048
_KEY = b"newsgraph-cursor-v1"


def _digest(data: Any, size: int) -> str:
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    return hashlib.blake2b(raw, key=_KEY, digest_size=size).hexdigest()


def encode_cursor(endpoint: str, filters: Mapping[str, Any], key: Sequence[Any]) -> str:
    body: dict[str, Any] = {"v": VERSION, "e": endpoint, "k": list(key), "f": _digest(dict(filters), 6)}
    body["c"] = _digest(body, 8)
    raw = json.dumps(body, separators=(",", ":"), ensure_ascii=True, allow_nan=False).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _bad(why: str) -> HTTPException:
    return HTTPException(
        400, f"invalid cursor: {why}; pass back next_cursor unchanged, or omit cursor to start over"
    )


def decode_cursor(cursor: str, endpoint: str, filters: Mapping[str, Any]) -> list[Any]:
    """The key a cursor carries, or HTTP 400 for anything that is not a cursor this endpoint issued for these
    filters (bad encoding, edited, another endpoint's, another query's, another format version)."""
    if len(cursor) > MAX_CURSOR:
        raise _bad("too long")
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4))
        body = json.loads(raw.decode("utf-8"), parse_constant=lambda c: None)
    except (ValueError, UnicodeError, binascii.Error):
        raise _bad("not a cursor") from None
    if not isinstance(body, dict) or set(body) != {"v", "e", "k", "f", "c"}:
        raise _bad("not a cursor")
    check = body.pop("c")
    if not isinstance(check, str) or check != _digest(body, 8):
        raise _bad("checksum mismatch (the cursor was altered)")
    if body["v"] != VERSION:
        raise _bad("from another version of the API")
    if body["e"] != endpoint:
        raise _bad(f"issued by /api/{body['e']}, not /api/{endpoint}")
    if body["f"] != _digest(dict(filters), 6):
        raise _bad("issued for different filters (cursor only works with the query it came from)")
    key = body["k"]
    if not isinstance(key, list):
        raise _bad("malformed key")
    return key  # its values are checked by the store (KeysetError: a 400 too)
