"""The learned gate of the combination: which of the model's own attributions to add to the rules'.

A candidate is a model attribution whose cue no rule attribution already reads. :func:`gate_features` describes
it with a fixed vector (:data:`FEATURES`): how cue-like its cue word is, the cue's and the source's part of speech,
dependency and entity type, the content's length and shape, the hand-written checks of
:mod:`~newsgraph.attribution.model.combine` as booleans, and how much of it the rule attributions already cover.
A logistic regression over that vector (:class:`Gate`, trained by ``scripts/train_gate.py`` on the model's
attributions in PolNeAR **train**, each labelled by whether it matches a gold attribution with the eval scorer's
criterion, its threshold tuned on dev) gives the probability that the candidate is right; the combination adds it
when the probability reaches the gate's threshold. The weights (``data/gate.json``, a few kilobytes) ship in the
package and load once, on first use.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc, Span

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.model.linking import dominates
from newsgraph.attribution.records import Attribution
from newsgraph.extensions import doc_text

FloatArray = npt.NDArray[np.float64]
GATE_PATH = Path(__file__).parent / "data" / "gate.json"

CUE_POS = ("VERB", "NOUN", "ADJ", "AUX")
CUE_DEP = (
    "ROOT",
    "ccomp",
    "conj",
    "advcl",
    "xcomp",
    "relcl",
    "acl",
    "pcomp",
    "pobj",
    "nsubj",
    "dobj",
    "amod",
)
SRC_POS = ("PROPN", "NOUN", "PRON")
SRC_DEP = ("nsubj", "nsubjpass", "pobj", "poss", "dobj", "appos", "conj")
SRC_ENT = ("PERSON", "ORG", "GPE", "NORP")


CONFIDENCE = (
    "model_cue_p",
    "model_cue_min",
    "model_src_p",
    "model_src_min",
    "model_content_p",
    "model_content_min",
)
"""The model's probability of the attribution's cue, source and content roles (:attr:`.Attribution.confidence`)."""


def _one_hot(prefix: str, values: Sequence[str]) -> list[str]:
    return [f"{prefix}={v}" for v in values] + [f"{prefix}=other"]


FEATURES: tuple[str, ...] = (
    "bias",
    "cue_strength",
    "cue_strong",
    "cue_words",
    *_one_hot("cue_pos", CUE_POS),
    *_one_hot("cue_dep", CUE_DEP),
    "cue_negated",
    "has_source",
    *_one_hot("src_pos", SRC_POS),
    *_one_hot("src_dep", SRC_DEP),
    *_one_hot("src_ent", SRC_ENT),
    "src_governed",
    "src_words",
    "src_before_cue",
    "content_log_words",
    "content_fragments",
    "content_after_cue",
    "content_has_verb",
    "content_quoted",
    "content_starts_that",
    "content_other_sentence",
    "ends_whole",
    "governs_content",
    "weak_cue_takes_a_clause",
    "addable",
    "cue_in_rule_span",
    "content_in_rule_content",
    "sentence_has_rule",
    "sentence_has_quotes",
    *CONFIDENCE,
)
"""The names of the vector :func:`gate_features` returns, in order."""

RULE_FAMILIES = (
    "ccomp",
    "dobj",
    "xcomp",
    "phrasal",
    "parenthetical",
    "quote",
    "according",
    "noun",
    "dash_byline",
    "passive",
    "light",
    "impression",
    "expected",
    "adjective",
    "colon_quote",
)
PAIR_FEATURES: tuple[str, ...] = (
    *FEATURES,
    *_one_hot("rule", RULE_FAMILIES),
    "rule_has_source",
    "rule_content_log_words",
    "rule_content_quoted",
    "rule_content_fragments",
    "content_overlap",
    "model_content_covers_rule",
    "rule_content_covers_model",
    "model_content_longer",
    "same_source",
    "source_overlap",
    *(f"rule_{name}" for name in CONFIDENCE),
)
"""The names of the vector :func:`pair_features` returns: the model attribution's :data:`FEATURES`, then the rule
attribution's and how the two readings of the same cue differ."""


def content_span(doc: Doc, a: Attribution) -> Span | None:
    """The tokens from the content's first fragment to its last (None without a content)."""
    if not a.content:
        return None
    return doc.char_span(a.content[0][0], a.content[-1][1], alignment_mode="expand")


def content_words(doc: Doc, a: Attribution) -> int:
    """The number of words (whitespace-separated) in the attribution's content fragments."""
    text = doc_text(doc)
    return sum(len(text[s:e].split()) for s, e in a.content)


