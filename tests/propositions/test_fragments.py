"""Rules ``fragment_is_no_claim`` and ``headline_future``: a proposition's statement is a clause with a finite verb;
a headline-like fragment ("Plans to increase funding", "Unrealistic - pledge to reduce emissions") is no trackable
claim, and a headline's "to" ("Clinton to win the debate") is its future ("Clinton will win the debate")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.models import Article
from newsgraph.nlp import MODEL_NAME, load_pipeline
from newsgraph.propositions.statement import (
    bare_compound_names_a_topic,
    complement_left_out,
    has_finite_verb,
    infinitive_modifier,
    object_gap_relative,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(MODEL_NAME, ())


@pytest.mark.parametrize(
    ("text", "finite"),
    [
        ("The ferry company cut its prices", True),
        ("The mayor should resign", True),
        ("The dam is breaking", True),
        ("Plans to increase funding for the harbour", False),
        ("Encouraging his supporters to visit the polls", False),
        ("His failure to release the audit", False),
        ("Unrealistic - pledge to cut emissions by 2040", False),
        ("the confrontation in grave terms", False),
    ],
)
def test_has_finite_verb(nlp: Language, text: str, finite: bool) -> None:
    assert has_finite_verb(nlp(text)) is finite


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # headline_future: subject + to-infinitive, no finite verb -> "will"
        ("Most fans expect Ruiz to win the final, a new survey found.", ["Ruiz will win the final"]),
        # a finite clause is kept as it is (its "to" is no headline's)
        ("The harbour master said he wants to close the port.", ["He wants to close the port"]),
        # wh_infinitive_is_a_question: "how to solve" asks; the wh-word is no complementiser to drop
        ("When the student did not know how to solve the problem, the tutor showed the steps.", []),
        ("The manual explains how to reset the router.", []),
        # have_keeps_its_relative_clause: what the object of "have" is, is what the clause says
        (
            "The senator said the state has a plan that would cut taxes for families.",
            ["The state has a plan that would cut taxes for families"],
        ),
        # stranded_preposition_goes: "despite" loses the phrase the statement leaves out; "asked for" keeps "for"
        (
            "The governor spoke on Monday. “It’s something I’ve been fighting for a long time despite, frankly, being "
            "a big winner under the rules,” Ruiz said.",
            ["It’s something I’ve been fighting for a long time, frankly"],
        ),
        (
            "The mayor said the new park is something residents have long asked for.",
            ["The new park is something residents have long asked for"],
        ),
        # say_to_is_an_instruction: what "say" tells someone to do is advice, no statement ("vowed to" stays)
        ("Doctors say to drink more water during the heat wave.", []),
        (
            "The senator vowed to build a wall on the border.",
            ["The senator vowed to build a wall on the border"],
        ),
        # they_is_a_plural_source: "they" under a plural source stands for it (through "a majority of")
        (
            "Residents said they had seen smoke over the harbour.",
            ["Residents had seen smoke over the harbour"],
        ),
        (
            "A majority of voters say they are worried about the economy.",
            ["A majority of voters are worried about the economy"],
        ),
        (
            "The harbour master said they had closed the port.",
            ["They had closed the port"],
        ),  # a singular source
        # bound_to_source: only "it" is impersonal; "she was confident" is about the source
        ("Mrs. Clinton said she was confident about the result.", ["Clinton was confident about the result"]),
        # pronoun_subject_case: the object pronoun of "expect" is the statement's subject
        ("Aides expect her to resign on Monday.", ["She will resign on Monday"]),
        # fragment_is_no_claim: no member states the proposition with a finite verb -> no proposition
        ("Officials spoke of plans to increase funding for the harbour.", []),
        ("The mayor described the flood in grave, nearly apocalyptic, terms.", []),
        # object_gap_relative, and a noun phrase content is no statement either
        ("Clinton cited derogatory comments Trump had made about Machado after she gained weight.", []),
    ],
)
def test_statements_are_clauses(article: Callable[[str], Article], text: str, statements: list[str]) -> None:
    a = article(text)
    assert [p.statement for p in a.propositions] == statements
    assert a.claims  # the claim itself stays (with its source and status); only the proposition is not built


@pytest.mark.parametrize(
    ("text", "noun", "topic"),
    [
        ("Trump has called climate change a hoax perpetrated by China to hurt industry.", "change", True),
        ("The senator focused on gun control after the shooting.", "control", True),
        ("Both capitals denied the alleged troop deployment.", "deployment", False),
        ("The deployment of troops began on Monday.", "deployment", False),
    ],
)
def test_bare_compound_names_a_topic(nlp: Language, text: str, noun: str, topic: bool) -> None:
    doc = nlp(text)
    assert bare_compound_names_a_topic(next(t for t in doc if t.text == noun)) is topic


def test_a_topic_name_makes_no_statement(article: Callable[[str], Article]) -> None:
    a = article("Ban focused on climate change as a signature issue shortly after assuming his post.")
    assert all("limate" not in p.statement for p in a.propositions)


@pytest.mark.parametrize(
    ("text", "verb", "gap"),
    [
        ("Clinton cited derogatory comments Trump had made about Machado after the debate.", "made", True),
        ("Clinton cited the comments that Trump had made about Machado.", "made", True),
        ("The man who stole the car was arrested on Monday.", "stole", False),
        ("Clinton said that Trump had made comments about Machado.", "made", False),
    ],
)
def test_object_gap_relative(nlp: Language, text: str, verb: str, gap: bool) -> None:
    doc = nlp(text)
    assert object_gap_relative(next(t for t in doc if t.text == verb)) is gap


@pytest.mark.parametrize(
    ("text", "verb", "kept"),
    [
        ("Voter fraud would be one hell of a way to lose.", "lose", True),
        ("Citizens have the right to vote in the election.", "vote", True),
        ("The man who stole the car was arrested.", "stole", False),
        ("The plan, which aims to cut taxes for the poorest families in the state, failed.", "aims", False),
    ],
)
def test_infinitive_modifier(nlp: Language, text: str, verb: str, kept: bool) -> None:
    doc = nlp(text)
    assert infinitive_modifier(next(t for t in doc if t.text == verb)) is kept


def test_statement_keeps_the_infinitive_of_its_noun(article: Callable[[str], Article]) -> None:
    a = article("Trump says voter fraud “would be one hell of a way to lose.”")
    assert [p.statement for p in a.propositions] == ["Voter fraud would be one hell of a way to lose"]


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # a short complement clause of the complement is kept whole, not cut after its verb ("to make")
        (
            "The mayor said she wants to make sure that the bridge reopens.",
            "She wants to make sure that the bridge reopens",
        ),
        (
            "The guard said the warden told staff to check whether anyone left the gate open.",
            "The warden told staff to check whether anyone left the gate open",
        ),
        # complement_left_out: a long purpose clause is left out whole, not as a dangling "to make"
        (
            "Many of them said the rule should be changed to make it much more difficult for the families of the "
            "victims and their lawyers to sue.",
            "The rule should be changed",
        ),
    ],
)
def test_statement_keeps_or_drops_a_clause_whole(
    article: Callable[[str], Article], text: str, statement: str
) -> None:
    assert [p.statement for p in article(text).propositions] == [statement]


@pytest.mark.parametrize(
    ("text", "verb", "keep", "left_out"),
    [
        ("The rule should be changed to make it harder to sue.", "make", ("to", "make"), True),
        (
            "The rule should be changed to make it harder to sue.",
            "make",
            ("to", "make", "it", "harder"),
            False,
        ),
        ("The rule should be changed to protect the families.", "protect", ("to", "protect"), False),
    ],
)
def test_complement_left_out(
    nlp: Language, text: str, verb: str, keep: tuple[str, ...], left_out: bool
) -> None:
    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    ids = {t.i for t in v.subtree if t.text in keep}
    assert complement_left_out(doc, ids) is left_out


def test_list_marker_is_no_word(nlp: Language, article: Callable[[str], Article]) -> None:
    from newsgraph.propositions.phrases import list_marker

    doc = nlp("Programs 1) have tutors and 2) meet (a) daily, as in Figure (3 of them) (see Table 2).")
    marked = [t.text for t in doc if list_marker(doc, t.i)]
    assert marked == ["1", ")", "2", ")", "(", "a", ")"], [t.text for t in doc]
    text = "Research shows that academic tutoring programs 1) have tutors who are trained and 2) meet weekly."
    # the list cannot stay in the statement, and "Academic tutoring programs have tutors" states next to nothing:
    # no proposition (have_without_its_clause_is_thin); the markers never reach a statement either way
    assert [p.statement for p in article(text).propositions] == []
    text = "Research shows that academic tutoring programs have tutors who are trained in reading."
    assert [p.statement for p in article(text).propositions] == [
        "Academic tutoring programs have tutors who are trained in reading"
    ]


def test_complementiser_marks_no_verb(nlp: Language) -> None:
    """The tagger reads *lowers* as a noun and hangs ``that`` on *stress*: no proposition; the same clause with a
    verb the tagger reads right is one."""
    from newsgraph.propositions import proposition_rule
    from newsgraph.propositions.reject import complementiser_marks_no_verb

    doc = nlp(
        "Other studies suggest that intermittent fasting lowers oxidative stress, which causes cell damage."
    )
    that = next(t for t in doc if t.lower_ == "that")
    assert that.head.pos_ == "NOUN", [(t.text, t.pos_, t.dep_, t.head.text) for t in doc]
    content = doc[that.i : len(doc) - 1]
    assert proposition_rule(content) == "complementiser_marks_no_verb"
    doc = nlp("Other studies suggest that intermittent fasting reduces stress, which causes cell damage.")
    that = next(t for t in doc if t.lower_ == "that")
    assert proposition_rule(doc[that.i : len(doc) - 1]) == "clause"  # a proposition, read as a clause
    assert not complementiser_marks_no_verb([], None)  # type: ignore[arg-type]


def test_allowed_objects_and_their_verbs(article: Callable[[str], Article], nlp: Language) -> None:
    """Rules ``shared_object_conjunct`` and ``headline_future`` on "X expects Y to …" contents; "X allows Y to …"
    grants and reports nothing (attribution rule ``permission_is_no_report``), so it states nothing either."""
    from newsgraph.propositions.statement import shared_object_conjunct

    text = (
        "Analysts expect users to customise and optimise their devices for a personalised experience.\n\n"
        "Analysts expect foreign investors to gain citizenship by investing money."
    )
    statements = [p.statement for p in article(text).propositions]
    assert "Users will customise and optimise their devices for a personalised experience" in statements
    assert "Foreign investors will gain citizenship by investing money" in statements
    granted = (
        "Products like Logitech Options allow users to customise and optimise their devices for a personalised "
        "experience.\n\nThe program allows foreign investors to gain citizenship by investing money."
    )
    assert [p.statement for p in article(granted).propositions] == []
    doc = nlp("Stein complied with police orders and left the area.")
    assert shared_object_conjunct(next(t for t in doc if t.text == "complied")) is None
    doc = nlp("The tools let users customise and optimise their devices.")
    conj = shared_object_conjunct(next(t for t in doc if t.text == "customise"))
    assert conj is not None and conj.text == "optimise"


def test_that_before_a_plural_is_a_complementiser(nlp: Language) -> None:
    """The parse of a WCXB page made *that* a determiner of *programs* (built here by hand: a short sentence
    parses right); a determiner *that* never goes with a plural, so it is no word of the statement."""
    from spacy.tokens import Doc

    from newsgraph.propositions.frames import complementiser_read_as_determiner

    words = ["Research", "recommends", "that", "tutoring", "programs", "have", "tutors"]
    heads = [1, 1, 4, 4, 5, 1, 5]
    deps = ["nsubj", "ROOT", "det", "compound", "nsubj", "ccomp", "dobj"]
    tags = ["NN", "VBZ", "IN", "NN", "NNS", "VBP", "NNS"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert complementiser_read_as_determiner(doc[2])
    doc = Doc(
        nlp.vocab,
        words=["that", "program", "works"],
        heads=[1, 2, 2],
        deps=["det", "nsubj", "ROOT"],
        tags=["DT", "NN", "VBZ"],
    )
    assert not complementiser_read_as_determiner(doc[0])  # "that program": a determiner


def test_a_list_of_verbs_shares_no_object(nlp: Language) -> None:
    from newsgraph.propositions.statement import shared_object_conjunct

    doc = nlp("The app allows guests to order, customize dishes, and give instant feedback.")
    assert shared_object_conjunct(next(t for t in doc if t.text == "order")) is None


@pytest.mark.parametrize(
    ("text", "start", "top", "asks"),
    [
        ("I don't know what she was thinking", "what", "thinking", True),
        ("How aggressive his accounting has been", "How", "been", True),
        ("Who else had received legal protection", "Who", "received", True),
        ("What the country needs", "What", "needs", True),
        ("What he proposed would benefit people like him", "What", "benefit", False),
        ("What appeared to be normal was only normal for some", "What", "was", False),
        ("The country needs what it asked for", "The", "needs", False),
    ],
)
def test_asks_what(nlp: Language, text: str, start: str, top: str, asks: bool) -> None:
    """Rule ``indirect_question_states_nothing``: a statement opening with a wh-word of its own clause."""
    from newsgraph.propositions.statement import asks_what

    doc = nlp(text)
    first = next(t.i for t in doc if t.text == start)
    verb = next(t for t in doc if t.text == top)
    assert asks_what(doc, set(range(first, len(doc))), verb) is asks


def test_an_indirect_question_is_no_statement(article: Callable[[str], Article]) -> None:
    a = article('"This young officer, I don\'t know what she was thinking," the governor said on Tuesday.')
    assert not any(p.statement.lower().startswith("what") for p in a.propositions), [
        p.statement for p in a.propositions
    ]


@pytest.mark.parametrize(
    ("text", "word", "link"),
    [
        ("The video lists four cases in which Kaine defended people.", "in", True),
        ("They praised the deal, which Trump signed in May.", "which", True),
        ("Kaine defended people in four cases.", "in", False),
        ("Trump signed the deal in May.", "in", False),
    ],
)
def test_relative_link(nlp: Language, text: str, word: str, link: bool) -> None:
    """Rule ``relative_link_left_out``: the relative pronoun (or its preposition) is no part of the statement."""
    from newsgraph.propositions.statement import relative_link

    doc = nlp(text)
    assert relative_link(next(t for t in doc if t.text == word)) is link


def test_a_relative_clause_is_stated_without_its_link(article: Callable[[str], Article]) -> None:
    a = article(
        "A web video by the Republican National Committee references four cases in which Kaine defended people "
        "accused of rape or murder."
    )
    statements = [p.statement for p in a.propositions]
    # empty_noun_keeps_its_clause: who the people are stays ("Kaine defended people" says next to nothing)
    assert "Kaine defended people accused of rape or murder" in statements
    assert not any(s.startswith("In which") for s in statements)


def test_an_indirect_question_is_no_statement_in_its_own_words(article: Callable[[str], Article]) -> None:
    """Rule ``indirect_question_states_nothing`` for the claim's own words, the last resort of a statement: "[the
    guide answers] how many miles are in a marathon" was a tracked claim on the WCXB store."""
    a = article("The guide answers how many miles are in a marathon.")
    assert a.claims and not a.propositions, [p.statement for p in a.propositions]


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("to reduce emissions from power plants, which gave Kerry leverage", True),
        ("to build the wall", True),
        ("the plan gave Kerry leverage", False),
        ("Kerry wants to build the wall", False),
        ("to deal with its obligations after a fund was created", True),
    ],
)
def test_infinitive_aim(nlp: Language, text: str, aim: bool) -> None:
    """Rule ``infinitive_is_no_statement``: a to-infinitive content names an aim, it states nothing."""
    from newsgraph.propositions.statement import infinitive_aim

    assert infinitive_aim(nlp(text)[:].root) is aim


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Most of the nurses in the pilot group reported that the app was helpful to reduce stress and said "
            "they would use it again.",
            "The app was helpful to reduce stress",
        ),
        ("Aides said the governor was eager to leave the race.", "The governor was eager to leave the race"),
    ],
)
def test_copula_adjective_kept(article: Callable[[str], Article], text: str, statement: str) -> None:
    """Rule ``copula_adjective_kept``: "The app was to reduce stress" (the parse hangs *reduce* on *was*; a WCXB
    tracked claim read "Calm was to reduce stress") says another thing."""
    assert statement in [p.statement for p in article(text).propositions]


