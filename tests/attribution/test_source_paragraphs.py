"""Rule ``source_in_paragraph`` (:mod:`newsgraph.attribution.paragraphs`): a source lies in its cue's paragraph.

The parser's mistakes (a live blog's time stamp or a headline joined to the next paragraph's subject) do not
happen on every small text, so the rule is tested on hand-built parses that make them; the real pipeline on the
same texts must give the same sources."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.paragraphs import Paragraphs, editors_note, source_in_paragraph
from newsgraph.attribution.records import Attribution
from newsgraph.attribution.reported import closes_dateline, is_break, np_slice
from tests.attribution._built import Row, built_doc
from tests.attribution._rules import find, parse, source_of

STAMP: list[Row] = [  # "9:30 p.m.\n\nDonald Trump says he will win": Trump hung on the stamp
    ("9:30", 1, "nummod", "NUM"),
    ("p.m.", 5, "nsubj", "NOUN"),
    ("\n\n", 1, "dep", "SPACE"),
    ("Donald", 4, "compound", "PROPN"),
    ("Trump", 1, "appos", "PROPN"),
    ("says", 5, "ROOT", "VERB"),
    ("he", 8, "nsubj", "PRON"),
    ("will", 8, "aux", "AUX"),
    ("win", 5, "ccomp", "VERB"),
]
STAMP_IN_NP: list[Row] = [  # "7:45 a.m.\n\nRepublican hopefuls say …": the stamp inside the subject's subtree
    ("7:45", 4, "nummod", "NUM"),
    ("a.m.", 0, "prep", "ADP"),
    ("\n\n", 1, "dep", "SPACE"),
    ("Republican", 4, "amod", "ADJ"),
    ("hopefuls", 5, "nsubj", "NOUN"),
    ("say", 5, "ROOT", "VERB"),
    ("he", 7, "nsubj", "PRON"),
    ("lost", 5, "ccomp", "VERB"),
]
TWO_SUBJECTS: list[Row] = [  # "6:50 p.m.\n\nWith her husband, Clinton has told them that …"
    ("6:50", 1, "nummod", "NUM"),
    ("p.m.", 9, "nsubj", "NOUN"),
    ("\n\n", 1, "dep", "SPACE"),
    ("With", 1, "prep", "ADP"),
    ("her", 5, "poss", "PRON"),
    ("husband", 3, "pobj", "NOUN"),
    (",", 9, "punct", "PUNCT"),
    ("Clinton", 9, "nsubj", "PROPN"),
    ("has", 9, "aux", "AUX"),
    ("told", 9, "ROOT", "VERB"),
    ("them", 9, "dobj", "PRON"),
    ("that", 13, "mark", "SCONJ"),
    ("they", 13, "nsubj", "PRON"),
    ("won", 9, "ccomp", "VERB"),
]
PARTICIPLE: list[
    Row
] = [  # "I left .\n\nSmith responded , calling it pathetic": "calling" given the speaker "I"
    ("I", 1, "nsubj", "PRON"),
    ("left", 1, "ROOT", "VERB"),
    (".", 1, "punct", "PUNCT"),
    ("\n\n", 2, "dep", "SPACE"),
    ("Smith", 5, "nsubj", "PROPN"),
    ("responded", 1, "conj", "VERB"),
    (",", 5, "punct", "PUNCT"),
    ("calling", 5, "advcl", "VERB"),
    ("it", 9, "nsubj", "PRON"),
    ("pathetic", 7, "ccomp", "ADJ"),
]
DATE_ONLY: list[Row] = [  # "Smith: A Headline .\n\nTuesday , said he won": only a date hangs across the break
    ("Smith", 6, "nsubj", "PROPN"),
    (":", 0, "punct", "PUNCT"),
    ("Headline", 0, "appos", "PROPN"),
    ("\n\n", 2, "dep", "SPACE"),
    ("Tuesday", 0, "appos", "PROPN"),
    (",", 0, "punct", "PUNCT"),
    ("said", 6, "ROOT", "VERB"),
    ("he", 8, "nsubj", "PRON"),
    ("won", 6, "ccomp", "VERB"),
]


def _subject_range(doc: Doc, head: int) -> tuple[int, int]:
    return doc[head].left_edge.i, doc[head].right_edge.i + 1


@pytest.mark.parametrize(
    ("rows", "verb", "head", "source"),
    [
        (STAMP, 5, 1, "Donald Trump"),  # the head across the break: the noun the parse hung on it
        (STAMP_IN_NP, 5, 4, "Republican hopefuls"),  # the head in the paragraph: the span is cut at the break
        (TWO_SUBJECTS, 9, 1, "Clinton"),  # the cue verb's other subject
        (PARTICIPLE, 7, 0, "Smith"),  # the subject of the verb the participle hangs on
        (DATE_ONLY, 6, 0, None),  # a date never speaks: no source
    ],
    ids=["stamp", "stamp_in_np", "two_subjects", "participle", "date_only"],
)
def test_source_in_paragraph(rows: list[Row], verb: int, head: int, source: str | None) -> None:
    doc = built_doc(rows)
    att = Attribution(cue=[verb], source=_subject_range(doc, head), content=[], verb=verb, source_head=head)
    source_in_paragraph(doc, att, Paragraphs(doc))
    assert (doc[att.source[0] : att.source[1]].text if att.source else None) == source
    if att.source is not None:
        assert att.source_head is not None and att.source[0] <= att.source_head < att.source[1]


def test_np_slice_stops_at_a_break() -> None:
    doc = built_doc(STAMP_IN_NP)
    s, e = np_slice(doc[4])
    assert doc[s:e].text == "Republican hopefuls"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The Latest on the race:\n\n9:30 p.m.\n\nDonald Trump says he may move to the South.", "says",
         "Donald Trump"),
        ("7:45 a.m.\n\nRepublican hopefuls Jeb Bush and Chris Christie say the senator has not been tested.",
         "say", "Republican hopefuls Jeb Bush and Chris Christie"),
        ("6:50 p.m.\n\nWith her husband standing by her side, Hillary Clinton has told her supporters that they "
         "are in this together.", "told", "Hillary Clinton"),
    ],
    ids=["stamp", "stamp_in_np", "two_subjects"],
)  # fmt: skip
def test_live_blog_sources(nlp: Language, text: str, cue: str, source: str) -> None:
    doc, atts = parse(nlp, text, model="rules")
    a = find(doc, atts, cue)
    assert source_of(doc, a) == source
    assert "\n" not in next(q.speaker.name for q in doc._.quotes if q.cue == cue)


DATELINE: list[Row] = [  # "DALLAS (AP) — Martin O’Malley says he will win": the place made the subject
    ("DALLAS", 7, "nsubj", "PROPN"),
    ("(", 2, "punct", "PUNCT"),
    ("AP", 0, "appos", "PROPN"),
    (")", 0, "punct", "PUNCT"),
    ("—", 0, "punct", "PUNCT"),
    ("Martin", 6, "compound", "PROPN"),
    ("O’Malley", 0, "appos", "PROPN"),
    ("says", 7, "ROOT", "VERB"),
    ("he", 10, "nsubj", "PRON"),
    ("will", 10, "aux", "AUX"),
    ("win", 7, "ccomp", "VERB"),
]


@pytest.mark.parametrize(
    ("text", "dash", "closes"),
    [
        ("DALLAS (AP) — Martin O’Malley says he will win.", "—", True),
        ("Lead.\n\nCAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters say they like him.", "—", True),
        ("The mayor — a former judge — says he will win.", "—", False),
    ],
    ids=["wire", "second_paragraph", "apposition"],
)
def test_closes_dateline(text: str, dash: str, closes: bool) -> None:
    doc = spacy.blank("en")(text)
    assert closes_dateline(next(t for t in doc if t.text == dash)) is closes


def test_dateline_is_no_source() -> None:
    doc = built_doc(DATELINE)
    assert is_break(doc[4])
    att = Attribution(cue=[7], source=(0, 7), content=[], verb=7, source_head=0)
    source_in_paragraph(doc, att, Paragraphs(doc))
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Martin O’Malley"
    assert np_slice(doc[0])[1] <= 4  # the place's noun phrase stops at the dateline's dash


@pytest.mark.parametrize(
    ("paragraph", "note"),
    [
        ("Editor’s note: Ann Ross is a serial liar who has repeatedly pledged to close the dam.", True),
        ("Editor's Note: An earlier version of this story misspelled the senator's name.", True),
        ("“Editors’ note: This article was updated.", True),
        (
            "This article has been revised to reflect the following correction: An earlier version misstated it.",
            True,
        ),
        ("Correction: An earlier version of this story misstated the size of the dam.", True),
        ("An earlier version of this article misstated the amount of time the process takes.", True),
        ("Correction Appended.", True),
        ("The editor said in a note that the story would be updated.", False),
        ("The mayor said this article was revised after a complaint.", False),
        ("Corrections officers said the prison was understaffed.", False),
        ("Ross said the editor’s note was wrong.", False),
    ],
)
def test_editors_note(paragraph: str, note: bool) -> None:
    assert editors_note(paragraph, 0, len(paragraph)) is note


def test_an_editors_note_holds_no_attribution(nlp: Language) -> None:
    text = (
        "Senator Ann Ross said on Monday that the dam would hold.\n\n"
        "Editor’s note: Ann Ross is a serial liar and bully who has repeatedly pledged to close the dam."
    )
    for model in ("rules", "combined"):
        doc, atts = parse(nlp, text, model)
        assert [doc[a.cue[0]].text for a in atts] == ["said"]


def test_an_editors_note_broken_over_lines_holds_no_attribution(nlp: Language) -> None:
    text = (
        "Senator Ann Ross said on Monday that the dam would hold.\n\n"
        "Editor’s note: Ann Ross regularly\nmisleads\nvoters and is a bully who has\nrepeatedly pledged to close "
        "the dam.\n\nThe mayor said the dam would hold."
    )
    for body in (text, text.replace("\n", "\n\n")):  # as cleaning leaves it: each line a paragraph
        doc, atts = parse(nlp, body, "rules")
        assert [doc[a.cue[0]].text for a in atts] == ["said", "said"]