def _set(x: FloatArray, name: str, value: float = 1.0) -> None:
    x[FEATURES.index(name)] = value


def _hot(x: FloatArray, prefix: str, value: str, values: Sequence[str]) -> None:
    _set(x, f"{prefix}={value if value in values else 'other'}")


@dataclass
class RuleCover:
    """Characters the rule attributions cover: their cues, their sources and contents, their contents alone."""

    cue: npt.NDArray[np.bool_]
    other: npt.NDArray[np.bool_]
    content: npt.NDArray[np.bool_]


def cue_tokens(a: Attribution) -> set[int]:
    """The tokens of an attribution's cue (its ``Quoting`` token, else its cue and cue phrase)."""
    return {a.quoted_cue} if a.quoted_cue is not None else set(a.cue) | set(a.cue_extent)


def rule_cover(doc: Doc, rules: Sequence[Attribution]) -> RuleCover:
    """Which characters the rule attributions' cues, sources and contents cover (linear in the text length)."""
    n = len(doc_text(doc)) + 1
    cover = RuleCover(np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    for r in rules:
        for i in cue_tokens(r):
            cover.cue[doc[i].idx : doc[i].idx + len(doc[i].text)] = True
        for s, e in r.content:
            cover.content[s:e] = True
        src = r.quoted_source or r.source
        if src is not None and src[0] < src[1]:
            last = doc[src[1] - 1]
            cover.other[doc[src[0]].idx : last.idx + len(last.text)] = True
    cover.other |= cover.content
    return cover


def share_in_rule_content(m: Attribution, cover: RuleCover) -> float:
    """The share of model attribution ``m``'s content characters that lie inside rule contents."""
    n = sum(e - s for s, e in m.content)
    inside = sum(int(cover.content[s:e].sum()) for s, e in m.content)
    return inside / max(1, n)


Check = Callable[[Doc, Attribution], bool]


def gate_features(
    doc: Doc, m: Attribution, cover: RuleCover, checks: dict[str, Check], quotes: Sequence[tuple[int, int]]
) -> FloatArray:
    """The :data:`FEATURES` vector of model attribution ``m`` (``checks``: the combination's named checks,
    ``ends_whole`` … ``addable``; ``quotes``: the doc's quotation-mark spans)."""
    x = np.zeros(len(FEATURES))
    _set(x, "bias")
    head = doc[m.cue[0]]
    strength = cue_strength(head.lemma_.lower(), head.pos_)
    _set(x, "cue_strength", strength)
    _set(x, "cue_strong", float(strength >= 0.5))
    _set(x, "cue_words", float(len(m.cue)))
    _hot(x, "cue_pos", head.pos_, CUE_POS)
    _hot(x, "cue_dep", head.dep_, CUE_DEP)
    _set(x, "cue_negated", float(any(c.dep_ == "neg" for c in head.children)))
    if m.source is not None and m.source[0] < m.source[1]:
        src = doc[m.source[0] : m.source[1]]
        _set(x, "has_source")
        _hot(x, "src_pos", src.root.pos_, SRC_POS)
        _hot(x, "src_dep", src.root.dep_, SRC_DEP)
        _hot(x, "src_ent", src.root.ent_type_, SRC_ENT)
        _set(x, "src_governed", float(dominates(head, src.root)))
        _set(x, "src_words", float(np.log1p(len(src))))
        _set(x, "src_before_cue", float(src.start < head.i))
    else:
        for prefix in ("src_pos", "src_dep", "src_ent"):
            _set(x, f"{prefix}=other", 0.0)
    _set(x, "content_log_words", float(np.log1p(content_words(doc, m))))
    _set(x, "content_fragments", float(len(m.content)))
    span = content_span(doc, m)
    if span is not None:
        _set(x, "content_after_cue", float(span.start > head.i))
        _set(x, "content_has_verb", float(any(t.pos_ in {"VERB", "AUX"} for t in span)))
        _set(x, "content_starts_that", float(span[0].lower_ in {"that", "to", "whether", "if"}))
        _set(x, "content_other_sentence", float(span.sent.start != head.sent.start))
        cs, ce = m.content[0][0], m.content[-1][1]
        _set(x, "content_quoted", float(any(qs < ce and cs < qe for qs, qe in quotes)))
    for name, check in checks.items():
        _set(x, name, float(check(doc, m)))
    cue_chars = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in cue_tokens(m)]
    _set(x, "cue_in_rule_span", float(any(cover.other[s:e].any() for s, e in cue_chars)))
    _set(x, "content_in_rule_content", share_in_rule_content(m, cover))
    sent = head.sent
    s0, e0 = sent.start_char, sent.end_char
    _set(x, "sentence_has_rule", float(cover.cue[s0:e0].any()))
    _set(x, "sentence_has_quotes", float(any(qs < e0 and s0 < qe for qs, qe in quotes)))
    for name, value in zip(CONFIDENCE, m.confidence, strict=False):
        _set(x, name, value)
    return x


