"""Features of a (claim, article) pair for the stance model, from newsgraph's own analysis.

A body is read once into a :class:`BodyView` (its sentences, content tokens, numbers, entity names, the
article's attributed claims with their status and polarity, and MiniLM vectors of sentences and claims); a
claim/headline into a :class:`HeadView`. :func:`pair_features` then returns one float32 row whose columns are
:data:`FEATURE_NAMES`, in two groups:

* **relatedness**: TF-IDF cosine of headline and body (whole, lead, best sentence, best claim), content-word,
  bigram, number and entity overlap, MiniLM cosine to the lead sentences (only the first
  :data:`MAX_SENTENCES` are embedded: MiniLM in numpy is the main run-time cost);
* **stance**: refuting, hedging, confirming and negation words in the body, in the sentences closest to the
  headline and in the headline; the status/polarity of the article's claims closest to the headline (denied,
  confirmed, hedged, alleged, reported, unconfirmed, asserted) and over the whole article; a few key words.

Everything is deterministic: same inputs, same row (tests check it).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsgraph.models import CLAIM_STATUSES, Article, Claim
from newsgraph.stance.lexicon import CONFIRM, HEDGE, KEY_WORDS, NEGATION, REFUTE, STOP

F32 = npt.NDArray[np.float32]

MAX_SENTENCES = 5  # lead sentences of a body that are embedded (MiniLM in numpy is the run time's main cost)
TOP_K = 3  # sentences/claims "closest to the headline"
CLAIM_MIN_SIM = 0.2  # a claim this close to the headline (TF-IDF cosine) counts as one of its matching claims

_TOKEN = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d[\d,.]*")
_CAPWORD = re.compile(r"\b[A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*")
_SENT_END = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“'‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•])")

# fmt: off
_REL = (
    "tfidf_body", "tfidf_lead", "tfidf_best_sent", "overlap", "overlap_idf", "bigram_overlap",
    "best_sent_overlap", "numbers_in_body", "head_has_numbers", "entities_in_body", "emb_best_sent",
    "emb_top3_sent", "emb_lead", "emb_centroid", "tfidf_best_claim", "n_close_claims", "head_len", "body_sents",
)
_LEX = ("refute", "hedge", "confirm", "negation")
_STANCE = (
    *(f"body_{c}" for c in _LEX), *(f"top_{c}" for c in _LEX), *(f"lead_{c}" for c in _LEX),
    *(f"head_{c}" for c in _LEX), "head_question", "top_question", "neg_mismatch",
    *(f"close_{s}" for s in CLAIM_STATUSES), "close_negative",
    *(f"best_{s}" for s in CLAIM_STATUSES), "best_negative",
    *(f"all_{s}" for s in CLAIM_STATUSES), "all_negative", "n_claims",
    *(f"kw_{w}" for w in KEY_WORDS),
)
# fmt: on
FEATURE_NAMES: tuple[str, ...] = (*_REL, *_STANCE)
N_FEATURES = len(FEATURE_NAMES)


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens (stop words kept)."""
    return _TOKEN.findall(text.lower())


