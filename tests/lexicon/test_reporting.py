"""The reporting-verb lexicon is the one list the three stages read (no stage keeps reporting verbs of its own)."""

from __future__ import annotations

from newsgraph.attribution.cues import COGNITION, SPEECH, cue_strength
from newsgraph.claims.lexicon import SPEECH_CUES
from newsgraph.events.vocab import NON_EVENT_LEMMAS, REPORTING
from newsgraph.lexicon import reporting as lex


def test_every_stage_reads_its_verbs_from_the_shared_lexicon() -> None:
    assert SPEECH == lex.SPEECH_VERBS
    assert COGNITION <= lex.REPORTING_VERBS
    assert SPEECH_CUES <= lex.REPORTING_VERBS
    assert REPORTING <= lex.REPORTING_VERBS


def test_statements_are_reporting_verbs_everywhere() -> None:
    for verb in ("say", "announce", "confirm", "write"):
        assert verb in SPEECH and verb in SPEECH_CUES and verb in REPORTING
        assert cue_strength(verb) >= 0.6


def test_speech_acts_stay_events() -> None:
    # "accused", "threatened", "demanded" report speech and are PLOVER events: the events coder must not skip them
    for verb in ("accuse", "threaten", "demand"):
        assert verb in lex.SPEECH_ACT_VERBS and verb in SPEECH_CUES
        assert verb not in REPORTING and verb not in NON_EVENT_LEMMAS


def test_classes_do_not_overlap() -> None:
    classes = [
        lex.STATEMENT_VERBS,
        lex.SPEECH_ACT_VERBS,
        lex.OTHER_SPEECH_VERBS,
        lex.EPISTEMIC_VERBS,
        lex.COGNITION_VERBS,
        lex.EVIDENCE_VERBS,
        lex.ELABORATION_VERBS,
        lex.TALK_VERBS,
    ]
    assert sum(len(c) for c in classes) == len(lex.REPORTING_VERBS)


def test_bare_speech_verbs_are_reporting_verbs() -> None:
    # attribution's speech_sentence_before reads them here, not from a list of its own
    assert lex.BARE_SPEECH_VERBS <= lex.REPORTING_VERBS
    assert {"speak", "respond", "testify"} <= lex.BARE_SPEECH_VERBS
    assert "say" not in lex.BARE_SPEECH_VERBS  # "said" with nothing said is rare; "said:" has its colon rule
