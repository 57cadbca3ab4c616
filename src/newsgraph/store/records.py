"""Turn :class:`~newsgraph.models.Article` records into table rows, and link them across articles.

Back-end independent: both ``sqlite.py`` and ``postgres.py`` write the tuples built here. Cross-article entity
keys and claim clusters come from :mod:`newsgraph.track` when it is installed; without it every entity keys on
its type and folded name, and every claim is its own tracked claim.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from newsgraph.geo import is_demonym
from newsgraph.models import Article, Entity, Speaker
from newsgraph.names import principal_of
from newsgraph.store.propositions import appositive_name, proposition_rows
from newsgraph.store.search_guard import query_terms

ARTICLE_COLS = ("id", "title", "published", "language", "url", "body", "record", "ingested_at")
SOURCE_COLS = ("article_id", "path", "url", "format", "warc_record_id", "seen_at")
ENTITY_COLS = ("article_id", "id", "key", "name", "type", "country", "sector")
QUOTE_COLS = (
    "article_id", "id", "type", "text", "speaker", "speaker_kind", "speaker_key", "speaker_entity", "cue", "published",
)  # fmt: skip
CLAIM_COLS = (
    "article_id", "id", "text", "status", "polarity", "source_name", "source_kind", "source_key", "quote_id",
    "writer_stance", "cue", "published", "cluster_id",
)  # fmt: skip
MENTION_COLS = ("article_id", "item_kind", "item_id", "entity_key")
EVENT_COLS = (
    "article_id", "id", "type", "mode", "cameo", "score", "source_actor", "target_actor", "date", "claim_id",
    "status", "text", "published",
)  # fmt: skip

Row = tuple[Any, ...]
_SPEAKER_TYPE = {"person": "PERSON", "organization": "ORG", "state": "GPE", "media": "ORG"}


def _clean(s: str | None) -> str | None:
    """NUL cannot be stored in PostgreSQL text; a space keeps every offset valid."""
    return s.replace("\x00", " ") if s and "\x00" in s else s


class Clusterer(Protocol):
    """Assigns claims to tracked claims (the real one, ``ClaimClusterer``, is persisted by
    :mod:`newsgraph.store.tracker_state`)."""

    def add_many(
        self, items: list[tuple[str, str, frozenset[str], frozenset[str]]], vectors: Any = None
    ) -> list[str]: ...


class SingletonClusterer:
    """Fallback when :mod:`newsgraph.track` is absent: every claim is its own tracked claim."""

    def add_many(
        self, items: list[tuple[str, str, frozenset[str], frozenset[str]]], vectors: Any = None
    ) -> list[str]:
        return ["c" + hashlib.sha1(key.encode()).hexdigest()[:15] for key, *_ in items]


def embed_claims(items: list[tuple[str, str, frozenset[str], frozenset[str]]], embedder: Any = None) -> Any:
    """Claim vectors (one row per item, as the tracker embeds them), computed by the caller *before* taking
    the write lock so concurrent writers do not queue behind the encoder. ``None`` without the tracker."""
    if not items:
        return None
    from newsgraph.track.cluster import claim_text

    if embedder is None:
        from newsgraph.track.embed import get_embedder

        embedder = get_embedder()
    texts = [claim_text(text) for _, text, _, _ in items]
    distinct = sorted(set(texts))
    emb = embedder.encode(distinct)
    row = {t: i for i, t in enumerate(distinct)}
    return emb[[row[t] for t in texts]]


@dataclass
class Rows:
    """The rows of a batch of new articles, table by table."""

    articles: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    claims: list[list[Any]] = field(default_factory=list)  # mutable: cluster_id is filled in after
    mentions: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    # (key, name, type) per entity per article, for global_entities / entity_aliases
    global_entities: list[tuple[str, str, str]] = field(default_factory=list)
    # what the clusterer needs, one per proposition: (proposition key, statement, entity keys, event types)
    cluster_items: list[tuple[str, str, frozenset[str], frozenset[str]]] = field(default_factory=list)
    # per claims row: the key of its proposition's cluster item (None: the claim is in no proposition)
    claim_items: list[str | None] = field(default_factory=list)
    # per stance row (STANCE_COLS, cluster_id filled in after) and the key of its proposition's cluster item
    stances: list[list[Any]] = field(default_factory=list)
    stance_items: list[str] = field(default_factory=list)

    def extend(self, other: Rows) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


def record_json(a: Article) -> str:
    """The full record minus its body, which is kept once, in ``articles.body`` (unless the body holds NUL
    characters: that column has them replaced, so such a record keeps its exact body)."""
    return a.model_dump_json(exclude={"body"}) if "\x00" not in a.body else a.model_dump_json()


def record_from(record: str, body: str) -> Article:
    art = Article.model_validate_json(record)
    if not art.body:
        art.body = body
    return art


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def source_row(article: Article, seen_at: str) -> Row:
    s = article.source
    return (article.id, s.path or "", s.url or "", s.format, s.warc_record_id or "", seen_at)


def _unique(items: Sequence[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it.id not in seen:
            seen.add(it.id)
            out.append(it)
    return out


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def people_of_a_country(sp: Speaker, linked: str) -> bool:
    """Rule ``people_of_a_country``: a speaker linked to a country that is not the state itself ("Americans
    worried about illegal immigration …", "United States companies", linked to the United States by the entity
    step) keys on its own name, not the country's: what Americans think is no statement of the United States."""
    return linked.startswith("GPE:") and sp.kind != "state"


