"""Transcript turns (:mod:`newsgraph.attribution.transcript`, rule ``turn_mark`` in :mod:`.marks`): ``PENCE: …`` is
Pence's words, a pasted turn's opening quotation mark opens no quotation, and the speaker label resolves to the
article's person. Hand-written transcripts; each runs the real parse and rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.marks import quote_spans, turn_mark
from newsgraph.attribution.transcript import speaker_label, transcript_turns
from tests.attribution._rules import parse, quotes_of

TRANSCRIPT = (
    "Governor Ann Ross spoke to the host of the Sunday show about the flood.\n\n"
    "TOM BAKER: Governor, will the dam hold through the week?\n\n"
    "ROSS: Well, the engineers tell me it will. We have moved the families below it to the school.\n\n"
    "BAKER: And the farms downstream?\n\n"
    "ROSS: They are on their own until the water drops, and I regret that."
)


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("PENCE: Well, look, she thinks this is a game show.", "PENCE"),
        ('"JAKE TAPPER: Do you think he has campaigned as a healer?', "JAKE TAPPER"),
        ("UPDATE: The vote has been moved to Friday.", None),  # a heading, not a speaker
        ("AP: The vote has been moved.", None),  # too short to be a name
        ("Pence: Well, look.", None),  # not in capitals
        ("The vote: a preview of the week.", None),
        ("CPU: Intel Core i3-N355 | RAM: 16GB DDR5 | Storage: 512GB SSD", None),  # field_list_is_no_turn
        ("CPU: Intel Core i3-N355 • Battery life: 6.5 hours", None),
        ("ROSS: They are on their own | and I regret that.", "ROSS"),  # a bar, but no field after it
    ],
)
def test_speaker_label(paragraph: str, label: str | None) -> None:
    found = speaker_label(paragraph, 0, len(paragraph))
    assert (paragraph[found[0] : found[1]] if found else None) == label


@pytest.mark.parametrize(
    ("paragraph", "turn"),
    [
        ('"WALLACE: Why would he do that?', True),
        ("“WALLACE: Why would he do that?", True),
        ("WALLACE: Why would he do that?", False),  # no mark to explain away
        ('"We will win," she said.', False),
        ('"A: Not at all.', False),  # one letter
    ],
)
def test_turn_mark(paragraph: str, turn: bool) -> None:
    assert turn_mark(paragraph, 0, len(paragraph)) is turn


def test_pasted_turns_are_no_quotation() -> None:
    text = '"HOST: Will she be there?\n\n"PENCE: She will not, and that is “final.”\n\n"HOST: Thank you.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["“final.”"]


def test_transcript_turns_read_label_colon_and_paragraph(nlp: Language) -> None:
    doc, _ = parse(nlp, TRANSCRIPT)
    turns = transcript_turns(doc)
    assert [doc[a.source[0] : a.source[1]].text for a in turns if a.source] == [
        "TOM BAKER",
        "ROSS",
        "BAKER",
        "ROSS",
    ]
    assert all(doc[a.cue[0]].text == ":" for a in turns)
    (s, e) = turns[1].content[0]
    assert (
        doc.text[s:e]
        == "Well, the engineers tell me it will. We have moved the families below it to the school."
    )


def test_one_labelled_paragraph_is_no_transcript(nlp: Language) -> None:
    doc, _ = parse(nlp, "The mayor spoke on Monday.\n\nROSS: The dam will hold, the engineers say.")
    assert transcript_turns(doc) == []


def test_turn_speakers_resolve_to_the_article_people(nlp: Language) -> None:
    quotes = [q for q in quotes_of(nlp, TRANSCRIPT) if q.cue == ":"]
    assert [(q.speaker.name, q.speaker.kind) for q in quotes] == [
        ("Tom Baker", "person"),
        ("Ann Ross", "person"),
        ("Tom Baker", "person"),
        ("Ann Ross", "person"),
    ]
    assert quotes[1].speaker.resolved_from == "ROSS"
    span = quotes[1].speaker.span
    assert span is not None and TRANSCRIPT[span[0] : span[1]] == "ROSS"


def test_an_all_caps_source_outside_a_transcript_stays_an_organisation(nlp: Language) -> None:
    quotes = quotes_of(
        nlp, "NATO said on Monday that the alliance would send more troops to the eastern border."
    )
    assert [(q.speaker.name, q.speaker.kind) for q in quotes] == [("NATO", "organization")]


GUIDE = (
    "Keep to the maintenance intervals in the manual and the prices below.\n\n"
    "Coolant flush\n\nINTERVAL: Up to 100,000 miles\n\nPRICE: $373-$400\n\n"
    "Oil change\n\nINTERVAL: Every 7,500 miles is the most common\n\nPRICE: $75-$145"
)


def test_field_labels_are_no_speakers(nlp: Language) -> None:
    """Rule ``field_label_is_no_speaker`` (:func:`newsgraph.attribution.transcript.common_word`): a one-word label
    the article writes in lower case is a field name, even when it heads two paragraphs."""
    from newsgraph.attribution.transcript import common_word

    assert common_word(GUIDE, "INTERVAL") and common_word(GUIDE, "PRICE")
    assert not common_word(TRANSCRIPT, "ROSS")
    doc, _ = parse(nlp, GUIDE)
    assert transcript_turns(doc) == []


def test_a_repeated_label_without_a_common_word_is_still_a_turn(nlp: Language) -> None:
    text = "Two callers rang the show.\n\nKESTREL: The dam will hold.\n\nKESTREL: The families are safe."
    doc, _ = parse(nlp, text)
    assert len(transcript_turns(doc)) == 2
