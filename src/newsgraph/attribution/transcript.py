"""Transcript turns: ``PENCE: Well, look, …`` is Pence's words.

Interview and debate transcripts ("Fox News Sunday", a debate's official record) give each turn a paragraph that
opens with the speaker's name in capitals and a colon. Rule ``transcript_turn``: such a paragraph is an attribution
with the label as source, the colon as cue (as PolNeAR marks it) and the rest of the paragraph as content. To tell a
speaker label from a heading (``UPDATE:``, ``WATCH:``), the article must hold at least two labelled paragraphs and
each label must be a name: two words or more (``JAKE TAPPER``), the last word of such a label (``TAPPER``), a label
that heads two turns, or a single word the article also writes as a name in normal case (``PENCE`` beside "Mike
Pence").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Protocol

from spacy.tokens import Doc, Span

from newsgraph.attribution.marks import OPEN, STRAIGHT, TURN_LABEL, paragraphs
from newsgraph.attribution.records import Attribution, RuleName
from newsgraph.extensions import doc_text
from newsgraph.models import Speaker

__all__ = [
    "NOT_SPEAKERS",
    "common_word",
    "field_list",
    "label_attribution",
    "label_speaker",
    "speaker_label",
    "transcript_turns",
]

NOT_SPEAKERS = frozenset(
    {
        "UPDATE", "UPDATED", "BREAKING", "WATCH", "READ", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION",
        "PHOTO", "PHOTOS", "VIDEO", "RELATED", "MORE", "SOURCE", "SOURCES", "ABSTRACT", "FULL TEXT", "TOP STORIES",
        "LISTEN", "SEE ALSO", "ALSO", "FACT", "CLAIM", "VERDICT", "RATING", "WARNING", "DISCLAIMER",
        "BACKGROUND", "ANALYSIS", "OPINION", "SUMMARY", "TRANSCRIPT", "QUESTION", "ANSWER", "Q", "A", "P.S.", "PS",
        "EXCLUSIVE", "LIVE", "DEVELOPING", "ALERT", "NEWS", "AP", "UPI", "AFP",
    }
)  # fmt: skip
"""Capitalised labels that head a paragraph but name no speaker."""


def speaker_label(text: str, ps: int, pe: int) -> tuple[int, int, int] | None:
    """Rule ``speaker_label``: ``(label start, label end, content start)`` when the paragraph ``text[ps:pe]`` opens
    with a speaker label (an optional quotation mark, up to four all-caps words, a colon), else None."""
    m = TURN_LABEL.match(text, ps, pe)
    if m is None:
        return None
    label = m.group(1).strip(".’'-")
    if sum(ch.isalpha() for ch in label) < 3 or label in NOT_SPEAKERS or field_list(text[m.end() : pe]):
        return None
    return m.start(1), m.start(1) + len(label), m.end()


_NEXT_FIELD = re.compile(r"[|•·]\s*[A-Z][\w ]{0,30}:")


def field_list(rest: str) -> bool:
    """Rule ``field_list_is_no_turn``: "CPU: Intel Core Ultra 7 | RAM: 32GB | Storage: 1TB SSD" is a product's
    specification, not the words of a speaker called CPU: after the label, the paragraph holds further
    ``Label:`` fields behind a separator (``|``, ``•``, ``·``)."""
    return _NEXT_FIELD.search(rest) is not None


def _named_elsewhere(text: str, label: str, full_labels: set[str], repeated: set[str]) -> bool:
    """The label is two words or more, ends another label ("TAPPER" after "JAKE TAPPER"), the article writes it as
    a name in normal case ("Pence"), or it heads two turns or more and is no :func:`common_word` of the article."""
    if len(label.split()) >= 2 or label in full_labels:
        return True
    word = label[:1] + label[1:].lower()
    if re.search(rf"\b{re.escape(word)}\b", text) is not None:
        return True
    return label in repeated and not common_word(text, label)


def common_word(text: str, label: str) -> bool:
    """Rule ``field_label_is_no_speaker``: a one-word label the article also writes in lower case is the name of a
    field, not of a speaker: "INTERVAL: Up to 100,000 miles" / "PRICE: $373-$400" in a guide that speaks of
    "maintenance intervals" (it had made "Interval" a person with 10 quotes on the WCXB store)."""
    word = label.lower()
    return re.search(rf"\b{re.escape(word)}(?:s|es)?\b", text) is not None


def transcript_turns(doc: Doc) -> list[Attribution]:
    """Rule ``transcript_turn`` (see the module): one attribution per labelled paragraph, in text order; none when
    the article has fewer than two."""
    text = doc_text(doc)
    labelled = [(lab, pe) for ps, pe in paragraphs(text) if (lab := speaker_label(text, ps, pe)) is not None]
    seen = Counter(text[ls:le] for (ls, le, _), _ in labelled)
    full_labels = {text[ls:le].split()[-1] for (ls, le, _), _ in labelled if len(text[ls:le].split()) >= 2}
    repeated = {label for label, n in seen.items() if n >= 2}
    found = [
        (*lab, pe)
        for lab, pe in labelled
        if _named_elsewhere(text, text[lab[0] : lab[1]], full_labels, repeated)
    ]
    if len(found) < 2:
        return []
    out: list[Attribution] = []
    for ls, le, cs, pe in found:
        label = doc.char_span(ls, le, alignment_mode="expand")
        colon = doc.char_span(le, cs, alignment_mode="expand")
        end = pe
        while end > cs and (text[end - 1].isspace() or text[end - 1] in OPEN + STRAIGHT):
            end -= 1
        cue = [t.i for t in colon if t.text == ":"] if colon is not None else []
        if label is None or not cue or end <= cs:
            continue
        out.append(label_attribution(cue[0], label, (cs, end), "transcript_turn"))
    return out


def label_attribution(colon: int, label: Span, content: tuple[int, int], rule: RuleName) -> Attribution:
    """``Label: what they said``: the label is the source, the colon (token ``colon``) the cue."""
    return Attribution(
        cue=[colon],
        source=(label.start, label.end),
        content=[content],
        source_head=label.end - 1,
        rule=rule,
    )


def _normal_case(label: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in label.split())


class _Named(Protocol):
    name: str
    description: str | None


def label_speaker(
    source: Span, person_for_part: Callable[[str, int], _Named | None], labels: dict[str, str]
) -> Speaker:
    """Rule ``label_speaker``: the person a transcript label names. ``PENCE`` is the article's Mike Pence (its last
    word as a name part, through ``person_for_part``); ``TAPPER`` is the "JAKE TAPPER" of an earlier label
    (``labels``, filled here); any other label is a person named in normal case ("JAKE TAPPER" -> "Jake Tapper").
    ``resolved_from`` keeps the label."""
    words = source.text.split()
    span = (source.start_char, source.end_char)
    found = person_for_part(_normal_case(words[-1]), source.start_char)
    if found is not None:  # the NER may have read the label itself as the name ("TOM BAKER")
        name = _normal_case(found.name) if found.name.isupper() else found.name
        return Speaker(
            name=name, kind="person", description=found.description, span=span, resolved_from=source.text
        )
    name = labels.get(words[-1]) or _normal_case(source.text)
    if len(words) >= 2:
        labels.setdefault(words[-1], name)
    return Speaker(name=name, kind="person", span=span, resolved_from=source.text)