class Flattener:
    """Builds :class:`Rows` from articles, with the cross-article entity key function loaded once."""

    def __init__(self) -> None:
        from newsgraph.track.link import entity_key

        self._entity_key = entity_key
        self._keys: dict[tuple[str, str, str | None], str] = {}

    def entity_key(self, e: Entity) -> str:
        """The cross-article key (memoised: the key depends on name, type and country only)."""
        k = (e.name, e.type, e.country)
        got = self._keys.get(k)
        if got is None:
            if len(self._keys) > 200_000:
                self._keys.clear()
            got = self._keys[k] = self._entity_key(e)
        return got

    def speaker_key(
        self, sp: Speaker, keys: dict[str, str], people: dict[str, str] | None = None
    ) -> str | None:
        """The cross-article key of a speaker: its linked entity's, else one made from its name. ``people``: the
        article's PERSON entity names -> keys, for rule ``speaks_for_principal`` ("the Trump campaign" speaks for
        the Donald Trump of its article, whatever entity the NER gave "Trump")."""
        name = appositive_name(sp.name)  # "one of the family's attorneys, Justin Bamberg" keys on the name
        etype = _SPEAKER_TYPE.get(sp.kind)
        principal = principal_of(name)
        linked = keys.get(sp.entity) if sp.entity else None
        if principal is not None:  # "Donald Trump’s campaign" speaks for Donald Trump: one side, one speaker
            low = principal.casefold()
            owners = {k for n, k in (people or {}).items() if n == low or n.endswith(" " + low)}
            if len(owners) == 1:
                return owners.pop()
            if linked is not None and linked.startswith("PER:"):
                return linked
            name, etype = principal, "PERSON"
        elif linked is not None and not people_of_a_country(sp, linked):
            return linked
        if is_demonym(name):  # "Americans": the people, a group of their own
            return f"NORP:{' '.join(name.casefold().split())}"
        if etype is None or not sp.name.strip():
            return None
        k = (name, etype, None)
        got = self._keys.get(k)
        return got if got is not None else self.entity_key(Entity(id="", name=name, type=etype))

    def add(self, rows: Rows, a: Article, ingested_at: str) -> None:
        """Append the rows of one article (raises on a malformed record; the caller counts it as failed)."""
        aid, pub = a.id, a.published
        if a.source.url is not None and not http_url(a.source.url):
            raise ValueError(f"source URL {a.source.url[:60]!r} is not http(s); refused")
        entities = _unique(a.entities)
        keys = {e.id: self.entity_key(e) for e in entities}
        spans = [(keys[e.id], m.span) for e in entities for m in e.mentions]
        people = {e.name.casefold(): keys[e.id] for e in entities if e.type == "PERSON"}
        rows.articles.append(
            (aid, _clean(a.title), pub, a.language, a.source.url, _clean(a.body), record_json(a), ingested_at)
        )
        for e in entities:
            rows.entities.append((aid, e.id, keys[e.id], e.name, e.type, e.country, e.sector))
            rows.global_entities.append((keys[e.id], e.name, e.type))
        for q in _unique(a.quotes):
            rows.quotes.append(
                (aid, q.id, q.type, _clean(q.text), q.speaker.name, q.speaker.kind,
                 self.speaker_key(q.speaker, keys, people), q.speaker.entity, q.cue, pub)
            )  # fmt: skip
            for k in {k for k, sp in spans if _inside(sp, q.span)}:
                rows.mentions.append((aid, "quote", q.id, k))
        events_by_claim: dict[str, set[str]] = {}
        for ev in _unique(a.events):
            if ev.claim:
                events_by_claim.setdefault(ev.claim, set()).add(ev.type)
            rows.events.append(
                (aid, ev.id, ev.type, ev.mode, ev.cameo, ev.score,
                 ev.source_actor.name if ev.source_actor else None, ev.target_actor.name if ev.target_actor else None,
                 ev.date, ev.claim, ev.status, _clean(ev.text), pub)
            )  # fmt: skip
        claim_abouts: dict[str, frozenset[str]] = {}
        prop_of = {cid: p.id for p in _unique(a.propositions) for cid in p.claims}
        for c in _unique(a.claims):
            about = frozenset(k for k, sp in spans if _inside(sp, c.span))
            claim_abouts[c.id] = about
            rows.claims.append(
                [aid, c.id, _clean(c.text), c.status, c.polarity, c.source.name, c.source.kind,
                 self.speaker_key(c.source, keys, people), c.quote, c.writer_stance, c.cue, pub, None]
            )  # fmt: skip
            rows.claim_items.append(f"{aid}:{prop_of[c.id]}" if c.id in prop_of else None)
            for k in about:
                rows.mentions.append((aid, "claim", c.id, k))
        # only propositions are tracked: one cluster item per proposition, one stance row per source
        items, stances = proposition_rows(
            a, date=pub or ingested_at, abouts=claim_abouts, events=events_by_claim,
            source_key=lambda sp: self.speaker_key(sp, keys, people),
        )  # fmt: skip
        rows.cluster_items.extend(items)
        rows.stances.extend(st for st, _ in stances)
        rows.stance_items.extend(key for _, key in stances)


