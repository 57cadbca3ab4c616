"""Claim status, polarity and writer stance from the parse (newsgraph.claims.status), on our own sentences."""

from __future__ import annotations

import pytest

from newsgraph.claims.status import classify_status
from newsgraph.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline(components=())


def _classify(nlp, sentence: str, content: str, cue: str | None, source: str | None = None):  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    s = sentence.index(content)
    cue_span = None
    if cue is not None:
        c = sentence.index(cue)
        cue_span = (c, c + len(cue))
    src = None
    if source is not None:
        i = sentence.index(source)
        src = doc.char_span(i, i + len(source), alignment_mode="expand")
    return classify_status(doc, (s, s + len(content)), cue_span, src)


CASES = [
    # (sentence, content, cue, source, status, polarity)
    (
        "The ministry denied that its ships had entered the strait.",
        "that its ships had entered the strait",
        "denied",
        "The ministry",
        "denied",
        "positive",
    ),
    (
        "The envoy dismissed the reports as baseless propaganda.",
        "the reports as baseless propaganda",
        "dismissed",
        "The envoy",
        "denied",
        "positive",
    ),
    (
        "A spokesman said the accusations were groundless.",
        "the accusations were groundless",
        "said",
        "A spokesman",
        "denied",
        "positive",
    ),
    (
        "The judge rejected a request to delay the trial.",
        "a request to delay the trial",
        "rejected",
        "The judge",
        "asserted",
        "positive",
    ),
    (
        "The agency confirmed on Monday that the plant had closed.",
        "that the plant had closed",
        "confirmed",
        "The agency",
        "confirmed",
        "positive",
    ),
    (
        "The ministry has not confirmed whether talks will resume.",
        "whether talks will resume",
        "has not confirmed",
        "The ministry",
        "unconfirmed",
        "positive",
    ),
    (
        "The governor declined to confirm that the deal was signed.",
        "that the deal was signed",
        "declined to confirm",
        "The governor",
        "unconfirmed",
        "positive",
    ),
    (
        "The minister admitted that the budget was wrong.",
        "that the budget was wrong",
        "admitted",
        "The minister",
        "confirmed",
        "positive",
    ),
    (
        "Officials said they may consider new sanctions next year.",
        "they may consider new sanctions next year",
        "said",
        "Officials",
        "hedged",
        "positive",
    ),
    (
        "The mayor said the bridge could reopen in May.",
        "the bridge could reopen in May",
        "said",
        "The mayor",
        "hedged",
        "positive",
    ),
    (
        "Analysts believe the central bank will cut rates.",
        "the central bank will cut rates",
        "believe",
        "Analysts",
        "hedged",
        "positive",
    ),
    (
        "The senator said the plan is probably dead.",
        "the plan is probably dead",
        "said",
        "The senator",
        "hedged",
        "positive",
    ),
    (
        "The mayor said the bridge will reopen in May.",
        "the bridge will reopen in May",
        "said",
        "The mayor",
        "asserted",
        "positive",
    ),
    (
        "The coach said the team cannot win without him.",
        "the team cannot win without him",
        "said",
        "The coach",
        "asserted",
        "negative",
    ),
    (
        "Local newspapers reported that the mayor had resigned.",
        "that the mayor had resigned",
        "reported",
        "Local newspapers",
        "reported",
        "positive",
    ),
    (
        "According to Reuters, the talks collapsed on Friday.",
        "the talks collapsed on Friday",
        "According to",
        "Reuters",
        "reported",
        "positive",
    ),
    (
        "According to the police, the driver fled the scene.",
        "the driver fled the scene",
        "According to",
        "the police",
        "asserted",
        "positive",
    ),
    (
        "According to a new poll, the senator leads by five points.",
        "the senator leads by five points",
        "According to",
        "a new poll",
        "asserted",
        "positive",
    ),
    (
        "Quoting a senior aide, the report said the president would resign.",
        "the president would resign",
        "Quoting",
        "a senior aide",
        "reported",
        "positive",
    ),
    (
        "The campaign claimed that the votes were miscounted.",
        "that the votes were miscounted",
        "claimed",
        "The campaign",
        "alleged",
        "positive",
    ),
    (
        "The opposition accused the minister of lying to parliament.",
        "the minister of lying to parliament",
        "accused",
        "The opposition",
        "alleged",
        "positive",
    ),
    (
        "The president said the troops would not leave the region.",
        "the troops would not leave the region",
        "said",
        "The president",
        "asserted",
        "negative",
    ),
    (
        "He said it was not only a crime but a tragedy.",
        "it was not only a crime but a tragedy",
        "said",
        "He",
        "asserted",
        "positive",
    ),
    (
        "The minister told reporters that he never met the lobbyist.",
        "that he never met the lobbyist",
        "told",
        "The minister",
        "asserted",
        "negative",
    ),
    (
        "Clinton is seizing upon a New York Times report that Trump had a net loss of $915 million.",
        "a New York Times report that Trump had a net loss of $915 million",
        "seizing",
        "Clinton",
        "reported",
        "positive",
    ),
    (
        "Clinton denied a New York Times report that she had used a private server.",
        "a New York Times report that she had used a private server",
        "denied",
        "Clinton",
        "denied",
        "positive",
    ),
    (
        "Clinton praised the report on jobs.",
        "the report on jobs",
        "praised",
        "Clinton",
        "asserted",
        "positive",
    ),
    (
        "However, he declined to provide further details on what these measures might entail.",
        "to provide further details on what these measures might entail",
        "declined",
        "he",
        "unconfirmed",
        "positive",
    ),
    (
        "The company refused to comment on the report.",
        "to comment on the report",
        "refused",
        "The company",
        "unconfirmed",
        "positive",
    ),
    (
        "The union refused to accept the offer.",
        "to accept the offer",
        "refused",
        "The union",
        "asserted",
        "positive",
    ),
    (
        "The union urged the company to raise wages.",
        "the company to raise wages",
        "urged",
        "The union",
        "asserted",
        "positive",
    ),
]


