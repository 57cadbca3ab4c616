"""Boxes inside an article's markup that are not the article: related-story lists, "Popular"/"Trending" teasers,
"MORE:" lines, newsletter and membership appeals, "Follow us", "Got a story?", "This is a breaking story - more
to follow", transcript toggles and embedded posts (tweets, Instagram, TikTok).

Two places: :func:`prune_embedded_posts` takes embedded social posts out of the page's tree before the body pass
(their markup says what they are); :func:`box_paragraphs` judges the extracted paragraphs one by one (a box
heading also takes the short teaser lines after it). Each removal has a reason (``box: related``, ``box:
newsletter``, ``box: follow``, ``box: breaking``, ``box: transcript``, ``embedded-post``) and goes to
``Article.removed``. The word lists are generic English furniture, not one site's strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.clean.html_options import HtmlElement

# a heading that opens a list of teasers
_BOX_HEADING = re.compile(
    r"^(?:you (?:might|may|will) (?:also )?(?:like|enjoy|be interested in)|(?:more )?related(?: stories| articles|"
    r" posts| content| coverage| reading| news| links)?|(?:most )?popular(?: (?:now|stories|articles|posts))?|"
    r"trending(?: now| stories| articles)?|most (?:read|viewed|shared|watched)|don'?t miss|"
    r"recommended(?: for you| stories| articles| reading)?|read (?:next|also)|up next|more (?:stories|news|"
    r"articles|headlines)|explore further|top stories|latest (?:news|stories|articles)|editor'?s picks|"
    r"more from [\w .'&-]{1,40}|see also|also read|in other news|what to read next)\s*:?$",
    re.IGNORECASE,
)
# one line pointing at another story ("MORE: ...", "Related: ...", "READ MORE: ...")
_RELATED_LINE = re.compile(
    r"^(?:\(?\s*)?(?:(?:read|see|watch|listen)\s+)?(?:more|also|next)\s*:|^(?:related|see also|also read|read also|"
    r"recommended|don'?t miss|trending|popular|explore further)\s*:|^\(?(?:read|see) (?:more|also)\b.{0,200}\)$|^read more\W*$",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"^(?:subscribe|sign up|register (?:now|today|for (?:free|our))|join (?:our |the )?(?:newsletter|mailing list|"
    r"membership|members|today|now|for free|\w+plus\b)|support (?:our|independent|quality) [\w ]{0,20}journalism|"
    r"become a (?:member|subscriber|supporter)|donate|get (?:the|our) [\w' ]{0,40}newsletter|click here to "
    r"(?:subscribe|sign up|join|support|donate)|if you (?:enjoyed|liked|value|appreciate) (?:this|our))\b|"
    r"delivered (?:straight )?to your inbox|\bmembers get\b|\bbecome a (?:member|subscriber|supporter)\b",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"^(?:follow (?:us|@\w+|\w+(?: \w+){0,4} on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|"
    r"tiktok|youtube))|like us on facebook|click here to (?:get|download) the [\w' ]{1,40}app|download the "
    r"[\w' ]{1,40}app|got a (?:story|tip|news tip)\b|have a (?:story|tip)\b|do you have a (?:story|tip)\b)",
    re.IGNORECASE,
)
_BREAKING = re.compile(
    r"^(?:this (?:is a|story is a|is an?) (?:breaking|developing) (?:news )?(?:story|news)|this (?:story|article)"
    r" (?:is developing|will be updated|is being updated)|more to follow|check back (?:later |soon )?for "
    r"(?:more|updates))",
    re.IGNORECASE,
)
_TRANSCRIPT = re.compile(
    r"^(?:(?:show|hide|read|view|open|expand|full|video|audio|podcast) )?transcript\s*:?$", re.IGNORECASE
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# the signature line of an embedded tweet: "— Jane Doe (@janedoe) October 22, 2024"
_TWEET_SIGNATURE = re.compile(rf"\(@\w{{1,15}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$", re.IGNORECASE)
_EMBED_CLASS = re.compile(r"twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|fb-post")

_BOX_RULES: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("transcript", _TRANSCRIPT.match),
    ("related", _RELATED_LINE.search),
    ("follow", _FOLLOW.match),
    ("breaking", _BREAKING.match),
    ("tweet", _TWEET_SIGNATURE.search),
    ("newsletter", _APPEAL.search),
)
""":func:`box_reason`'s tests in order: the first that finds its pattern in the paragraph names the box."""
_MAX_BOX_WORDS = 45
_MAX_TEASER_WORDS = 20


def prune_embedded_posts(tree: HtmlElement) -> list[str]:
    """Remove embedded social posts (``<blockquote class="twitter-tweet">``, Instagram, TikTok, Bluesky,
    Facebook embeds) from ``tree``; their texts, for ``removed``."""
    found = [
        el
        for el in tree.iter("blockquote", "div")
        if _EMBED_CLASS.search(el.get("class") or "") and el.getparent() is not None
    ]
    texts: list[str] = []
    for el in found:
        if any(a in found for a in el.iterancestors()):
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if text:
            texts.append(text)
        el.drop_tree()
    return texts


def _words(text: str, cap: int) -> int:
    return len(text.split(None, cap))


def box_reason(para: str) -> str | None:
    """The reason a single paragraph is a box, or None: ``related`` ("MORE: ...", "Related: ..."),
    ``newsletter`` (subscription and membership appeals), ``follow`` ("Follow us on ...", "Got a story?"),
    ``breaking`` ("This is a breaking story - more to follow"), ``transcript`` (a transcript toggle),
    ``tweet`` (an embedded tweet's signature line). Long paragraphs are prose, never boxes."""
    if _words(para, _MAX_BOX_WORDS + 1) > _MAX_BOX_WORDS:
        return None
    return next((reason for reason, test in _BOX_RULES if test(para)), None)


def is_box_heading(para: str) -> bool:
    """A heading opening a list of teasers ("You might also like", "Popular", "Trending now", "More from X")."""
    return len(para) <= 60 and _BOX_HEADING.match(para.strip(" -–—•:")) is not None


def _is_teaser(para: str) -> bool:
    """A teaser line under a box heading: a short headline, without the full stop of a sentence."""
    text = para.strip(" -–—•")
    return 0 < _words(text, _MAX_TEASER_WORDS + 1) <= _MAX_TEASER_WORDS and not text.endswith((".", ":"))


def box_paragraphs(paras: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """(kept paragraphs, [(removed paragraph, reason)]): the single-paragraph boxes of :func:`box_reason`, and
    each box heading with the teaser lines after it (at most 12; only bulleted ones when the first is bulleted). A heading or a box as the article's first
    paragraph is left alone (too little context to judge)."""
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        if kept and is_box_heading(para):
            removed.append((para, "box: related"))
            j = i + 1
            bulleted = j < len(paras) and paras[j].startswith(("- ", "• "))
            while (
                j < len(paras)
                and j - i <= 12
                and _is_teaser(paras[j])
                and not is_box_heading(paras[j])
                and (not bulleted or paras[j].startswith(("- ", "• ")))
            ):
                removed.append((paras[j], "box: related"))
                j += 1
            i = j
            continue
        reason = box_reason(para) if kept else None
        if reason:
            removed.append((para, f"box: {reason}"))
        else:
            kept.append(para)
        i += 1
    return kept, removed
