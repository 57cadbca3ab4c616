"""The data contract: one :class:`Article` record per document, and the shapes every stage fills.

All spans are ``[start, end)`` character offsets into :attr:`Article.body`; for every span the record
also carries the text, and ``body[start:end] == text`` always holds (checked by
:func:`newsgraph.models.span_errors`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
"""``[start, end)`` character offsets into the article body."""

SourceFormat = Literal["text", "html", "warc"]
QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "state", "anonymous", "media", "unknown"]
ClaimStatus = Literal["asserted", "confirmed", "denied", "hedged", "alleged", "reported", "unconfirmed"]
Polarity = Literal["positive", "negative"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

CLAIM_STATUSES: tuple[str, ...] = ClaimStatus.__args__  # type: ignore[attr-defined]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class Source(_Model):
    """Where the document came from."""

    path: str | None = None
    url: str | None = None
    format: SourceFormat = "text"
    warc_record_id: str | None = None


class Author(_Model):
    name: str
    email: str | None = None


class Caption(_Model):
    """A photo caption moved out of the body (printed once, even if the page repeated it)."""

    text: str
    credit: str | None = None


class Removed(_Model):
    """A piece of the input the cleaner dropped, kept for audit."""

    text: str
    reason: str = Field(description="e.g. boilerplate, advertisement, weather, duplicate-caption, navigation")


class ErrorRecord(_Model):
    stage: str = Field(
        description="ingest | decode | clean | html | language | nlp | attribution | entities | claims | propositions | events | "
        "store"
    )
    message: str


class Mention(_Model):
    text: str
    span: Span


class Entity(_Model):
    """A canonical entity of this article (mentions merged: "Kim", "He" -> Kim Tae-hyo)."""

    id: str
    name: str
    type: str = Field(description="spaCy label: PERSON, ORG, GPE, NORP, ...")
    country: str | None = Field(
        default=None,
        description="ISO 3166-1 alpha-3 where it applies; PLOVER's IGO codes (UNO, EUR, IGO) for international bodies",
    )
    sector: str | None = Field(default=None, description="PLOVER/CAMEO actor sector: GOV, MIL, MED, ...")
    attributes: list[str] = Field(
        default_factory=list,
        description="roles and titles, e.g. 'principal deputy national security adviser'",
    )
    mentions: list[Mention] = Field(default_factory=list)


class Speaker(_Model):
    """Who is speaking (or, for a claim, whose commitment it is)."""

    name: str = Field(description="canonical name in this article; anonymous sources keep their description")
    kind: SpeakerKind = "unknown"
    description: str | None = Field(default=None, description="role kept from the text")
    span: Span | None = Field(default=None, description="the mention this speaker was read from")
    resolved_from: str | None = Field(
        default=None, description="surface mention when it differs from name: 'He', 'Kim'"
    )
    entity: str | None = Field(default=None, description="id of the Entity in this article")


class Quote(_Model):
    id: str
    type: QuoteType
    text: str
    span: Span
    cue: str | None = None
    cue_span: Span | None = None
    cue_phrase: str | None = Field(
        default=None,
        description="the whole attributing phrase around the cue verb, e.g. 'said in a statement on Saturday' "
        "(the extent PolNeAR annotates as the cue)",
    )
    cue_phrase_span: Span | None = None
    speaker: Speaker


class Claim(_Model):
    id: str
    text: str
    span: Span
    source: Speaker
    quote: str | None = Field(default=None, description="id of the Quote this claim comes from")
    status: ClaimStatus = "asserted"
    polarity: Polarity = "positive"
    writer_stance: str | None = Field(
        default=None, description="how the writer marks the claim, e.g. 'alleged'"
    )
    cue: str | None = None
    cue_span: Span | None = None


class Stance(_Model):
    """One source's position on a :class:`Proposition`: who, how sure, and the claim that says so."""

    source: Speaker
    status: ClaimStatus
    claim: str = Field(
        description="id of the Claim that carries this stance (the first one, if the source repeats); for the "
        "writer's framing, the claim around the hedge word, else one in its sentence, else the first member"
    )
    cue: str | None = Field(
        default=None, description="the claim's cue ('denied'), or the writer's hedge word"
    )
    cue_span: Span | None = None
    writer: bool = Field(
        default=False, description="the writer's own framing ('allegedly deployed'), not an attributed source"
    )


