"""Sentence boundaries set before the parser (``newsgraph_sentences``): each rule on hand-written text, then the
parse they give and the attribution they fix."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.sentences import closing_quote_ends_sentence, paragraph_break_starts_sentence


@pytest.fixture(scope="module")
def tok() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def parsing() -> Language:
    from newsgraph.nlp import load_pipeline

    return load_pipeline(components=())


def _at(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text,word,starts",
    [
        ("The vote was close.\n\nLopez said so.", "Lopez", True),  # a blank line
        ("The vote was close.\nLopez said so.", "Lopez", True),  # one line break after a full stop
        ("We need:\nJobs\nHomes", "Homes", True),  # a list: the item begins with a capital
        ("Trump regularly\nincites violence.", "incites", False),  # a line broken inside a sentence
        ("The vote was close. Lopez said so.", "Lopez", False),  # no break at all: the parser's call
        ("He said\n“We won.”", "“", True),  # a quotation opens the line
    ],
)
def test_paragraph_break_starts_sentence(tok: Language, text: str, word: str, starts: bool) -> None:
    doc = tok(text)
    assert paragraph_break_starts_sentence(doc, _at(doc, word)) is starts


@pytest.mark.parametrize(
    "text,index,closes",
    [
        ("“We won.” Then they left.", 4, True),  # ” only closes
        ('"We won." Then they left.', 4, True),  # " stuck to the full stop
        ('She said: "We won," and left.', 7, True),  # " stuck to the comma
        ('He called it "fake news" again.', 3, False),  # " after a space opens
        ("The players’ union agreed.", 2, False),  # an apostrophe after a word, not after punctuation
    ],
)
def test_closing_quote_ends_sentence(tok: Language, text: str, index: int, closes: bool) -> None:
    doc = tok(text)
    assert doc[index].text in {"”", '"', "’"}
    assert closing_quote_ends_sentence(doc, index) is closes


def test_the_parser_keeps_the_boundaries(parsing: Language) -> None:
    assert "newsgraph_sentences" in parsing.pipe_names
    assert parsing.pipe_names.index("newsgraph_sentences") < parsing.pipe_names.index("parser")
    text = (
        'Senator Maria Lopez spoke on Tuesday. "We will not back down."\n\n'
        '"Nobody expected the vote to be this close."\n\nLopez said earlier that she had doubts.'
    )
    sents = [s.text.strip() for s in parsing(text).sents]
    assert '"Nobody expected the vote to be this close."' in sents  # its closing mark stays with it
    assert "Lopez said earlier that she had doubts." in sents  # the paragraph break is a boundary


def test_a_quote_paragraph_is_not_the_content_of_the_next_paragraph() -> None:
    """Before the boundaries, the model read the quote paragraph as part of the next paragraph's ``said``."""
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(components=("newsgraph_quotes",))
    text = '"Nobody expected the vote to be this close."\n\nLopez said earlier that she had doubts.'
    doc = nlp(text)
    said = [q for q in doc._.quotes if q.cue == "said"]
    assert said and all(not q.text.startswith('"Nobody') for q in said)
    assert all(text[q.span[0] : q.span[1]] == q.text for q in said)
