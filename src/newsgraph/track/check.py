"""Claim check: does a free-text claim state a tracked proposition (or its negation)?

A fact-checker types "North Korea has sent troops to Russia"; the store proposes the tracked propositions that
share a word with it, and :func:`match_score` scores each statement by three pieces of evidence:

- **meaning**: cosine of the all-MiniLM-L6-v2 embeddings (:mod:`newsgraph.track.embed`, numpy);
- **wording**: the share of the claim's content words (crudely stemmed) found in the statement;
- **entities**: names (capitalised words) of the claim must meet the statement's names when both have some.

A statement and a claim that differ by a negation ("has not sent") match, with ``negated`` set: whoever supports
the proposition denies the claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

THRESHOLD = 0.56
"""Lowest score of a match (0..1). Calibrated by hand on paraphrases ("Pyongyang has sent soldiers to Russia":
.60) against claims on the same words with other roles ("Russia sent troops to Ukraine": .53)."""
W_COSINE = 0.8
W_LEXICAL = 0.2
ENTITY_FLOOR = 0.6
"""Share of the score kept when the claim's names and the statement's names only partly agree."""

_STOPWORDS_TEXT = (
    "the a an and or but of to in on at by for with from as is are was were be been being has have had do does "
    "did that this these those it its it's their there they them he she his her we our you your i me my not no "
    "never will would could should may might can shall than then also which who whom whose what when where why "
    "how all any some such said says say according over into about after before more most other"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split(" "))
NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor"})
_TOKEN = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w'’-]+")
_SUFFIXES = ("ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s")


def _tokens(text: str) -> list[str]:
    return [t.casefold().replace("’", "'") for t in _TOKEN.findall(text)]


def content_words(text: str) -> list[str]:
    """Folded words of three letters or more that are not function words, in order."""
    return [t for t in _tokens(text) if len(t) >= 3 and t not in STOPWORDS and not t.isdigit()]


def stem(word: str) -> str:
    """A crude stem ("deployed", "deployment", "deploys" -> "deploy") for the wording overlap."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def negated(text: str) -> bool:
    """Does the clause carry a negation ("not", "never", "n't", ...)?"""
    return any(t in NEGATIONS or t.endswith("n't") for t in _tokens(text))


def names(text: str) -> set[str]:
    """Capitalised words, folded, except the first word of the text and function words ("The")."""
    out = set()
    for m in _NAME.finditer(text):
        w = m.group(0).casefold()
        if m.start() == 0 and w in STOPWORDS:
            continue
        if w not in STOPWORDS:
            out.add(w)
    return out


def lexical_overlap(claim: str, statement: str) -> float:
    """Share of the claim's content-word stems found in the statement (0..1)."""
    q = {stem(w) for w in content_words(claim)}
    if not q:
        return 0.0
    s = {stem(w) for w in content_words(statement)}
    return len(q & s) / len(q)


def entity_agreement(claim: str, statement: str) -> float:
    """1 when the claim names nothing or every name it uses is in the statement; the shared share otherwise;
    0 when both name things and share none."""
    q, s = names(claim), names(statement)
    if not q or not s:
        return 1.0
    return len(q & s) / len(q)


def match_score(cosine: float, claim: str, statement: str) -> float:
    """Meaning and wording, scaled by entity agreement (a claim about other people is not a match)."""
    agree = entity_agreement(claim, statement)
    if agree == 0.0:
        return 0.0
    base = W_COSINE * max(0.0, cosine) + W_LEXICAL * lexical_overlap(claim, statement)
    return float(base * (ENTITY_FLOOR + (1.0 - ENTITY_FLOOR) * agree))


def rank_statements(
    claim: str,
    candidates: Sequence[tuple[str, str]],
    *,
    embedder: Any = None,
    limit: int = 10,
    threshold: float = THRESHOLD,
) -> list[tuple[str, float, bool]]:
    """(cluster id, score, negated) of the candidate (cluster id, statement) pairs that match ``claim``, best
    first, one per cluster (its best statement), at most ``limit``."""
    if not candidates or not claim.strip():
        return []
    from newsgraph.track.cluster import claim_text

    if embedder is None:
        from newsgraph.track.embed import get_embedder

        embedder = get_embedder()
    statements = sorted({s for _, s in candidates})
    vecs = np.asarray(
        embedder.encode([claim_text(claim), *(claim_text(s) for s in statements)]), dtype=np.float32
    )
    norms = np.linalg.norm(vecs, axis=1)
    norms[norms == 0] = 1.0
    vecs = vecs / norms[:, None]
    cos = {s: float(vecs[i + 1] @ vecs[0]) for i, s in enumerate(statements)}
    q_neg = negated(claim)
    best: dict[str, tuple[float, bool]] = {}
    for cid, s in candidates:
        score = match_score(cos[s], claim, s)
        if score >= threshold and score > best.get(cid, (-1.0, False))[0]:
            best[cid] = (score, q_neg != negated(s))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(cid, score, neg) for cid, (score, neg) in ranked]
