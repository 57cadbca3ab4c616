"""Running the app under uvicorn: prompt shutdown, forwarded headers only from configured proxies, no secrets in
the access log.

- On SIGTERM/SIGINT, :data:`~newsgraph.store.search_guard.CANCEL` is set, so a search running in a worker
  thread is interrupted inside SQLite at once, and open connections get at most :data:`GRACE_S` seconds.
- ``X-Forwarded-For`` / ``X-Forwarded-Proto`` are trusted only from the addresses in ``forwarded_allow_ips``
  (default: none), so a client cannot pick its own address to dodge the per-client rate limit.
- The access log never shows a token, even one sent in the query string.
"""

from __future__ import annotations

import logging
import re
from types import FrameType
from typing import Any

import uvicorn

from newsgraph.store.search_guard import CANCEL

GRACE_S = 3
_SECRET_PARAM = re.compile(r"(?i)([?&](?:token|access_token|api_key|apikey|key|password)=)[^&#\s]*")


def redact_url(path: str) -> str:
    """A request path with the values of secret-looking query parameters replaced by ``***``."""
    return _SECRET_PARAM.sub(r"\1***", path)


class RedactTokens(logging.Filter):
    """Rewrites uvicorn access-log records so the request line carries no token."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_url(args[2]), *args[3:])
        return True


class _Server(uvicorn.Server):
    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        CANCEL.set()  # interrupt running searches now; uvicorn then drains connections
        super().handle_exit(sig, frame)


def run(app: Any, *, host: str, port: int, forwarded_allow_ips: str = "", log_level: str = "info") -> None:
    """Serve ``app`` until SIGTERM/SIGINT. ``forwarded_allow_ips``: comma-separated proxy addresses whose
    ``X-Forwarded-*`` headers are trusted ("" = none, "*" = any)."""
    logging.getLogger("uvicorn.access").addFilter(RedactTokens())
    trusted = forwarded_allow_ips.strip()
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        proxy_headers=bool(trusted),
        forwarded_allow_ips=trusted or None,
        timeout_graceful_shutdown=GRACE_S,
        server_header=False,
    )
    CANCEL.clear()
    _Server(config).run()
