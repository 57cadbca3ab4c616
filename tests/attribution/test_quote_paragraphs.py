"""Quotations across paragraphs: a quote whose paragraph opens with a mark and ends without one goes on in the
next paragraph; a quotation standing alone in a paragraph continues the speaker named in the paragraph before,
unless text follows it (hand-written sentences; each runs the real parse + rules)."""

from __future__ import annotations

from spacy.language import Language

from tests.attribution._rules import parse, quotes_of


def test_quote_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "“We are ready for talks,” the foreign minister told reporters in a briefing on Monday.\n\n"
        "“The troops will stay where they are.”"
    )
    quotes = quotes_of(nlp, text)
    second = [q for q in quotes if q.text.startswith("“The troops")]
    assert len(second) == 1
    assert second[0].speaker.name == "the foreign minister"


def test_quote_paragraph_after_indirect_speech_continues_its_speaker(nlp: Language) -> None:
    text = "The foreign minister said the troops would stay.\n\n“We will not leave before the spring.”"
    quotes = quotes_of(nlp, text)
    q = [q for q in quotes if q.text.startswith("“We will")]
    assert len(q) == 1 and q[0].speaker.name == "the foreign minister"


def test_quote_with_text_after_it_is_no_continuation(nlp: Language) -> None:
    text = "The foreign minister said the troops would stay.\n\n“Peace now” banners hung from every window."
    quotes = quotes_of(nlp, text)
    assert not any(q.text.startswith("“Peace") for q in quotes)


def test_quote_over_several_paragraphs_is_one_quote_of_one_speaker(nlp: Language) -> None:
    text = (
        "The harbour master described the night.\n\n"
        "“The wind came first. Then the rain came down so hard we could not see the boats.\n\n"
        "“By morning three of them were gone,” Ingrid Solberg said."
    )
    quotes = quotes_of(nlp, text)
    q = next(q for q in quotes if q.text.startswith("“The wind"))
    assert q.text.endswith("were gone,”")  # one span from the first paragraph's mark to the closing mark
    assert q.speaker.name == "Ingrid Solberg"


def test_paragraph_that_is_only_a_quote_takes_the_speaker_named_before(nlp: Language) -> None:
    text = (
        "“We will rebuild the pier before summer,” harbour master Ingrid Solberg told reporters on Monday.\n\n"
        "“Nobody will lose their mooring.”"
    )
    quotes = quotes_of(nlp, text)
    q = next(q for q in quotes if q.text.startswith("“Nobody"))
    assert q.speaker.name == "Ingrid Solberg"


def test_quote_paragraph_takes_the_speaker_of_the_paragraph_before(nlp: Language) -> None:
    text = (
        "Ana Ruiz, who led the dig, said the tool was found in May. The team spent a week cleaning it.\n\n"
        "“It is the oldest tool we have seen.”"
    )
    _doc, atts = parse(nlp, text)
    a = next(a for a in atts if a.quotes)
    assert a.rule == "paragraph_quote" and a.is_continuation
    q = next(q for q in quotes_of(nlp, text) if q.text.startswith("“It is"))
    assert (q.type, q.speaker.name) == ("direct", "Ana Ruiz")


def test_a_quote_after_a_quoted_speaker_continues_whatever_the_verb(nlp: Language) -> None:
    """speaks_on: ``continued`` is a weak cue word, but the attribution already carries a quotation, so the next
    cue-less quotation is the same speaker's; a weak verb without a quotation passes nothing on."""
    text = (
        "“She had never been in politics before,” Clinton continued, prompting loud cheers. "
        "“You know, Erica has turned her grief into action.”"
    )
    quotes = quotes_of(nlp, text)
    second = [q for q in quotes if q.text.startswith("“You know")]
    assert len(second) == 1 and second[0].speaker.name == "Clinton"
    text = "Clinton continued her tour of the state on Monday.\n\n“You know, Erica has turned her grief into action.”"
    assert not [
        q for q in quotes_of(nlp, text) if q.text.startswith("“You know") and q.speaker.name == "Clinton"
    ]
