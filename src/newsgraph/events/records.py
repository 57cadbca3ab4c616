"""Records the events stage passes between its modules (below every rule module, so none imports another back)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.models import PloverType

__all__ = ["CodedEvent"]


@dataclass
class CodedEvent:
    """One event read from a sentence: type + mode + context, the trigger and argument tokens."""

    type: PloverType
    trigger: Token
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source: Token | None = None
    target: Token | None = None
    hedged: bool = False
    future: bool = False
    negated: bool = False
    governor: Token | None = None
    confidence: float = 1.0
    lemma: str = ""

    @property
    def embedded(self) -> bool:
        """True when the event is the content of another trigger (requested, denied, alleged ...)."""
        return self.governor is not None
