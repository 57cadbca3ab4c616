"""What one fetch returns (:class:`Response`), below the fetcher and the robots.txt cache that both use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Response", "Want"]

Want = Literal["page", "feed", "robots"]
"""What a fetch is for: the content types it accepts and whether robots.txt applies."""


@dataclass(frozen=True)
class Response:
    """One fetch's outcome (after redirects and retries). ``body`` is decoded from any content-encoding."""

    url: str
    final_url: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    fetched_at: str = ""
    error: str | None = None
    retryable: bool = False
    """True when a later run may succeed (429/5xx after retries, network errors, timeouts)."""
    requests: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")
