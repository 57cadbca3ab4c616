"""Rules ``tough_adjective_has_no_speaker`` (:func:`newsgraph.attribution.reported.tough_adjective`) and
``subordinate_clause_is_no_parenthetical`` (:func:`newsgraph.attribution.constructions.subordinated`): a cue word in
"it is hard to deny …" or in "when your claim is denied" is no one's denial. Hand-written sentences through the
real parse and rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.constructions import subordinated
from newsgraph.attribution.reported import tough_adjective, verb_subject

from ._rules import cue_texts, parse


@pytest.mark.parametrize(
    ("text", "verb", "tough"),
    [
        ("It is hard to deny this camera, but the lens is slow.", "deny", True),
        ("It is important to note that most policies will not cover a cancelled trip.", "note", True),
        # the subject of these adjectives speaks
        ("The minister was quick to deny that the port would close.", "deny", False),
        ("She is likely to say that the vote was rigged.", "say", False),
    ],
)
def test_tough_adjective(nlp: Language, text: str, verb: str, tough: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert tough_adjective(tok) is tough
    assert (verb_subject(tok) is None) is tough


@pytest.mark.parametrize(
    ("text", "verb", "subordinate"),
    [
        ("There are legal remedies available when your claim is denied.", "denied", True),
        ("The board will reopen the case if the inspectors say so.", "say", True),
        # a true parenthetical, and an "as" clause
        ("The plan, many economists say, will fail.", "say", False),
        ("As the senator put it, the bill is dead.", "put", False),
    ],
)
def test_subordinated(nlp: Language, text: str, verb: str, subordinate: bool) -> None:
    doc = nlp(text)
    assert subordinated(next(t for t in doc if t.text == verb)) is subordinate


@pytest.mark.parametrize(
    "text",
    [
        "It is hard to deny this camera, but for me it comes down to the images.",
        "While the path to benefits is not simple, there are legal remedies available when your claim is denied.",
    ],
)
def test_no_denial_read(nlp: Language, text: str) -> None:
    doc, records = parse(nlp, text, "rules")
    assert not any("den" in c for c in cue_texts(doc, records)), cue_texts(doc, records)


def test_the_parenthetical_still_reads(nlp: Language) -> None:
    doc, records = parse(nlp, "The plan, many economists say, will fail.", "rules")
    assert cue_texts(doc, records) == ["say"]


def test_share_of_respondents_speaks(nlp: Language) -> None:
    """Rule ``share_of_respondents_speaks`` (:func:`newsgraph.attribution.reported.survey_share`): the parser hangs
    "4 in 10" on "say" as a number modifier; the share is the source."""
    from newsgraph.attribution.reported import survey_share

    doc = nlp("About 4 in 10 say they want the next mayor to have more liberal policies.")
    say = next(t for t in doc if t.text == "say")
    share = survey_share(say)
    assert share is not None and verb_subject(say) == share
    assert "4" in {t.text for t in share.subtree}
    doc2 = nlp("The mayor will say more on Monday.")
    assert survey_share(next(t for t in doc2 if t.text == "say")) is None


def test_participle_is_no_parenthetical(nlp: Language) -> None:
    """Rule ``participle_is_no_parenthetical`` (:func:`newsgraph.attribution.constructions.participle_aside`): the
    clause a participle hangs on is not its content, so the finite "said" after it keeps its own reading."""
    from newsgraph.attribution.constructions import participle_aside

    text = (
        "Clinton celebrated with supporters, declaring it a great night, and said it was another step closer."
    )
    doc, records = parse(nlp, text, "rules")
    assert "said" in cue_texts(doc, records)
    assert participle_aside(next(t for t in doc if t.text == "declaring"))
    assert not participle_aside(
        next(t for t in nlp("The plan, economists say, will fail.") if t.text == "say")
    )


def test_indefinite_is_no_antecedent(nlp: Language) -> None:
    """Rule ``indefinite_is_no_antecedent`` (:func:`newsgraph.attribution.pronouns.indefinite_speaker`): "everyone"
    is an anonymous source of its own, never the entity named before it."""
    from ._rules import quotes_of

    quotes = quotes_of(
        nlp, "The Icon brush is cheap.\n\nEveryone says the brush is the best value this year."
    )
    assert [(q.speaker.name, q.speaker.kind) for q in quotes] == [("everyone", "anonymous")]


def test_indefinite_relative_reports_nothing(nlp: Language) -> None:
    """Rule ``indefinite_relative_reports_nothing`` (:func:`newsgraph.attribution.reported.class_of_people`): a
    relative clause on "anyone" describes a class of people; its verb is no one's report."""
    from newsgraph.attribution.reported import class_of_people

    text = "The Icon is a great option for anyone who wants to try an electric toothbrush."
    doc, records = parse(nlp, text, "rules")
    assert "wants" not in cue_texts(doc, records)
    assert class_of_people(next(t for t in doc if t.text == "anyone"))
    assert not class_of_people(next(t for t in doc if t.text == "option"))
