"""Person names as the NER should have read them, set right after ``ner`` (component ``newsgraph_person_names``,
part of every pipeline :func:`~newsgraph.nlp.load_pipeline` builds).

Rule ``name_ends_before_a_genre_word``: in a Title Case line (a headline, a video caption) the NER runs a person's
name on into the word after it: ``President Obama Speech at Black Caucus Foundation`` gives the PERSON ``Obama
Speech``, and every later ``Mr. Obama`` was then resolved to that "person". A PERSON entity of two or more words
whose last word is one of :data:`GENRE_WORDS` (what is said or held: a speech, an interview, a rally) ends before
it; the word keeps no entity.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

GENRE_WORDS = frozenset({
    "speech", "speeches", "interview", "interviews", "video", "videos", "remarks", "address", "statement",
    "rally", "rallies", "conference", "debate", "debates", "tweet", "tweets", "testimony", "memo", "letter",
    "campaign", "visit", "trip", "tour", "town", "hall", "event", "victory", "win", "loss", "plan", "era",
})  # fmt: skip


def trimmed_person(ent: Span) -> Span:
    """The PERSON entity without a trailing genre word (``Obama Speech`` -> ``Obama``); other entities as they are."""
    if ent.label_ != "PERSON":
        return ent
    end = ent.end
    while end - ent.start >= 2 and ent.doc[end - 1].lower_ in GENRE_WORDS:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


@Language.component("newsgraph_person_names", assigns=["doc.ents"], requires=["doc.ents"])
def person_names(doc: Doc) -> Doc:
    """Apply :func:`trimmed_person` to every entity (``doc.ents`` is only rewritten when one changes)."""
    ents = list(doc.ents)
    fixed = [trimmed_person(e) for e in ents]
    if any(a is not b for a, b in zip(ents, fixed, strict=True)):
        doc.ents = fixed
    return doc