def _chars(frags: Sequence[tuple[int, int]]) -> set[int]:
    return {c for s, e in frags for c in range(s, e)}


def _source_chars(doc: Doc, a: Attribution) -> set[int]:
    src = a.quoted_source or a.source
    if src is None or src[0] >= src[1]:
        return set()
    return set(range(doc[src[0]].idx, doc[src[1] - 1].idx + len(doc[src[1] - 1].text)))


def _compare_readings(
    put: Callable[[str, float], None], doc: Doc, m: Attribution, r: Attribution, *, longer: bool
) -> None:
    """How the model's and a rule's readings of one cue differ: content overlap and cover, source agreement and
    (``longer``: :data:`PAIR_FEATURES` has it) how much longer the model's content is."""
    mc, rc = _chars(m.content), _chars(r.content)
    put("content_overlap", len(mc & rc) / max(1, len(mc | rc)))
    put("model_content_covers_rule", float(bool(rc) and rc <= mc))
    put("rule_content_covers_model", float(bool(mc) and mc <= rc))
    if longer:
        put("model_content_longer", float(np.log1p(len(mc)) - np.log1p(len(rc))))
    ms, rs = _source_chars(doc, m), _source_chars(doc, r)
    put("same_source", float(ms == rs))
    put("source_overlap", len(ms & rs) / max(1, len(ms | rs)))


def pair_features(
    doc: Doc,
    m: Attribution,
    r: Attribution,
    cover: RuleCover,
    checks: dict[str, Check],
    quotes: Sequence[tuple[int, int]],
) -> FloatArray:
    """The :data:`PAIR_FEATURES` vector of model attribution ``m`` and rule attribution ``r`` of the same cue."""
    x = np.zeros(len(PAIR_FEATURES))
    x[: len(FEATURES)] = gate_features(doc, m, cover, checks, quotes)
    k = len(FEATURES)

    def put(name: str, value: float = 1.0) -> None:
        x[PAIR_FEATURES.index(name, k)] = value

    put(f"rule={r.rule if r.rule in RULE_FAMILIES else 'other'}")
    put("rule_has_source", float(r.source is not None or r.quoted_source is not None))
    put("rule_content_log_words", float(np.log1p(content_words(doc, r))))
    put("rule_content_quoted", float(bool(r.quotes)))
    put("rule_content_fragments", float(len(r.content)))
    _compare_readings(put, doc, m, r, longer=True)
    for name, value in zip(CONFIDENCE, r.confidence, strict=False):
        put(f"rule_{name}", value)  # how sure the model is of the rule's reading
    return x


RULE_FEATURES: tuple[str, ...] = (
    *FEATURES,
    *_one_hot("rule", RULE_FAMILIES),
    "model_reads_cue",
    "content_overlap",
    "model_content_covers_rule",
    "rule_content_covers_model",
    "same_source",
    "source_overlap",
)
"""The names of the vector :func:`rule_features` returns: the rule attribution's own :data:`FEATURES` (read as if
it were a model attribution, with no other rule around it), its rule, and whether the model reads its cue alike."""


def rule_features(
    doc: Doc,
    r: Attribution,
    m: Attribution | None,
    checks: dict[str, Check],
    quotes: Sequence[tuple[int, int]],
    empty: RuleCover | None = None,
) -> FloatArray:
    """The :data:`RULE_FEATURES` vector of rule attribution ``r`` (``m``: the model's reading of the same cue;
    ``empty``: ``rule_cover(doc, ())``, computed once per doc by the caller)."""
    x = np.zeros(len(RULE_FEATURES))
    x[: len(FEATURES)] = gate_features(doc, r, empty or rule_cover(doc, ()), checks, quotes)
    k = len(FEATURES)

    def put(name: str, value: float = 1.0) -> None:
        x[RULE_FEATURES.index(name, k)] = value

    put(f"rule={r.rule if r.rule in RULE_FAMILIES else 'other'}")
    if m is not None:
        put("model_reads_cue")
        _compare_readings(put, doc, m, r, longer=False)
    return x


