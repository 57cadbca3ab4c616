"""Rule ``machine_is_no_speaker``: software is no speaker, a company named for what it makes is one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.attribution.machines import machine_is_no_speaker, machine_source, named_assistant

from ._rules import cue_texts, parse, quotes_of

MACHINES = [
    ("AI can suggest alternative workouts or recipes for flexible plans.", "suggest"),
    ("These algorithms identify potentially fraudulent transactions.", "identify"),
    ("AI-powered coding tools, such as GitHub Copilot, suggest code improvements.", "suggest"),
    ("Google's AI writes code that does not pass our linter.", "writes"),
    ("The chatbot claimed that the treaty was signed in 1820.", "claimed"),
    ("Use AI to suggest alternative workouts or recipes for fresh, flexible plans.", "suggest"),
    (
        "We tested the assistant for a week. The AI is fast. It writes code with complete conviction.",
        "writes",
    ),
]


@pytest.mark.parametrize(("text", "cue"), MACHINES)
def test_a_machine_is_no_speaker(nlp: Language, text: str, cue: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.cue == cue]


@pytest.mark.parametrize(("text", "cue"), MACHINES[:5])
def test_a_machine_source_leaves_the_attributions(nlp: Language, text: str, cue: str) -> None:
    doc, rules = parse(nlp, text, "rules")
    assert cue not in cue_texts(doc, rules)


PEOPLE = [
    ("Vectra AI announced the acquisition of network observability company Netography.", "announced"),
    ("The travel agent said the flights were cancelled.", "said"),
    ('The chatbot replied, "I cannot help with that."', "replied"),
    ("The developers suggest that the tool is safe.", "suggest"),
]


@pytest.mark.parametrize(("text", "cue"), PEOPLE)
def test_people_companies_and_quoted_answers_stay(nlp: Language, text: str, cue: str) -> None:
    doc, rules = parse(nlp, text, "rules")
    assert cue in cue_texts(doc, rules)
    assert not any(machine_is_no_speaker(doc, a) for a in rules)


@pytest.mark.parametrize(
    ("text", "word", "machine"),
    [
        ("AI models predict demand.", "models", True),
        ("The party's nominating system favors insiders.", "system", False),
        ("The software flags errors.", "software", True),
        ("Mistral AI focuses on open models.", "AI", False),
    ],
)
def test_machine_source_reads_the_head_and_its_modifiers(
    nlp: Language, text: str, word: str, machine: bool
) -> None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == word)
    assert machine_source(head) is machine


ASSISTANTS = [
    ("The AI tools we tried differ. Claude Code wrote dense plans that were wrong.", "wrote", False),
    ("Our team tested each AI model. GPT-4o referenced APIs that did not exist.", "referenced", False),
    ("Claude Monet wrote that the light had changed over the river.", "wrote", True),
    ('The app crashed twice. Claude Code replied, "I cannot run that command."', "replied", True),
]


@pytest.mark.parametrize(("text", "cue", "kept"), ASSISTANTS)
def test_an_assistant_is_no_speaker_in_a_text_about_machines(
    nlp: Language, text: str, cue: str, kept: bool
) -> None:
    """Rule ``assistant_is_no_speaker``: an assistant's name is software where the text speaks of machines; a
    person of that name elsewhere, and a quoted answer, stay."""
    assert bool([q for q in quotes_of(nlp, text) if q.cue == cue]) is kept


@pytest.mark.parametrize(
    ("name", "machine"),
    [("Claude Code", True), ("GPT-4o", True), ("GitHub Copilot", True), ("Alexander Chetchikov", False)],
)
def test_named_assistant_reads_the_words_of_the_name(nlp: Language, name: str, machine: bool) -> None:
    assert named_assistant(nlp("The AI wrote the code."), name) is machine
    assert not named_assistant(nlp("The painter wrote the letter."), name)
