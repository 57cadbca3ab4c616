"""URL normalisation and filtering (courlan), and the dates feeds and sitemaps give their entries."""

from __future__ import annotations

import ipaddress
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit, urlunsplit

from courlan import check_url, normalize_url
from lxml import etree

_DATE_TAGS = frozenset({"pubDate", "published", "updated", "lastmod", "publication_date", "date"})
_ENTRY_TAGS = frozenset({"item", "entry", "url"})


def normalise(url: str) -> str | None:
    """The canonical form of a page URL, or None when it is not an http(s) URL worth fetching.

    courlan drops tracking parameters, lower-cases the host and filters out media files; a host it does not
    know as public (an IP address, ``localhost``) is normalised without the filters. Fragments go.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    checked = check_url(url)
    if checked is None and not _private_host(parts.hostname or ""):
        return None
    try:
        out = checked[0] if checked else normalize_url(url)
    except ValueError:
        return None
    p = urlsplit(out)
    return urlunsplit((p.scheme, p.netloc, p.path or "/", p.query, ""))


def _private_host(host: str) -> bool:
    """An IP address or a single-label name (``localhost``): courlan refuses them, we fetch them."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return "." not in host


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _day(text: str) -> str | None:
    text = text.strip()
    if len(text) >= 10 and text[4] == "-" and text[:4].isdigit():
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def entry_dates(xml: str) -> dict[str, str]:
    """``url -> YYYY-MM-DD`` for each RSS item, Atom entry or sitemap url that carries a date (for ``--since``)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return {}
    out: dict[str, str] = {}
    if root is None:
        return out
    for el in root.iter():
        if _local(el.tag) not in _ENTRY_TAGS:
            continue
        link = day = None
        for child in el.iter():
            name = _local(child.tag)
            if name in ("link", "loc") and link is None:
                link = (child.get("href") or child.text or "").strip() or None
            elif name in _DATE_TAGS and day is None and child.text:
                day = _day(child.text)
        if link and day:
            norm = normalise(link)
            if norm:
                out[norm] = day
    return out