def content(toks: Sequence[str]) -> list[str]:
    """Tokens without stop words; a plural -s is folded so "troops" meets "troop"."""
    return [
        t[:-1] if len(t) > 4 and t.endswith("s") and not t.endswith("ss") else t
        for t in toks
        if t not in STOP
    ]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` of ``text``, stripped of surrounding white space; never empty pieces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in [*_SENT_END.finditer(text), None]:
        end = m.start() if m else len(text)
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if m:
            start = m.end()
    return spans


def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(text))


def _capitalised(text: str) -> frozenset[str]:
    """Capitalised words of a text (a cheap stand-in for names in a headline), lower-cased."""
    return frozenset(w.lower() for m in _CAPWORD.findall(text) for w in m.split())


@dataclass(frozen=True)
class Vocabulary:
    """Inverse document frequencies learnt on the training bodies and headlines (shipped with the model)."""

    idf: Mapping[str, float]
    default: float

    def weigh(self, toks: Sequence[str]) -> dict[str, float]:
        """TF-IDF weights of a bag of content tokens (raw counts times idf)."""
        return {t: n * self.idf.get(t, self.default) for t, n in Counter(toks).items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


@dataclass(frozen=True)
class HeadView:
    """A claim or headline, read once."""

    text: str
    toks: tuple[str, ...]
    content: tuple[str, ...]
    numbers: frozenset[str]
    names: frozenset[str]
    vec: F32


def head_view(text: str, vec: F32) -> HeadView:
    toks = tokens(text)
    return HeadView(text, tuple(toks), tuple(content(toks)), _numbers(text), _capitalised(text), vec)


@dataclass(frozen=True)
class BodyView:
    """An article body, read once: sentences, tokens, claims and their vectors."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    sent_content: tuple[tuple[str, ...], ...]
    sent_lex: F32  # (n_sent, 4) refute/hedge/confirm/negation counts
    sent_question: tuple[bool, ...]
    content: tuple[str, ...]
    numbers: frozenset[str]
    entity_words: frozenset[str]
    claims: tuple[Claim, ...]
    sent_vecs: F32  # (min(n_sent, MAX_SENTENCES), 384)
    claim_content: tuple[tuple[str, ...], ...]  # per claim, its content tokens
    key_counts: F32  # (len(KEY_WORDS),) per sentence
    _weights: dict[int, Weighted] = field(default_factory=dict, compare=False, repr=False)

    def weighted(self, vocab: Vocabulary) -> Weighted:
        """TF-IDF vectors of the body, its lead, sentences and claims under ``vocab`` (computed once per vocab)."""
        got = self._weights.get(id(vocab))
        if got is None:
            got = Weighted.of(self, vocab)
            self._weights[id(vocab)] = got
        return got


def _norm(w: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in w.values()))


def _cos(hw: Mapping[str, float], hn: float, w: Mapping[str, float], n: float) -> float:
    """Cosine of a (small) headline vector with a precomputed body vector and norm."""
    if not hn or not n:
        return 0.0
    return sum(v * w.get(t, 0.0) for t, v in hw.items()) / (hn * n)


@dataclass(frozen=True)
class Weighted:
    """A body's TF-IDF vectors and norms under one vocabulary."""

    body: tuple[dict[str, float], float]
    lead: tuple[dict[str, float], float]
    sents: tuple[tuple[dict[str, float], float], ...]
    claims: tuple[tuple[dict[str, float], float], ...]
    sent_sets: tuple[frozenset[str], ...]
    bigrams: frozenset[tuple[str, str]]
    content_set: frozenset[str]

    @classmethod
    def of(cls, body: BodyView, vocab: Vocabulary) -> Weighted:
        def vec(toks: Sequence[str]) -> tuple[dict[str, float], float]:
            w = vocab.weigh(toks)
            return w, _norm(w)

        lead = [t for sc in body.sent_content[:2] for t in sc]
        return cls(
            body=vec(body.content),
            lead=vec(lead),
            sents=tuple(vec(sc) for sc in body.sent_content),
            claims=tuple(vec(c) for c in body.claim_content),
            sent_sets=tuple(frozenset(sc) for sc in body.sent_content),
            bigrams=frozenset(_bigrams(body.content)),
            content_set=frozenset(body.content),
        )


def lexicon_counts(toks: Sequence[str]) -> tuple[float, float, float, float]:
    """How many tokens are refuting, hedging, confirming and negating words."""
    r = h = c = n = 0.0
    for t in toks:
        r += t in REFUTE
        h += t in HEDGE
        c += t in CONFIRM
        n += t in NEGATION
    return r, h, c, n


def body_texts(text: str) -> list[str]:
    """The texts of a body to embed: its first :data:`MAX_SENTENCES` sentences."""
    return [text[s:e] for s, e in split_sentences(text)[:MAX_SENTENCES]]


def body_view(text: str, article: Article | None, sent_vecs: F32) -> BodyView:
    """Read a body; ``sent_vecs`` are the MiniLM vectors of :func:`body_texts`, in order."""
    spans = split_sentences(text)
    sent_toks = [tokens(text[s:e]) for s, e in spans]
    all_toks = [t for st in sent_toks for t in st]
    counts = Counter(all_toks)
    n_sent = max(len(spans), 1)
    ents: set[str] = set()
    claims: tuple[Claim, ...] = ()
    if article is not None:
        claims = tuple(article.claims)
        for ent in article.entities:
            ents.update(tokens(ent.name))
            for m in ent.mentions:
                ents.update(tokens(m.text))
    return BodyView(
        text=text,
        sentences=tuple(spans),
        sent_content=tuple(tuple(content(st)) for st in sent_toks),
        sent_lex=np.array([lexicon_counts(st) for st in sent_toks], dtype=np.float32).reshape(-1, 4),
        sent_question=tuple(text[s:e].rstrip("\"”'’").endswith("?") for s, e in spans),
        content=tuple(content(all_toks)),
        numbers=_numbers(text),
        entity_words=frozenset(ents - STOP),
        claims=claims,
        sent_vecs=sent_vecs,
        claim_content=tuple(tuple(content(tokens(c.text))) for c in claims),
        key_counts=np.array([counts[w] / n_sent for w in KEY_WORDS], dtype=np.float32),
    )


def _bigrams(toks: Sequence[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(toks))


def claim_similarities(head: HeadView, body: BodyView, vocab: Vocabulary) -> F32:
    """TF-IDF cosine of the headline to each claim of the body."""
    hw = vocab.weigh(head.content)
    hn = _norm(hw)
    return np.array([_cos(hw, hn, w, n) for w, n in body.weighted(vocab).claims], dtype=np.float32)


def _status_block(claims: Sequence[Claim], weights: Sequence[float]) -> list[float]:
    """Weighted status fractions (one per status in :data:`CLAIM_STATUSES`) and the negative-polarity fraction."""
    total = sum(weights)
    out = [0.0] * (len(CLAIM_STATUSES) + 1)
    if total <= 0:
        return out
    for c, w in zip(claims, weights, strict=True):
        out[CLAIM_STATUSES.index(c.status)] += w / total
        out[-1] += (w / total) * (c.polarity == "negative")
    return out


def pair_features(head: HeadView, body: BodyView, vocab: Vocabulary) -> F32:
    """One feature row for (headline, body), columns :data:`FEATURE_NAMES`."""
    bw = body.weighted(vocab)
    hset = set(head.content)
    bset = bw.content_set
    hw = vocab.weigh(head.content)
    hn = _norm(hw)
    n_sent = len(body.sentences)
    sent_cos = [_cos(hw, hn, w, n) for w, n in bw.sents]
    overlap_sent = [len(hset & ss) / len(hset) if hset else 0.0 for ss in bw.sent_sets]
    idf_h = sum(vocab.idf.get(t, vocab.default) for t in hset)
    hb = _bigrams(head.content)
    names = head.names - STOP

    n_emb = len(body.sent_vecs)
    esims: F32 = body.sent_vecs @ head.vec if n_emb else np.zeros(1, dtype=np.float32)
    eorder = np.argsort(-esims, kind="stable")
    # the sentences closest to the headline: by TF-IDF cosine over the whole body (MiniLM covers the lead only)
    top = [int(i) for i in np.argsort(-np.array(sent_cos or [0.0]), kind="stable")[:TOP_K]]
    centroid = body.sent_vecs.mean(axis=0) if n_emb else np.zeros_like(head.vec)
    cnorm = float(np.linalg.norm(centroid))
    csims = claim_similarities(head, body, vocab)

    rel = [
        _cos(hw, hn, *bw.body),
        _cos(hw, hn, *bw.lead),
        max(sent_cos, default=0.0),
        len(hset & bset) / len(hset) if hset else 0.0,
        sum(vocab.idf.get(t, vocab.default) for t in hset & bset) / idf_h if idf_h else 0.0,
        len(hb & bw.bigrams) / len(hb) if hb else 0.0,
        max(overlap_sent, default=0.0),
        len(head.numbers & body.numbers) / len(head.numbers) if head.numbers else 0.0,
        float(bool(head.numbers)),
        len(names & (body.entity_words | bset)) / len(names) if names else 0.0,
        float(esims[eorder[0]]) if n_emb else 0.0,
        float(np.mean(esims[eorder[:TOP_K]])) if n_emb else 0.0,
        float(esims[0]) if n_emb else 0.0,
        float(centroid @ head.vec) / cnorm if cnorm else 0.0,
        float(csims.max()) if len(csims) else 0.0,
        float((csims >= CLAIM_MIN_SIM).sum()),
        float(len(head.toks)),
        math.log1p(n_sent),
    ]

    tops = [i for i in top if i < n_sent]
    body_lex = body.sent_lex.sum(axis=0) / max(n_sent, 1) if n_sent else np.zeros(4, dtype=np.float32)
    top_lex = body.sent_lex[tops].sum(axis=0) / max(len(tops), 1) if tops else np.zeros(4, dtype=np.float32)
    lead_lex = body.sent_lex[:2].sum(axis=0) if n_sent else np.zeros(4, dtype=np.float32)
    head_lex = lexicon_counts(head.toks)
    top_neg = bool(tops) and float(body.sent_lex[tops[0], 3]) > 0
    stance = [
        *body_lex.tolist(),
        *top_lex.tolist(),
        *lead_lex.tolist(),
        *head_lex,
        float(head.text.rstrip().endswith("?")),
        float(any(body.sent_question[i] for i in tops)),
        float((head_lex[3] > 0) != top_neg),
    ]
    claims = body.claims
    if len(csims):
        close = [i for i in range(len(claims)) if csims[i] >= CLAIM_MIN_SIM]
        stance += _status_block([claims[i] for i in close], [float(csims[i]) for i in close])
        best = claims[int(np.argmax(csims))]
        stance += _status_block([best], [1.0])
    else:
        stance += [0.0] * (2 * (len(CLAIM_STATUSES) + 1))
    stance += _status_block(claims, [1.0] * len(claims))
    stance.append(float(len(claims)))
    stance += body.key_counts.tolist()
    row = np.array(rel + stance, dtype=np.float32)
    assert row.shape == (N_FEATURES,), row.shape
    return row
