"""Turn an Article into highlighted segments for the web UI (pure functions, no I/O).

Quotes may nest (a mixed quote inside a reported sentence) or cross; the body is cut at every span boundary and
each segment is attributed to the innermost (shortest) quote that covers it, so every character is shown once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import pairwise

from newsgraph.models import Article, Claim, Quote

# Light backgrounds that keep >= 7:1 contrast with the page's near-black text (WCAG AAA for body text).
PALETTE = (
    "#ffe8a3",
    "#c8f0d8",
    "#cde3ff",
    "#ffd6e0",
    "#e6d9ff",
    "#d2f4f4",
    "#ffe0c2",
    "#e3f1c0",
    "#f3d9f7",
    "#d9e6f2",
    "#fbe7d4",
    "#dff5e8",
)


def speaker_class(name: str) -> str:
    """A stable CSS class (``sp-0`` .. ``sp-11``, colours from :data:`PALETTE` in app.css) per speaker name.

    Classes, not inline styles: the Content-Security-Policy forbids inline style attributes."""
    h = int(hashlib.blake2s(name.casefold().encode("utf-8"), digest_size=4).hexdigest(), 16)
    return f"sp-{h % len(PALETTE)}"


HEADING_CHARS = 90


def heading(title: str | None, body: str) -> str:
    """Rule ``first_line_heading``: what an article is listed under. Its title, else its body's first line cut at a
    word boundary (an untitled article used to be listed under its first 80 characters, which ran over the
    paragraph break into "The real Trump showed up at debate. GOP must live with it. Republicans learned")."""
    if title and title.strip():
        return title.strip()
    line = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    if len(line) <= HEADING_CHARS:
        return line or "(untitled)"
    cut = line[:HEADING_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


@dataclass(frozen=True)
class Segment:
    text: str
    quote: Quote | None
    paragraph_break: bool = False


def segments(article: Article) -> list[Segment]:
    """The body as consecutive segments; paragraph breaks ("\\n\\n") are their own segments."""
    body = article.body
    quotes = [q for q in article.quotes if 0 <= q.span[0] < q.span[1] <= len(body)]
    cuts = {0, len(body)}
    for q in quotes:
        cuts.update(q.span)
    pos = body.find("\n\n")
    while pos != -1:
        cuts.update((pos, pos + 2))
        pos = body.find("\n\n", pos + 2)
    bounds = sorted(cuts)
    out: list[Segment] = []
    for s, e in pairwise(bounds):
        if s == e:
            continue
        text = body[s:e]
        if text == "\n\n":
            out.append(Segment(text, None, paragraph_break=True))
            continue
        covering = [q for q in quotes if q.span[0] <= s and e <= q.span[1]]
        inner = min(covering, key=lambda q: q.span[1] - q.span[0]) if covering else None
        out.append(Segment(text, inner))
    return out


def paragraphs(article: Article) -> list[list[Segment]]:
    paras: list[list[Segment]] = [[]]
    for seg in segments(article):
        if seg.paragraph_break:
            paras.append([])
        else:
            paras[-1].append(seg)
    return [p for p in paras if p]


def claims_by_quote(article: Article) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in article.claims:
        if c.quote:
            out.setdefault(c.quote, []).append(c)
    return out


def quote_details(article: Article) -> dict[str, dict[str, object]]:
    """Per-quote data shown in the side panel (speaker, cue, claim statuses, coded events)."""
    by_q = claims_by_quote(article)
    events_by_claim: dict[str, list[dict[str, object]]] = {}
    for ev in article.events:
        if ev.claim:
            events_by_claim.setdefault(ev.claim, []).append(
                {
                    "type": ev.type,
                    "mode": ev.mode,
                    "date": ev.date,
                    "status": ev.status,
                    "source": ev.source_actor.name if ev.source_actor else None,
                    "target": ev.target_actor.name if ev.target_actor else None,
                }
            )
    out: dict[str, dict[str, object]] = {}
    for q in article.quotes:
        cl = by_q.get(q.id, [])
        out[q.id] = {
            "id": q.id,
            "type": q.type,
            "text": q.text,
            "cue": q.cue,
            "speaker": q.speaker.name,
            "kind": q.speaker.kind,
            "description": q.speaker.description,
            "resolved_from": q.speaker.resolved_from,
            "entity": q.speaker.entity,
            "statuses": [c.status for c in cl],
            "claims": [c.id for c in cl],
            "events": [e for c in cl for e in events_by_claim.get(c.id, [])],
        }
    return out


def propositions_view(article: Article) -> list[dict[str, object]]:
    """The article's propositions for the article page: statement, whether disputed, one entry per stance
    (source, status, cue, the claim's text) and the quotes of its member claims, grouped together."""
    claims = {c.id: c for c in article.claims}
    quotes = {q.id: q for q in article.quotes}
    out: list[dict[str, object]] = []
    for p in article.propositions:
        stances = []
        for st in p.stances:
            c = claims.get(st.claim)
            stances.append(
                {
                    "source": "the writer" if st.writer else st.source.name,
                    "status": st.status,
                    "cue": st.cue,
                    "text": c.text if c is not None else "",
                }
            )
        qids = list(dict.fromkeys(claims[c].quote for c in p.claims if c in claims and claims[c].quote))
        out.append(
            {
                "id": p.id,
                "statement": p.statement,
                "disputed": p.disputed,
                "stances": stances,
                "quotes": [quotes[q] for q in qids if q in quotes],
            }
        )
    return out
