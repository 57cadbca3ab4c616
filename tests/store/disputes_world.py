"""Hand-built articles with propositions and stances: one proposition confirmed by one source and denied by two
others across three articles (one of which repeats its denial), a writer's own "alleged", and an undisputed one."""

from __future__ import annotations

from newsgraph.models import Article, Proposition, Speaker, Stance

from .factory import make_article

TROOPS = "North Korea has sent troops to Russia"


def _prop(a: Article, pid: str, statement: str, stances: list[tuple[str, bool]]) -> Proposition:
    """A proposition over the article's claims ``(claim id, writer?)``, one stance per source."""
    by_id = {c.id: c for c in a.claims}
    p = Proposition(id=pid, statement=statement)
    for cid, writer in stances:
        c = by_id[cid]
        p.claims.append(cid)
        source = Speaker(name="the writer", kind="media") if writer else c.source
        if any(st.source.name == source.name for st in p.stances):
            continue
        p.stances.append(Stance(source=source, status=c.status, claim=cid, cue=c.cue, writer=writer))
    statuses = {st.status for st in p.stances}
    p.disputed = bool(statuses & {"asserted", "confirmed"} and "denied" in statuses)
    return p


def dispute_world() -> list[Article]:
    b1 = (
        "North Korea allegedly deployed troops to Russia. "
        "The National Intelligence Service confirmed that North Korea has sent troops to Russia. "
        "Officials said the harbour of Wonsan reopened last week."
    )
    a1 = make_article(
        b1,
        title="Spy agency confirms troop dispatch",
        published="2024-10-18",
        url="https://example.org/d1",
        entities=[("e1", "North Korea", "GPE"), ("e2", "Russia", "GPE"),
                  ("e3", "National Intelligence Service", "ORG")],
        claims=[
            {"text": "North Korea allegedly deployed troops to Russia", "source": "the writer", "kind": "media",
             "status": "alleged"},
            {"text": "North Korea has sent troops to Russia", "source": "National Intelligence Service",
             "kind": "organization", "entity": "e3", "status": "confirmed", "cue": "confirmed"},
            {"text": "the harbour of Wonsan reopened last week", "source": "Officials", "kind": "anonymous"},
        ],
        propositions=[],
    )  # fmt: skip
    a1.propositions = [
        _prop(a1, "p1", TROOPS, [("c1", True), ("c2", False)]),
        _prop(a1, "p2", "the harbour of Wonsan reopened last week", [("c3", False)]),
    ]
    b2 = (
        "Pyongyang denied that North Korea has sent troops to Russia. "
        "A North Korean representative dismissed the claims as groundless rumors. "
        "Pyongyang again denied the deployment."
    )
    a2 = make_article(
        b2,
        title="Pyongyang denies",
        published="2024-10-21",
        url="https://example.org/d2",
        entities=[("e1", "North Korea", "GPE"), ("e2", "Russia", "GPE"), ("e3", "Pyongyang", "GPE")],
        claims=[
            {"text": "North Korea has sent troops to Russia", "source": "Pyongyang", "kind": "state",
             "entity": "e3", "status": "denied", "cue": "denied"},
            {"text": "the claims", "source": "A North Korean representative", "kind": "person",
             "status": "denied", "cue": "dismissed"},
            {"text": "the deployment", "source": "Pyongyang", "kind": "state", "entity": "e3",
             "status": "denied", "cue": "denied"},
        ],
        propositions=[],
    )  # fmt: skip
    a2.propositions = [_prop(a2, "p1", TROOPS, [("c1", False), ("c2", False), ("c3", False)])]
    b3 = "Russia has not confirmed that North Korea has sent troops to Russia, the Kremlin said."
    a3 = make_article(
        b3,
        title="Kremlin silent",
        published="2024-10-24",
        url="https://example.org/d3",
        entities=[("e1", "Russia", "GPE"), ("e2", "North Korea", "GPE")],
        claims=[
            {"text": "North Korea has sent troops to Russia", "source": "Russia", "kind": "state", "entity": "e1",
             "status": "unconfirmed", "cue": "has not confirmed"},
        ],
        propositions=[],
    )  # fmt: skip
    a3.propositions = [_prop(a3, "p1", TROOPS, [("c1", False)])]
    return [a1, a2, a3]


def second_dispute() -> list[Article]:
    """Another disputed proposition, reported less: for paging."""
    b = "The ministry said the dam had been breached. The operator denied the dam was breached."
    a = make_article(
        b,
        title="Dam",
        published="2024-11-02",
        claims=[
            {"text": "the dam had been breached", "source": "The ministry", "kind": "organization"},
            {"text": "the dam was breached", "source": "The operator", "kind": "organization",
             "status": "denied"},
        ],
        propositions=[],
    )  # fmt: skip
    a.propositions = [_prop(a, "p1", "the dam was breached", [("c1", False), ("c2", False)])]
    return [a]
