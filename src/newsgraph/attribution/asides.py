"""Rule ``dash_aside``: an attribution set off between two dashes inside someone else's sentence.

``an aggressive - some say unrealistic - pledge made in Paris``, ``The plan is bold -- critics say reckless --
and will cost billions``: the aside opens with its source and a speech verb, and what the source says is the
rest of the aside, up to the closing dash; an aside of a source and its verb alone (``The deal -- officials say
-- will be signed on Friday``) attributes the sentence around it. The parser cannot read it (it makes *some*
the subject of the whole noun phrase, *pledge* that of *reduce*), so the rule reads the surface: a spaced dash,
at most :data:`MAX_SOURCE` words of source, the verb, at most :data:`MAX_CONTENT` words, a spaced dash, and no
other punctuation in between.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.cues import SPEECH
from newsgraph.attribution.records import Attribution
from newsgraph.attribution.reported import DASHES, cue_tokens, span_chars

ASIDE_DASHES = DASHES | {"--"}
"""The dashes of a dateline (:data:`~newsgraph.attribution.reported.DASHES`) and the typed double hyphen."""
MAX_SOURCE = 3
"""Words between the opening dash and the verb ("some", "critics", "many economists")."""
MAX_CONTENT = 6
"""Words between the verb and the closing dash ("unrealistic", "reckless", "a long shot")."""
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON", "DET"})
"""What the subject of the aside's verb may be ("critics", "Mr. Kim", "some", "they")."""


def spaced_dash(tok: Token) -> bool:
    """A dash standing as a word of its own (whitespace on both sides), not the hyphen of "well-known"."""
    doc = tok.doc
    return (
        tok.text in ASIDE_DASHES and tok.i > 0 and bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
    )


def aside_dashes(verb: Token) -> tuple[int, int] | None:
    """The opening and closing dash of the aside whose speech verb is ``verb``, or None: a source of 1 to
    :data:`MAX_SOURCE` words before the verb and 1 to :data:`MAX_CONTENT` words after it, each run of words only."""
    doc = verb.doc
    opening = next(
        (
            j
            for j in range(verb.i - 1, max(-1, verb.i - MAX_SOURCE - 2), -1)
            if doc[j].is_punct or doc[j].is_space
        ),
        None,
    )
    if opening is None or opening == verb.i - 1 or not spaced_dash(doc[opening]):
        return None
    last = min(len(doc), verb.i + MAX_CONTENT + 2)
    closing = next((j for j in range(verb.i + 1, last) if doc[j].is_punct or doc[j].is_space), None)
    if closing is None or not spaced_dash(doc[closing]):
        return None
    return opening, closing


def host_sentence(verb: Token, opening: int, closing: int) -> list[tuple[int, int]]:
    """The sentence around an aside that is only a source and its verb ("The deal -- officials say -- will be
    signed"): its words before the opening dash and after the closing one, end punctuation left out."""
    sent = verb.sent
    end = sent.end - 1
    while end > closing and (verb.doc[end].is_punct or verb.doc[end].is_space):
        end -= 1
    parts = [(sent.start, opening - 1), (closing + 1, end)]
    return [(a, b) for a, b in parts if a <= b]


def dash_aside(verb: Token) -> Attribution | None:
    """The attribution of a speech verb that opens a dash aside (see the module docstring), or None."""
    if verb.pos_ != "VERB" or verb.tag_ in ("VBG", "VBN") or verb.lemma_.lower() not in SPEECH:
        return None  # not "- an impartial umpire calling balls and strikes -": a participle, no report
    dashes = aside_dashes(verb)
    if dashes is None:
        return None
    opening, closing = dashes
    words = [verb.doc[j] for j in range(opening + 1, verb.i)]
    while words and words[0].pos_ == "CCONJ":  # "- and the minister said so -"
        words.pop(0)
    head = next((t for t in words if t.dep_ == "nsubj" and t.head.i == verb.i and t.pos_ in SOURCE_POS), None)
    own = {k.i for k in head.subtree} if head is not None else set()
    if head is None or any(t.i not in own and t.dep_ not in ("aux", "neg") for t in words):
        # the aside is the subject and its verb only: not "- who said …" or "- names he said would …" (relative
        # clauses) nor "- as Rubio has said -" (the parenthetical rule's)
        return None
    if any(t.tag_ in ("WDT", "WP", "WP$") for t in words):
        return None
    if closing > verb.i + 1:
        content = [span_chars(verb.doc, verb.i + 1, closing - 1)]
    else:
        content = [span_chars(verb.doc, a, b) for a, b in host_sentence(verb, opening, closing)]
        if len(content) < 2:
            return None
    return Attribution(
        cue=cue_tokens(verb),
        source=(words[0].i, head.i + 1),  # "critics [would] call them …": the source ends at its noun
        content=content,
        verb=verb.i,
        source_head=head.i,
        rule="dash_aside",
    )
