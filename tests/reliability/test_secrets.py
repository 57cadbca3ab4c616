"""No secrets in logs or responses: the write token (good or wrong) never appears in any log record, at any level,
nor in a response body, whatever the request does with it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.api.security import Settings

TOKEN = "s3cret-Token-7f9a2b"
WRONG = "wr0ng-Token-c4d1e8"


def test_token_never_logged_nor_echoed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level
    app = create_app(Settings(db=str(tmp_path / "api.db"), token=TOKEN, allowed_hosts=["testserver"]))
    bodies: list[str] = []
    with TestClient(app, raise_server_exceptions=False) as client:
        good = {"Authorization": f"Bearer {TOKEN}"}
        requests = [
            (
                "post",
                "/api/articles",
                good,
                {"text": "The mayor said the bridge will reopen.", "format": "text"},
            ),
            ("post", "/api/articles", {"Authorization": f"Bearer {WRONG}"}, {"text": "x", "format": "text"}),
            ("post", "/api/articles", {"X-Newsgraph-Token": WRONG}, {"text": "x", "format": "text"}),
            ("post", "/api/articles", {"Authorization": WRONG}, {"text": "x", "format": "text"}),
            ("post", "/api/articles", good, {"text": 12, "format": "nonsense"}),  # validation error path
            ("get", "/api/search?q=bridge", good, None),
            ("get", "/api/claims?about=mayor", {"X-Newsgraph-Token": TOKEN}, None),
            ("get", "/api/no-such-route", good, None),
        ]
        statuses = []
        for method, url, headers, payload in requests:
            r = client.request(method, url, headers=headers, json=payload)
            statuses.append(r.status_code)
            bodies.append(r.text)
    assert statuses[0] in (200, 201), statuses
    assert statuses[1] == statuses[2] == statuses[3] == 401, statuses
    logged = "\n".join(f"{r.name} {r.levelname} {r.getMessage()} {r.args!r}" for r in caplog.records)
    assert caplog.records, "no log records were captured: the check would be vacuous"
    assert TOKEN not in logged and WRONG not in logged
    for b in bodies:
        assert TOKEN not in b and WRONG not in b, b[:300]
        assert "Traceback" not in b
