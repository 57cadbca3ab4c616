"""The REST API in-process (httpx ASGI transport, a real SQLite store)."""

from __future__ import annotations

import httpx
import pytest

from newsgraph.models import Article, span_errors

pytestmark = pytest.mark.anyio

XSS = "<script>alert('xss')</script>"
NASTY = [
    '"',
    "'",
    "%",
    "*",
    "NEAR(a b)",
    "a OR b AND",
    "-x",
    "'; DROP TABLE articles; --",
    "\\",
    ")(",
    "^",
    "col:val",
    "\u0000",
    "🙂",
    'a" OR "1"="1',
    "title:*",
    "{}",
    "[]",
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _post_sample(client: httpx.AsyncClient, auth: dict[str, str], payload: dict[str, str]) -> Article:
    r = await client.post("/api/articles", json=payload, headers=auth)
    assert r.status_code == 201, r.text
    return Article.model_validate(r.json()["article"])


async def test_write_needs_token(client: httpx.AsyncClient, sample_payload: dict[str, str]) -> None:
    r = await client.post("/api/articles", json=sample_payload)
    assert r.status_code == 401
    r = await client.post("/api/articles", json=sample_payload, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401


async def test_post_get_article_roundtrip(
    client: httpx.AsyncClient, auth: dict[str, str], sample_payload: dict[str, str]
) -> None:
    art = await _post_sample(client, auth, sample_payload)
    assert art.title and "weapons" in art.title
    assert span_errors(art) == []
    r = await client.get(f"/api/articles/{art.id}")
    assert r.status_code == 200
    assert Article.model_validate(r.json()).body == art.body
    again = await client.post("/api/articles", json=sample_payload, headers=auth)
    assert again.json()["added"] is False
    assert (await client.get("/api/articles/doesnotexist")).status_code == 404


async def test_listings_filters_and_pagination(
    client: httpx.AsyncClient, auth: dict[str, str], sample_payload: dict[str, str]
) -> None:
    await _post_sample(client, auth, sample_payload)
    r = await client.get("/api/quotes", params={"kind": "anonymous", "limit": 500})
    assert r.status_code == 200
    items = r.json()["items"]
    assert items and all(q["speaker_kind"] == "anonymous" for q in items)
    seen: list[str] = []
    cursor = None
    for _ in range(50):
        params: dict[str, str | int] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/api/quotes", params=params)).json()
        seen += [q["quote_id"] for q in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) >= 6
    denied = (await client.get("/api/claims", params={"status": "denied"})).json()["items"]
    assert denied and all(c["status"] == "denied" for c in denied)
    tl = await client.get(f"/api/claims/{denied[0]['key']}")
    assert tl.status_code == 200 and tl.json()["claims"]
    assert (await client.get("/api/claims", params={"status": "nonsense"})).status_code == 422
    assert (await client.get("/api/quotes", params={"cursor": "!!!"})).status_code == 400


async def test_entity_and_search(
    client: httpx.AsyncClient, auth: dict[str, str], sample_payload: dict[str, str]
) -> None:
    await _post_sample(client, auth, sample_payload)
    r = await client.get("/api/entities/Kim Tae-hyo")
    assert r.status_code == 200
    assert r.json()["quotes_by"], "Kim Tae-hyo's quotes are listed on his entity"
    hits = (await client.get("/api/search", params={"q": "withdrawal"})).json()["items"]
    assert hits
    assert (await client.get("/api/entities/Nobody Here")).status_code == 404


async def test_hostile_query_strings_never_500(
    client: httpx.AsyncClient, auth: dict[str, str], sample_payload: dict[str, str]
) -> None:
    await _post_sample(client, auth, sample_payload)
    for s in NASTY:
        for path, key in (
            ("/api/search", "q"),
            ("/api/quotes", "speaker"),
            ("/api/claims", "about"),
            ("/api/claims", "source"),
        ):
            r = await client.get(path, params={key: s})
            assert r.status_code in (200, 400, 422), (
                path,
                s,
                r.status_code,
                r.text,
            )  # 400: NUL, over the search bound
    assert (await client.get("/api/articles/1", params={})).status_code == 404
    r = await client.get("/api/articles/2")
    assert r.status_code == 404


async def test_body_limit_and_no_traces(tmp_path: object, settings: object) -> None:
    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings

    assert isinstance(settings, Settings)
    settings.max_body_bytes = 1000
    app = create_app(settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, raise_app_exceptions=False), base_url="http://testserver"
    ) as c:
        r = await c.post(
            "/api/articles",
            content=b"x" * 5000,
            headers={"Authorization": "Bearer test-token-123", "content-type": "application/json"},
        )
        assert r.status_code == 413
        r = await c.post(
            "/api/articles",
            content=b"{not json",
            headers={"Authorization": "Bearer test-token-123", "content-type": "application/json"},
        )
        assert r.status_code == 422
        assert "Traceback" not in r.text


async def test_rate_limit(settings: object) -> None:
    from newsgraph.api.app import create_app
    from newsgraph.api.security import Settings

    assert isinstance(settings, Settings)
    settings.rate_per_minute = 5
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        codes = [(await c.get("/api/quotes")).status_code for _ in range(8)]
    assert codes[:5] == [200] * 5
    assert 429 in codes[5:]


async def test_security_headers_cors_closed_and_static_traversal(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/quotes", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    for path in (
        "/static/../app.py",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/swagger/../../app.py",
    ):
        rr = await client.get(path)
        assert rr.status_code == 404, path
        assert "create_app" not in rr.text
    assert (await client.get("/static/app.css")).status_code == 200


async def test_docs_and_openapi_are_offline(client: httpx.AsyncClient) -> None:
    doc = await client.get("/docs")
    assert doc.status_code == 200
    assert "cdn" not in doc.text.lower() and "/static/swagger/swagger-ui-bundle.js" in doc.text
    assert (await client.get("/static/swagger/swagger-ui-bundle.js")).status_code == 200
    spec = (await client.get("/openapi.json")).json()
    assert "/api/articles" in spec["paths"] and "/api/claims/{claim_id}" in spec["paths"]
    assert "Article" in spec["components"]["schemas"]


async def test_xss_article_renders_as_text(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    text = (
        f"Evil headline {XSS}\n\nThe mayor said “{XSS} is fine” on Monday, according to officials. "
        f"<img src=x onerror=alert(1)> “Nothing to see,” the spokesman added.\n"
    )
    art = await _post_sample(client, auth, {"text": text, "format": "text"})
    page = await client.get(f"/articles/{art.id}")
    assert page.status_code == 200
    assert "<script>alert(" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text or "\\u003cscript\\u003e" in page.text


async def test_article_page_names_the_site(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    html = (
        '<html><head><title>Best toothbrushes</title><meta property="og:site_name" content="GearLab Reviews">'
        "</head><body><article><h1>Best toothbrushes</h1><p>We tested twelve electric toothbrushes over three "
        "months in our lab in Denver, brushing twice a day with each model.</p><p>We recommend choosing a brush "
        "with soft bristles for most adults and for children over six years old.</p></article></body></html>"
    )
    art = await _post_sample(client, auth, {"text": html, "format": "html"})
    assert art.sitename == "GearLab Reviews"
    page = await client.get(f"/articles/{art.id}")
    assert '<span class="site">GearLab Reviews</span>' in page.text
    assert [q.speaker.name for q in art.quotes if q.cue == "recommend"] == ["GearLab Reviews"]
