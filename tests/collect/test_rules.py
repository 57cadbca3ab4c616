"""The collector's small named rules, each on its own: rate arithmetic, Retry-After, backoff, intervals,
URL normalisation, feed/sitemap dates, document kinds, canonical links, robots rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from protego import Protego

from newsgraph.collect.gate import HostGates, backoff_delay, retry_after
from newsgraph.collect.robots import Rules
from newsgraph.collect.run import canonical_url
from newsgraph.collect.sources import classify, read_url_file
from newsgraph.collect.urls import entry_dates, normalise
from newsgraph.collect.watch import parse_every


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, s: float) -> None:
        self.slept.append(round(s, 6))
        self.t += s


def test_host_gates_space_requests_per_host_only() -> None:
    clock = FakeClock()
    gates = HostGates(rate=2.0, per_host=1, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        with gates.slot("a.example"):
            pass
    with gates.slot("b.example"):  # another host does not wait for a.example
        pass
    assert clock.slept == [0.5, 0.5]


def test_crawl_delay_slows_and_retry_after_pauses_the_host() -> None:
    clock = FakeClock()
    gates = HostGates(rate=10.0, per_host=1, clock=clock, sleep=clock.sleep)
    gates.set_crawl_delay("a", 0.01)  # faster than our rate: ignored
    gates.set_crawl_delay("b", 2.0)
    for host in ("a", "a", "b", "b"):
        with gates.slot(host):
            pass
    assert clock.slept == [0.1, 2.0]
    gates.pause("a", 5.0)
    with gates.slot("a"):
        pass
    assert clock.slept[-1] == 5.0


def test_retry_after_parses_seconds_and_http_dates() -> None:
    now = datetime(2024, 10, 22, 8, 0, 0, tzinfo=UTC)
    assert retry_after("3") == 3.0
    assert retry_after("Tue, 22 Oct 2024 08:00:30 GMT", now=now) == 30.0
    assert retry_after("Tue, 22 Oct 2024 07:00:00 GMT", now=now) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_backoff_doubles_up_to_the_cap_unless_the_server_asks() -> None:
    assert [backoff_delay(i, 1.0, 5.0, None) for i in range(4)] == [1.0, 2.0, 4.0, 5.0]
    assert backoff_delay(0, 1.0, 5.0, 7.0) == 7.0


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900.0), ("90s", 90.0), ("1h", 3600.0), ("2", 2.0), ("0.5s", 0.5)]
)
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("bad", ["", "0m", "soon", "5 weeks"])
def test_parse_every_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid interval"):
        parse_every(bad)


def test_normalise_drops_tracking_and_fragments() -> None:
    assert (
        normalise("https://News.Example.com/a/b.html?utm_source=x&id=3#top")
        == "https://news.example.com/a/b.html?id=3"
    )
    assert normalise("http://127.0.0.1:8000/a.html#x") == "http://127.0.0.1:8000/a.html"
    assert normalise("https://example.com/photo.jpg") is None
    assert normalise("ftp://example.com/a") is None and normalise("not a url") is None


def test_entry_dates_from_rss_atom_and_sitemaps() -> None:
    rss = "<rss><channel><item><link>https://example.com/a</link><pubDate>Tue, 22 Oct 2024 08:00:00 GMT</pubDate></item></channel></rss>"
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://example.com/b"/><updated>2024-10-23T01:00:00Z</updated></entry></feed>'
    sm = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        "<url><loc>https://example.com/c</loc><news:news><news:publication_date>2019-01-01</news:publication_date></news:news></url>"
        "<url><loc>https://example.com/d</loc></url></urlset>"
    )
    assert entry_dates(rss) == {"https://example.com/a": "2024-10-22"}
    assert entry_dates(atom) == {"https://example.com/b": "2024-10-23"}
    assert entry_dates(sm) == {"https://example.com/c": "2019-01-01"}
    assert entry_dates("not xml at all") == {}


def test_classify_documents() -> None:
    assert classify('<?xml version="1.0"?><urlset xmlns="x"><url/></urlset>', "application/xml") == "sitemap"
    assert classify('<?xml version="1.0"?><sitemapindex/>', "") == "sitemap"
    assert classify('<?xml version="1.0"?><rss version="2.0"></rss>', "application/rss+xml") == "feed"
    assert classify('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "") == "feed"
    assert (
        classify('{"version": "https://jsonfeed.org/version/1.1", "items": []}', "application/json") == "feed"
    )
    assert classify("<!doctype html><html><body>hi</body></html>", "text/html") == "site"
    assert classify("https://example.com/a\nhttps://example.com/b\n", "text/plain") == "sitemap"


def test_canonical_url() -> None:
    page = b'<html><head><link rel="canonical" href="/story?utm_medium=x"></head></html>'
    assert canonical_url(page, "https://example.com/amp/story") == "https://example.com/story"
    assert canonical_url(b"<html></html>", "https://example.com/") is None


def test_robots_rules() -> None:
    rules = Rules(
        Protego.parse("User-agent: *\nDisallow: /private/\nCrawl-delay: 3\nSitemap: https://e.com/s.xml\n")
    )
    assert rules.allowed("https://e.com/news/a") and not rules.allowed("https://e.com/private/a")
    assert rules.crawl_delay() == 3.0 and rules.sitemaps() == ["https://e.com/s.xml"]
    ours = Rules(Protego.parse("User-agent: newsgraph\nDisallow: /\n\nUser-agent: *\nAllow: /\n"))
    assert not ours.allowed("https://e.com/a"), "rules for our own agent apply"
    assert not Rules(None, deny_all=True).allowed("https://e.com/a") and Rules(None).allowed(
        "https://e.com/a"
    )


def test_read_url_file(tmp_path: pytest.TempPathFactory) -> None:
    p = tmp_path / "u.txt"  # type: ignore[operator]
    p.write_text("# comment\n\nhttps://e.com/a\n  https://e.com/b  \n")
    assert read_url_file(p) == ["https://e.com/a", "https://e.com/b"]
