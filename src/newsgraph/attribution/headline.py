"""Headline labels: ``Kasich: ‘We Are Going All The Way To Cleveland’`` is Kasich's words.

Headlines put a speaker before a colon and what they said after it (``Paul Ryan: FBI Decision Not to Indict Hillary
‘Defies Explanation’``, ``EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines``). Rule ``headline_label``: when
the document's first paragraph is such a line, it is an attribution with the name as source, the colon as cue (as
PolNeAR marks it) and the rest of the line as content. A label is told apart from a dateline (``WASHINGTON:``), a
kicker (``UPDATE:``, ``WATCH:``) or a time (``5:10 p.m.``) by its shape: one to six words in title case, not all
capitals, at least one of them a proper noun. ``Gillibrand on Hillary Releasing Her Speech Transcripts: ‘I Think She
Will’``: the words after ``on`` are the topic, not the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from spacy.tokens import Doc, Span

from newsgraph.attribution.cues import cue_strength
from newsgraph.attribution.marks import OPEN, STRAIGHT, paragraphs
from newsgraph.attribution.records import Attribution
from newsgraph.attribution.transcript import NOT_SPEAKERS, label_attribution
from newsgraph.extensions import doc_text
from newsgraph.models import Speaker

__all__ = [
    "headline_label",
    "headline_labels",
    "headline_paragraph",
    "headline_speaker",
    "headline_verb",
    "headline_verbs",
]

MAX_HEADLINE_WORDS = 30
MAX_LABEL_WORDS = 6
_COLON = re.compile(r"(?<!\d):[ \t]+(?=\S)")
_KICKER = re.compile(r"^.*\s[–—-]\s+")  # "EXCLUSIVE – ": the kicker before a dash is not the speaker
# "Gillibrand on Hillary …", "Obama To Asians …": the speaker is before the topic or the addressee
_TOPIC = re.compile(r"\s+(?:[Oo]n|[Tt]o)\s+")
KICKERS = frozenset({"THE LATEST", "LIVE UPDATES", "LIVE", "FACT CHECK", "EXPLAINER", "Q&A", "FIRST LOOK"})
"""Headline kickers that name a column or a format, not a speaker (``The Latest: Sanders wins Minnesota``)."""
_CONNECTORS = frozenset({"of", "the", "and", "for", "at", "in", "de", "van", "von", "la", "le", "to"})


def headline_paragraph(text: str) -> tuple[int, int] | None:
    """The first non-blank paragraph, when more text follows it: where a headline stands."""
    found = None
    for s, e in paragraphs(text):
        if text[s:e].strip():
            if found is not None:
                return found
            found = (s, e)
    return None


def headline_label(text: str, ps: int, pe: int) -> tuple[int, int, int] | None:
    """Rule ``headline_label``: ``(label start, label end, content start)`` when the line ``text[ps:pe]`` is a
    headline of the form ``Speaker: what they said``, else None (see the module)."""
    line = text[ps:pe]
    if "\n" in line.strip() or len(line.split()) > MAX_HEADLINE_WORDS:
        return None
    m = _COLON.search(line)
    if m is None:
        return None
    ls, le = 0, m.start()
    kicker = _KICKER.match(line, 0, le)
    if kicker is not None:
        ls = kicker.end()
    topic = _TOPIC.search(line, ls, le)
    if topic is not None:
        le = topic.start()
    label = line[ls:le].strip()
    ls = line.index(label, ls) if label else ls
    words = label.split()
    content_words = line[m.end() :].split()
    if not (1 <= len(words) <= MAX_LABEL_WORDS) or len(content_words) < 2:
        return None
    if (
        label.isupper()
        or "," in label
        or label.upper() in NOT_SPEAKERS | KICKERS
        or any(ch in label for ch in OPEN + STRAIGHT + "”’")
    ):
        return None
    if not words[0][:1].isupper():
        return None
    return ps + ls, ps + ls + len(label), ps + m.end()


def _title_case(label: Span) -> bool:
    """Every word of the label capitalised (``McCain Challenger Kelli Ward``, ``Poll``), or a proper noun in a
    label with lower-case words (``Clinton camp``)."""
    words = [t for t in label if t.is_alpha]
    return all(t.text[:1].isupper() or t.lower_ in _CONNECTORS for t in words) or any(
        t.pos_ == "PROPN" or t.ent_type_ for t in label
    )


def _states_something(content: Span) -> bool:
    """The words after the colon say something: a verb, a modal or a quotation (``Trump Must Decide …``,
    ``‘No Idea’ …``), not a section's title (``Breitbart News Daily: A World at War``)."""
    return any(t.pos_ in {"VERB", "AUX"} or t.tag_ == "MD" or t.is_quote for t in content)