def test_content_lead(nlp: Language) -> None:
    """The verb a content opens with, even where the parse hangs a later clause above it."""
    from newsgraph.propositions.statement import content_lead, infinitive_aim

    text = "The firm was able to deal with its obligations after a separate fund was created to administer the benefits."
    doc = nlp(text)
    span = doc.char_span(text.find("to deal"), text.find(" to administer"), alignment_mode="expand")
    assert span is not None and span.root.text == "created"  # the parse this rule is for
    assert content_lead(span).text == "deal" and infinitive_aim(content_lead(span))
    assert content_lead(doc[:]).text == "was"


@pytest.mark.parametrize(
    ("text", "verb", "buried"),
    [
        # a relative clause on a word deep in the content: not what the source says
        (
            "The mayor dismissed the complaint as the work of the ferry operator, Bluewater Lines, "
            "which went bankrupt in May.",
            "went",
            True,
        ),
        # a verb under such a clause is buried too
        ("Aides saw the vote as a chance to fix how the money is spent.", "spent", True),
        # a clause on the content's own head still states it
        ("Police reported troops deployed near the border.", "deployed", False),
    ],
)
def test_buried_clause(nlp: Language, text: str, verb: str, buried: bool) -> None:
    from newsgraph.propositions.frames import buried_clause

    doc = nlp(text)
    cue = next(t for t in doc if t.dep_ == "ROOT")
    ids = {t.i for t in doc if t.i > cue.i and not t.is_punct}
    roots = [t for t in doc if t.i in ids and t.head.i not in ids]
    assert buried_clause(next(t for t in doc if t.text == verb), ids, roots) is buried