@dataclass(frozen=True)
class Gate:
    """A logistic regression over standardised :data:`FEATURES` (``bias`` is the intercept) and its threshold."""

    features: tuple[str, ...]
    mean: FloatArray
    scale: FloatArray
    weights: FloatArray
    threshold: float

    def accepts(self, x: FloatArray) -> bool:
        """The gate lets a :func:`gate_features` / :func:`pair_features` vector through."""
        return bool(self.probability(x)[0] >= self.threshold)

    def probability(self, x: FloatArray) -> FloatArray:
        """P(right) of each row of ``x`` (rows: :func:`gate_features` vectors)."""
        z = ((np.atleast_2d(x) - self.mean) / self.scale) @ self.weights
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.features),
                "mean": [round(float(v), 6) for v in self.mean],
                "scale": [round(float(v), 6) for v in self.scale],
                "weights": [round(float(v), 6) for v in self.weights],
                "threshold": round(self.threshold, 4),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, raw: str) -> Gate:
        d = json.loads(raw)
        arr = {k: np.asarray(d[k], dtype=np.float64) for k in ("mean", "scale", "weights")}
        return cls(tuple(d["features"]), arr["mean"], arr["scale"], arr["weights"], float(d["threshold"]))


@dataclass(frozen=True)
class Gates:
    """The combination's learned decisions (None: that decision falls back to the hand-set rule):

    * ``add``: add a model attribution whose cue no rule attribution reads (:func:`gate_features`);
    * ``content`` / ``source``: where the model and a rule read the same cue, take the model's content / source
      (:func:`pair_features`);
    * ``keep``: keep a rule attribution (:func:`rule_features`; without the gate every one is kept)."""

    add: Gate | None = None
    content: Gate | None = None
    source: Gate | None = None
    keep: Gate | None = None
    add_needs_new: bool = True

    def to_json(self) -> str:
        parts = {k: json.loads(g.to_json()) for k, g in self._named().items() if g is not None}
        return json.dumps({**parts, "add_needs_new": self.add_needs_new}, indent=1)

    def _named(self) -> dict[str, Gate | None]:
        return {"add": self.add, "content": self.content, "source": self.source, "keep": self.keep}

    @classmethod
    def from_json(cls, raw: str) -> Gates:
        d = json.loads(raw)
        wanted = {"add": FEATURES, "content": PAIR_FEATURES, "source": PAIR_FEATURES, "keep": RULE_FEATURES}
        got: dict[str, Gate | None] = {}
        for name, feats in wanted.items():
            g = Gate.from_json(json.dumps(d[name])) if name in d else None
            got[name] = g if g is not None and g.features == feats else None  # trained on other features
        return cls(got["add"], got["content"], got["source"], got["keep"], bool(d.get("add_needs_new", True)))


@lru_cache(maxsize=2)
def load_gates(path: Path = GATE_PATH) -> Gates:
    """The shipped gates (read once per process); none when the file is missing (the hand-set checks decide)."""
    if not path.exists():
        return Gates()
    return Gates.from_json(path.read_text(encoding="utf-8"))


def shares_a_cue(doc: Doc, m: Attribution, cover: RuleCover) -> bool:
    """A cue token of model attribution ``m`` is (part of) a rule attribution's cue."""
    return any(cover.cue[doc[i].idx : doc[i].idx + len(doc[i].text)].any() for i in cue_tokens(m))


def doc_quotes(doc: Doc) -> list[tuple[int, int]]:
    """The doc's quotation-mark spans (character offsets)."""
    return list(quote_spans(doc_text(doc)))


def fit_logistic(
    x: FloatArray, y: FloatArray, features: tuple[str, ...], l2: float = 1.0, steps: int = 50
) -> Gate:
    """An L2-regularised logistic regression of ``y`` (0 to 1: a soft label is the share of right answers) on the rows of ``x`` (Newton's method from zero
    weights: deterministic), on features standardised with their training mean and deviation (the ``bias``
    column, all ones, is the intercept and is not penalised). The threshold is 0.5 until tuned."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    const = scale < 1e-9
    mean[const] = 0.0
    scale[const] = 1.0
    z = (x - mean) / scale
    penalty = np.full(z.shape[1], l2)
    penalty[[i for i, f in enumerate(features) if f == "bias"]] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(z.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Gate(features, mean, scale, w, 0.5)
