"""Propositions as table rows: one tracker item per :class:`~newsgraph.models.Proposition` and one ``stances`` row
per source, with the sentence that carries the stance and its date.

Only propositions are tracked across articles: a claim that is in no proposition (a bare name, a fragment) stays a
claim of its article and gets no cluster. A source that repeats itself inside an article is one stance (the
contract keeps one :class:`~newsgraph.models.Stance` per source and status; :func:`source_id` folds what is left).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from newsgraph.dispute import AFFIRM, DENY, UNRESOLVED, unresolved_source
from newsgraph.models import Article, Claim, Speaker

STANCE_COLS = (
    "article_id", "proposition_id", "cluster_id", "statement", "claim_id", "source_name", "source_kind",
    "source_key", "source_id", "status", "cue", "sentence", "writer", "date",
)  # fmt: skip
__all__ = ["AFFIRM", "DENY", "STANCE_COLS", "appositive_name", "proposition_rows", "sentence_of", "source_id"]

Item = tuple[str, str, frozenset[str], frozenset[str]]
_WS = re.compile(r"\s+")
# a sentence ends at . ! ? (optionally followed by a closing quote or bracket) before whitespace, or at a blank line
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n")
_MAX_SENTENCE = 600


def sentence_of(body: str, span: tuple[int, int]) -> str:
    """The sentence of ``body`` around ``span`` (the claim), whitespace folded; at most 600 characters."""
    s, e = max(0, min(span[0], len(body))), max(0, min(span[1], len(body)))
    start = 0
    for m in _SENT_END.finditer(body, 0, s):
        start = m.end()
    after = _SENT_END.search(body, max(e - 1, s))
    end = after.end() if after else len(body)
    text = _WS.sub(" ", body[start:end]).strip()
    if len(text) > _MAX_SENTENCE:
        text = _WS.sub(" ", body[s:e]).strip()[:_MAX_SENTENCE]
    return text


def source_id(article_id: str, source: Speaker, source_key: str | None, *, writer: bool) -> str:
    """Who a stance is, for counting distinct sources: the linked entity key, else the folded name. The writer of
    each article is a source of its own (two articles' framings are two reports); a source nobody could resolve
    is :data:`~newsgraph.dispute.UNRESOLVED` (on no side of a dispute)."""
    if writer:
        return f"writer:{article_id}"
    if unresolved_source(source):
        return UNRESOLVED
    if source_key:
        return source_key
    return f"name:{appositive_name(source.name).casefold()}"


def appositive_name(name: str) -> str:
    """The name a description ends in ("one of the family's attorneys, Justin Bamberg" -> "Justin Bamberg"), so
    that a source named two ways without a linked entity is one source; else the name, whitespace folded."""
    name = _WS.sub(" ", unicodedata.normalize("NFKC", name)).strip()
    head, sep, last = name.rpartition(", ")
    words = last.split()
    if sep and head and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return last
    return name


def proposition_rows(
    article: Article,
    *,
    date: str,
    abouts: Mapping[str, frozenset[str]],
    events: Mapping[str, set[str]],
    source_key: Callable[[Speaker], str | None],
) -> tuple[list[Item], list[tuple[list[Any], str]]]:
    """The tracker items (key ``<article>:<proposition>``, statement, entity keys and event types of its member
    claims) and the stance rows (with the item key they belong to) of one article."""
    claims: dict[str, Claim] = {}
    for c in article.claims:
        claims.setdefault(c.id, c)
    items: list[Item] = []
    stances: list[tuple[list[Any], str]] = []
    seen_props: set[str] = set()
    aid = article.id
    for p in article.propositions:
        if p.id in seen_props or not p.statement.strip():
            continue
        seen_props.add(p.id)
        key = f"{aid}:{p.id}"
        ents = frozenset(k for cid in p.claims for k in abouts.get(cid, ()))
        evs = frozenset(t for cid in p.claims for t in events.get(cid, ()))
        items.append((key, p.statement, ents, evs))
        seen: set[tuple[str, str]] = set()
        for st in p.stances:
            skey = None if st.writer else source_key(st.source)
            sid = source_id(aid, st.source, skey, writer=st.writer)
            if (sid, st.status) in seen:
                continue  # a source repeating itself counts once (two different stances are both kept)
            seen.add((sid, st.status))
            claim = claims.get(st.claim)
            span = claim.span if claim is not None else (st.cue_span or (0, 0))
            sentence = sentence_of(article.body, span) or (claim.text if claim is not None else p.statement)
            row = [aid, p.id, None, p.statement, st.claim, st.source.name, st.source.kind, skey, sid, st.status,
                   st.cue, sentence, 1 if st.writer else 0, date]  # fmt: skip
            stances.append((row, key))
    return items, stances
