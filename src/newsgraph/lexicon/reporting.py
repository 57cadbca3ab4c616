"""The reporting-verb lexicon: one list of the verbs that report speech, thought and findings, by class.

Attribution (:mod:`newsgraph.attribution.cues`), claims (:mod:`newsgraph.claims.lexicon`) and events
(:mod:`newsgraph.events.vocab`) each read the classes they need from here; none keeps a list of its own. The
classes follow VerbNet's communication and cognition classes (say-37.7, tell-37.2, manner_speaking-37.3,
complain-37.8, advise-37.9, conjecture-29.5, consider-29.9); lemmas only, no phrase of any article.

==========================  ==============================================  ========================
class                       what the verb does                              read by
==========================  ==============================================  ========================
:data:`STATEMENT_VERBS`     puts a proposition on record (``said that``)    attribution, claims, events
:data:`SPEECH_ACT_VERBS`    a speech act with an event meaning of its own   attribution, claims
                            (``accused``, ``demanded``: PLOVER codes them)
:data:`OTHER_SPEECH_VERBS`  manner of speaking, advice, praise and blame    attribution
:data:`EPISTEMIC_VERBS`     reports a belief or a finding (``believes``)    attribution, claims, events
:data:`COGNITION_VERBS`     other verbs of thought and intention            attribution
:data:`EVIDENCE_VERBS`      a non-human source reports (``polls show``)     claims, events
:data:`ELABORATION_VERBS`   goes on with or qualifies a statement           claims
:data:`TALK_VERBS`          speaking, with nothing said in the sentence     attribution
                            (``spoke at length``)
==========================  ==============================================  ========================

:data:`BARE_SPEECH_VERBS` (talking, and the verbs of saying that make a whole sentence with nothing said:
``The minister responded angrily.``) is read by attribution's quote rule ``speech_sentence_before``.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list (how every word list of the rules is written)."""
    return frozenset(words.split())


_w = word_set


STATEMENT_VERBS = _w(
    "acknowledge add affirm announce argue assert claim comment confirm declare describe disclose emphasise "
    "emphasize estimate explain hint indicate insist maintain mention note predict quote reiterate remark report "
    "reveal say signal state stress suggest tell write"
)
SPEECH_ACT_VERBS = _w(
    "accuse admit agree allege ask brief call complain concede conclude contend criticize demand deny dismiss "
    "highlight observe pledge point promise recall reject reply respond testify threaten tweet urge vow warn"
)
OTHER_SPEECH_VERBS = _w(
    "advise answer appeal assure blame blast boast brag caution chant characterize charge cite command condemn "
    "confess counsel counter criticise decline denounce disagree exclaim forecast hail imply inform inquire "
    "instruct joke lament mutter notify order plead portray post praise propose protest query question quip "
    "reassure recommend recount refuse refute remind repeat request retort scream shout sigh slam thank type "
    "underscore welcome whisper wonder yell"
)
EPISTEMIC_VERBS = _w("believe expect find know learn see think understand")
COGNITION_VERBS = _w(
    "anticipate assume consider decide doubt envision fear feel figure foresee guess hear hope imagine intend "
    "plan prefer presume realise realize reckon recognise recognize suppose suspect trust want wish worry"
)
EVIDENCE_VERBS = _w("show")
ELABORATION_VERBS = _w("compare continue liken specify")
TALK_VERBS = _w("address elaborate speak talk")

SPEECH_VERBS = STATEMENT_VERBS | SPEECH_ACT_VERBS | OTHER_SPEECH_VERBS
"""Every verb of saying (attribution's speech class)."""
REPORTING_VERBS = (
    SPEECH_VERBS | EPISTEMIC_VERBS | COGNITION_VERBS | EVIDENCE_VERBS | ELABORATION_VERBS | TALK_VERBS
)
"""The whole lexicon."""
BARE_SPEECH_VERBS = TALK_VERBS | (SPEECH_VERBS & _w("comment explain remark reply respond testify"))
"""Verbs that make a whole sentence of speaking with nothing said in it (``Lopez spoke at length on Tuesday.``)."""