def test_a_buried_clause_makes_no_statement(article: Callable[[str], Article]) -> None:
    a = article(
        "The mayor dismissed the complaint as the work of the ferry operator, Bluewater Lines, "
        "which went bankrupt in May."
    )
    assert a.claims
    assert not any("bankrupt" in p.statement for p in a.propositions)


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # source_left_out: the phrase that names the claim's source is who says it, not what is said
        (
            "In the latest Lakeside Gazette poll, Mayor Okafor led Ms. Brandt by 5 points among likely voters.",
            "Mayor Okafor led Ms. Brandt by 5 points among likely voters",
        ),
        # a verb of the chain may still be the cue
        (
            "The harbour board vowed to reopen the ferry terminal.",
            "The harbour board vowed to reopen the ferry terminal",
        ),
    ],
)
def test_source_left_out(article: Callable[[str], Article], text: str, statement: str) -> None:
    assert [p.statement for p in article(text).propositions] == [statement]


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # subjectless_clause_states_nothing: no subject before the verb
        ("Is projected to reach $20 billion by 2033", True),
        ("Would you check the answer", True),
        ("Consider the tools and libraries on offer", True),
        # a subject first, a gerund subject, a participle before the subject
        ("The market is projected to reach $20 billion by 2033", False),
        ("Slashing taxes on the wealthy has not worked", False),
        ("Shifting monsoon patterns could affect a billion people", False),
    ],
)
def test_opens_with_a_verb(nlp: Language, text: str, opens: bool) -> None:
    from newsgraph.propositions.statement import opens_with_a_verb

    assert opens_with_a_verb(nlp(text)) is opens


@pytest.mark.parametrize(
    ("text", "states"),
    [
        # own_words_read_as_a_sentence: the subject opens the words, in one paragraph
        ("He is satisfied that there has been no illegal disclosure at the agency.", True),
        ("However the debates are not likely to alter the race.", True),
        ("as might be expected from such a veteran negotiator, made a counteroffer", False),
        ("The ferry will sail on Monday.\n\nThe port stays shut until May.", False),
    ],
)
def test_own_words_state(nlp: Language, text: str, states: bool) -> None:
    from newsgraph.propositions.build import own_words_state

    assert own_words_state(nlp(text)[:]) is states


def test_future_says_what(nlp: Language) -> None:
    """Rule ``future_says_what``: a headline-future statement needs words after its verb ("Consumers will
    purchase" says nothing a shop page does not)."""
    from newsgraph.propositions.statement import future_says_what

    doc = nlp("consumers to purchase .")
    assert not future_says_what(doc, {0, 1, 2, 3}, 2)
    doc = nlp("investors to gain citizenship")
    assert future_says_what(doc, {0, 1, 2, 3}, 2)
