"""The plain-text scrape cleaner: ``clean_text`` for one document, ``clean_batch`` with cross-document repetition.

Steps (each linear in the input):

1. split into units (lines; hard-wrapped lines joined) with features (:mod:`newsgraph.clean.lines`);
2. drop lines that are boilerplate by themselves - weather, advertisement, share, subscribe, cookie, copyright,
   navigation, "Read more" (:mod:`newsgraph.clean.boilerplate`) - and lines of a fixed list (``repeated=``);
   lines repeated across a batch are only flagged (:func:`clean_batch`), never removed;
3. recognise metadata lines: captions with credits, by-lines, date stamps;
4. classify the rest as prose or not and keep the densest run of prose (:mod:`newsgraph.clean.content`);
5. take the headline before that run as ``title``; strip a wire dateline from the first paragraph;
6. body = kept paragraphs joined by a blank line. Every dropped piece is listed in ``removed`` with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, Field

from newsgraph.clean.boilerplate import is_place_line, is_related_heading, line_reason
from newsgraph.clean.byline import parse_byline, trailing_byline
from newsgraph.clean.captions import credit_only, looks_like_photo_description, split_caption
from newsgraph.clean.content import (
    GOOD,
    LISTITEM,
    MEDIUM,
    METADATA,
    apply_indent_penalty,
    best_region,
    extend_colon_list,
    extend_quote_paragraphs,
    mark_link_lists,
    mark_related,
    prose_class,
    short_text_is_its_own_body,
    stopwords_informative,
    unit_score,
)
from newsgraph.clean.dateline import split_dateline
from newsgraph.clean.dates import date_line, parse_date
from newsgraph.clean.lines import Unit, fold_ws, line_key, normalize_input, split_units
from newsgraph.models import Author, Caption, ErrorRecord, Removed

_HEADER_WINDOW = 12  # units before the body searched for title, date, by-line, location
_FOOTER_WINDOW = 6  # units after the body searched for a closing by-line
_MAX_TITLE_WORDS = 40
_NOT_TITLE = re.compile(
    r"^(?:table\s+of\s+contents|contents|in\s+this\s+(?:article|story|post|guide)|on\s+this\s+page|"
    r"key\s+(?:takeaways|points)|summary|advertisement|menu|search|share|home)\b",
    re.IGNORECASE,
)


class Cleaned(BaseModel):
    title: str | None = None
    published: str | None = None
    authors: list[Author] = Field(default_factory=list)
    sitename: str | None = None
    body: str = ""
    captions: list[Caption] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    flagged: list[Removed] = Field(default_factory=list, exclude=True)
    """Lines kept in the body that :func:`clean_batch` saw repeated across its batch (possible boilerplate).
    Only flagged: the body, and so the article id, is a function of the document alone."""
    errors: list[ErrorRecord] = Field(default_factory=list)


_CAPTION_END = frozenset(")]")


def _caption_hint(text: str) -> bool:
    tail = text[-160:]
    return (
        text[-1:] in _CAPTION_END
        or "/" in tail
        or ":" in tail
        or text[:12].lower().startswith(("photo", "image", "picture", "above", "top", "file", "foto"))
    )


def _set_caption(u: Unit, cap: tuple[str, str] | None) -> bool:
    """Mark ``u`` a caption with its (text, credit) when ``cap`` is one; whether it was."""
    if cap is None:
        return False
    u.kind = "caption"
    u.extra["text"], u.extra["credit"] = cap
    return True


def _metadata(u: Unit, prose: bool) -> None:
    """Mark a caption, photo credit, by-line or date-stamp line (kind + extra)."""
    text = u.text
    if prose:
        _set_caption(u, split_caption(text) if _caption_hint(text) else None)
        return
    low = text[:200].lower()
    if u.wordlen <= 40 and (
        "by" in low or "|" in low or "/" in low or " - " in low or "–" in low or "—" in low
    ):
        authors = parse_byline(text)
        if authors is not None:
            u.kind = "byline"
            u.extra["authors"] = "\x1f".join(f"{a.name}\x1e{a.email or ''}" for a in authors)
            return
    if u.chars <= 120 and u.digit_ratio > 0:
        iso = date_line(text)
        if iso:
            u.kind = "date"
            u.extra["date"] = iso
            return
    if not _caption_hint(text) or _set_caption(u, split_caption(text)):
        return
    credit = credit_only(text)
    if credit:
        u.kind = "credit"
        u.extra["credit"] = credit


def _authors(u: Unit) -> list[Author]:
    out = []
    for item in filter(None, u.extra.get("authors", "").split("\x1f")):
        name, _, email = item.partition("\x1e")
        out.append(Author(name=name, email=email or None))
    return out


def period_headline(u: Unit, nxt: Unit | None) -> bool:
    """Rule ``headline_with_period``: some scrapes end the headline with a full stop ("Poll: Wealthy Voters Abandon
    Republican Party for Hillary Clinton."). A line ending in "." is still the headline when it is written in
    headline case (at least 60% capitalised words, at most 25 words, one sentence) or when the next paragraph
    opens with a wire dateline ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — ..."): a story's lead follows its headline."""
    text = u.text
    if not text.endswith(".") or text.endswith("...") or _SENTENCE_BREAK.search(text[:-1]):
        return False
    if u.titlecase_ratio >= 0.6 and u.wordlen <= 25:
        return True
    return nxt is not None and split_dateline(nxt.text) is not None


_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_MAX_FIRST_LINE_WORDS = 16
_LEAD_MARK = re.compile(
    r"\b(?:said|told|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE
)


def headline_and_dek(text: str) -> str | None:
    """Rule ``headline_and_dek``: archive exports (ProQuest, LexisNexis) print the headline and its dek on one line,
    "Carson on defense, attacking critics as scrutiny heats up; Republican presidential candidate's biography
    questioned.". Returns the headline (the part before the first "; ") when that part is a short phrase with no
    sentence end and the dek after it ends as a sentence; else None."""
    head, sep, dek = text.partition("; ")
    head = head.strip()
    if not sep or not dek.rstrip().endswith(".") or head.endswith((".", "!", "?")):
        return None
    if not 2 <= len(head.split()) <= _MAX_FIRST_LINE_WORDS or _SENTENCE_BREAK.search(head):
        return None
    return head


def first_line_headline(u: Unit, following: Sequence[Unit]) -> bool:
    """Rule ``first_line_headline``: the first line of a document, one short sentence in sentence case ending with a
    full stop ("Casino revenue up slightly this year, helped by internet betting."), is its headline when a longer
    prose paragraph follows within three lines. A lead sentence is told apart by what leads carry and headlines do
    not: "said"/"told", a weekday, "yesterday" ("The council met on Tuesday." stays in the body)."""
    text = headline_and_dek(u.text) or u.text
    if (
        len(text.split()) > _MAX_FIRST_LINE_WORDS
        or _SENTENCE_BREAK.search(u.text[:-1])
        or _LEAD_MARK.search(text)
    ):
        return False
    return any(v.kind == GOOD and v.wordlen > u.wordlen for v in following[:3])


def _headline_like(u: Unit, nxt: Unit | None = None, first_line: bool = False) -> bool:
    return (
        u.reason is None
        and u.kind not in METADATA
        and not u.bullet
        and 2 <= u.wordlen <= _MAX_TITLE_WORDS
        and u.chars <= 300
        and not (
            u.text.endswith(".")
            and not u.text.endswith("...")
            and not period_headline(u, nxt)
            and not first_line
        )
        and not u.text.endswith((":", ","))
        and u.titlecase_ratio > 0
        and not is_related_heading(u)
        and not _NOT_TITLE.match(u.text)
        and not (u.wordlen <= 4 and is_place_line(u.text))
    )


def _title_score(u: Unit, distance: int) -> float:
    score = 0.0
    if 4 <= u.wordlen <= 25:
        score += 2.0
    elif u.wordlen >= 3:
        score += 1.0
    if u.titlecase_ratio >= 0.6:
        score += 0.5
    if u.blank_before:
        score += 0.3
    return score - 0.25 * distance


def lead_after_headline(u: Unit) -> bool:
    """Rule ``lead_after_headline``: a paragraph that opens with a wire dateline ("LOS ANGELES, Sept. 28 (UPI) —
    ...") is a story's lead even when short, so the headline-like line before it is the headline."""
    return u.kind in (GOOD, MEDIUM) and split_dateline(u.text) is not None


def _find_title(units: Sequence[Unit], start: int, end: int) -> Unit | None:
    """The headline: the best headline-like line shortly before the body run (or opening it)."""
    best: tuple[float, int] | None = None
    lo = max(0, start - _HEADER_WINDOW)
    first = next((k for k, v in enumerate(units) if v.text and v.reason is None), None)
    for i in range(lo, min(end, start + 3)):
        u = units[i]
        following = [v for v in units[i + 1 : i + 6] if v.text and v.reason is None]
        first_line = i == first and first_line_headline(u, following)
        if not _headline_like(u, units[i + 1] if i + 1 < len(units) else None, first_line):
            continue
        if i >= start and not first_line:
            # inside the run only before any prose, and if prose follows soon (a date or by-line may sit between)
            if any(v.kind in (GOOD, MEDIUM) and v.reason is None for v in units[start:i]):
                break
            nxt = next((v for v in units[i + 1 : i + 4] if v.kind not in METADATA and v.reason is None), None)
            if nxt is None or not (nxt.kind == GOOD or lead_after_headline(nxt)):
                continue
        sc = _title_score(u, abs(start - 1 - i) if i < start else i - start)
        if best is None or sc > best[0]:
            best = (sc, i)
    return units[best[1]] if best else None


def _repeated_reason(units: Sequence[Unit], repeated: frozenset[str]) -> None:
    """CCNet-style: drop lines seen across many documents of the batch, unless that would gut this one."""
    if not repeated:
        return
    hits = [u for u in units if u.reason is None and (line_key(u.text) in repeated or u.text in repeated)]
    if not hits:
        return
    prose = sum(u.chars for u in units if u.kind in (GOOD, MEDIUM))
    rep_prose = sum(u.chars for u in hits if u.kind in (GOOD, MEDIUM))
    if prose and rep_prose > 0.5 * prose:
        return  # most of the story is in other documents too: a syndicated copy, not boilerplate
    for u in hits:
        u.reason = "repeated"


def clean_text(text: str, *, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one plain-text scrape. Never raises: an internal failure becomes an ``errors`` entry.

    ``repeated``: lines to drop as boilerplate (reason ``repeated``), given as :func:`repeated_lines` keys
    (normalised line hashes, what :func:`clean_batch` passes) or as the lines themselves.
    """
    try:
        return _clean(text, repeated)
    except Exception as exc:  # pragma: no cover - defensive; the property tests look for this path
        body = "\n\n".join(p for p in (fold_ws(x) for x in str(text).split("\n")) if p)
        return Cleaned(body=body, errors=[ErrorRecord(stage="clean", message=f"{type(exc).__name__}: {exc}")])


def _clean(text: str, repeated: frozenset[str]) -> Cleaned:  # noqa: C901, PLR0912, PLR0915
    units = split_units(normalize_input(text))
    out = Cleaned()
    if not units:
        return out
    use_stop = stopwords_informative(units)
    for u in units:
        u.kind = prose_class(u, use_stop)
        u.reason = line_reason(u)
        if u.reason is None:
            _metadata(u, prose=u.kind == GOOD)
    _repeated_reason(units, repeated)
    seen: set[str] = set()
    for u in units:  # a paragraph printed twice (teaser + body, a widget repeated): the later copy goes
        if u.reason is None and u.kind in (GOOD, MEDIUM):
            key = u.text.casefold()
            if key in seen:
                u.reason = "duplicate-caption" if u.kind == "caption" else "duplicate"
            seen.add(key)
    mark_related(units)
    mark_link_lists(units)
    scores = [unit_score(u) for u in units]
    apply_indent_penalty(units, scores)
    region = best_region(scores) or short_text_is_its_own_body(units) or (0, 0)
    start, end = region
    end = extend_quote_paragraphs(units, extend_colon_list(units, end))

    # metadata near the body: header (title, date, by-line, place) and footer (closing by-line)
    head_from = max(0, start - _HEADER_WINDOW)
    title_unit = _find_title(units, start, end)
    if title_unit is not None and title_unit.index >= start:
        # the headline opened the body run: the body starts after it
        for k in range(start, title_unit.index + 1):
            if units[k].kind not in METADATA and units[k] is not title_unit and units[k].reason is None:
                units[k].reason = "boilerplate"
        start = title_unit.index + 1
    if title_unit is not None:
        title_unit.reason = "title"
        out.title = (headline_and_dek(title_unit.text) or title_unit.text).rstrip("; ")
    if not any(units[i].kind == "date" for i in range(head_from, min(end, len(units)))):
        tries = 0
        for i in range(head_from, min(start + 3, len(units))):
            u = units[i]
            if u.reason is None and u.kind not in METADATA and u.chars <= 60 and tries < 3:
                tries += 1 if any(ch.isdigit() for ch in u.text) else 0
                iso = date_line(u.text, fallback=True)
                if iso:
                    u.kind = "date"
                    u.extra["date"] = iso
                    break

    keep: list[Unit] = []
    seen_captions: set[str] = set()
    for i, u in enumerate(units):
        near = head_from <= i < min(len(units), end + _FOOTER_WINDOW)
        inside = start <= i < end
        if u.reason is not None:
            out.removed.append(Removed(text=u.text, reason=u.reason))
            continue
        if near and u.kind == "byline":
            out.authors.extend(a for a in _authors(u) if a not in out.authors)
            out.removed.append(Removed(text=u.text, reason="byline"))
            continue
        if near and u.kind == "date":
            if out.published is None and i < end:
                out.published = u.extra["date"]
            out.removed.append(Removed(text=u.text, reason="date"))
            continue
        if u.kind == "caption" and (inside or near):
            key = fold_ws(u.extra["text"]).casefold()
            if key in seen_captions:
                out.removed.append(Removed(text=u.text, reason="duplicate-caption"))
            else:
                seen_captions.add(key)
                out.captions.append(Caption(text=u.extra["text"], credit=u.extra["credit"]))
                out.removed.append(Removed(text=u.text, reason="caption"))
            continue
        if u.kind == "credit" and (inside or near):
            prev = keep[-1] if keep and keep[-1].index == i - 1 else None
            if prev is not None and prev.chars <= 400 and looks_like_photo_description(prev.text):
                keep.pop()
                out.captions.append(Caption(text=prev.text, credit=u.extra["credit"]))
                out.removed.append(Removed(text=prev.text, reason="caption"))
            out.removed.append(Removed(text=u.text, reason="caption"))
            continue
        if i < start and is_place_line(u.text):
            out.removed.append(Removed(text=u.text, reason="location"))
            continue
        if not inside:
            reason = "navigation" if u.kind == LISTITEM or u.separators else "boilerplate"
            out.removed.append(Removed(text=u.text, reason=reason))
            continue
        keep.append(u)

    if out.published is None:
        # no date stamp of its own: a date inside a short header line ("Posted by X on Nov. 19, 2019, 6:21 AM")
        for u in units[head_from : min(len(units), start + 8, end)]:
            if u.chars <= 150 and u.wordlen <= 20 and u.kind != GOOD and u.digit_ratio > 0:
                iso = parse_date(u.text)
                if iso and len(iso) == 10:
                    out.published = iso
                    break
    paras = [u.text for u in keep]
    if paras:
        dl = split_dateline(paras[0])
        if dl:
            out.removed.append(Removed(text=dl[0], reason="dateline"))
            paras[0] = dl[1]
        tb = trailing_byline(paras[-1])
        if tb:
            authors, cut = tb
            out.removed.append(Removed(text=paras[-1][cut:].strip(), reason="byline"))
            out.authors.extend(a for a in authors if a not in out.authors)
            paras[-1] = paras[-1][:cut].rstrip()
    out.body = "\n\n".join(p for p in paras if p)
    return out


def repeated_lines(texts: Sequence[str], *, min_docs: int = 3, min_fraction: float = 0.03) -> frozenset[str]:
    """Keys (:func:`~newsgraph.clean.lines.line_key`) of lines found in >= min_docs and >= min_fraction of docs."""
    if len(texts) < min_docs:
        return frozenset()
    counts: Counter[str] = Counter()
    for t in texts:
        try:
            keys = {line_key(x) for x in normalize_input(t).split("\n") if x.strip()}
        except Exception:
            continue
        counts.update(keys)
    need = max(min_docs, min_fraction * len(texts))
    return frozenset(k for k, c in counts.items() if c >= need)


def clean_batch(texts: Sequence[str]) -> list[Cleaned]:
    """Clean each document on its own; body lines repeated across the batch's documents are *flagged*
    (``Cleaned.flagged``, reason ``repeated``), never removed, so a body and its id never depend on what else
    is in the run. A fixed boilerplate list (a versioned per-site profile) goes to ``clean_text(repeated=...)``."""
    rep = repeated_lines(texts)
    out = []
    for t in texts:
        c = clean_text(t)
        if rep:
            c.flagged = [
                Removed(text=line, reason="repeated")
                for line in c.body.split("\n\n")
                if line.strip() and line_key(line) in rep
            ]
        out.append(c)
    return out