def headline_labels(doc: Doc) -> list[Attribution]:
    """Rule ``headline_label`` on the document's first paragraph, when more text follows it, its label is in title
    case (:func:`_title_case`) and what follows the colon states something (:func:`_states_something`)."""
    text = doc_text(doc)
    first = headline_paragraph(text)
    if first is None:
        return []
    ps, pe = first
    found = headline_label(text, ps, pe)
    if found is None:
        return []
    ls, le, cs = found
    label = doc.char_span(ls, le, alignment_mode="expand")
    colon = doc.char_span(le, cs, alignment_mode="expand")
    cue = [t.i for t in colon if t.text == ":"] if colon is not None else []
    end = pe
    while end > cs and text[end - 1].isspace():
        end -= 1
    content = doc.char_span(cs, end, alignment_mode="expand") if end > cs else None
    if (
        label is None
        or not cue
        or content is None
        or not _title_case(label)
        or not _states_something(content)
    ):
        return []
    return [label_attribution(cue[0], label, (cs, end), "headline_label")]


class _Named(Protocol):
    name: str
    parts: set[str]
    description: str | None


def headline_speaker(sp: Speaker, label: str, people: Iterable[_Named]) -> Speaker:
    """Rule ``headline_speaker``: a headline names the article's people before the article does, so a label's last
    word that is a name part of a person the article names (``Ross`` in ``Ross: …``, ``Senator Ann Ross`` below)
    is that person; any other label keeps the speaker the resolver gave it (``NY Post``, ``Clinton camp``), cut to the label
    where the parse ran the name on past the colon."""
    last = label.split()[-1].lower() if label.split() else ""
    person = next((p for p in people if last in p.parts), None)
    if person is None:  # the parse of a title-case line may run a name on past the colon: the label bounds it
        return sp if sp.name in label else sp.model_copy(update={"name": label, "resolved_from": label})
    if person.name == sp.name:
        return sp
    return sp.model_copy(
        update={
            "name": person.name,
            "kind": "person",
            "description": person.description,
            "resolved_from": label,
        }
    )


HEADLINE_CUE_STRENGTH = 0.4
IRREGULAR_PAST = frozenset({"said", "told", "wrote", "spoke", "thought", "knew", "swore", "foresaw"})
_NOT_IN_A_NAME = frozenset(
    {
        "as", "if", "when", "after", "while", "because", "why", "how", "what", "who", "that", "which", "is", "are",
        "was", "were", "has", "have", "will", "would", "can", "could", "should", "must", "may", "does", "do", "did",
        "don’t", "isn’t", "won’t", "not", "this", "these", "here’s",
    }
)  # fmt: skip
"""Words that show the words before a verb are a clause, not a speaker (``U.S. Flexes Muscles As Asia Worries``)."""
CUE_ADVERBS = frozenset(
    {"just", "now", "also", "still", "finally", "reportedly", "again", "already", "never", "quietly", "openly",
     "publicly", "privately", "officially", "formally"}
)  # fmt: skip
"""An adverb between the speaker and the verb belongs to the cue (``Donald Trump Finally Endorses``)."""
_WORD = re.compile(r"[^\s]+")
_LEADING_KICKER = re.compile(r"^(?:.*\s[–—-]\s+|[^:]*:\s+)")  # "EXCLUSIVE – ", "FIX IS IN: "


