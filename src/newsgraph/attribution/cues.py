"""The cue lexicon: which words introduce an attribution, and how strongly.

Two sources, combined:

* ``data/cues.json``, derived from PolNeAR *train* counts by ``scripts/build_cue_lexicon.py``: for each lemma,
  how often it heads a gold cue and ``p``, the share of its occurrences that are cues;
* the speech and cognition classes of the shared reporting-verb lexicon (:mod:`newsgraph.lexicon.reporting`),
  which cover verbs too rare in the training data.

:func:`cue_strength` returns a score in [0, 1] that the rules compare with thresholds that depend on how much
syntactic evidence there is (a clausal complement is strong evidence; a bare object is weak).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from newsgraph.lexicon.reporting import COGNITION_VERBS, EPISTEMIC_VERBS, SPEECH_VERBS

# the speech and cognition classes live in the shared reporting-verb lexicon (claims and events read it too)
SPEECH = SPEECH_VERBS
COGNITION = COGNITION_VERBS | EPISTEMIC_VERBS
# Verb + preposition pairs whose object is the content ("called for X", "accused Y of X").
PHRASAL = {
    "call": ("for", "on"),
    "ask": ("for", "about"),
    "push": ("for",),
    "argue": ("for", "against"),
    "warn": ("of", "about", "against"),
    "talk": ("about",),
    "speak": ("about", "of", "out"),
    "complain": ("about", "of"),
    "insist": ("on",),
    "accuse": ("of",),
    "criticize": ("for",),
    "blame": ("for",),
    "praise": ("for",),
    "apologize": ("for",),
    "refer": ("to",),
    "point": ("to", "out"),
    "comment": ("on",),
    "vote": ("for", "against"),
    "focus": ("on",),
    "respond": ("to",),
    "agree": ("with", "on"),
    "disagree": ("with", "on"),
    "side": ("with",),
    "think": ("about",),
}
# Cues whose direct object is the content ("denied the report", "confirmed the deployment").
OBJECT_CUES = frozenset(
    [
        "deny",
        "confirm",
        "dismiss",
        "reject",
        "refute",
        "dispute",
        "acknowledge",
        "admit",
        "announce",
        "reveal",
        "disclose",
        "report",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "praise",
        "welcome",
        "endorse",
        "support",
        "oppose",
        "question",
        "mention",
        "cite",
        "quote",
        "predict",
        "promise",
        "pledge",
        "vow",
        "propose",
        "recommend",
        "demand",
        "request",
        "urge",
        "back",
        "defend",
        "blast",
        "slam",
        "reiterate",
        "repeat",
        "describe",
        "call",
    ]
)
# Cues whose to-infinitive is the content ("vowed to fight", "declined to provide").
XCOMP_CUES = frozenset(
    [
        "promise",
        "pledge",
        "vow",
        "threaten",
        "decline",
        "refuse",
        "agree",
        "plan",
        "intend",
        "want",
        "hope",
        "expect",
        "seek",
        "offer",
        "vote",
        "urge",
        "call",
        "ask",
        "tell",
        "warn",
        "order",
        "vote",
    ]
)
SPEECH_NOUNS = frozenset(
    [
        "statement",
        "claim",
        "assertion",
        "allegation",
        "accusation",
        "remark",
        "comment",
        "announcement",
        "warning",
        "promise",
        "pledge",
        "suggestion",
        "argument",
        "contention",
        "belief",
        "view",
        "position",
        "denial",
        "admission",
        "report",
        "insistence",
        "complaint",
        "call",
        "demand",
        "request",
        "proposal",
        "criticism",
        "message",
    ]
)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, dict[str, float]]]:
    try:
        raw = resources.files("newsgraph.attribution").joinpath("data/cues.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):  # pragma: no cover - broken install
        return {}
    data: dict[str, dict[str, dict[str, float]]] = json.loads(raw).get("lemmas", {})
    return data


def data_p(lemma: str, pos: str = "VERB") -> float:
    """Share of the lemma's occurrences that are attribution cues in PolNeAR train (0 when unseen)."""
    entry = _lexicon().get(pos, {}).get(lemma)
    return float(entry["p"]) if entry else 0.0


def data_count(lemma: str, pos: str = "VERB") -> int:
    entry = _lexicon().get(pos, {}).get(lemma)
    return int(entry["cue"]) if entry else 0


def cue_strength(lemma: str, pos: str = "VERB") -> float:
    """How likely the word is a cue: the data estimate, raised for members of the speech/cognition classes."""
    p = data_p(lemma, pos)
    if pos == "VERB":
        if lemma in SPEECH:
            p = max(p, 0.6)
        elif lemma in COGNITION:
            p = max(p, 0.3)
    elif pos == "NOUN" and lemma in SPEECH_NOUNS:
        p = max(p, 0.3)
    return p
