"""Rule ``participle_of_the_report`` (:func:`newsgraph.attribution.reported.participle_owner`): a cue participle
hung on a reported clause speaks for the reporter, not for a person named inside the content. Hand-written
sentences through the real parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.reported import participle_owner, verb_subject


@pytest.mark.parametrize(
    ("text", "participle", "source"),
    [
        (
            "Footage shows that Lee had his arms raised, contradicting the sheriff's earlier account.",
            "contradicting",
            "Footage",
        ),
        (
            "The report found that the mayor had lied, contradicting what the council said in May.",
            "contradicting",
            "report",
        ),
        # not a cue: the participle belongs to the clause it hangs on
        ("The army said rebels attacked the village, killing ten people.", "killing", "rebels"),
        # a participle on the report itself keeps the reporter
        ("The mayor spoke on Monday, denying that the city had lost the money.", "denying", "mayor"),
    ],
)
def test_participle_source(nlp: Language, text: str, participle: str, source: str) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == participle)
    subj = verb_subject(verb)
    assert subj is not None and subj.text == source, (
        participle_owner(verb).text,
        [(t.text, t.dep_, t.head.text) for t in doc],
    )
