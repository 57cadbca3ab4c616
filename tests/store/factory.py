"""Hand-built Article records with valid spans (the NLP stages may still return empty lists)."""

from __future__ import annotations

from typing import Any

from newsgraph.models import (
    Article,
    Claim,
    Entity,
    Event,
    Mention,
    Proposition,
    Quote,
    Source,
    Speaker,
    Stance,
)
from newsgraph.pipeline import article_id


def _span(body: str, text: str) -> tuple[int, int]:
    i = body.index(text)
    return (i, i + len(text))


def propositions_of(claims: list[Claim]) -> list[Proposition]:
    """One proposition per distinct claim text, one stance per source (the first claim of a source that
    repeats itself): what the propositions stage does for claims that state the same clause."""
    props: dict[str, Proposition] = {}
    for c in claims:
        p = props.get(c.text)
        if p is None:
            p = props[c.text] = Proposition(id=f"p{len(props) + 1}", statement=c.text)
        p.claims.append(c.id)
        if all(st.source.name != c.source.name for st in p.stances):
            p.stances.append(Stance(source=c.source, status=c.status, claim=c.id, cue=c.cue))
    for p in props.values():
        statuses = {st.status for st in p.stances}
        p.disputed = bool(statuses & {"asserted", "confirmed"} and "denied" in statuses)
    return list(props.values())


def make_article(
    body: str,
    *,
    title: str | None = None,
    published: str | None = None,
    path: str | None = None,
    url: str | None = None,
    entities: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    quotes: list[dict[str, Any]] = (),  # type: ignore[assignment]
    claims: list[dict[str, Any]] = (),  # type: ignore[assignment]
    events: list[dict[str, Any]] = (),  # type: ignore[assignment]
    propositions: list[Proposition] | None = None,
) -> Article:
    """``entities``: (id, name, type), mentions found wherever the name occurs in the body.
    ``quotes``/``claims``: dicts with text, speaker/source name, kind, entity, status, type, cue.
    ``propositions``: default one per distinct claim text (:func:`propositions_of`); ``[]`` for none."""
    ents = []
    for eid, name, etype in entities:
        mentions = []
        start = body.find(name)
        while start >= 0:
            mentions.append(Mention(text=name, span=(start, start + len(name))))
            start = body.find(name, start + 1)
        ents.append(Entity(id=eid, name=name, type=etype, mentions=mentions))
    qs = [
        Quote(
            id=f"q{i + 1}",
            type=q.get("type", "direct"),
            text=q["text"],
            span=_span(body, q["text"]),
            cue=q.get("cue"),
            speaker=Speaker(name=q["speaker"], kind=q.get("kind", "person"), entity=q.get("entity")),
        )
        for i, q in enumerate(quotes)
    ]
    cs = [
        Claim(
            id=f"c{i + 1}",
            text=c["text"],
            span=_span(body, c["text"]),
            source=Speaker(name=c["source"], kind=c.get("kind", "person"), entity=c.get("entity")),
            status=c.get("status", "asserted"),
            quote=c.get("quote"),
            cue=c.get("cue"),
        )
        for i, c in enumerate(claims)
    ]
    evs = [
        Event(id=f"ev{i + 1}", type=e["type"], text=e["text"], span=_span(body, e["text"]), claim=e.get("claim"),
              status=e.get("status"))
        for i, e in enumerate(events)
    ]  # fmt: skip
    return Article(
        id=article_id(body),
        source=Source(path=path, url=url),
        language="en",
        title=title,
        published=published,
        body=body,
        entities=ents,
        quotes=qs,
        claims=cs,
        events=evs,
        propositions=propositions_of(cs) if propositions is None else propositions,
    )


NK = "North Korea has sent troops to Russia"


