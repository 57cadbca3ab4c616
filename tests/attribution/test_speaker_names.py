"""Speaker names a journalist can read: stray punctuation trimmed (``clean_name``), a description with the name in
apposition resolved to the person (``appositive_name``), and a title used instead of a name given just before
resolved to that person (``role_epithet``). Hand-written sentences, checked through the contract."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.names import clean_name, name_of
from tests.attribution._rules import quotes_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Donald Trump ''", "Donald Trump"),
        ("Donald Trump '", "Donald Trump"),
        ("“Kim Tae-hyo’s", "Kim Tae-hyo"),
        ("(Justin Bamberg),", "Justin Bamberg"),
        ("Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
        ("Kim's", "Kim"),
        ("Hillary Clinton", "Hillary Clinton"),
    ],
)
def test_clean_name_trims_stray_punctuation(text: str, name: str) -> None:
    s, e = clean_name(text)
    assert text[s:e] == name == name_of(text)


def test_clean_name_of_punctuation_only_is_empty_bounds() -> None:
    s, e = clean_name("'' ,")
    assert s >= e and name_of("'' ,") == "'' ,"


@pytest.mark.parametrize(
    "text",
    [
        "In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott leaving his car.",
        "Justin Bamberg, one of the family's attorneys, said the videos show Scott leaving his car.",
    ],
)
def test_appositive_name_is_the_person(nlp: Language, text: str) -> None:
    (q,) = [q for q in quotes_of(nlp, text) if q.text.startswith("the videos")]
    assert (q.speaker.name, q.speaker.kind) == ("Justin Bamberg", "person")
    assert q.speaker.description == "one of the family's attorneys"
    assert q.speaker.span is not None and text[q.speaker.span[0] : q.speaker.span[1]] == "Justin Bamberg"


def test_a_name_right_after_its_title_noun_is_the_person(nlp: Language) -> None:
    """``appositive_name`` without a comma (``the Latvian journalist Dainis Ivans``); the description keeps the
    capital of its own first word once the article is dropped."""
    text = "The Estonian historian Mart Laar said the border had been quiet for weeks."
    (q,) = quotes_of(nlp, text)
    assert (q.speaker.name, q.speaker.kind, q.speaker.description) == (
        "Mart Laar",
        "person",
        "Estonian historian",
    )


def test_description_without_a_name_stays_a_description(nlp: Language) -> None:
    text = "One of the family's attorneys said the videos show Scott leaving his car."
    (q,) = quotes_of(nlp, text)
    assert q.speaker.kind != "person" and "Bamberg" not in q.speaker.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa. On a radio show, the "
            "former secretary of state and current Democratic presidential nominee said she wanted to speak to voters.",
            "Hillary Clinton",
        ),
        (
            "Donald Trump says he has big plans for the final month.\n\nThe Republican presidential nominee noted "
            "Friday that his campaign has not spent much on television ads.",
            "Donald Trump",
        ),
        (
            "Ted Cruz endorses Trump, who says he is honored.\n\nSenator from Texas says he cannot allow a defeat.",
            "Ted Cruz",
        ),
        (  # place_or_party_qualifies_a_title: a party named before the title does not name another referent
            "Maria Lopez spoke in Reno on Monday. The GOP nominee said she would win the state by a wide margin.",
            "Maria Lopez",
        ),
    ],
)
def test_role_epithet_is_the_subject_named_before(nlp: Language, text: str, name: str) -> None:
    q = quotes_of(nlp, text)[-1]
    assert (q.speaker.name, q.speaker.kind) == (name, "person")
    assert q.speaker.resolved_from is not None and q.speaker.resolved_from.split()[-1] in ("nominee", "Texas")


def test_a_named_modifier_still_names_its_own(nlp: Language) -> None:
    """``named_modifier_is_no_anaphor``: a person's name before the noun is no qualifier of a title."""
    from newsgraph.attribution.titles import names_its_own, qualifies_title

    doc = nlp("The Trump campaign and the GOP nominee spoke.")  # the tagger calls both names an ORG here
    campaign, nominee = doc[2], doc[6]
    assert names_its_own(doc[1], campaign) and not qualifies_title(doc[1], campaign)
    assert qualifies_title(doc[5], nominee) and not names_its_own(doc[5], nominee)


@pytest.mark.parametrize(
    "text",
    [
        "Kim Tae-hyo met the press on Monday. The official said the talks would resume.",  # a generic role
        "Kim Tae-hyo met the press on Monday. The president said the talks would resume.",  # unmodified title
        "The talks stalled on Monday. The Republican presidential nominee said the talks would resume.",  # nobody
    ],
)
def test_role_epithet_needs_a_modified_title_and_a_named_subject(nlp: Language, text: str) -> None:
    q = quotes_of(nlp, text)[-1]
    assert q.speaker.kind != "person"


