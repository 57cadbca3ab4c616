"""Word classes the stance features count, as surface forms of the claim stage's lemma lexicons.

The stance features read raw lower-cased tokens (no parse of the headline), so each lemma class of
:mod:`newsgraph.claims.lexicon` is expanded to its inflected forms here, once; the few classes that stance needs on
top (FNC-1's refuting vocabulary, words of reporting) are listed below with the rule that reads them.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.claims.lexicon import (
    ALLEGE_CUES,
    CONFIRM_CUES,
    DENY_CUES,
    EPISTEMIC_MODALS,
    FALSITY,
    HEDGE_ADVERBS,
    NEG_WORDS,
    REPORT_CUES,
    WRITER_ALLEGED,
)


def inflections(lemmas: Iterable[str]) -> frozenset[str]:
    """Lemmas with their regular -s/-es/-ed/-ing forms ("deny" -> denies, denied, denying)."""
    out: set[str] = set()
    for w in lemmas:
        out.update({w, w + "s", w + "es", w + "ed", w + "d", w + "ing"})
        if w.endswith("e"):
            out.add(w[:-1] + "ing")
        if w.endswith("y"):
            out.update({w[:-1] + "ies", w[:-1] + "ied"})
    return frozenset(out)


# fmt: off
# Refuting: the body calls the headline's claim false (claims lexicon, plus FNC-1's baseline refuting words).
REFUTE = inflections(DENY_CUES | FALSITY | {"fraud", "prank", "retract", "nope", "satire", "satirical", "myth"})
# Negation words as tokens ("not", "n't" split off as "t" by the tokenizer regex).
NEGATION = NEG_WORDS | {"not", "t", "cannot", "without"}
# Hedged or second-hand: the body discusses without taking a side.
HEDGE = (
    inflections(ALLEGE_CUES | REPORT_CUES | {"rumor", "rumour", "speculate", "unconfirm", "unverified"})
    | HEDGE_ADVERBS | EPISTEMIC_MODALS | WRITER_ALLEGED
    | {"according", "apparently", "reportedly", "unconfirmed", "unverified", "if", "whether"}
)
# Taking the claim as fact: confirmation and first-hand evidence.
CONFIRM = inflections(CONFIRM_CUES | {"announce", "reveal", "prove", "official", "show"}) | {
    "officially", "indeed", "footage", "video", "photo", "photos", "pictured"
}
# Single words counted one by one (each its own feature): the most informative of the classes above on FNC-1
# train, kept separate so the model can weigh them differently.
KEY_WORDS: tuple[str, ...] = (
    "fake", "hoax", "false", "denied", "denies", "not", "no", "despite", "doubt", "debunked", "rumor",
    "rumors", "reportedly", "allegedly", "claims", "claimed", "according", "unconfirmed", "report", "reports",
    "reported", "may", "might", "could", "if", "confirmed", "officially", "announced", "video", "said", "says",
    "told", "but", "however", "satire", "prank", "fraud", "never", "untrue", "actually",
)
# Stop words of the lexical overlap features.
_STOP_WORDS = (
    "a about after again all also am an and any are as at be been before being but by can could did do does "
    "for from had has have he her here him his how i if in into is it its just me more most my new no nor not "
    "now of on or our out over own s said says she so some such t than that the their them then there these they "
    "this those through to too under up us very was we were what when where which while who whom why will with "
    "would you your"
)
STOP = frozenset(_STOP_WORDS.split())
# fmt: on
