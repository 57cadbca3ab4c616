"""Records shared by the attribution rules: :class:`Attribution` (cue, source, content) and :class:`Thresholds`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, get_args

from spacy.tokens import Doc, Token

from newsgraph.models import QuoteType

CharSpan = tuple[int, int]

VerbRuleName = Literal[
    "expected",
    "impression",
    "ccomp",
    "stray_that",
    "answer",
    "make_clear",
    "xcomp",
    "phrasal_mark",
    "phrasal",
    "dobj",
    "light",
    "passive",
    "parenthetical",
    "final_report",
]
"""The content rules of a cue verb (:data:`newsgraph.attribution.verb_rules.VERB_RULES`, in that order)."""
QuoteRuleName = Literal[
    "quote",
    "inverted_quote",
    "interrupted_quote",
    "colon_quote",
    "comma_quote",
    "said_colon",
    "words_of",
    "dash_byline",
    "speech_sentence_before",
    "continuation",
    "paragraph_quote",
    "transcript_turn",
    "headline_label",
    "headline_verb",
]
"""Rules that attach quotation marks to a speaker (:mod:`newsgraph.attribution.rules`, :mod:`.quote_rules`)."""
CONTINUATION_RULES = frozenset({"continuation", "paragraph_quote"})
OtherRuleName = Literal["asked", "noun", "adjective", "according", "survey_in", "dash_aside", "model"]
"""``asked`` (:mod:`.constructions`), speech nouns, stance adjectives and ``according to`` (:mod:`.nominal`);
``survey_in``: a sentence adjunct (:mod:`.adjuncts`); ``dash_aside``: "- some say unrealistic -" (:mod:`.asides`);
``model``: found by the statistical model (:mod:`newsgraph.attribution.model`) where no rule fired."""
RuleName = Literal[VerbRuleName, QuoteRuleName, OtherRuleName]
"""The name of the rule that found an attribution (``Attribution.rule``)."""
RULE_NAMES: tuple[str, ...] = (*get_args(VerbRuleName), *get_args(QuoteRuleName), *get_args(OtherRuleName))

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
REL_PRONOUNS = {"who", "that", "which", "whom"}
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity types of someone who can speak, be spoken to or be spoken of as an agent: a person, a body, a group,
a state."""
CONTENT_STOP_DEPS = {"conj", "cc", "punct", "mark"}


@dataclass
class Thresholds:
    """Minimum :func:`~newsgraph.attribution.cues.cue_strength` per kind of syntactic evidence."""

    ccomp: float = 0.1
    xcomp: float = 0.3
    dobj: float = 0.2
    quote: float = 0.3
    noun: float = 0.15
    adjective: float = 0.15
    passive: float = 0.3


@dataclass
class Attribution:
    cue: list[int]
    """token indices of the cue (verb, its negation/auxiliaries, phrasal preposition)"""
    source: tuple[int, int] | None
    """token slice ``[start, end)`` of the source noun phrase"""
    content: list[CharSpan]
    """character fragments of the content"""
    quotes: list[CharSpan] = field(default_factory=list)
    """quotation-mark spans inside the content"""
    verb: int | None = None
    source_head: int | None = None
    quoted_cue: int | None = None
    """token of ``Quoting`` in ``Quoting X, Y say …``"""
    quoted_source: tuple[int, int] | None = None
    """for ``Quoting X, Y say …``: the token slice of X (the speaker the reader cares about)"""
    continues: int | None = None
    """index of the attribution whose direct quote this one continues"""
    rule: RuleName = "quote"
    cue_extent: list[int] = field(default_factory=list)
    """token indices of the whole cue phrase as corpora annotate it (``had basically said in a statement``);
    ``cue`` stays the verb (with its negation) that the product reports"""
    parent: Attribution | None = None
    """the attribution object this one continues (``continues`` is its index in the final list)"""
    confidence: tuple[float, ...] = ()
    """the statistical model's probability that the cue, source and content tokens carry those roles (mean and
    lowest over each span, six numbers: :func:`~newsgraph.attribution.model.span_confidence`); empty when the
    model did not read the doc"""

    def cue_token(self, doc: Doc) -> Token:
        """The cue's head word: the verb when there is one, else the first cue token."""
        return doc[self.verb if self.verb is not None else self.cue[0]]

    def cue_word(self, doc: Doc) -> Token | None:
        """:meth:`cue_token`, or None for an attribution with neither verb nor cue tokens."""
        return self.cue_token(doc) if self.verb is not None or self.cue else None

    def source_token(self, doc: Doc) -> Token | None:
        """The source's head word: ``source_head`` when set, else the root of the source slice; None when the
        attribution has no source (or an empty one)."""
        if self.source is None or self.source[1] <= self.source[0]:
            return None
        return (
            doc[self.source_head]
            if self.source_head is not None
            else doc[self.source[0] : self.source[1]].root
        )

    def start(self, doc: Doc) -> int:
        starts = [doc[i].idx for i in self.cue] + [s for s, _ in self.content]
        return min(starts)

    def end(self, doc: Doc) -> int:
        ends = [doc[i].idx + len(doc[i].text) for i in self.cue] + [e for _, e in self.content]
        if self.source is not None:
            ends.append(doc[self.source[1] - 1].idx + len(doc[self.source[1] - 1].text))
        return max(ends)

    @property
    def is_continuation(self) -> bool:
        """A further quote of another attribution's speaker, on that attribution's cue."""
        return self.rule in CONTINUATION_RULES

    @property
    def type(self) -> QuoteType:
        return "direct" if self.quotes and self.is_direct else ("mixed" if self.quotes else "indirect")

    def continuation(self, q: CharSpan, rule: RuleName = "continuation") -> Attribution:
        """A new direct quote ``q`` of the same speaker with the same cue (``"…," Kim said. "…"``)."""
        return Attribution(
            cue=list(self.cue),
            source=self.source,
            content=[q],
            quotes=[q],
            verb=self.verb,
            source_head=self.source_head,
            quoted_source=self.quoted_source,
            quoted_cue=self.quoted_cue,
            cue_extent=list(self.cue_extent),
            parent=self,
            rule=rule,
            is_direct=True,
        )

    is_direct: bool = False


def renumber_continues(atts: list[Attribution]) -> list[Attribution]:
    """``atts`` in their final order with each ``continues`` set to its ``parent``'s index in it (None when the
    parent is gone or does not come first)."""
    pos = {id(a): i for i, a in enumerate(atts)}
    for i, a in enumerate(atts):
        a.continues = pos.get(id(a.parent)) if a.parent is not None else None
        if a.continues is not None and a.continues >= i:
            a.continues = None
    return atts


def without(atts: list[Attribution], gone: Callable[[Attribution], bool]) -> list[Attribution]:
    """``atts`` without those ``gone`` reads and the quotes that continue them, ``continues`` renumbered."""
    drop = {id(a) for a in atts if gone(a)}
    if not drop:
        return atts
    return renumber_continues([a for a in atts if id(a) not in drop and id(a.parent) not in drop])
