"""Named rules of the propositions stage: not-a-proposition filters, derivation, frame matching, statements."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import MODEL_NAME, load_pipeline
from newsgraph.propositions import is_proposition, proposition_rule
from newsgraph.propositions.component import PropositionsComponent, known_verbs
from newsgraph.propositions.derive import nominal_verb
from newsgraph.propositions.frames import Frame
from newsgraph.propositions.link import (
    content_overlap,
    frames_match,
    same_event,
    same_participants,
    same_predicate,
)
from newsgraph.propositions.statement import past_participle


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(MODEL_NAME, ())


@pytest.fixture(scope="module")
def verbs(nlp: Language) -> frozenset[str]:
    return known_verbs(nlp)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Donald Trump", "is_bare_name"),
        ("the State Department", "is_bare_name"),
        ("that", "is_complementiser"),
        ("you", "is_pronoun"),
        ("your state", "is_too_thin"),
        ("I would", "is_too_thin"),
        ("where he stands", "is_indirect_question"),
        ("what Graham had in mind", "is_indirect_question"),
        ("exactly how the site will look", "is_indirect_question"),
        ("requests for comment", "is_request_for_comment"),
        ("to comment on the report", "is_request_for_comment"),
        ("an active belligerent in warfare", "is_fragment"),
        ("using the example of Chicago to prove that gun control fails", "is_subjectless_gerund"),
        ("—", "is_empty"),
        (
            "the clinics 1) have nurses who are trained and 2) have doctors who work nights",
            "lists_what_it_has",
        ),
    ],
)
def test_not_a_proposition(text: str, rule: str, nlp: Language, verbs: frozenset[str]) -> None:
    span = nlp(text)[:]
    assert proposition_rule(span, verbs=verbs) == rule
    assert not is_proposition(span, verbs=verbs)


def test_have_keeps_a_short_relative_clause_and_is_a_proposition(
    nlp: Language, verbs: frozenset[str]
) -> None:
    """``have_without_its_clause_is_thin`` refuses only what ``what_it_has`` cannot keep."""
    span = nlp("the clinics have nurses who are trained in emergency care")[:]
    assert proposition_rule(span, verbs=verbs) == "clause"  # not a rule name: a proposition


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("North Korea sent troops to Russia", "clause"),
        ("to ban all Muslims from entering the country", "clause"),
        ("What makes the policy hard is that storms are getting worse", "clause"),
        ("the alleged troop deployment", "nominal"),
        ("Russia's invasion of Ukraine", "nominal"),
        ("the deployment", "event"),
        ("the claims", "anaphor"),
        ("such reports", "anaphor"),
        ("the allegations as groundless rumors", "anaphor"),
        ("it", "anaphor"),
    ],
)
def test_what_a_content_is(text: str, kind: str, nlp: Language, verbs: frozenset[str]) -> None:
    assert proposition_rule(nlp(text)[:], verbs=verbs) == kind
    assert is_proposition(nlp(text)[:], verbs=verbs) == (kind in ("clause", "nominal"))


def test_a_noun_phrase_without_an_event_in_context_is_a_fragment(
    nlp: Language, verbs: frozenset[str]
) -> None:
    doc = nlp("He made disparaging remarks about the judge.")
    assert proposition_rule(doc[2:4], verbs=verbs) == "is_fragment"


def test_is_proposition_parses_a_string() -> None:
    assert is_proposition("Seoul said the troops withdrew from the border")
    assert not is_proposition("Hillary Clinton")


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("deployment", "deploy"),
        ("withdrawal", "withdraw"),
        ("invasion", "invade"),
        ("accusation", "accuse"),
        ("confirmation", "confirm"),
        ("investigation", "investigate"),
        ("rejection", "reject"),
        ("failure", "fail"),
        ("closure", "close"),
        ("interference", "interfere"),
        ("bombing", "bomb"),
        ("ban", "ban"),
        ("government", None),
        ("statement", None),
        ("table", None),
    ],
)
def test_nominal_verb(noun: str, verb: str | None, verbs: frozenset[str]) -> None:
    assert nominal_verb(noun, verbs) == verb


def test_nominal_verb_without_a_verb_list_uses_the_table_only() -> None:
    assert nominal_verb("invasion", frozenset()) == "invade"
    assert nominal_verb("deployment", frozenset()) is None


def _frame(
    pred: str,
    subjects: frozenset[str] = frozenset(),
    objects: frozenset[str] = frozenset(),
    numbers: frozenset[str] = frozenset(),
) -> Frame:
    return Frame(kind="clause", predicate=pred, head=0, subjects=subjects, objects=objects, numbers=numbers)


def test_same_predicate_by_lemma_or_class() -> None:
    assert same_predicate("deploy", "deploy")
    assert same_predicate("send", "deploy")
    assert not same_predicate("send", "enter")
    assert not same_predicate("", "")


def test_frames_match_needs_a_shared_argument() -> None:
    assert frames_match(
        _frame("send", frozenset({"e:ent2"}), frozenset({"l:troop"})),
        _frame("deploy", frozenset(), frozenset({"l:troop"})),
    )
    assert not frames_match(
        _frame("send", frozenset({"e:ent2"}), frozenset({"l:troop"})),
        _frame("deploy", frozenset(), frozenset({"l:team"})),
    )


def test_frames_match_blocks_conflicting_subjects_and_numbers() -> None:
    assert not frames_match(
        _frame("invade", frozenset({"e:ent1"}), frozenset({"e:ent3"})),
        _frame("invade", frozenset({"e:ent3"}), frozenset({"e:ent3"})),
    )
    assert not frames_match(
        _frame("pay", frozenset(), frozenset({"l:worker"}), frozenset({"3000"})),
        _frame("pay", frozenset(), frozenset({"l:worker"}), frozenset({"5000"})),
    )


def test_generic_predicates_need_two_shared_arguments() -> None:
    assert not frames_match(_frame("have", frozenset({"e:ent1"})), _frame("have", frozenset({"e:ent1"})))
    assert frames_match(
        _frame("have", frozenset({"e:ent1"}), frozenset({"l:plan"})),
        _frame("have", frozenset({"e:ent1"}), frozenset({"l:plan"})),
    )


def _para(pred: str, lemmas: str, subjects: str = "", objects: str = "") -> Frame:
    return Frame(
        kind="clause",
        predicate=pred,
        head=0,
        lemmas=frozenset(lemmas.split()),
        subjects=frozenset(subjects.split()),
        objects=frozenset(objects.split()),
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # "the agency disclosed the files illegally" ~ "no illegal disclosure of the files by the agency"
        (
            _para("disclose", "agency disclose file illegal", "l:agency", "l:file"),
            _para("illegal", "agency disclose file illegal", objects="l:file"),
            True,
        ),
        # same words, another predicate that the other content does not use: "moved the files"
        (
            _para("move", "agency move file", "l:agency", "l:file"),
            _para("disclose", "agency disclose file", "l:agency", "l:file"),
            False,
        ),
        # three shared words ("video", "hand", a name) but no shared predicate: not one fact
        (
            _para("be", "video angle gun hand e:ent5", "l:video"),
            _para("show", "video hand e:ent5 car leave", "l:video"),
            False,
        ),
        # the predicate is shared but the subjects differ: "fathers would not be eligible for paid leave" vs
        # "couples would receive paid leave if eligible"
        (
            _para("eligible", "father eligible leave pay week", "l:father"),
            _para("receive", "couple receive leave pay week eligible", "l:couple", "l:week"),
            False,
        ),
        # too few of the words are shared
        (
            _para("audit", "e:ent1 audit tax irs year office", "e:ent1"),
            _para("cut", "e:ent1 cut audit rich plan", "e:ent1"),
            False,
        ),
    ],
)
def test_content_overlap(a: Frame, b: Frame, expected: bool) -> None:
    assert content_overlap(a, b) is expected
    assert content_overlap(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_para("x", "", "l:video"), _para("y", "", "l:video", "l:gun"), True),
        (_para("x", "", "l:video", "l:hand"), _para("y", "", "l:footage", "l:hand"), False),
        (_para("x", "", "", "l:return"), _para("y", "", "e:ent4", "l:return"), True),
        (_para("x", "", "e:ent4"), _para("y", "", "", "l:return"), False),
        (_para("x", ""), _para("y", "", "e:ent4", "l:return"), True),  # nothing to compare
    ],
)
def test_same_participants(a: Frame, b: Frame, expected: bool) -> None:
    assert same_participants(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_para("disclose", "agency disclose file"), _para("illegal", "disclose file illegal"), True),
        (_para("move", "agency move file"), _para("disclose", "agency disclose file"), False),
        (
            Frame(kind="clause", predicate="deploy", head=0, event_refs=frozenset({"withdraw"})),
            Frame(kind="clause", predicate="urge", head=0, event_refs=frozenset({"withdraw"})),
            True,
        ),
    ],
)
def test_same_event(a: Frame, b: Frame, expected: bool) -> None:
    assert same_event(a, b) is expected


@pytest.mark.parametrize(
    ("verb", "pp"),
    [
        ("deploy", "deployed"),
        ("invade", "invaded"),
        ("send", "sent"),
        ("supply", "supplied"),
        ("ban", "banned"),
    ],
)
def test_past_participle(verb: str, pp: str) -> None:
    assert past_participle(verb) == pp


def test_a_broken_document_becomes_an_error_record(nlp: Language) -> None:
    comp = PropositionsComponent(nlp, "newsgraph_propositions")
    doc: Doc = nlp("Russia denied it.")
    doc._.claims = [object()]  # not a Claim: the stage must not raise
    doc._.errors = []
    comp(doc)
    assert doc._.propositions == []
    assert [e.stage for e in doc._.errors] == ["propositions"]


def test_normalise_lemma_reads_event_nouns_as_their_verbs() -> None:
    from newsgraph.nlp import load_pipeline
    from newsgraph.propositions.component import known_verbs
    from newsgraph.propositions.frames import Context, normalise_lemma

    nlp = load_pipeline()
    doc = nlp.make_doc("The expansion of the army worried the critics.")
    doc._.errors = []
    doc = nlp(doc)
    ctx = Context(doc=doc, verbs=known_verbs(nlp))
    assert normalise_lemma(doc[1], ctx) == "expand"
    assert normalise_lemma(doc[4], ctx) == "army"


def test_event_references_are_definite_event_nouns_other_than_the_head() -> None:
    from newsgraph.nlp import load_pipeline
    from newsgraph.propositions.component import known_verbs
    from newsgraph.propositions.frames import Context, event_references

    nlp = load_pipeline()
    doc = nlp.make_doc("They cannot pay for the expansion or for a deployment.")
    doc._.errors = []
    doc = nlp(doc)
    ctx = Context(doc=doc, verbs=known_verbs(nlp))
    assert event_references(list(doc), ctx, skip=-1) == frozenset({"expand"})


def test_speaker_in_own_words_is_a_misresolved_pronoun(nlp: Language) -> None:
    from newsgraph.propositions.frames import Context, speaker_in_own_words

    doc = nlp('"He will win, I think," Smith said.')
    he, i = doc[1], doc[5]
    assert he.lower_ == "he" and i.lower_ == "i"
    direct = Context(doc=doc, speaker="e:ent1", direct=True)
    assert speaker_in_own_words(he, "ent1", direct)
    assert not speaker_in_own_words(i, "ent1", direct)  # "I" is the speaker
    assert not speaker_in_own_words(he, "ent2", direct)  # another entity
    assert not speaker_in_own_words(
        he, "ent1", Context(doc=doc, speaker="e:ent1")
    )  # indirect: "he" may be him


def test_bridged_groups_merges_only_propositions_of_the_same_predicate() -> None:
    from newsgraph.propositions.link import Group, Member, bridged_groups

    def member(pos: int, pred: str, subjects: frozenset[str]) -> Member:
        fr = Frame(kind="clause", predicate=pred, head=0, subjects=subjects, objects=frozenset({"l:return"}))
        return Member(pos=pos, sent=pos, frame=fr)

    a = Group([member(0, "release", frozenset({"e:ent1"}))])
    b = Group([member(1, "release", frozenset())])
    c = Group([member(2, "move", frozenset())])
    m = member(3, "release", frozenset({"e:ent1"}))
    assert bridged_groups(m, a, [a, b, c]) == [b]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump's running mate,, plans to release his own returns",
            "Trump's running mate plans to release his own returns",
        ),
        ("the type of guy that, , he may", "the type of guy that he may"),
        ("Kim, the envoy, said so", "Kim, the envoy, said so"),  # one comma each side stays
    ],
)
def test_commas_of_a_left_out_phrase(text: str, expected: str) -> None:
    from newsgraph.propositions.statement import commas_of_a_left_out_phrase

    assert commas_of_a_left_out_phrase(text) == expected