class Proposition(_Model):
    """One fact that several claims state, in other words or by reference, with one stance per source.

    Member claims state it as a clause ("North Korea sent troops to Russia"), as a nominalisation ("the alleged
    troop deployment") or through an anaphor ("the claims", "the report").
    """

    id: str
    statement: str = Field(description="canonical clause, e.g. 'North Korea has sent troops to Russia'")
    claims: list[str] = Field(default_factory=list, description="ids of the member Claims, in body order")
    stances: list[Stance] = Field(default_factory=list, description="one per distinct source, in body order")
    disputed: bool = Field(
        default=False, description="one source asserts or confirms it and another denies it"
    )


class Actor(_Model):
    name: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    countries: list[str] = Field(
        default_factory=list,
        description="every country of a compound actor ('North Korea and Russia'), in order, the first being "
        "`country`; empty when the actor has at most one",
    )


class Event(_Model):
    """A PLOVER-coded event; inherits its claim's status (a denied deployment is not a deployment)."""

    id: str
    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    score: float | None = Field(default=None, description="conflict-cooperation score from the PLOVER manual")
    cameo: str | None = None
    source_actor: Actor | None = None
    target_actor: Actor | None = None
    date: str | None = Field(default=None, description="ISO date resolved against Article.published")
    date_text: str | None = None
    claim: str | None = None
    status: ClaimStatus | None = None
    text: str
    span: Span


class Article(_Model):
    """One article: the record every stage reads and fills."""

    id: str = Field(description="stable: hash of the normalised body")
    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    language: str | None = Field(default=None, description="ISO 639-1, detected")
    title: str | None = None
    published: str | None = Field(default=None, description="ISO-8601 date or datetime")
    authors: list[Author] = Field(default_factory=list)
    sitename: str | None = Field(
        default=None, description="the site's or publisher's name, from the page's metadata (HTML only)"
    )
    body: str = ""
    captions: list[Caption] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    propositions: list[Proposition] = Field(default_factory=list)
    errors: list[ErrorRecord] = Field(default_factory=list)


def iter_spans(article: Article) -> list[tuple[str, Span, str]]:  # noqa: C901
    """Every (where, span, text) triple in the record, for invariant checks."""
    out: list[tuple[str, Span, str]] = []
    for e in article.entities:
        for m in e.mentions:
            out.append((f"entity {e.id}", m.span, m.text))
    for q in article.quotes:
        out.append((f"quote {q.id}", q.span, q.text))
        if q.cue_span is not None and q.cue is not None:
            out.append((f"quote {q.id} cue", q.cue_span, q.cue))
        if q.cue_phrase_span is not None and q.cue_phrase is not None:
            out.append((f"quote {q.id} cue phrase", q.cue_phrase_span, q.cue_phrase))
        if q.speaker.span is not None:
            out.append((f"quote {q.id} speaker", q.speaker.span, q.speaker.resolved_from or q.speaker.name))
    for c in article.claims:
        out.append((f"claim {c.id}", c.span, c.text))
        if c.cue_span is not None and c.cue is not None:
            out.append((f"claim {c.id} cue", c.cue_span, c.cue))
    for ev in article.events:
        out.append((f"event {ev.id}", ev.span, ev.text))
    for p in article.propositions:
        for st in p.stances:
            if st.cue_span is not None and st.cue is not None:
                out.append((f"proposition {p.id} stance cue", st.cue_span, st.cue))
    return out


def span_errors(article: Article) -> list[str]:
    """Spans whose offsets do not index their text in ``body`` (empty list when all are valid)."""
    bad = []
    n = len(article.body)
    for where, (s, e), text in iter_spans(article):
        if not (0 <= s <= e <= n) or article.body[s:e] != text:
            bad.append(f"{where}: body[{s}:{e}]={article.body[s:e]!r} != {text!r}")
    return bad
