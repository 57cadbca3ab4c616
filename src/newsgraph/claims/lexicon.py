"""Lexicons of the claim-status classifier: lemma classes read off the spaCy parse (see :mod:`.status`).

They are word classes of English (FactBank's source-introducing predicates, modal and hedging vocabulary), not
phrases of any article; :func:`newsgraph.claims.status.classify_status` applies them to lemmas and dependency
relations.
"""

from __future__ import annotations

from newsgraph.lexicon.reporting import (
    ELABORATION_VERBS,
    EPISTEMIC_VERBS,
    EVIDENCE_VERBS,
    SPEECH_ACT_VERBS,
    STATEMENT_VERBS,
)

# fmt: off
# Source-introducing predicates (lemmas) by the commitment they express (FactBank's SIP classes).
DENY_CUES = frozenset({
    "contest", "contradict", "debunk", "denial", "deny", "disavow", "discredit", "dismiss", "dismissal",
    "disprove", "dispute", "downplay", "rebut", "refute", "reject", "rejection", "repudiate"
})
# dismiss/reject/dispute deny a proposition only when their object is one ("dismissed the claims"), not a
# request or a person ("rejected a media request", "dismissed Estonia as ...").
NEEDS_CLAIM_OBJECT = frozenset({
    "contest", "contradict", "discredit", "dismiss", "dismissal", "dispute", "downplay", "reject", "rejection"
})
CONFIRM_CUES = frozenset({
    "acknowledge", "acknowledgement", "acknowledgment", "admission", "admit", "affirm", "concede", "confirm",
    "confirmation", "corroborate", "verify"
})
ALLEGE_CUES = frozenset({
    "accusation", "accuse", "allegation", "allege", "charge", "claim", "complaint", "indictment", "insinuate",
    "lawsuit", "purport"
})
REPORT_CUES = frozenset({"cite", "quote", "relay", "report", "reportedly"})
# Cues that pass information on second-hand whoever the source is ("quoting a source").
RELAY_CUES = frozenset({"quote", "relay", "reportedly"})
HEDGE_CUES = frozenset({
    "afraid", "anticipate", "appear", "assume", "believe", "doubt", "estimate", "expect", "fear", "feel",
    "forecast", "guess", "hint", "hope", "hypothesize", "imply", "predict", "presume", "project", "reckon",
    "seem", "signal", "speculate", "suggest", "suppose", "suspect", "theorize", "think", "wonder", "worry"
})
# Plain speech/cognition predicates: negated ("did not say whether") they leave the claim unconfirmed.
SPEECH_CUES = (
    STATEMENT_VERBS | SPEECH_ACT_VERBS | EPISTEMIC_VERBS | EVIDENCE_VERBS | ELABORATION_VERBS
)  # the shared reporting-verb lexicon
# Nouns naming a proposition: the object of dismiss/reject/dispute that makes it a denial.
CLAIM_NOUNS = frozenset({
    "account", "accusation", "allegation", "assertion", "assessment", "characterization", "charge", "claim",
    "conclusion", "contention", "criticism", "finding", "idea", "narrative", "notion", "premise", "report",
    "reporting", "rumor", "rumour", "speculation", "statement", "story", "suggestion", "theory"
})
# "the claims are unfounded", "called the report false": the source calls a claim false.
FALSITY = frozenset({
    "absurd", "baseless", "bogus", "fabricate", "fabricated", "fabrication", "fake", "false", "fiction",
    "groundless", "hoax", "inaccurate", "incorrect", "lie", "misleading", "nonsense", "propaganda", "ridiculous",
    "rumor", "rumour", "slander", "smear", "unfounded", "untrue", "wrong"
})
# Originators of their own findings: a poll or study "reports" what it found, it does not relay it.
DATA_SOURCES = frozenset({
    "analysis", "audit", "census", "data", "estimate", "figure", "finding", "index", "investigation", "model",
    "poll", "research", "review", "statistic", "study", "survey"
})
# Hedges inside the content (modal auxiliaries tagged MD, adverbs, adjectives, deliberation verbs).
EPISTEMIC_MODALS = frozenset({"could", "may", "might"})
HEDGE_ADVERBS = frozenset({
    "apparently", "arguably", "conceivably", "likely", "maybe", "perhaps", "possibly", "potentially",
    "presumably", "probably", "seemingly", "supposedly"
})
HEDGE_ADJECTIVES = frozenset({"conceivable", "likely", "plausible", "possible", "probable", "unlikely"})
CONSIDER_VERBS = frozenset({"consider", "contemplate", "explore", "eye", "mull", "ponder", "weigh"})
# "declined to confirm", "refused to say": the cue is withheld.
BLOCKING_VERBS = frozenset({"avoid", "decline", "fail", "refuse"})
# The writer's own distancing marks (writer_stance).
WRITER_ALLEGED = frozenset({
    "alleged", "allegedly", "purported", "purportedly", "so-called", "supposed", "supposedly"
})
WRITER_REPORTED = frozenset({"reportedly"})
# "not only ... but" is contrast, not negation.
CONTRAST_AFTER_NOT = frozenset({"just", "merely", "only", "simply"})
NEG_WORDS = frozenset({"neither", "never", "no", "nobody", "none", "nor", "nothing", "nowhere"})
# Head nouns of a relaying source ("Local media reports", "a Journal article").
MEDIA_NOUNS = frozenset({
    "article", "broadcast", "broadcaster", "daily", "media", "network", "newspaper", "outlet", "paper", "press",
    "report", "reporting", "story", "tabloid", "wire"
})
# fmt: on
