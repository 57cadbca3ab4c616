"""Linking claims into propositions, one rule per test, on small sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.models import Article, Proposition, span_errors
from newsgraph.nlp import MODEL_NAME, load_pipeline

Run = Callable[[str], Article]


def _stances(p: Proposition) -> list[tuple[str, str, bool]]:
    return [(s.source.name, s.status, s.writer) for s in p.stances]


def _only(a: Article) -> Proposition:
    assert len(a.propositions) == 1, [p.statement for p in a.propositions]
    return a.propositions[0]


def test_clause_restated_is_one_proposition(article: Run) -> None:
    a = article(
        "Officials in Kyiv said North Korea sent troops to Russia. "
        "Western analysts later confirmed that North Korea sent troops to Russia."
    )
    p = _only(a)
    assert p.claims == ["c1", "c2"]
    assert p.statement == "North Korea sent troops to Russia"
    assert [s.status for s in p.stances] == ["asserted", "confirmed"]
    assert not p.disputed


def test_nominalisation_joins_the_clause_and_a_denial_disputes_it(article: Run) -> None:
    a = article(
        "Ukraine said Russia deployed troops to Belarus on Monday. The Kremlin denied the deployment of troops to Belarus."
    )
    p = _only(a)
    assert len(p.claims) == 2
    assert [s.status for s in p.stances] == ["asserted", "denied"]
    assert p.disputed


def test_anaphor_the_allegations_refers_to_the_earlier_proposition(article: Run) -> None:
    a = article(
        "The newspaper reported that the minister took bribes from a builder. "
        "The minister dismissed the allegations as lies."
    )
    p = _only(a)
    assert p.statement == "The minister took bribes from a builder"
    assert _stances(p) == [("the newspaper", "reported", False), ("the minister", "denied", False)]
    assert not p.disputed  # reported is not asserted: nobody vouches for it


def test_coordinated_source_gives_one_stance_per_conjunct(article: Run) -> None:
    a = article(
        "Both Germany and France have denied that they supplied missiles to Iran. "
        "Israel said Germany supplied missiles to Iran."
    )
    p = _only(a)
    assert _stances(p) == [
        ("Germany", "denied", False),
        ("France", "denied", False),
        ("Israel", "asserted", False),
    ]
    assert p.disputed
    for st in p.stances[:2]:
        assert st.source.span is not None
        s, e = st.source.span
        assert a.body[s:e] == st.source.name


def test_writer_hedge_is_a_stance_of_the_writer(article: Run) -> None:
    a = article(
        "Police questioned a man who allegedly stole the painting from the museum. "
        "His lawyer said he did not steal the painting."
    )
    p = _only(a)
    assert p.statement == "A man stole the painting from the museum"
    writer = [s for s in p.stances if s.writer]
    assert [(s.status, s.cue) for s in writer] == [("alleged", "allegedly")]
    assert ("his lawyer", "denied", False) in _stances(p)  # asserting the negation denies it


def test_same_source_same_status_counts_once_other_status_counts_again(article: Run) -> None:
    a = article(
        "Russia denied that it attacked the convoy. Russia has not confirmed that it attacked the convoy. "
        "Russia denied the attack on the convoy."
    )
    p = _only(a)
    assert p.claims == ["c1", "c2", "c3"]
    assert _stances(p) == [("Russia", "denied", False), ("Russia", "unconfirmed", False)]
    assert p.statement == "Russia attacked the convoy"  # the bound pronoun reads as the source


def test_related_fact_about_the_same_participants_stays_apart(article: Run) -> None:
    a = article(
        "Officials said North Korean troops entered the war. Seoul confirmed that North Korea sent troops to Russia."
    )
    assert len(a.propositions) == 2


def test_different_figures_are_different_facts(article: Run) -> None:
    a = article(
        "The senator said the company paid 3,000 workers. The union said the company paid 5,000 workers."
    )
    assert len(a.propositions) == 2


def test_stance_cue_spans_index_the_body(article: Run) -> None:
    for text in (
        "Both Germany and France have denied that they supplied missiles to Iran. Israel said Germany supplied missiles to Iran.",
        "Police questioned a man who allegedly stole the painting from the museum. His lawyer said he did not steal the painting.",
    ):
        a = article(text)
        assert not span_errors(a)
        for p in a.propositions:
            for st in p.stances:
                assert st.cue is not None and st.cue_span is not None
                assert a.body[st.cue_span[0] : st.cue_span[1]] == st.cue


def test_statement_is_a_clause_with_the_relative_pronoun_resolved(article: Run) -> None:
    a = article(
        "Critics attacked Donald Trump, who has pledged to ban all Muslims from entering the country."
    )
    assert [p.statement for p in a.propositions] == [
        "Donald Trump has pledged to ban all Muslims from entering the country"
    ]


def test_bare_names_and_boilerplate_get_no_proposition(article: Run) -> None:
    a = article(
        "The senator praised Hillary Clinton. A spokesman for the company did not respond to requests for comment."
    )
    assert a.claims  # they are claims (quotes) all the same
    member = {c for p in a.propositions for c in p.claims}
    assert not [c.text for c in a.claims if c.id in member]


def test_definite_event_noun_refers_back_to_the_clause_of_its_verb(article: Run) -> None:
    # refers_by_event_noun: "the expansion" in a later claim is the fact "expand the army"
    a = article(
        "The minister said the government will expand the army. "
        "Critics said the government cannot pay for the expansion."
    )
    p = _only(a)
    assert p.claims == ["c1", "c2"]
    other = article(
        "The minister said the government will expand the army. "
        "Critics said the government cannot pay for new roads."
    )
    assert len(other.propositions) == 2


def test_nominalised_restatement_shares_its_words_after_derivation(article: Run) -> None:
    # normalise_lemma + content_overlap: "disclosure" is read as "disclose"
    a = article(
        "Officials said the agency disclosed the files illegally. "
        "The director said there was no illegal disclosure of the files."
    )
    assert _only(a).claims == ["c1", "c2"]


def test_same_participants_with_another_predicate_stay_apart(article: Run) -> None:
    # content_overlap: two shared words that are both core arguments do not make one fact
    a = article(
        "Officials said the agency disclosed the files illegally. The director said the agency moved the files."
    )
    assert len(a.propositions) == 2


def test_coordinated_descriptions_of_one_source_are_not_split(article: Run) -> None:
    a = article(
        "A serial liar, xenophobe and birther has said that the new bridge will open in May. "
        "The council denied that the new bridge will open in May."
    )
    p = _only(a)
    sources = [name.lower() for name, _, writer in _stances(p) if not writer]
    assert "the council" in sources
    assert not {"xenophobe", "birther"} & set(sources)  # one source described three ways: one stance


@pytest.mark.parametrize(
    ("text", "separate"),
    [
        ("Both Germany and France denied it.", True),  # names
        ("The ministry and the army denied it.", True),  # each with its own determiner
        ("A serial liar, xenophobe and birther denied it.", False),  # one source described three ways
        ("Officials and diplomats denied it.", False),  # bare common nouns: one group, kept whole
    ],
)
def test_separate_sources(text: str, separate: bool, nlp: Language) -> None:
    from newsgraph.propositions.build import separate_sources

    doc = nlp(text)
    subj = next(t for t in doc if t.dep_ == "nsubj")
    conjuncts = [subj, *subj.conjuncts]
    assert len(conjuncts) >= 2 or not separate
    assert separate_sources(conjuncts) is separate


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(MODEL_NAME, ())


@pytest.mark.parametrize(
    "text",
    [
        # the same words ("video", "hands", a name) under other predicates and other participants
        "The chief told reporters that the video was not from an angle that would show a gun in Lee's hands. "
        "The family's lawyer said the videos show Lee calmly leaving his car and not raising his hands.",
        # the same words, other subjects: couples receiving leave is not fathers being eligible for it
        "The plan states that married couples would receive six weeks of paid leave. "
        "The adviser said fathers would not be eligible for the six weeks of paid leave.",
    ],
)
def test_shared_words_are_no_shared_proposition(article: Run, text: str) -> None:
    """Rules ``same_event`` and ``same_participants`` (in ``content_overlap``): no proposition joins claims of two
    sources here, so nothing is disputed."""
    a = article(text)
    assert len(a.claims) >= 2, [c.text for c in a.claims]
    assert all(len({s.source.name for s in p.stances if not s.writer}) <= 1 for p in a.propositions), [
        (p.statement, [s.source.name for s in p.stances]) for p in a.propositions
    ]
    assert not any(p.disputed for p in a.propositions)


def test_frame_words_come_from_its_sentence(nlp: Language) -> None:
    """Rule ``frame_words_from_its_sentence``: a later sentence of a long quotation does not lend its words to the
    quotation's first statement, so they cannot tie it to another claim (and make its speaker deny it)."""
    from newsgraph.propositions.frames import Context
    from newsgraph.propositions.reject import read_frame

    doc = nlp("Reading the old charts is vital to the port. We do not know the history of the dredging.")
    frame = read_frame(doc[:], Context(doc=doc))
    assert frame is not None
    assert frame.predicate == "vital"
    assert {"chart", "port"} <= frame.lemmas
    assert not {"history", "dredge", "dredging"} & frame.lemmas
