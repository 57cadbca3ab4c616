"""Rules ``tough_adjective_has_no_speaker`` (:func:`newsgraph.attribution.reported.tough_adjective`) and
``subordinate_clause_is_no_parenthetical`` (:func:`newsgraph.attribution.constructions.subordinated`): a cue word in
"it is hard to deny …" or in "when your claim is denied" is no one's denial; nor is a refused request
(``refusal_is_no_denial``, :func:`newsgraph.attribution.reported.refused_request`). Hand-written sentences through the
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


NO_DENIALS = [
    "It is hard to deny this camera, but for me it comes down to the images.",
    "While the path to benefits is not simple, there are legal remedies available when your claim is denied.",
    # refusal_is_no_denial: a refused request denies no claim
    "Insurers said the plan is too costly. The Social Security Administration denies your disability claim if "
    "the form is late.",
    "The lens is sharp. This camera is known as a flagship camera, one of the first of its kind in this category. "
    "It’s sort of hard to deny this camera, but for me it ultimately comes down to the images and the colors.",
    "The board met on Monday. The committee denied the application for a new permit on the harbour front.",
    # a bare plural: claims filed, not claims made
    "Insurance companies deny claims when the paperwork is late. Patients often appeal.",
]


@pytest.mark.parametrize("model", ["rules", "combined"])  # the model's additions obey the same grammar
@pytest.mark.parametrize("text", NO_DENIALS)
def test_no_denial_read(nlp: Language, text: str, model: str) -> None:
    doc, records = parse(nlp, text, model)
    assert not any("den" in c for c in cue_texts(doc, records)), cue_texts(doc, records)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea denied claims of a troop deployment.",
        "The ministry denied claims that it had sent troops.",
        "The ministry denied false claims about the deployment.",
    ],
)
def test_claims_made_are_still_denied(nlp: Language, text: str) -> None:
    doc, records = parse(nlp, text, "rules")
    assert "denied" in cue_texts(doc, records)


def test_a_denied_report_is_still_a_denial(nlp: Language) -> None:
    from newsgraph.attribution.reported import refused_request

    doc, records = parse(nlp, "Officials met on Monday. The company denied the report that it had cut jobs.")
    assert "denied" in cue_texts(doc, records)
    denied = next(t for t in doc if t.text == "denied")
    assert not refused_request("deny", next(c for c in denied.children if c.dep_ == "dobj"))


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


@pytest.mark.parametrize(
    ("text", "verb", "none"),
    [
        ("It’s sort of hard to deny this camera, but the lens is slow.", "deny", True),
        ("The agency denies your disability claim if the form is late.", "denies", True),
        ("The minister was quick to deny that the port would close.", "deny", False),
        ("The company denied the report that it had cut jobs.", "denied", False),
    ],
)
def test_no_one_reports_for_the_model_either(nlp: Language, text: str, verb: str, none: bool) -> None:
    """An attribution the model adds obeys the rules' grammar (``reported.no_one_reports``, read by ``combine.added_shape``)."""
    from newsgraph.attribution.reported import no_one_reports

    doc = nlp(text)
    assert no_one_reports(next(t for t in doc if t.text == verb)) is none


@pytest.mark.parametrize(
    ("text", "cue", "read"),
    [
        # object_is_no_report: "add" and "continue" report only a clause or a quotation
        ("The factory added 2,000 jobs last year, the company reported in its filing.", "added", False),
        ("The governor will add another title to her resume next month.", "add", False),
        ("Divers continued their search for the phone in the lake on Friday.", "continued", False),
        ("The mayor said the bridge was safe. He added that it would reopen in May.", "added", True),
        ('"We will rebuild," she said. "Every house," she continued, "will stand again."', "continued", True),
        # offer_gives_words: "offer" reports words, not goods
        ("The agency offers in-house content creation for small firms.", "offers", False),
        # the model's additions obey it too (reported.no_one_reports)
        ("Some states offer a discount on your marriage license if you undergo counseling.", "offer", False),
        ("The senator offered an emotional evaluation of the race on Tuesday.", "offered", True),
        ("The mayor offered no proof that the contractor had lied.", "offered", True),
    ],
)
@pytest.mark.parametrize("model", ["rules", "combined"])
def test_object_is_no_report(nlp: Language, text: str, cue: str, read: bool, model: str) -> None:
    from newsgraph.attribution.reported import object_is_no_report

    doc, records = parse(nlp, text, model)
    assert (cue in cue_texts(doc, records)) is read, cue_texts(doc, records)
    verb = next(t for t in doc if t.text == cue)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        assert object_is_no_report(verb.lemma_, obj) is not read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # permission_is_no_report: "allow" grants unless it concedes a "that" clause
        ("The new rules allowed companies to cut the pensions of older workers.", False),
        ("The council said the law allows residents to park on the street overnight.", False),
        ("The coach allowed that some of the players might be tired.", True),
    ],
)
def test_permission_is_no_report(nlp: Language, text: str, read: bool) -> None:
    from newsgraph.attribution.reported import permission_is_no_report

    doc, records = parse(nlp, text, "rules")
    assert any(c.startswith("allow") for c in cue_texts(doc, records)) is read, cue_texts(doc, records)
    verb = next(t for t in doc if t.lemma_ == "allow")
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        assert permission_is_no_report("allow", comp) is not read


@pytest.mark.parametrize(
    ("text", "consequence"),
    [
        # consequence_is_no_report: "mean" reports only with a speaker for subject
        ("The losses mean Trump may not have paid federal income taxes for years.", True),
        ("That means the deal is dead.", True),
        ("I mean, the audience liked it.", False),
        ("Clinton meant that the deal was dead.", False),
        ("We mean that the plan will fail.", False),
    ],
)
def test_consequence_is_no_report(nlp: Language, text: str, consequence: bool) -> None:
    from newsgraph.attribution.model.combine import consequence_keeps_no_source
    from newsgraph.attribution.records import Attribution
    from newsgraph.attribution.reported import consequence_is_no_report

    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "mean")
    assert consequence_is_no_report(verb) is consequence
    # a model addition on the verb keeps its content (the writer's statement) and, for a consequence, no source
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), verb)
    clause = doc[verb.i + 1 :]
    m = Attribution(
        cue=[verb.i],
        source=(subj.left_edge.i, subj.i + 1),
        content=[(clause.start_char, clause.end_char)],
        verb=verb.i,
        source_head=subj.i,
        rule="model",
    )
    consequence_keeps_no_source(doc, m)
    assert (m.source is None) is consequence and m.content == [(clause.start_char, clause.end_char)]
