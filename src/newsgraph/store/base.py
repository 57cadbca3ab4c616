"""The :class:`Store` protocol every back-end implements, and the plain records its queries return.

Back-ends (``sqlite.py``, ``postgres.py``) are interchangeable: the CLI and the API only see this protocol.
Query results are small frozen dataclasses; ``as_dict()`` gives a JSON-ready mapping for the output layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from newsgraph.models import Article

ExportFormat = Literal["jsonl", "csv", "parquet", "claimreview"]
ExportTable = Literal["articles", "claims", "quotes", "entities", "events"]


class StoreError(Exception):
    """A problem the user can act on (bad path, foreign or corrupt file, unreachable server)."""


class ForeignDatabaseError(StoreError):
    """The file or schema exists but is not a newsgraph store (or is corrupt): it is never touched."""


class _Row:
    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload,no-any-return]


@dataclass(frozen=True)
class IngestResult(_Row):
    """What one ``add_articles`` call did. ``errors`` holds one message per failed document."""

    added: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: tuple[str, ...] = ()

    def __add__(self, other: IngestResult) -> IngestResult:
        return IngestResult(
            self.added + other.added,
            self.duplicates + other.duplicates,
            self.failed + other.failed,
            self.errors + other.errors,
        )


@dataclass(frozen=True)
class SearchHit(_Row):
    kind: Literal["article", "quote", "claim"]
    article_id: str
    item_id: str | None
    title: str | None
    published: str | None
    snippet: str
    score: float


@dataclass(frozen=True)
class QuoteRow(_Row):
    article_id: str
    quote_id: str
    speaker: str
    speaker_kind: str
    speaker_key: str | None
    type: str
    text: str
    cue: str | None
    published: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True)
class ClaimRow(_Row):
    key: str
    """Store-wide claim id: ``<article id>:<claim id>``."""
    article_id: str
    claim_id: str
    text: str
    status: str
    polarity: str
    source_name: str
    source_kind: str
    source_key: str | None
    published: str | None
    cluster_id: str | None
    title: str | None
    url: str | None
    """The article's URL, or the path of the first file it was read from."""


@dataclass(frozen=True)
class ClusterRow(_Row):
    """A tracked proposition. ``n_claims``: its stances (one per source per article: a source repeating itself
    counts once, and so does a source's statement republished word for word in several articles); ``n_sources`` and ``n_articles``: distinct sources and articles; ``disputed``: one source
    asserts or confirms it and another denies it."""

    id: str
    label: str
    n_claims: int
    first_date: str | None
    last_date: str | None
    n_sources: int = 0
    n_articles: int = 0
    disputed: bool = False


def reported_across_articles(cluster: ClusterRow) -> bool:
    """Rule ``most_reported_first`` (its cut): a tracked proposition counts as "reported" (the home page's "Most
    reported claims") only when at least two distinct articles carry it. Several sources inside one article (or
    one source repeating itself) are one report: the listing itself ranks by distinct articles, then distinct
    sources, then stances (:data:`newsgraph.store.paging.CLUSTERS`)."""
    return cluster.n_articles >= 2


@dataclass(frozen=True)
class StanceRow(_Row):
    """One source's stance on a tracked proposition, in one article, with the sentence and its date. ``date`` is the
    article's published date, else its ingest time (for ordering); ``published`` is the published date alone, None
    for an undated article, and is what a reader is shown (:attr:`shown_date`)."""

    cluster_id: str | None
    statement: str
    article_id: str
    proposition_id: str
    claim_id: str | None
    source_name: str
    source_kind: str
    source_key: str | None
    status: str
    cue: str | None
    sentence: str
    writer: bool
    date: str
    title: str | None
    url: str | None
    published: str | None = None

    @property
    def shown_date(self) -> str:
        """What a reader sees as the stance's date: the article's published day, or ``undated`` (never the day it
        was ingested, which says nothing about when it was said)."""
        return shown_date(self.published)


def shown_date(published: str | None) -> str:
    """Rule ``undated_not_ingest_date``: a published date is shown as its day; no date is ``undated``."""
    return published[:10] if published else "undated"


@dataclass(frozen=True)
class SpeakerRow(_Row):
    """A speaker of the store's quotes: ``key`` is its cross-article entity key (None for a speaker known only by
    name); ``name`` the name it is quoted under most; ``also_named`` the other names its quotes carry (a title, a
    surname, "the Clinton campaign"); ``n_articles`` counts articles per name, summed."""

    key: str | None
    name: str
    kind: str
    n_quotes: int
    n_articles: int
    also_named: list[str] = field(default_factory=list)


