"""A person's grammatical gender, so that ``he`` and ``she`` only go to a person they can stand for (rule
``pronoun_gender_agrees``): "… the raid that killed Osama bin Laden … but she denied that she mishandled classified
information" is not Osama bin Laden.

A person's gender comes from the article first, then from a table of first names:

1. ``gender_word_before``: an honorific or title right before a mention (``Mr.``, ``Mrs.``, ``Ms.``,
   ``congresswoman``, ``wife``: :data:`~newsgraph.lexicon.speakers.MALE_WORDS`, ``FEMALE_WORDS``) or in the
   person's description;
2. ``pronoun_after_the_only_person``: in a sentence whose only ``PERSON`` is the subject, the gendered pronouns
   after the name, when they all agree ("Hillary Clinton said she …"); two such sentences, and no sentence the
   other way, decide;
3. the first-name table (``data/first_names.json``), built by ``scripts/train_name_gender.py`` (``make train``)
   with rule 2 over PolNeAR **train** and the FNC-1 training bodies: a first name seen at least
   :data:`MIN_EVIDENCE` times, at least :data:`MIN_SHARE` of them one way.

A person with none of these has no gender, and every ``he`` / ``she`` may stand for them; but a person of the
pronoun's gender named shortly before is preferred to them (rule ``known_gender_first``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span

from newsgraph.lexicon.speakers import FEMALE_PRONOUNS, FEMALE_WORDS, MALE_PRONOUNS, MALE_WORDS


class HasPos(Protocol):
    @property
    def pos(self) -> int: ...


NAMES_PATH = Path(__file__).parent / "data" / "first_names.json"
MIN_EVIDENCE = 3
MIN_SHARE = 0.9
MIN_IN_ARTICLE = 2
"""Sentences of ``pronoun_after_the_only_person`` that decide a person's gender within one article."""


@lru_cache(maxsize=1)
def first_name_genders(path: Path = NAMES_PATH) -> dict[str, str]:
    """The shipped first-name table (``"Hillary": "f"``), read once; empty when the file is missing."""
    if not path.exists():
        return {}
    return {name: str(g) for name, g in json.loads(path.read_text(encoding="utf-8"))["names"].items()}


def pronoun_gender(word: str) -> str | None:
    """``m`` for he/him/his/himself, ``f`` for she/her/hers/herself, else None."""
    low = word.lower()
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None


def pronoun_gender_agrees(pronoun: str, gender: str | None) -> bool:
    """Rule ``pronoun_gender_agrees``: a gendered pronoun may stand for a person of its gender or of none known."""
    want = pronoun_gender(pronoun)
    return want is None or gender is None or gender == want


KNOWN_GENDER_CHARS = 400
"""How far before a pronoun a person of known gender is preferred to a nearer one of unknown gender."""

A = TypeVar("A", bound=HasPos)


def known_gender_first(nearest: A, known: A | None, pronoun_at: int) -> A:
    """Rule ``known_gender_first``: a gendered pronoun whose nearest candidate has no known gender goes to a person
    of its gender named within :data:`KNOWN_GENDER_CHARS` before it ("Clinton … stressed her support of the raid
    that killed Osama bin Laden … she denied …": Clinton, not the name the first-name table does not know)."""
    if known is not None and pronoun_at - known.pos <= KNOWN_GENDER_CHARS:
        return known
    return nearest


def gender_word_before(doc: Doc, start: int) -> str | None:
    """Rule ``gender_word_before``: the gender the word right before token ``start`` gives ("Mrs. Clinton")."""
    if start == 0:
        return None
    word = doc[start - 1].lower_
    return "m" if word in MALE_WORDS else "f" if word in FEMALE_WORDS else None


def said_gender_at(doc: Doc, char: int) -> str | None:
    """:func:`gender_word_before` the token at character ``char`` (``Mr. Obama`` at ``Obama``: ``m``)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return gender_word_before(doc, span.start) if span is not None else None


def sentence_evidence(sent: Span) -> tuple[Span, str] | None:
    """Rule ``pronoun_after_the_only_person``: (the person, ``m`` / ``f``) when the sentence's only ``PERSON``
    entity is its subject and the gendered pronouns after it all agree; else None."""
    people = [e for e in sent.ents if e.label_ == "PERSON"]
    return _only_person_evidence(people[0], sent.end) if len(people) == 1 else None


def _only_person_evidence(person: Span, sent_end: int) -> tuple[Span, str] | None:
    """:func:`sentence_evidence` for ``person``, the only ``PERSON`` of a sentence ending at token ``sent_end``."""
    if person.root.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    seen = {g for t in person.doc[person.end : sent_end] if (g := pronoun_gender(t.text)) is not None}
    return (person, next(iter(seen))) if len(seen) == 1 else None


def first_name(name: str) -> str | None:
    """The first word of a full name ("Hillary" of "Hillary Rodham Clinton"), None for a one-word name."""
    words = name.split()
    return words[0] if len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha() else None


def table_gender(name: str) -> str | None:
    """The first-name table's gender for a full name ("Michelle Obama": ``f``), None for a one-word name or a first
    name the table does not hold."""
    first = first_name(name)
    return first_name_genders().get(first) if first is not None else None


Person = tuple[str, list[tuple[int, int]], str | None]
"""A person of the article: name, character spans of its mentions, description."""


def said_genders(doc: Doc, people: Iterable[Person]) -> dict[str, str]:
    """Name -> gender by rule ``gender_word_before``: a word before a mention, or the description."""
    out: dict[str, str] = {}
    for name, mentions, description in people:
        for s, _e in mentions:
            tok = doc.char_span(s, s + 1, alignment_mode="expand")
            said = gender_word_before(doc, tok.start) if tok is not None else None
            if said is not None:
                out.setdefault(name, said)
        words = set((description or "").lower().split())
        if name not in out and words & MALE_WORDS != words & FEMALE_WORDS:
            out[name] = "m" if words & MALE_WORDS else "f"
    return out


def article_votes(doc: Doc, people: Iterable[Person]) -> dict[str, list[int]]:
    """Name -> [male, female] sentences of rule ``pronoun_after_the_only_person`` in the article (one pass over
    the entities, not one per sentence)."""
    by_mention = {s: name for name, mentions, _d in people for s, _e in mentions}
    per_sentence: dict[int, tuple[int, list[Span]]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            sent = ent[0].sent
            per_sentence.setdefault(sent.start, (sent.end, []))[1].append(ent)
    votes: dict[str, list[int]] = {}
    for sent_end, ents in per_sentence.values():
        found = _only_person_evidence(ents[0], sent_end) if len(ents) == 1 else None
        if found is not None and found[0].start_char in by_mention:
            v = votes.setdefault(by_mention[found[0].start_char], [0, 0])
            v[found[1] == "f"] += 1
    return votes


def genders(doc: Doc, people: Iterable[Person]) -> dict[str, str]:
    """Name -> ``m`` / ``f`` for the article's people, by the rules of the module docstring, in their order."""
    plist = list(people)
    out = said_genders(doc, plist)
    votes = article_votes(doc, plist)
    for name, _mentions, _desc in plist:
        if name in out:
            continue
        m, f = votes.get(name, [0, 0])
        if max(m, f) >= MIN_IN_ARTICLE and min(m, f) == 0:
            out[name] = "m" if m else "f"
        elif (known := table_gender(name)) is not None:
            out[name] = known
    return out