def world() -> list[Article]:
    """Three small articles about the same story, with a denial, a confirmation and an anonymous source."""
    b1 = (
        "Kim Tae-hyo said North Korea has sent troops to Russia. "
        '"South Korea will consider supplying weapons to Ukraine," Kim Tae-hyo told reporters. '
        "Russia denied that North Korean troops were deployed. "
        "An official who asked not to be named said the troops were training near Vladivostok."
    )
    a1 = make_article(
        b1,
        title="Seoul weighs weapons for Ukraine",
        published="2024-10-22",
        url="https://example.org/a1",
        path="a1.txt",
        entities=[("e1", "Kim Tae-hyo", "PERSON"), ("e2", "Russia", "GPE"), ("e3", "North Korea", "GPE"),
                  ("e4", "Ukraine", "GPE"), ("e5", "South Korea", "GPE")],
        quotes=[
            {"text": "South Korea will consider supplying weapons to Ukraine", "speaker": "Kim Tae-hyo", "entity": "e1"},
            {"text": "the troops were training near Vladivostok", "speaker": "An official who asked not to be named",
             "kind": "anonymous", "type": "indirect"},
        ],
        claims=[
            {"text": NK, "source": "Kim Tae-hyo", "entity": "e1"},
            {"text": "North Korean troops were deployed", "source": "Russia", "kind": "state", "entity": "e2",
             "status": "denied"},
            {"text": "the troops were training near Vladivostok", "source": "An official who asked not to be named",
             "kind": "anonymous", "status": "reported"},
        ],
        events=[{"type": "MOBILIZE", "text": "North Korean troops were deployed", "claim": "c2", "status": "denied"}],
    )  # fmt: skip
    b2 = (
        "Ukraine's intelligence agency said on Friday that North Korea has sent troops to Russia. "
        "The agency added that 1,500 soldiers had arrived. Kim Tae-hyo declined to comment."
    )
    a2 = make_article(
        b2,
        title="Kyiv confirms troop movement",
        published="2024-10-25",
        url="https://example.org/a2",
        entities=[("e1", "Ukraine", "GPE"), ("e2", "North Korea", "GPE"), ("e3", "Russia", "GPE"),
                  ("e4", "Kim Tae-hyo", "PERSON")],
        claims=[
            {"text": NK, "source": "Ukraine's intelligence agency", "kind": "organization", "status": "confirmed"},
            {"text": "1,500 soldiers had arrived", "source": "Ukraine's intelligence agency", "kind": "organization"},
        ],
    )  # fmt: skip
    b3 = (
        "Kim Tae-hyo said in September that sanctions on Pyongyang were working. "
        "A diplomat, speaking anonymously, said Seoul doubted the reports."
    )
    a3 = make_article(
        b3,
        title="Sanctions debate",
        published="2024-09-03",
        url="https://example.org/a3",
        entities=[("e1", "Kim Tae-hyo", "PERSON"), ("e2", "Seoul", "GPE")],
        quotes=[
            {"text": "sanctions on Pyongyang were working", "speaker": "Kim Tae-hyo", "entity": "e1", "type": "indirect"},
            {"text": "Seoul doubted the reports", "speaker": "A diplomat", "kind": "anonymous", "type": "indirect"},
        ],
        claims=[
            {"text": "sanctions on Pyongyang were working", "source": "Kim Tae-hyo", "entity": "e1", "status": "hedged"},
        ],
    )  # fmt: skip
    return [a1, a2, a3]


def filler(i: int, *, words: int = 40) -> Article:
    """A distinct small article number ``i`` (one claim, one quote, one entity)."""
    body = (
        f"Minister Ana Lopez{i} said the port of Vel{i} reopened on day {i}. "
        + " ".join(f"w{(i * 7 + k) % 997}" for k in range(words))
        + f' "We will rebuild Vel{i}," Ana Lopez{i} said.'
    )
    return make_article(
        body,
        published=f"2024-01-{1 + i % 28:02d}",
        path=f"f{i}.txt",
        entities=[("e1", f"Ana Lopez{i}", "PERSON")],
        quotes=[{"text": f"We will rebuild Vel{i}", "speaker": f"Ana Lopez{i}", "entity": "e1"}],
        claims=[
            {"text": f"the port of Vel{i} reopened on day {i}", "source": f"Ana Lopez{i}", "entity": "e1"}
        ],
    )
