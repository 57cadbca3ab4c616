"""Sentence adjuncts that attribute the rest of the sentence: ``In a new CNN poll, …``.

Like ``according to X`` (:func:`newsgraph.attribution.nominal.according_to`), the cue is a preposition, the
source its object, and the content the rest of the sentence (:func:`~.nominal.sentence_rest`). The rules are
tried in :data:`ADJUNCT_RULES` order on every preposition.

===================  ===============================================================================
rule                 sentence it handles
===================  ===============================================================================
``survey_in``        ``Trump held a wide lead in a new CNN poll``: a poll, survey or study reports it
===================  ===============================================================================
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.attribution.nominal import sentence_rest
from newsgraph.attribution.records import Attribution
from newsgraph.attribution.reported import np_slice

# what reports figures: "in a new poll", "in the latest survey", "in the RealClearPolitics average of polls"
SURVEY_NOUNS = frozenset({"poll", "survey", "study", "average", "tracker", "questionnaire", "census"})


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _one_named_survey(noun: Token) -> bool:
    """One identified poll (``a CNN poll``, ``the latest YouGov survey``, ``a poll released Sunday``), not the
    polls in general (``leads in the polls``, ``in several polls``)."""
    if noun.tag_ != "NN":
        return False
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in {"a", "an", "the", "this", "that"}:
        return False
    return any(
        c.dep_ in {"compound", "amod", "nmod", "acl", "poss"} or c.pos_ == "PROPN" for c in noun.children
    )


def survey_in(prep: Token) -> Attribution | None:
    """``Clinton held a 24-point lead among black voters in a CNN poll``, ``In the latest survey, 71 percent
    approved``: ``in`` + a poll, survey or study; the source is the poll, the content the rest of the sentence."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    pobj = _object(prep)
    if pobj is None or pobj.lemma_.lower() not in SURVEY_NOUNS or not _one_named_survey(pobj):
        return None
    src = np_slice(pobj)
    content = sentence_rest(prep, max(src[1] - 1, pobj.right_edge.i))
    if content is None:
        return None
    return Attribution(cue=[prep.i], source=src, content=[content], source_head=pobj.i, rule="survey_in")


AdjunctRule = Callable[[Token], Attribution | None]
ADJUNCT_RULES: tuple[AdjunctRule, ...] = (survey_in,)
"""The adjunct rules, in the order they are tried on a preposition (the first attribution wins)."""


def adjunct_attribution(prep: Token) -> Attribution | None:
    """The attribution of a sentence-adjunct preposition: the first :data:`ADJUNCT_RULES` rule that fires."""
    for rule in ADJUNCT_RULES:
        att = rule(prep)
        if att is not None:
            return att
    return None
