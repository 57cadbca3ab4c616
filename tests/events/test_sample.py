"""The bundled JoongAng sample through the full pipeline (attribution -> claims -> events)."""

from __future__ import annotations

from newsgraph.models import Article, Event, span_errors


def _find(art: Article, etype: str, **want: object) -> list[Event]:
    out = []
    for e in art.events:
        if e.type != etype:
            continue
        src = e.source_actor.country if e.source_actor else None
        tgt = e.target_actor.country if e.target_actor else None
        got = {"src": src, "tgt": tgt, "status": e.status, "date": e.date, "mode": e.mode}
        if all(got[k] == v for k, v in want.items()):
            out.append(e)
    return out


def test_sample_events(sample_article: Article) -> None:
    art = sample_article
    assert art.published and art.published.startswith("2024-10-22")
    assert not [e for e in art.errors if e.stage == "events"]
    assert span_errors(art) == []
    # South Korea REQUEST (withdrawal of troops) of North Korea, on Tuesday
    assert _find(art, "REQUEST", src="KOR", tgt="PRK", date="2024-10-22", mode="yield")
    # North Korea MOBILIZE: troops - alleged by the writer, denied by North Korea and Russia
    assert _find(art, "MOBILIZE", src="PRK", mode="troops", status="alleged")
    assert _find(art, "MOBILIZE", mode="troops", status="denied")
    # NIS confirmed last Friday that North Korea plans to send troops to assist Russia
    assert _find(art, "MOBILIZE", src="PRK", tgt="RUS", date="2024-10-18")
    # North Korea REJECT the allegation, late Monday at the UN
    assert _find(art, "REJECT", src="PRK", date="2024-10-21")
    # South Korea (Hwang Joon-kook) ACCUSE Russia
    acc = _find(art, "ACCUSE", src="KOR", tgt="RUS")
    assert acc and acc[0].source_actor is not None and "Hwang" in acc[0].source_actor.name
    # South Korea possible AID: weapons to Ukraine (hedged)
    assert _find(art, "AID", src="KOR", tgt="UKR", status="hedged")
    for e in art.events:
        assert e.score is not None and e.cameo
        if e.date:
            assert e.date[:4] in ("2022", "2024")
