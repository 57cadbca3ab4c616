"""A reporting verb that closes its sentence after a comma: ``Fans chanted “Build a wall,” referring to his vow,
the Chicago Tribune reports.``

The parser often hangs such a verb on whatever verb precedes it (here a conjunct of ``Build``, inside the
quotation), so neither the clausal-complement rule nor the parenthetical rule sees the sentence as its content.
:func:`final_report_rule` reads the layout instead: ``…, SOURCE VERB.``, with the verb's own subject right after
the comma and nothing but punctuation (or a date) after the verb, reports everything before that comma.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.cues import SPEECH
from newsgraph.attribution.frames import Found, VerbFrame

MIN_CONTENT_WORDS = 4
"""Words the sentence before the comma needs to be a report (``Yes, he said`` is the answer rules' case)."""
ATTACHMENTS = frozenset({"conj", "dep", "ccomp"})
"""How the parse hangs the closing verb when it misreads it (``parataxis``/``advcl`` are the parenthetical rule's)."""


def closing_report(verb: Token) -> int | None:
    """The last token of what ``verb`` reports when it closes its sentence as ``…, SOURCE VERB.`` (a speech verb
    with its own subject, opened by a comma, no complement of its own and nothing but punctuation or a date
    after it), or None."""
    if verb.lemma_.lower() not in SPEECH:
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in {"ccomp", "xcomp", "dobj", "cc"} for c in verb.children):
        return None
    doc = verb.doc
    sent = verb.sent
    comma = subj.left_edge.i - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    if any(
        not (t.is_punct or t.is_space or t.ent_type_ in {"DATE", "TIME"}) for t in doc[verb.i + 1 : sent.end]
    ):
        return None
    end = comma - 1
    while end > sent.start and (doc[end].is_punct and not doc[end].is_quote):
        end -= 1
    if sum(1 for t in doc[sent.start : end + 1] if t.is_alpha) < MIN_CONTENT_WORDS:
        return None
    return end


def final_report_rule(f: VerbFrame) -> Found | None:
    """Rule ``final_report``: the content of a speech verb that closes its sentence, ``…, the Tribune reports.``
    (see the module and :func:`closing_report`). The clausal-complement rule leaves such a verb to this rule when
    the parse makes it another verb's complement (``Residents shouted “…,” pointing to …, the Courier reports``)."""
    if f.verb.dep_ not in ATTACHMENTS:
        return None
    end = closing_report(f.verb)
    return None if end is None else Found("final_report", f.verb.sent.start, end)