def test_capitalised_name_part_the_tagger_missed_is_the_person(nlp: Language) -> None:
    text = "My father loved Donald Trump.\n\nTrump knows there are people all over this country who think so."
    (q,) = quotes_of(nlp, text)
    assert (q.speaker.name, q.speaker.kind, q.speaker.resolved_from) == ("Donald Trump", "person", "Trump")
    assert q.speaker.span is not None and text[q.speaker.span[0] : q.speaker.span[1]] == "Trump"


@pytest.mark.parametrize(
    ("text", "anchor", "surface"),
    [
        (  # first_person_narrator
            "I grew up in Ohio. My father voted every year, and I went with him.\n\n"
            "Donald Trump said the system is rigged.\n\n"
            "I tell myself that the election will be fair.",
            "the election",
            "I",
        ),
        (  # plural_narrator: a review's "we" is its writers, not the product or person named before it
            "We tested twelve hammocks this summer. Our team slept in each of them for a week, and we kept notes.\n\n"
            "Tom Harlan said the new model is the lightest one he has made.\n\n"
            "We think the new model lives up to the hype.",
            "hype",
            "We",
        ),
    ],
)
def test_narrator_is_not_the_speaker_before(nlp: Language, text: str, anchor: str, surface: str) -> None:
    q = next(q for q in quotes_of(nlp, text) if anchor in q.text)
    assert (q.speaker.name, q.speaker.kind, q.speaker.resolved_from) == ("unknown", "unknown", surface)


def test_first_person_in_an_interview_still_takes_the_speaker_before(nlp: Language) -> None:
    text = (
        "“We will win,” I said. Donald Trump said the system is rigged. I told reporters the vote was fair."
    )
    q = next(q for q in quotes_of(nlp, text) if q.text.startswith("the vote"))
    assert q.speaker.name == "Donald Trump"  # one "I" outside quotes: no narrator yet


def test_we_in_a_transcript_turn_is_its_speaker(nlp: Language) -> None:
    """A transcript turn is its speaker's words: its "we" makes no narrator of the writer."""
    text = (
        "PENCE: We will win. We have the best plan, and we will keep our promises.\n\n"
        "Tom Harlan said the plan would cut taxes.\n\n"
        "We think the plan will cut taxes for families."
    )
    q = next(q for q in quotes_of(nlp, text) if "families" in q.text)
    assert q.speaker.name == "Tom Harlan"  # the latest speaker, as before: no narrator


def test_named_modifier_is_no_anaphor(nlp: Language) -> None:
    text = "The Clinton campaign said the debate was fair. The Trump campaign said the debate was rigged."
    q = next(q for q in quotes_of(nlp, text) if "rigged" in q.text)
    assert "Clinton" not in q.speaker.name and "Trump" in q.speaker.name


def test_a_national_modifier_is_no_anaphor(nlp: Language) -> None:
    text = (
        "The United States government said on Monday that the bill was dangerous. "
        "The Saudi government has denied any involvement in the attacks."
    )
    q = next(q for q in quotes_of(nlp, text) if "involvement" in q.text)
    assert q.speaker.name != "the United States government" and "Saudi" in q.speaker.name, q.speaker


@pytest.mark.parametrize(
    "text",
    [
        "“Guests want comfort this year,” says Dana Whitcombe, founder and creative director of Dana Whitcombe"
        " Events. Long tables are back in fashion. “Keep the centerpieces low,” Whitcombe says.",
        "“Guests want comfort this year,” says Beth Marlowe, founder of Beth Marlowe Events. Long tables are back"
        " in fashion, and so are candles. “Keep the centerpieces low,” Marlowe says.",
    ],
)
def test_surname_is_no_company(nlp: Language, text: str) -> None:
    """Rule ``surname_is_no_company``: a bare surname after a founder and her eponymous company is the founder."""
    q = next(q for q in quotes_of(nlp, text) if "Keep" in q.text)
    assert (q.speaker.name, q.speaker.kind) == (text.split("says ")[1].split(",")[0], "person")


def test_a_company_keeps_its_short_name_with_no_founder_named(nlp: Language) -> None:
    """Rule ``surname_is_no_company`` puts people first; with no person of that name the company is what the
    part names."""
    text = (
        "Tom Clarke bought the mines from Patriot Coal last year. "
        "Patriot signaled that it was going to make a deal with Mr. Clarke."
    )
    q = next(q for q in quotes_of(nlp, text) if "deal" in q.text)
    assert q.speaker.name == "Patriot Coal"