SIDES = ("supports", "denies", "reports", "hedges")
_SIDE = {"asserted": "supports", "confirmed": "supports", "denied": "denies", "reported": "reports",
         "alleged": "reports", "hedged": "hedges", "unconfirmed": "hedges"}  # fmt: skip


def side_of(status: str, *, negated: bool = False) -> str:
    """Which side a status puts its source on: supports (asserted, confirmed), denies, reports (reported,
    alleged) or hedges (hedged, unconfirmed). ``negated``: the claim checked is the negation of the proposition,
    so supporting and denying swap."""
    side = _SIDE.get(status, "reports")
    if negated and side in ("supports", "denies"):
        return "denies" if side == "supports" else "supports"
    return side


def group_sides(stances: Iterable[StanceRow], *, negated: bool = False) -> dict[str, list[StanceRow]]:
    """Stances by :data:`SIDES` (each side in the stances' order; see :func:`side_of` for ``negated``)."""
    out: dict[str, list[StanceRow]] = {s: [] for s in SIDES}
    for st in stances:
        out[side_of(st.status, negated=negated)].append(st)
    return out


def _sides_json(sides: dict[str, list[StanceRow]]) -> dict[str, list[dict[str, Any]]]:
    """Stances by side, JSON-ready."""
    return {side: [st.as_dict() for st in stances] for side, stances in sides.items()}


@dataclass(frozen=True)
class Dispute(_Row):
    """A disputed proposition with every stance on it, oldest first."""

    cluster: ClusterRow
    stances: list[StanceRow] = field(default_factory=list)

    def sides(self) -> dict[str, list[StanceRow]]:
        return group_sides(self.stances)

    def by_side(self) -> dict[str, Any]:
        """What the CLI's ``--json`` and ``GET /api/disputes`` show: the proposition and its stances by side."""
        return {"cluster": self.cluster.as_dict(), "sides": _sides_json(self.sides())}


@dataclass(frozen=True)
class CheckMatch(_Row):
    """A tracked proposition that matches a checked claim: ``score`` in [0, 1]; ``negated``: the claim states the
    proposition's negation (its supporters deny the claim)."""

    cluster: ClusterRow
    score: float
    negated: bool
    stances: list[StanceRow] = field(default_factory=list)

    def sides(self) -> dict[str, list[StanceRow]]:
        return group_sides(self.stances, negated=self.negated)

    def by_side(self) -> dict[str, Any]:
        """What the CLI's ``--json`` and ``GET /api/check`` show: the match and its stances by side."""
        return {"cluster": self.cluster.as_dict(), "score": self.score, "negated": self.negated,
                "sides": _sides_json(self.sides())}  # fmt: skip


@dataclass(frozen=True)
class Timeline(_Row):
    """A tracked claim: the cluster and its member claims ordered by date (undated last)."""

    cluster: ClusterRow
    claims: list[ClaimRow] = field(default_factory=list)

    def status_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.claims:
            out[c.status] = out.get(c.status, 0) + 1
        return out


@dataclass(frozen=True)
class EntityRow(_Row):
    key: str
    name: str
    type: str
    n_articles: int
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EntityReport(_Row):
    """What an entity said (quotes and claims it is the source of) and what was said about it."""

    entities: list[EntityRow]
    quotes_by: list[QuoteRow] = field(default_factory=list)
    claims_by: list[ClaimRow] = field(default_factory=list)
    quotes_about: list[QuoteRow] = field(default_factory=list)
    claims_about: list[ClaimRow] = field(default_factory=list)


FetchStatus = Literal["queued", "stored", "unchanged", "duplicate", "skipped", "failed"]


@dataclass(frozen=True)
class FetchState(_Row):
    """What ``collect`` knows about one URL (a page, feed or sitemap): one ``fetch_state`` row."""

    url: str
    source: str
    kind: str = "page"
    status: FetchStatus = "queued"
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None
    content_hash: str | None = None
    article_id: str | None = None
    error: str | None = None
    attempts: int = 0
    published: str | None = None


@dataclass(frozen=True)
class SourceRow(_Row):
    """A followed source with its last fetch and its counts (the Sources page, ``GET /api/sources``)."""

    url: str
    kind: str | None
    added_at: str
    last_run_at: str | None
    last_fetch: str | None
    found: int
    fetched: int
    stored: int
    failed: int
    queued: int
    last_error: str | None = None
    errors: list[str] = field(default_factory=list)


ProgressFn = Callable[[int], None]
"""Called after each committed batch with the number of input records it consumed."""


