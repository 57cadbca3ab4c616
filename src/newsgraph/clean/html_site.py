"""The name of the site that published an HTML page, kept in ``Article.sitename``.

A company's blog, a review site or a newsroom speaks as *we* ("We recommend a brush with soft bristles", "we
reported last week"); attribution names that *we* after the site (rule ``site_is_the_we`` in
:mod:`newsgraph.attribution.reader`). The candidates are trafilatura's ``sitename`` (``og:site_name``, JSON-LD)
and the publisher the page names (``<meta name="publisher">``, JSON-LD ``publisher``), in that order. Pages give
them in many shapes, each a named rule with its test in ``tests/html/test_html_site.py``:

* a Twitter handle (``@UCLAHealth``): :func:`without_handle_mark`;
* a name with a tagline (``Wirecutter: Reviews for the Real World``, ``Healthcare AI | Aidoc Always-on AI``):
  :func:`site_part`, the part the page's host names, else the first;
* the page's own title, or a headline-long phrase, given as the site's name (``39 Best Electrician Tools for
  Your Tool Belt``): :func:`looks_like_a_name`;
* a hosting platform, which publishes nothing itself (``Medium``, ``Substack``): :func:`is_platform`.
"""

from __future__ import annotations

import html as html_lib
import re

from newsgraph.clean.html_names import alnum, host_labels

PLATFORMS = frozenset(
    {
        "medium", "substack", "wordpress", "wordpresscom", "blogger", "blogspot", "tumblr", "ghost", "wix",
        "squarespace", "weebly", "hashnode", "devcommunity", "dev", "linkedin", "facebook", "twitter", "x",
        "youtube", "instagram", "reddit", "quora", "github", "gitlab", "notion", "beehiiv", "mailchimp",
    }
)  # fmt: skip
"""Hosts of other people's pages, folded with :func:`~newsgraph.clean.html_names.alnum`: never the *we* of a
page they host."""

MAX_NAME_WORDS = 8
"""A site's name is short: a longer part is a title or a tagline."""

_SEPARATORS = re.compile(r"\s+[|:–—•·-]\s+|:\s+|\s*[|•·]\s*$")


def without_handle_mark(name: str) -> str:
    """``@UCLAHealth`` -> ``UCLAHealth``; HTML entities decoded (``Heating &amp; Cooling``), spaces folded."""
    return " ".join(html_lib.unescape(name).lstrip("@").split())


def site_part(name: str, keys: tuple[str, ...] = (), title: str | None = None) -> str:
    """The part of a name with a tagline that names the site: the one holding a key (the host's main label, the
    publisher's name: ``Healthcare AI | Aidoc Always-on AI`` on aidoc.com -> ``Aidoc Always-on AI``), else the
    first that is not part of the page's title (``How to Design a Website: a Complete Guide | Clay`` -> ``Clay``),
    else the first (``Wirecutter: Reviews for the Real World`` -> ``Wirecutter``)."""
    parts = [p.strip() for p in _SEPARATORS.split(name) if p.strip()]
    if len(parts) < 2:
        return parts[0] if parts else name
    for key in keys:
        for part in parts:
            if key in alnum(part):
                return part
    in_title = alnum(title or "")
    return next((p for p in parts if not in_title or alnum(p) not in in_title), parts[0])


def _keys(url: str | None, publisher: str | None) -> tuple[str, ...]:
    """Folded names a site's part may hold: the host's main label (``aidoc``), the publisher's name."""
    labels = host_labels(url) if url else []
    keys = [alnum(labels[-2])] if len(labels) >= 2 else []
    keys += [alnum(without_handle_mark(publisher))] if publisher else []
    return tuple(k for k in keys if len(k) >= 3)


def looks_like_a_name(name: str, title: str | None) -> bool:
    """A site's name, not the page's title or a headline: at most :data:`MAX_NAME_WORDS` words (``39 Best
    Electrician Tools for Your Tool Belt & Your Business``), not the page's own title nor a question (``What is
    Smart Energy?``), and no bare handle placeholder (``@site``)."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or alnum(name) in {"site", "website", "home", "blog"}:
        return False
    if name.rstrip().endswith("?"):
        return False
    return not (title and alnum(title) == alnum(name))


def is_platform(name: str) -> bool:
    """``Medium``, ``Substack``, ``WordPress.com``, ``jdoe's Substack``: a platform that hosts the page (and its
    account names), not a publisher."""
    folded = alnum(name)
    if folded in PLATFORMS or folded.removesuffix("com") in PLATFORMS:
        return True
    words = name.split()
    return len(words) > 1 and words[-2].endswith(("'s", "’s")) and alnum(words[-1]) in PLATFORMS


def site_name(
    sitename: str | None, publisher: str | None, url: str | None = None, title: str | None = None
) -> str | None:
    """The site's name from the page's metadata (``sitename`` first, then ``publisher``), or None when neither
    names a site (:func:`looks_like_a_name`, :func:`is_platform`)."""
    keys = _keys(url, publisher)
    # a handle is the last resort: "@trezy_io" beside the publisher "Trezy SAS"
    handle = sitename is not None and sitename.startswith("@")
    for candidate in (publisher, sitename) if handle else (sitename, publisher):
        if not candidate:
            continue
        name = site_part(without_handle_mark(candidate), keys, title)
        if publisher and alnum(name) == alnum(publisher):
            name = without_handle_mark(publisher)  # "homeyou" in a tagline, "Homeyou" as publisher
        if looks_like_a_name(name, title) and not is_platform(name):
            return name
    return None