def _inflected_cue(word: str) -> bool:
    """A title-case verb form (``Blasts``, ``Praises``, ``Urged``, ``Denies``) of a reporting word."""
    w = word.lower().strip(".,;!?’'")
    if w in IRREGULAR_PAST:
        return True
    if not w.isalpha() or not w.endswith(("s", "ed")) or w.endswith("ss"):
        return False
    stems = {w[:-1], w[:-2], w[:-3] + "y"}  # praise-s, blast-ed, den-ies / den-ied
    return max(cue_strength(s) for s in stems if s) >= HEADLINE_CUE_STRENGTH


def headline_verb(text: str, ps: int, pe: int) -> tuple[int, int, int, int, int] | None:
    """Rule ``headline_verb``: ``(source start, source end, cue start, cue end, content end)`` when the line
    ``text[ps:pe]`` is a title-case headline ``Speaker Verbs What`` (``Glenn Beck Blasts Drudge for Mocking His
    Fast``, ``PBS Moderators Ignore Clinton Scandals``), whose verb the parser of a title-case line reads as a name.
    The verb is the first capitalised reporting word in ``-s``/``-ed`` form (or ``Said``, ``Told`` …) after one to six
    title-case words that are no clause (:data:`_NOT_IN_A_NAME`); an adverb before it joins the cue."""
    line = text[ps:pe].rstrip()
    if "\n" in line or len(line.split()) > MAX_HEADLINE_WORDS:
        return None
    long_words = [w for w in line.split() if sum(ch.isalpha() for ch in w) > 3]
    if not long_words or sum(w[:1].isupper() for w in long_words) < 0.75 * len(long_words):
        return None
    kicker = _LEADING_KICKER.match(line)
    start = kicker.end() if kicker is not None else 0
    words = list(_WORD.finditer(line, start))
    for k, m in enumerate(words[1 : MAX_LABEL_WORDS + 1], start=1):
        before = [w.group() for w in words[:k]]
        if any("," in w or ":" in w for w in before) or not before[0][:1].isupper():
            return None
        if not (m.group()[:1].isupper() and _inflected_cue(m.group())):
            continue
        if (
            not all(w[:1].isupper() or w.lower() in _CONNECTORS for w in before)
            or any(w.lower() in _NOT_IN_A_NAME for w in before)
            or k + 1 >= len(words)
        ):
            return None
        j = k
        while j > 1 and words[j - 1].group().lower() in CUE_ADVERBS:
            j -= 1
        end = len(line)
        while end > m.end() and line[end - 1] in ".!? ":
            end -= 1
        return ps + words[0].start(), ps + words[j - 1].end(), ps + words[j].start(), ps + m.end(), ps + end
    return None


def headline_verbs(doc: Doc, found: Sequence[Attribution]) -> list[Attribution]:
    """Rule ``headline_verb`` on the document's first paragraph, when more text follows it and no other attribution
    (``found``) has its cue on that line."""
    text = doc_text(doc)
    first = headline_paragraph(text)
    if first is None:
        return []
    ps, pe = first
    if any(ps <= doc[a.cue[0]].idx < pe for a in found if a.cue):
        return []
    hit = headline_verb(text, ps, pe)
    if hit is None:
        return []
    ss, se, cs, ce, end = hit
    source = doc.char_span(ss, se, alignment_mode="expand")
    cue = doc.char_span(cs, ce, alignment_mode="expand")
    if source is None or cue is None:
        return []
    after = cue.end_char
    while after < end and text[after].isspace():
        after += 1
    return [
        Attribution(
            cue=[t.i for t in cue],
            source=(source.start, source.end),
            content=[(after, end)],
            source_head=source.end - 1,
            rule="headline_verb",
        )
    ]
