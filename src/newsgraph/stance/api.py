"""``newsgraph.stance(claim, article_or_text)``: the stance of an article toward a claim, with its evidence.

>>> r = newsgraph.stance("North Korea has sent troops to Russia", article)     # doctest: +SKIP
>>> r.label, [(e.source, e.status, round(e.similarity, 2)) for e in r.evidence]   # doctest: +SKIP
('discuss', [('North Korea and Russia', 'denied', 0.71), ...])

The label is one of ``agree | disagree | discuss | unrelated`` (FNC-1's). The evidence is the article's attributed
claims closest to the claim (TF-IDF cosine >= :data:`EVIDENCE_MIN_SIM`, best first), each with its
text, span (into the article's cleaned ``body``), source, status, polarity and similarity.
:class:`StanceScorer` does the same for many pairs, reading each body once (the CLI and the benchmark use it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsgraph.models import Article, ClaimStatus, Polarity, Span
from newsgraph.stance.features import BodyView, HeadView, Vocabulary, claim_similarities, pair_features
from newsgraph.stance.model import STANCE_LABELS, StanceLabel, StanceModel, get_model
from newsgraph.stance.reading import Encoder, default_encoder, parse_bodies, view_bodies, view_heads

EVIDENCE_MIN_SIM = 0.2
MAX_EVIDENCE = 5


@dataclass(frozen=True)
class Evidence:
    """One claim of the article that matches the claim asked about."""

    claim: str  # id of the Claim in the article
    text: str
    span: Span
    source: str
    status: ClaimStatus
    polarity: Polarity
    cue: str | None
    similarity: float


@dataclass(frozen=True)
class StanceResult:
    """The model's label, its probabilities (one per label) and the matching claims, best first."""

    claim: str
    label: StanceLabel
    probabilities: dict[str, float] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()


def evidence_of(head: HeadView, body: BodyView, vocab: Vocabulary) -> tuple[Evidence, ...]:
    """The body's claims with TF-IDF cosine >= :data:`EVIDENCE_MIN_SIM` to the headline, best first."""
    sims = claim_similarities(head, body, vocab)
    order = [int(i) for i in np.argsort(-sims, kind="stable") if sims[i] >= EVIDENCE_MIN_SIM][:MAX_EVIDENCE]
    out = []
    for i in order:
        c = body.claims[i]
        out.append(
            Evidence(
                c.id, c.text, c.span, c.source.name, c.status, c.polarity, c.cue, round(float(sims[i]), 4)
            )
        )
    return tuple(out)


class StanceScorer:
    """Score many (claim, body) pairs: each distinct body is parsed and embedded once."""

    def __init__(self, model: StanceModel | None = None, encode: Encoder | None = None) -> None:
        self.model = model or get_model()
        self.encode = encode or default_encoder()

    def read_bodies(self, bodies: Sequence[str | Article]) -> list[BodyView]:
        """Views of raw texts (parsed by newsgraph's pipeline here) or of already extracted Articles."""
        texts = [b if isinstance(b, str) else b.body for b in bodies]
        raw_idx = [i for i, b in enumerate(bodies) if isinstance(b, str)]
        parsed = dict(zip(raw_idx, parse_bodies([texts[i] for i in raw_idx]), strict=True))
        arts = [b if isinstance(b, Article) else parsed[i] for i, b in enumerate(bodies)]
        return view_bodies(texts, arts, self.encode)

    def read_heads(self, claims: Sequence[str]) -> list[HeadView]:
        return view_heads(claims, self.encode)

    def score(self, heads: Sequence[HeadView], bodies: Sequence[BodyView]) -> list[StanceResult]:
        """One result per (head, body) pair, in order."""
        if not heads:
            return []
        x = np.stack([pair_features(h, b, self.model.vocab) for h, b in zip(heads, bodies, strict=True)])
        labels, probs = self.model.predict_with_probabilities(x)
        return [
            StanceResult(
                claim=h.text,
                label=lab,
                probabilities={k: round(float(p), 4) for k, p in zip(STANCE_LABELS, row, strict=True)},
                evidence=evidence_of(h, b, self.model.vocab),
            )
            for h, b, lab, row in zip(heads, bodies, labels, probs, strict=True)
        ]


def stance(claim: str, article_or_text: Article | str) -> StanceResult:
    """Stance of an article (an extracted :class:`Article` or raw text) toward ``claim``, with evidence."""
    scorer = StanceScorer()
    (body,) = scorer.read_bodies([article_or_text])
    (head,) = scorer.read_heads([claim])
    return scorer.score([head], [body])[0]