@pytest.mark.parametrize(("sentence", "content", "cue", "source", "status", "polarity"), CASES)
def test_status(nlp, sentence, content, cue, source, status, polarity) -> None:  # type: ignore[no-untyped-def]
    res = _classify(nlp, sentence, content, cue, source)
    assert (res.status, res.polarity) == (status, polarity), sentence


def test_writer_stance(nlp) -> None:  # type: ignore[no-untyped-def]
    res = _classify(
        nlp,
        "Both governments have denied the alleged arms transfer.",
        "the alleged arms transfer",
        "have denied",
    )
    assert res == ("denied", "positive", "alleged")
    res = _classify(
        nlp,
        "The army said rebels reportedly seized the town.",
        "rebels reportedly seized the town",
        "said",
        "The army",
    )
    assert res.writer_stance == "reported" and res.status == "reported"


def test_without_cue_climbs_the_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    res = _classify(
        nlp,
        "The ministry denied that its ships had entered the strait.",
        "its ships had entered the strait",
        None,
    )
    assert res.status == "denied"


def test_empty_content_is_harmless(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Nothing to see.")
    assert classify_status(doc, (3, 3)).status == "asserted"


def test_cue_participle_speaks_for_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    """``participle_of_the_report`` in the claims stage's own attributions: the video contradicts the police, not
    the man named inside what the video shows (a false "Terence Crutcher denied" dispute on the PolNeAR dev store)."""
    from newsgraph.claims.component import extra_attributions

    doc = nlp(
        "Video shows that Crutcher had his hands in the air, contradicting the police’s earlier claim that "
        "Crutcher had refused to keep his hands up."
    )
    found = {
        cue.text: source.text if source is not None else None
        for _, cue, source in extra_attributions(doc, [])
    }
    assert found.get("contradicting") == "Video", found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Social Security Administration denies your disability claim if the form is late.",
        "It’s sort of hard to deny this camera, but the lens is slow.",
    ],
)
def test_no_one_reports_in_the_claims_stage(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    """``refusal_is_no_denial`` and ``tough_adjective_has_no_speaker`` hold for the claims stage's own cues too
    (they were four of the WCXB store's ten denials)."""
    from newsgraph.claims.component import extra_attributions

    assert [cue.text for _, cue, _ in extra_attributions(nlp(sentence), [])] == []
