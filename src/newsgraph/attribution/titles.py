"""Titles and names inside a speaker's phrase, for :mod:`~newsgraph.attribution.speakers`: ``title_noun`` (the
words a writer uses as a title instead of a name already given, rule ``role_epithet``: ``the former secretary of
state``, ``the former first lady``), ``title_with_a_name`` (``President Obama``; not ``advisers to Mr. Obama``)
and ``entity_over_the_cue`` (a misread headline entity is no name); ``class_of_organizations`` (``companies`` is
no organisation)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.attribution.casing import lower_first
from newsgraph.lexicon.speakers import EPITHET_NOUNS, HONORIFICS, PERSON_NOUNS

COLLECTIVE_BODIES = frozenset({"authority", "authorities", "police", "military", "congress", "parliament"})
"""Organisation nouns that name one body in the plural (``authorities said``)."""


def class_of_organizations(tok: Token, definite: bool) -> bool:
    """Rule ``class_of_organizations``: a plural organisation noun that is not definite (``companies``, ``some
    companies``, ``standout agencies``) names a class of organisations, not one: the speaker's kind is unknown, not
    organization. ``the companies`` (ones named before) and ``authorities`` / ``police`` (one body) stay
    organisations, as does a plural tag on a word the lemmatizer leaves as it is (``police``, ``staff``)."""
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NNS" and not definite and lemma not in COLLECTIVE_BODIES and lemma != tok.lower_


QUALIFYING_ENTITIES = frozenset({"ORG", "GPE", "NORP", "LOC"})
"""Entity types of a name before a title that qualify the title rather than name the one it is."""


def qualifies_title(modifier: Token, head: Token) -> bool:
    """Rule ``place_or_party_qualifies_a_title``: a place, party or body named before a title (``the GOP nominee``,
    ``the New York businessman``) says which kind of nominee or businessman, so the phrase can still stand for
    a person named before (``role_epithet``); a person's name before a noun names its own (``the Trump
    campaign``)."""
    return modifier.ent_type_ in QUALIFYING_ENTITIES and title_noun(head)


def names_its_own(modifier: Token, head: Token) -> bool:
    """Rule ``named_modifier_is_no_anaphor``: a capitalised name before the head (``the Trump campaign``) makes the
    phrase name its own referent, not the latest one mentioned, unless it only qualifies a title
    (:func:`qualifies_title`); a lower-case word the tagger called a name is none (``first``)."""
    return (
        modifier.pos_ == "PROPN"
        and modifier.dep_ in ("compound", "poss", "nmod")
        and modifier.text[:1].isupper()
        and not qualifies_title(modifier, head)
    )


TWO_WORD_TITLES = {"lady": "first"}
"""Head noun -> the word before it that makes it a title (``first lady``; ``lady`` alone is no title)."""


def title_noun(tok: Token) -> bool:
    """The noun is a title of :data:`~newsgraph.lexicon.speakers.EPITHET_NOUNS`, or the head of a two-word title
    (``first lady``) whose first word modifies it."""
    lemma = tok.lemma_.lower()
    if lemma in EPITHET_NOUNS:
        return True
    first = TWO_WORD_TITLES.get(lemma)
    return first is not None and any(c.lower_ == first and c.i == tok.i - 1 for c in tok.children)


def behind_a_preposition(name: Span, head: Token) -> bool:
    """The name is the object of a preposition on the phrase's head, which makes it someone else (``advisers to
    Mr. Obama``, ``a spokesman for Trump``): any preposition but ``of`` (``Secretary of State John Kerry``), and
    ``of`` too when the head is plural (``friends of Mr. Trump``). The object must be the name alone (with an
    honorific): in ``Ambassador to the United Nations Hwang Joon-kook`` the parser made the whole run of names the
    object of ``to``, and the name is the ambassador's."""
    obj, prep = name.root, name.root.head
    if obj.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i != head.i:
        return False
    if prep.lower_ == "of" and head.tag_ not in {"NNS", "NNPS"}:
        return False
    inside = set(range(name.start, name.end))
    return all(t.i in inside or t.lower_ in HONORIFICS or t.is_punct for t in obj.subtree)


def person_in_title_phrase(head: Token, ents: list[Span]) -> Span | None:
    """Rule ``title_with_a_name``: a title-headed phrase with a person's name inside is that person (``Ambassador
    … Hwang Joon-kook``, ``President Obama``, ``the spokesman, John Smith``), unless the name sits behind a
    preposition (:func:`behind_a_preposition`: ``advisers to Mr. Obama`` are not Obama)."""
    if head.lemma_.lower() not in PERSON_NOUNS:
        return None
    return next(
        (e for e in ents if e.label_ == "PERSON" and not behind_a_preposition(e, head)),
        None,
    )


def runs_over_a_verb(ent: Span, end: int) -> bool:
    """Rule ``entity_over_the_cue``: an entity that runs on past the speaker's phrase (token ``end``) over a verb is
    a Title Case headline the NER misread (``Obama Sees 'Personal Insult'`` as one ORG): not the speaker's name."""
    return any(t.pos_ in {"VERB", "AUX"} for t in ent.doc[max(end, ent.start) : ent.end])


def title_of(ent: Span) -> str | None:
    """Role words right in front of a name (``North Korean leader Kim Jong-un``) or in an apposition."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ in {"PROPN", "NOUN", "ADJ"} and doc[i].ent_type_ != "PERSON":
        if doc[i].dep_ == "poss" or doc[i].tag_ == "POS":
            break
        i -= 1
    if i + 1 < ent.start and any(
        t.pos_ == "NOUN" or t.lower_ in PERSON_NOUNS for t in doc[i + 1 : ent.start]
    ):
        return lower_first(doc[i + 1 : ent.start].text, doc[i + 1])
    nxt = ent.end
    if nxt + 1 < len(doc) and doc[nxt].text == ",":
        j = nxt + 1
        while j < len(doc) and doc[j].pos_ in {"ADJ", "NOUN", "PROPN", "DET", "ADP"} and doc[j].text != ",":
            j += 1
        if (
            j < len(doc)
            and doc[j].text == ","
            and j > nxt + 1
            and doc[j - 1].lower_ in PERSON_NOUNS | {"adviser"}
        ):
            return lower_first(doc[nxt + 1 : j].text, doc[nxt + 1])
    return None