@runtime_checkable
class Store(Protocol):
    """A newsgraph store. Open one with :func:`newsgraph.store.open_store`; use it as a context manager."""

    url: str

    def add_articles(
        self, articles: Iterable[Article], *, batch_size: int = 200, progress: ProgressFn | None = None
    ) -> IngestResult:
        """Store records; idempotent by article id, one transaction per batch."""
        ...

    def count(self, table: str) -> int: ...

    def existing_ids(self, article_ids: Sequence[str]) -> set[str]: ...

    def article(self, article_id: str) -> Article | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def latest_articles(self, limit: int = 50) -> list[Article]: ...

    def search(
        self, query: str, *, limit: int = 20, after: SearchHit | Sequence[Any] | None = None
    ) -> list[SearchHit]:
        """Best first. ``after``: the last hit of the previous page, or its (score, kind, article_id, item_id)."""
        ...

    def quotes(
        self,
        *,
        speaker: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        limit: int = 100,
        after: QuoteRow | Sequence[Any] | None = None,
    ) -> list[QuoteRow]:
        """Newest first. ``after``: the last row of the previous page, or its (published, article_id, quote_id)."""
        ...

    def claims(
        self,
        *,
        about: str | None = None,
        status: str | None = None,
        source: str | None = None,
        limit: int = 100,
        after: ClaimRow | Sequence[Any] | None = None,
    ) -> list[ClaimRow]:
        """Newest first. ``after``: the last row of the previous page, or its (published, article_id, claim_id)."""
        ...

    def claim(self, claim_or_cluster_id: str) -> Timeline | None: ...

    def first_cluster(self) -> str | None: ...

    def clusters(
        self, *, limit: int = 100, offset: int = 0, after: ClusterRow | Sequence[Any] | None = None
    ) -> list[ClusterRow]:
        """The most reported first: by distinct articles, then distinct sources, then stances. Page with ``after``
        (last row, its (n_articles, n_sources, n_claims, id), or its id); a deep ``offset`` is slow."""
        ...

    def speakers(self, *, kind: str | None = None, limit: int = 50) -> list[SpeakerRow]:
        """Speakers of quotes, the most quoted first (one row per speaker; ``unknown`` left out)."""
        ...

    def stances(self, cluster_id: str) -> list[StanceRow]:
        """Every stance on a tracked proposition, oldest first."""
        ...

    def disputes(
        self,
        *,
        about: str | None = None,
        since: str | None = None,
        limit: int = 50,
        after: ClusterRow | Dispute | Sequence[Any] | None = None,
    ) -> list[Dispute]:
        """Disputed propositions, most reported first. Page with ``after`` (as for :meth:`clusters`)."""
        ...

    def check(self, claim: str, *, limit: int = 10) -> list[CheckMatch]:
        """Tracked propositions matching a free-text claim, best first, with every stance on them."""
        ...

    def article_urls(self, article_ids: Sequence[str]) -> dict[str, list[str]]: ...

    def sources(self, article_id: str) -> list[dict[str, str]]: ...

    def entity(self, name: str, *, limit: int = 100) -> EntityReport: ...

    def iter_rows(self, table: ExportTable) -> Iterator[dict[str, Any]]: ...

    def schema_version(self) -> int: ...

    # -- collection state (``newsgraph collect`` / ``watch``) -------------------------------------
    def add_fetch_source(self, url: str, kind: str | None = None, *, error: str | None = None) -> None:
        """Follow ``url`` (insert, or update its kind, last run and last error)."""
        ...

    def fetch_sources(self) -> list[SourceRow]:
        """Every followed source with its counts, most recently added first."""
        ...

    def queue_urls(self, source: str, urls: Sequence[tuple[str, str | None]], kind: str = "page") -> int:
        """Insert (url, published) pairs not seen before as ``queued``; returns how many were new."""
        ...

    def fetch_states(self, urls: Sequence[str]) -> dict[str, FetchState]: ...

    def source_documents(self, source: str) -> list[FetchState]:
        """The feeds and sitemaps found under ``source`` (revalidated on every run)."""
        ...

    def pending_fetches(
        self, sources: Sequence[str] | None = None, *, max_attempts: int = 3, recheck: bool = False
    ) -> list[FetchState]:
        """Pages to fetch, oldest first: queued, failed with fewer than ``max_attempts`` attempts, and with
        ``recheck`` the stored and unchanged ones too (revalidated with a conditional GET)."""
        ...

    def record_fetches(self, states: Sequence[FetchState]) -> None:
        """Upsert fetch results (one transaction)."""
        ...

    def article_for_hash(self, content_hash: str) -> str | None:
        """The article already stored from a response with this content hash, if any."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
