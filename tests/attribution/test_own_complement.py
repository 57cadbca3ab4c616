"""Rules ``own_complement`` and ``addressee_object`` (:mod:`newsgraph.attribution.complements`, read by
``verb_rules``): the parse may hang the sentence before a cue verb, or a dateline, on the verb as its clausal
complement. A complement of the verb's own after it (an object, an infinitive, a clause) is what it reports; an
inverted direct quote (``“…,” X said``) keeps its quote, and an addressee (``told The Journal``, ``told the
crowd``) is no content. Hand-built parses make the parser's mistakes."""

from __future__ import annotations

import pytest

from newsgraph.attribution.complements import addressee_object
from newsgraph.attribution.records import Thresholds
from newsgraph.attribution.verb_rules import verb_attribution
from tests.attribution._built import Row, built_doc

OWN_OBJECT: list[
    Row
] = [  # "Viguerie is upbeat. He sees Cruz as a uniter.": the first sentence hung on "sees"
    ("Viguerie", 1, "nsubj", "PROPN"),
    ("is", 5, "ccomp", "AUX"),
    ("upbeat", 1, "acomp", "ADJ"),
    (".", 1, "punct", "PUNCT"),
    ("He", 5, "nsubj", "PRON"),
    ("sees", 5, "ROOT", "VERB"),
    ("Cruz", 5, "dobj", "PROPN"),
    ("as", 5, "prep", "ADP"),
    ("a", 9, "det", "DET"),
    ("uniter", 7, "pobj", "NOUN"),
    (".", 5, "punct", "PUNCT"),
]
DATELINE: list[Row] = [  # "WASHINGTON (AP) — A report said the secretary used email.": the dateline a clause
    ("WASHINGTON", 7, "ccomp", "PROPN"),
    ("(", 0, "punct", "PUNCT"),
    ("AP", 0, "appos", "PROPN"),
    (")", 0, "punct", "PUNCT"),
    ("—", 7, "punct", "PUNCT"),
    ("A", 6, "det", "DET"),
    ("report", 7, "nsubj", "NOUN"),
    ("said", 7, "ROOT", "VERB"),
    ("the", 9, "det", "DET"),
    ("secretary", 10, "nsubj", "NOUN"),
    ("used", 7, "ccomp", "VERB"),
    ("email", 10, "dobj", "NOUN"),
    (".", 7, "punct", "PUNCT"),
]
INVERTED_QUOTE: list[Row] = [  # "“We will win,” the mayor said, mentioning it.": the quote stays the content
    ("“", 3, "punct", "PUNCT"),
    ("We", 3, "nsubj", "PRON"),
    ("will", 3, "aux", "AUX"),
    ("win", 8, "ccomp", "VERB"),
    (",", 3, "punct", "PUNCT"),
    ("”", 3, "punct", "PUNCT"),
    ("the", 7, "det", "DET"),
    ("mayor", 8, "nsubj", "NOUN"),
    ("said", 8, "ROOT", "VERB"),
    (",", 8, "punct", "PUNCT"),
    ("mentioning", 8, "ccomp", "VERB"),
    ("it", 10, "dobj", "PRON"),
    (".", 8, "punct", "PUNCT"),
]
ADDRESSEE: list[Row] = [  # "He was a student, a spokesman told The Journal.": the object is the addressee
    ("He", 1, "nsubj", "PRON"),
    ("was", 7, "ccomp", "AUX"),
    ("a", 3, "det", "DET"),
    ("student", 1, "attr", "NOUN"),
    (",", 7, "punct", "PUNCT"),
    ("a", 6, "det", "DET"),
    ("spokesman", 7, "nsubj", "NOUN"),
    ("told", 7, "ROOT", "VERB"),
    ("The", 9, "det", "DET"),
    ("Journal", 7, "dobj", "PROPN"),
    (".", 7, "punct", "PUNCT"),
]

ANSWER: list[
    Row
] = [  # "She said, but Kevin slept, and Melanie said yes.": "She said" hung on the second "said"
    ("She", 1, "nsubj", "PRON"),
    ("said", 10, "ccomp", "VERB"),
    (",", 1, "punct", "PUNCT"),
    ("but", 1, "cc", "CCONJ"),
    ("Kevin", 5, "nsubj", "PROPN"),
    ("slept", 1, "conj", "VERB"),
    (",", 5, "punct", "PUNCT"),
    ("and", 5, "cc", "CCONJ"),
    ("then", 10, "advmod", "ADV"),
    ("Melanie", 10, "nsubj", "PROPN"),
    ("said", 10, "ROOT", "VERB"),
    ("yes", 10, "intj", "INTJ"),
    (".", 10, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    ("rows", "verb", "content"),
    [
        (ANSWER, 10, "yes"),
        (OWN_OBJECT, 5, "Cruz as a uniter"),
        (DATELINE, 7, "the secretary used email"),
        (INVERTED_QUOTE, 8, "“We will win,”"),
        (ADDRESSEE, 7, "He was a student"),
    ],
    ids=["answer", "own_object", "dateline", "inverted_quote", "addressee"],
)
def test_own_complement(rows: list[Row], verb: int, content: str) -> None:
    doc = built_doc(rows)
    att = verb_attribution(doc[verb], Thresholds())
    assert att is not None
    assert [doc.text[s:e] for s, e in att.content] == [content]


ADDRESSEE_ONLY: list[Row] = [  # "Ramos told AFP.": the quote before it is the content, not the agency
    ("Ramos", 1, "nsubj", "PROPN"),
    ("told", 1, "ROOT", "VERB"),
    ("AFP", 1, "dobj", "PROPN"),
    (".", 1, "punct", "PUNCT"),
]
TOLD_STORIES: list[Row] = [  # "She told stories of the war.": what was told
    ("She", 1, "nsubj", "PRON"),
    ("told", 1, "ROOT", "VERB"),
    ("stories", 1, "dobj", "NOUN"),
    ("of", 2, "prep", "ADP"),
    ("the", 5, "det", "DET"),
    ("war", 3, "pobj", "NOUN"),
    (".", 1, "punct", "PUNCT"),
]
TOLD_CROWD: list[Row] = [  # "He told the crowd.": a group of listeners
    ("He", 1, "nsubj", "PRON"),
    ("told", 1, "ROOT", "VERB"),
    ("the", 3, "det", "DET"),
    ("crowd", 1, "dobj", "NOUN"),
    (".", 1, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    ("rows", "addressee"),
    [(ADDRESSEE_ONLY, True), (TOLD_CROWD, True), (TOLD_STORIES, False)],
    ids=["agency", "crowd", "stories"],
)
def test_addressee_object(rows: list[Row], addressee: bool) -> None:
    doc = built_doc(rows)
    dobj = next(t for t in doc if t.dep_ == "dobj")
    assert addressee_object("tell", dobj) is addressee
    assert not addressee_object("deny", dobj)
    att = verb_attribution(doc[1], Thresholds())
    assert (att is None) is addressee
