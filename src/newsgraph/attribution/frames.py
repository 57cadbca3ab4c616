"""What the verb rules read and return: :class:`VerbFrame` (the cue verb's frame), :class:`Found` (a content)
and :class:`Stop` (the verb is no attribution of its own). Shared by :mod:`newsgraph.attribution.verb_rules` and
:mod:`newsgraph.attribution.sourceless`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.attribution.records import Thresholds, VerbRuleName


@dataclass(frozen=True)
class VerbFrame:
    """What every verb rule reads: the cue verb, its lemma and cue strength, its speaker and the thresholds."""

    verb: Token
    lemma: str
    strength: float
    subj: Token
    """the speaker noun (for a passive with a ``by`` phrase: the agent)"""
    passive_np: Token | None
    """the passive subject when the agent speaks about it (``the plan was criticized by Democrats``)"""
    no_source: bool
    """``it was reported that …``: nobody is named"""
    th: Thresholds
    children: tuple[Token, ...]


@dataclass(frozen=True)
class Found:
    """A rule's content: tokens ``[start, end]`` (inclusive), extra cue tokens, and for a parenthetical cue the
    token range of the cue clause that interrupts the content."""

    rule: VerbRuleName
    start: int
    end: int
    extra_cue: tuple[int, ...] = ()
    hole: tuple[int, int] | None = None
    sourceless: bool = False
    """the rule names no source (``New Hampshire seems stable``, ``It is expected to rise``)"""


@dataclass(frozen=True)
class Stop:
    """The verb is no attribution of its own (the reason says whose it is)."""

    reason: str


STOP_RAISING = Stop("raising verb: the inner verb's attribution")
STOP_MEDIA = Stop("a statement saying …: the participle's attribution")

VerbRule = Callable[[VerbFrame], Found | Stop | None]
