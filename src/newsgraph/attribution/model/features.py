"""Token features for the attribution tagger, read from the pipeline's own parse.

Every token gets a list of string features (one-hot attributes, as a CRF takes them):

* the word: lower form, lemma, shape, three-letter suffix, coarse and fine part of speech, dependency label, entity
  type (features seen fewer than twice in training get no weight);
* the head: its lemma, part of speech and dependency, and the pair (dependency, head lemma);
* the cue lexicon (``attribution/data/cues.json`` via :func:`~newsgraph.attribution.cues.cue_strength`): the
  cue strength of the word and of its head, bucketed;
* the path to the nearest cue-like ancestor: the dependency label of the child on the path just under that
  ancestor (``nsubj`` for a word inside the source, ``ccomp`` for one inside the content) and the depth; that
  label with the side of the ancestor the word lies on (:func:`side_of_cue`), and the ancestor's part of speech
  and cue strength;
* the sentence (:func:`sentence_context`): whether it holds a quotation, and how cue-like its most cue-like word is;
* layout: inside quotation marks, opening or closing mark, first word of a sentence or paragraph, relative
  position in the sentence;
* the rules' own reading: the role (``CUE``, ``SRC``, ``CON``) the rule engine gave the token, with its
  begin/inside position (only in the ``--rule-features`` variant; the shipped model passes no rule attributions, so
  the column is ``O`` throughout);
* the same few attributes of the neighbours at -2..+2;
* dense: the pipeline's own contextual vectors (``doc.tensor``, the 96-d tok2vec output en_core_web_sm computes
  anyway) of the token and of its head (:func:`dense`), real-valued.

:func:`columns` gives, per template (:data:`TEMPLATES`), one value per token; :func:`feature_strings` turns them into
the strings the CRF trainer takes, and :meth:`CrfWeights.column_emissions
<newsgraph.attribution.model.crf.CrfWeights.column_emissions>` scores the columns directly (the fast path).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from spacy.attrs import HEAD
from spacy.tokens import Doc

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.records import Attribution as RuleAttribution
from newsgraph.extensions import doc_text

CUE_MIN = 0.3
"""Cue strength from which an ancestor counts as the reporting verb a path leads to."""
MAX_DEPTH = 8
ROLE_NAMES = ("CUE", "SRC", "CON")


def _bucket(p: float) -> str:
    if p <= 0.0:
        return "0"
    if p < 0.1:
        return "1"
    if p < 0.3:
        return "2"
    if p < 0.6:
        return "3"
    return "4"


@lru_cache(maxsize=65536)
def _strength(lemma: str, pos: str) -> float:
    if pos not in {"VERB", "NOUN", "ADJ"}:
        return 0.0
    return cue_strength(lemma, pos)


_WS = str.maketrans({"\n": "<nl>", "\r": "<nl>", "\t": "<t>", " ": "<s>", "\xa0": "<s>"})


def _clean(word: str) -> str:
    """A word usable inside a feature string (no whitespace: the CRF's model dump is line- and space-based)."""
    return word if word.isalnum() else word.translate(_WS)


@lru_cache(maxsize=65536)
def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text[:6]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return _clean("".join(out))


def rule_roles(doc: Doc, atts: Sequence[RuleAttribution]) -> list[str]:
    """Per token, ``B-ROLE`` / ``I-ROLE`` / ``O`` of the rule engine's attributions (cue > source > content)."""
    roles = ["O"] * len(doc)
    rank = {"O": 0, "CON": 1, "SRC": 2, "CUE": 3}
    tags: list[str] = ["O"] * len(doc)
    starts = [t.idx for t in doc]

    def mark(toks: range | list[int], role: str) -> None:
        first = True
        for i in toks:
            if rank[role] > rank[roles[i]]:
                roles[i] = role
                tags[i] = ("B-" if first else "I-") + role
            first = False

    for a in atts:
        for s, e in a.content:
            mark(range(bisect_right(starts, s - 1), bisect_right(starts, e - 1)), "CON")
        src = a.quoted_source or a.source
        if src is not None:
            mark(range(src[0], src[1]), "SRC")
        cue = [a.quoted_cue] if a.quoted_cue is not None else sorted(a.cue_extent or a.cue)
        mark(cue, "CUE")
    return tags


def _paths(
    heads: Sequence[int], strength: Sequence[float], deps: Sequence[str]
) -> list[tuple[str, int, int]]:
    """Per token: (dependency under the nearest cue-like ancestor, depth, index of that ancestor or -1)."""
    out: list[tuple[str, int, int]] = []
    for i in range(len(heads)):
        child, cur, depth = i, i, 0
        found = -1
        while depth < MAX_DEPTH:
            head = heads[cur]
            if head == cur:
                break
            child, cur = cur, head
            depth += 1
            if strength[cur] >= CUE_MIN:
                found = cur
                break
        out.append((deps[child], min(depth, 4), found) if found >= 0 else ("-", 0, -1))
    return out


def side_of_cue(paths: Sequence[tuple[str, int, int]]) -> list[str]:
    """Per token (from :func:`_paths`): ``L`` or ``R`` of its nearest cue-like ancestor, then the dependency just
    under that ancestor (``Lnsubj``: left of the verb, in its subject; ``Rccomp``: right of it, in its clause);
    ``-`` without such an ancestor."""
    return [("L" if i < p[2] else "R") + p[0] if p[2] >= 0 else "-" for i, p in enumerate(paths)]


def sentence_context(doc: Doc, inq: Sequence[bool], strength: Sequence[float]) -> tuple[list[str], list[str]]:
    """Per token, two facts of its sentence: whether any of it is inside quotation marks (``1``/``0``), and the
    cue strength of its most cue-like word, bucketed (a sentence with no reporting word holds no content)."""
    has_quote = [""] * len(doc)
    best_cue = [""] * len(doc)
    for sent in doc.sents:
        q = "1" if any(inq[sent.start : sent.end]) else "0"
        b = _bucket(max(strength[sent.start : sent.end], default=0.0))
        for i in range(sent.start, sent.end):
            has_quote[i], best_cue[i] = q, b
    return has_quote, best_cue


CONTEXT = (-2, -1, 1, 2)
TEMPLATES: dict[str, tuple[int, ...]] = {
    name: (0, *CONTEXT) if name in {"l", "pos", "dep", "r", "q", "path"} else (0,)
    for name in (
        "b", "w", "l", "sh", "suf", "pos", "tag", "dep", "ent", "hl", "hpos", "hdep", "dep_hl", "cs", "hcs",
        "path", "pathd", "anc", "q", "rel", "r", "r_pos", "sstart", "send", "pstart", "qmark",
        "side", "ancpos", "sq", "scue",
    )
}  # fmt: skip
"""Feature templates and the offsets at which each is read (0: the token itself; -2..2: its neighbours)."""
PAD = "<pad>"


def key(name: str, offset: int, value: str) -> str:
    """The feature string of template ``name`` read at ``offset`` with ``value`` (the CRF's attribute name)."""
    return f"{name}={value}" if offset == 0 else f"{offset}:{name}={value}"


def columns(doc: Doc, rule_atts: Sequence[RuleAttribution] = ()) -> dict[str, list[str]]:
    """Per template (:data:`TEMPLATES`), the value of every token of ``doc`` (``""``: the feature is absent)."""
    text = doc_text(doc)
    n = len(doc)
    toks = list(doc)
    lower = [_clean(t.lower_) for t in toks]
    lemma = [_clean(t.lemma_.lower()) for t in toks]
    pos = [t.pos_ for t in toks]
    deps = [t.dep_ for t in toks]
    heads = [t.head.i for t in toks]
    idx = [t.idx for t in toks]
    strength = [_strength(lemma[i], pos[i]) for i in range(n)]
    paths = _paths(heads, strength, deps)
    rtags = rule_roles(doc, rule_atts)
    qspans = quote_spans(text)
    qstarts = [q[0] for q in qspans]
    inq = [False] * n
    qmark = [""] * n
    for i in range(n):
        k = bisect_right(qstarts, idx[i]) - 1
        inq[i] = k >= 0 and qspans[k][1] > idx[i]
        if toks[i].text in {"“", "”", '"'}:
            qmark[i] = "open" if inq[i] and qspans[k][0] == idx[i] else "close"
    sstart = [""] * n
    send = [""] * n
    rel = [""] * n
    for sent in doc.sents:
        length = max(1, sent.end - sent.start)
        sstart[sent.start] = "q" if inq[sent.start] else "1"
        send[sent.end - 1] = "1"
        for i in range(sent.start, sent.end):
            rel[i] = str((i - sent.start) * 4 // length)
    pstart = [
        "1" if i == 0 or "\n" in toks[i - 1].whitespace_ or "\n" in toks[i - 1].text else "" for i in range(n)
    ]
    hs = [_bucket(x) for x in strength]
    sq, scue = sentence_context(doc, inq, strength)
    return {
        "side": side_of_cue(paths),
        "ancpos": [pos[p[2]] + hs[p[2]] if p[2] >= 0 else "-" for p in paths],
        "sq": sq,
        "scue": scue,
        "b": ["1"] * n,
        "w": lower,
        "l": lemma,
        "sh": [_shape(t.text) for t in toks],
        "suf": [w[-3:] for w in lower],
        "pos": pos,
        "tag": [t.tag_ for t in toks],
        "dep": deps,
        "ent": [t.ent_type_ for t in toks],
        "hl": [lemma[h] for h in heads],
        "hpos": [pos[h] for h in heads],
        "hdep": [deps[h] for h in heads],
        "dep_hl": [deps[i] + "|" + lemma[heads[i]] for i in range(n)],
        "cs": [hs[i] + pos[i] for i in range(n)],
        "hcs": [hs[heads[i]] + deps[i] for i in range(n)],
        "path": [p[0] for p in paths],
        "pathd": [p[0] + str(p[1]) for p in paths],
        "anc": [lemma[p[2]] if p[2] >= 0 else "-" for p in paths],
        "q": ["1" if x else "0" for x in inq],
        "rel": rel,
        "r": rtags,
        "r_pos": [rtags[i] + pos[i] for i in range(n)],
        "sstart": sstart,
        "send": send,
        "pstart": pstart,
        "qmark": qmark,
    }


DENSE_PARTS = ("tok", "head")
"""The dense blocks :func:`dense` can stack: ``tok`` (the token's vector), ``head`` (its syntactic head's)."""


def dense(doc: Doc, parts: Sequence[str] = DENSE_PARTS) -> npt.NDArray[np.float32] | None:
    """Per token, the ``parts`` (:data:`DENSE_PARTS`) of ``doc.tensor`` side by side (``len(doc) x 96·k``); None
    when the doc carries no tensor (a pipeline without ``tok2vec``, a doc read back from a DocBin)."""
    t = doc.tensor
    if t is None or t.ndim != 2 or t.shape[0] != len(doc) or t.shape[1] == 0 or not parts:
        return None
    x = np.asarray(t, dtype=np.float32)
    blocks: list[npt.NDArray[np.float32]] = []
    for part in parts:
        if part == "tok":
            blocks.append(x)
        elif part == "head":
            rel = doc.to_array([HEAD]).reshape(-1).astype(np.int64)  # head offsets, relative to the token
            blocks.append(x[np.arange(len(doc), dtype=np.int64) + rel])
        else:
            raise ValueError(f"unknown dense part {part!r} (one of {DENSE_PARTS})")
    return np.hstack(blocks) if len(blocks) > 1 else blocks[0]


def feature_strings(cols: dict[str, list[str]]) -> list[list[str]]:
    """Per token, the feature strings of :func:`columns` (what the CRF trainer takes)."""
    n = len(cols["b"])
    out: list[list[str]] = [[] for _ in range(n)]
    for name, values in cols.items():
        for off in TEMPLATES[name]:
            for i in range(n):
                j = i + off
                v = values[j] if 0 <= j < n else PAD
                if v:
                    out[i].append(key(name, off, v))
    return out


def doc_features(doc: Doc, rule_atts: Sequence[RuleAttribution] = ()) -> list[list[str]]:
    """The feature strings of every token of ``doc`` (see the module docstring)."""
    return feature_strings(columns(doc, rule_atts))
