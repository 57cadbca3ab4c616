"""Machines are no speakers: ``AI suggests alternative workouts``, ``these algorithms identify fraudulent
transactions``, ``AI-powered coding tools, such as …, suggesting code improvements``.

On web pages about technology the parse gives software the grammar of a speaker, and the speakers list of a
store filled with such pages had "AI" third, with 32 "quotes" in 17 articles, none of them a statement anyone
made. Rule ``machine_is_no_speaker`` drops an attribution whose source is a machine: its head is a machine noun
(``AI``, ``algorithm``, ``chatbot``, ``software`` …), or a device noun (``tool``, ``model``, ``assistant`` …)
that a machine noun modifies (``AI models``, ``AI-powered coding tools``). A company named for what it makes is
an organisation, not a machine: ``Vectra AI announced …``, ``Mistral AI focuses on …`` (a proper name before the
head) stay. So does a machine's quoted answer on a verb of speech: ``the chatbot replied, "I cannot help with
that."`` is a statement a fact-checker may want on record. Rule ``assistant_is_no_speaker``: in a text about machines, a
speaker named for an assistant (``Claude Code``, ``GPT-4o``) is software too (:func:`named_assistant`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.attribution.records import Attribution, without

MACHINE_NOUNS = frozenset(
    {
        "ai",
        "a.i.",
        "algorithm",
        "chatbot",
        "bot",
        "software",
        "app",
        "llm",
        "robot",
        "autocomplete",
        "autopilot",
    }
)
"""Nouns that name a machine, not a person or a body of people."""

DEVICE_NOUNS = frozenset(
    {
        "tool",
        "model",
        "agent",
        "assistant",
        "system",
        "platform",
        "feature",
        "solution",
        "engine",
        "generator",
    }
)
"""Nouns that name a machine when a machine noun modifies them (``AI models``), and nothing of the kind alone
(``the party's nominating system``, ``a travel agent``)."""

MACHINE_SPEECH = frozenset({"say", "tell", "reply", "respond", "answer", "write"})
"""Verbs on which a machine's quoted words are kept."""


def _machine_word(tok: Token) -> bool:
    return tok.lower_ in MACHINE_NOUNS or tok.lemma_.lower() in MACHINE_NOUNS


def _named_company(head: Token) -> bool:
    """``Vectra AI``, ``Mistral AI``: a capitalised name that is no machine word compounded with the head (the
    tagger reads *Mistral* as an adjective, so the capital is the sign, not the part of speech)."""
    return any(c.dep_ == "compound" and c.text[:1].isupper() and not _machine_word(c) for c in head.lefts)


def machine_source(head: Token) -> bool:
    """Whether a source whose head is ``head`` names a machine (see the module)."""
    if _machine_word(head):
        return not _named_company(head)
    if head.lemma_.lower() not in DEVICE_NOUNS:
        return False
    return any(_machine_word(t) for t in head.doc[head.left_edge.i : head.i])


def machine_name(name: str) -> bool:
    """Whether a resolved speaker's name names a machine: ``AI``, ``the algorithm``, ``Google's AI``; not
    ``Vectra AI`` (a capitalised name before the machine word is a company's)."""
    words = name.split()
    while words and (
        words[0].lower() in {"the", "a", "an", "its", "their"} or words[0].endswith(("'s", "’s"))
    ):
        words = words[1:]
    if not words or words[-1].lower() not in MACHINE_NOUNS:
        return False
    return len(words) == 1 or not words[-2][:1].isupper()


ASSISTANT_NAMES = frozenset(
    {
        "chatgpt",
        "gpt",
        "claude",
        "gemini",
        "copilot",
        "bard",
        "grok",
        "llama",
        "siri",
        "alexa",
        "cortana",
        "deepseek",
    }
)
"""Names of software assistants. Several are people's names too (*Claude*, *Alexa*): they name a machine only in
a text about machines (:func:`about_machines`)."""


def about_machines(doc: Doc) -> bool:
    """Whether the text speaks of machines: a machine noun (:data:`MACHINE_NOUNS`) anywhere in it."""
    return any(_machine_word(t) for t in doc)


def named_assistant(doc: Doc, name: str) -> bool:
    """Rule ``assistant_is_no_speaker``: in a text about machines (:func:`about_machines`), a speaker whose name
    holds an assistant's name (``Claude Code``, ``GPT-4o``, ``GitHub Copilot``) is software. ``Claude Monet said
    …`` in an article about painting is a person."""
    words = {w.split("-")[0] for w in name.lower().split()}
    return bool(words & ASSISTANT_NAMES) and about_machines(doc)


def quoted_speech(doc: Doc, a: Attribution) -> bool:
    """A quotation on a verb of speech (:data:`MACHINE_SPEECH`): what a machine may say on the record."""
    verb = a.cue_word(doc)
    return bool(a.quotes) and verb is not None and verb.lemma_.lower() in MACHINE_SPEECH


def machine_is_no_speaker(doc: Doc, a: Attribution) -> bool:
    """Rule ``machine_is_no_speaker``: the attribution's source is a machine, and it is not a quoted answer on a
    verb of speech. (A speaker resolved to a machine, ``it writes code`` where *it* is the AI, or ``Use AI to
    suggest …`` where the parse gives the source ``Use AI``, is dropped when its quote is made:
    :func:`machine_name`.)"""
    head = a.source_token(doc)
    return head is not None and machine_source(head) and not quoted_speech(doc, a)


def drop_machine_speakers(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` without those :func:`machine_is_no_speaker` reads (and the quotes that continue them),
    ``continues`` renumbered."""
    return without(atts, lambda a: machine_is_no_speaker(doc, a))