def _query_words(text: str, word: Callable[[str, bool], str]) -> str | None:
    """User text -> its ``"quoted phrases"`` (punctuation dropped) and bare words, repeats dropped
    (:func:`~newsgraph.store.search_guard.query_terms`), each bare word written by ``word(word, is_prefix)``,
    joined by spaces; ``None`` when the text has no word at all."""
    parts = [f'"{t}"' if phrase else word(t, prefix) for t, phrase, prefix in query_terms(text)]
    return " ".join(parts) or None


def fts5_query(text: str) -> str | None:
    """User text -> a safe FTS5 MATCH expression: every word is a quoted string (so ``NEAR``, ``OR``, ``-``,
    ``:`` and column filters are plain words), ``"a phrase"`` stays a phrase, ``word*`` is a prefix search.
    ``None`` when the text has no word at all."""
    return _query_words(text, lambda w, prefix: f'"{w}"' + ("*" if prefix else ""))


def websearch_text(text: str) -> str | None:
    """User text -> the words (and quoted phrases) PostgreSQL's ``websearch_to_tsquery`` receives."""
    return _query_words(text, lambda w, _prefix: w)


def http_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL (the only kind stored as a source link: no ``javascript:``)."""
    low = url.strip().lower()
    return low.startswith(("http://", "https://")) and len(low) > 8 and not any(c < " " for c in url)


def like_pattern(text: str) -> str:
    """``%text%`` for ``lower(col) LIKE ? ESCAPE '\\'`` with the user's own ``%``, ``_`` and ``\\`` escaped."""
    esc = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"
