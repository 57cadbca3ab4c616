"""Sentence boundaries the parser gets wrong in news text, set before it parses (spaCy's parser keeps them).

The small English parser splits a news body into sentences itself, and two of its habits break what newsgraph reads
from the parse (which cue a quote belongs to, where a content ends):

* it runs a sentence across a paragraph break (``… the vote to be this close."`` / ``Lopez said earlier …`` becomes
  one sentence, and the quote of the first paragraph the content of the second's ``said``);
* it starts the next sentence with the closing quotation mark of the last one (``see them.`` | ``"\\n\\nSenator …``).

:func:`paragraph_break_starts_sentence` and :func:`closing_quote_ends_sentence` are the two rules;
the ``newsgraph_sentences`` component (:func:`sentence_boundaries`) applies them, and
:func:`~newsgraph.nlp.load_pipeline` puts it before the parser. A user pipeline adds it the same way::

    nlp.add_pipe("newsgraph_sentences", before="parser")

Measured on PolNeAR dev (model alone, before it was retrained on the new parses): all-spans F1 .666 -> .681, speaker
accuracy on direct quotes .792 -> .865; rules alone .697 -> .701.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TERMINAL = frozenset({".", "?", "!", ":", ";", "”", '"', "’", "'", ")", "]", "…"})
"""A line that ends on one of these ended its sentence (a single line break after it is a paragraph break)."""
ALWAYS_CLOSING = frozenset({"”", "''"})
"""Quotation marks that only ever close."""
AMBIGUOUS_MARKS = frozenset({'"', "’", "'"})
"""Marks that close when they stick to the sentence's last punctuation (``them."``), and may open otherwise."""
SENTENCE_END = frozenset({".", "?", "!", ",", "…"})


def paragraph_break_starts_sentence(doc: Doc, i: int) -> bool:
    """The word after a blank line starts a sentence; so does the word after a single line break when the line
    before ended on sentence punctuation or the word begins like a sentence (a capital, a digit, a quotation mark).
    A line broken inside a sentence (``Trump regularly`` / ``incites …``) is left to the parser."""
    tok = doc[i]
    if i == 0 or tok.is_space:
        return False
    prev = doc[i - 1]
    if not (prev.is_space and "\n" in prev.text):
        return False
    if prev.text.count("\n") >= 2:
        return True
    before = next((doc[j] for j in range(i - 2, -1, -1) if not doc[j].is_space), None)
    if before is None or before.text[-1:] in TERMINAL:
        return True
    first = tok.text[0]
    return first.isupper() or first.isdigit() or first in "\"“‘'"


def closing_quote_ends_sentence(doc: Doc, i: int) -> bool:
    """A closing quotation mark belongs to the sentence it closes: ``”`` always, ``"`` (or ``’``) when it sticks to
    the sentence's final punctuation (``see them."``)."""
    tok = doc[i]
    if i == 0:
        return False
    if tok.text in ALWAYS_CLOSING:
        return True
    prev = doc[i - 1]
    return tok.text in AMBIGUOUS_MARKS and prev.text in SENTENCE_END and not prev.whitespace_


@Language.component(
    "newsgraph_sentences",
    assigns=["token.is_sent_start"],
    requires=["token.text"],
)
def sentence_boundaries(doc: Doc) -> Doc:
    """Set ``is_sent_start`` where the rules above are sure (True after a paragraph break, False on a closing
    quotation mark); every other token is left for the parser to decide."""
    for i in range(1, len(doc)):
        if paragraph_break_starts_sentence(doc, i):
            doc[i].is_sent_start = True
        elif closing_quote_ends_sentence(doc, i):
            doc[i].is_sent_start = False
    return doc
