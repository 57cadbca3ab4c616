"""Speaker resolution: a lightweight, rule-based coreference over the spaCy parse and NER.

For the source noun phrase of an attribution, :class:`SpeakerResolver` returns a contract
:class:`~newsgraph.models.Speaker`:

* **named people** are clustered by full name (``PERSON`` entities); a later surname or first name (``Kim``)
  goes to the cluster with that name part that was mentioned most recently (earlier speakers get a bonus: the one
  who can speak at a briefing), never simply to the first match; titles in front of the name and appositions
  become the ``description``;
* **pronouns** (``he``, ``she``, ``they``, ``it``) go to the latest compatible subject or speaker before them,
  across sentences and paragraphs (people for he/she, states and organisations for it/they);
* **role nouns** with a definite article (``the official``, ``the minister``, ``the reports``) go to the
  latest speaker or subject with the same head noun (or a named person whose title has it);
* **anonymous sources** (``a senior presidential official``, ``officials``) keep their description as the name
  and never borrow a nearby named person; **media** (``local media reports``) likewise;
* **states**: countries and capitals used as actors (``Seoul`` -> ``South Korea``) via :mod:`.geo`.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.casing import lower_first
from newsgraph.attribution.gender import (
    genders,
    known_gender_first,
    pronoun_gender,
    pronoun_gender_agrees,
    said_gender_at,
)
from newsgraph.attribution.geo import country_name, unplaced_acronym
from newsgraph.attribution.pronouns import (
    DEICTIC_POSSESSIVES,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_FIRST,
    QUANTIFIER_PRONOUNS,
    SINGULAR_FIRST,
    THING_PRONOUNS,
    a_state_is_it,
    indefinite_speaker,
    negative_speaker,
    quantifier_speaker,
    relative_noun,
    unresolved_pronoun,
    words_outside_quotes,
)
from newsgraph.attribution.short_names import institution_kind, short_name_of
from newsgraph.attribution.titles import (
    class_of_organizations,
    names_its_own,
    person_in_title_phrase,
    runs_over_a_verb,
    title_noun,
    title_of,
)
from newsgraph.attribution.transcript import label_speaker
from newsgraph.extensions import doc_text
from newsgraph.lexicon.speakers import (
    HONORIFICS,
    HUMAN_VERBS,
    INSTITUTION_NOUNS,
    MEDIA_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
)
from newsgraph.models import Speaker, SpeakerKind
from newsgraph.names import (
    clean_name,
    is_prefixed_form,
    is_proper_name,
    name_of,
    organization_name,
    strip_possessive,
)

NARRATOR_MIN = 3
"""singular first-person words outside quote marks that make the writer a narrator (rule ``first_person_narrator``)"""
DEICTIC_WINDOW = 1500
"""characters back to look for the speaker a first-person ``I`` / ``we`` outside a quote stands for"""
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
"""Entity labels that name a speaker (a ``CARDINAL`` head such as ``one`` of "one of the attorneys" does not)"""
DETS_DEFINITE = {"the", "this", "that", "these", "those"}
DETS_STRIP = DETS_DEFINITE | {"a", "an", "both", "some", "several", "many", "two", "three"}


@dataclass
class _Person:
    name: str
    parts: set[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    description: str | None = None
    spoke_at: list[int] = field(default_factory=list)


@dataclass
class _Antecedent:
    pos: int
    category: str  # person | group | thing
    speaker: Speaker
    head_lemma: str


_strip_possessive = strip_possessive


class SpeakerResolver:
    """Resolve source noun phrases of one doc to canonical speakers (call in document order)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: list[_Person] = []
        self._by_name: dict[str, _Person] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and not is_prefixed_form(ent.text):
                cs, ce = clean_name(ent.text)
                name = ent.text[cs:ce] if ce > cs else ent.text
                p = self._by_name.get(name)
                if p is None:
                    parts = {w.lower() for w in name.replace("-", " ").split()} | {
                        w.lower() for w in name.split()
                    }
                    p = _Person(name=name, parts=parts)
                    self._by_name[name] = p
                    self.people.append(p)
                p.mentions.append((ent.start_char + cs, ent.start_char + ce))
                desc = title_of(ent)
                if desc and not p.description:
                    p.description = desc
        self.antecedents: list[_Antecedent] = []
        self._ent_of: dict[int, Span] = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
        self._done: dict[int, Speaker] = {}
        self._labels: dict[
            str, str
        ] = {}  # transcript labels' last words -> names ("TAPPER" -> "Jake Tapper")
        self._genders: dict[str, str] | None = None
        self._narrators: dict[frozenset[str], list[int]] = {}
        """first-person word set -> offsets of its words outside quote marks (each computed on first use)"""
        self._spoken: list[tuple[int, Speaker]] = []
        """speakers resolved so far (position, speaker), for a first-person source outside a quote"""
        self._collect_subjects()

    # ------------------------------------------------------------------ mentions and antecedents

    def _collect_subjects(self) -> None:
        """Subjects of clauses (and PERSON mentions) as antecedent candidates, in document order."""
        for tok in self.doc:
            if tok.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if tok.pos_ == "PRON":
                continue
            sp = self._resolve_np(tok, record=False)
            if sp.kind == "unknown":
                continue
            self.antecedents.append(_Antecedent(tok.idx, self._category(sp, tok), sp, tok.lemma_.lower()))
        for p in self.people:
            if organization_name(p.name):  # rule organization_head: "Patriot Coal" is no "he"
                continue
            for s, e in p.mentions:
                sp = Speaker(name=p.name, kind="person", description=p.description, span=(s, e))
                self.antecedents.append(_Antecedent(s, "person", sp, p.name.split()[-1].lower()))
        self.antecedents.sort(key=lambda a: a.pos)

    @staticmethod
    def _category(sp: Speaker, tok: Token) -> str:
        if sp.kind == "person" and " and " in sp.name:  # rule coordinated_people_speak_together
            return "group"
        if sp.kind == "person":
            return "thing" if organization_name(sp.name) else "person"  # rule organization_head
        if sp.kind == "anonymous":
            return "group" if tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in QUANTIFIER_PRONOUNS else "person"
        if tok.tag_ in {"NNS", "NNPS"} or (" and " in sp.name and not organization_name(sp.name)):
            return "group"  # "Russia and China", not "the Central and East European Coalition"
        return "thing"

    # ------------------------------------------------------------------ resolution

    def resolve(self, source: tuple[int, int], head: int | None, label: bool = False) -> Speaker:
        """The speaker for the source token slice (``head`` = its syntactic head token); ``label``: the source is
        a transcript turn's speaker label (``PENCE``)."""
        doc = self.doc
        tok = doc[head] if head is not None else doc[source[1] - 1]
        if label:
            sp = label_speaker(doc[source[0] : source[1]], self._person_for_part, self._labels)
        else:
            sp = self._resolve_np(tok, record=True, slice_=source)
        if sp.kind == "person" and organization_name(sp.name):  # rule organization_head: "Patriot Coal"
            sp = sp.model_copy(update={"kind": "organization"})
        sp = short_name_of(sp, (x for _, x in self._spoken)) or sp  # rule short_name_of_an_outlet
        insort(
            self.antecedents,
            _Antecedent(tok.idx, self._category(sp, tok), sp, tok.lemma_.lower()),
            key=lambda x: x.pos,
        )
        for p in self.people:
            if p.name == sp.name:
                p.spoke_at.append(tok.idx)
        if sp.kind != "unknown":
            self._spoken.append((tok.idx, sp))
        return sp

    def _resolve_np(self, tok: Token, *, record: bool, slice_: tuple[int, int] | None = None) -> Speaker:
        if tok.i in self._done:
            return self._done[tok.i]
        a, b = slice_ if slice_ is not None else (tok.left_edge.i, tok.right_edge.i + 1)
        lower = tok.lower_
        deictic = next(
            (c for c in tok.children if c.dep_ == "poss" and c.lower_ in DEICTIC_POSSESSIVES), None
        )
        quantifier = quantifier_speaker(tok) or indefinite_speaker(tok) or negative_speaker(self.doc, a, b)
        if quantifier is not None:
            sp = quantifier
        elif lower in FIRST_PERSON or lower == "you":
            sp = self._deictic(tok, lower, tok.i, tok.i + 1)
        elif deictic is not None and tok.pos_ in {"NOUN", "PROPN"}:
            sp = self._deictic(tok, deictic.lower_, a, b)
        elif tok.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            sp = self._pronoun(tok)
        else:
            sp = self._noun_phrase(tok, a, b)
        if record:
            self._done[tok.i] = sp
        return sp

    def _pronoun(self, tok: Token) -> Speaker:
        lower = tok.lower_
        want = "person" if lower in PERSON_PRONOUNS else "group" if lower in GROUP_PRONOUNS else "thing"
        if lower in FIRST_PERSON or lower in {"you"}:
            want = ""
        relative = relative_noun(tok)
        if relative is not None:
            return self._resolve_np(relative[0], record=False, slice_=relative[1])
        if want:
            fits = {want, "thing"} if want == "group" else {want}

            def ok(x: _Antecedent) -> bool:
                return (
                    x.category in fits
                    and not unresolved_pronoun(x.speaker)
                    and a_state_is_it(lower, x)
                    and pronoun_gender_agrees(lower, self._gender_of(x.speaker.name))
                )

            ante = self._latest(tok.idx, ok)
            if ante is not None and pronoun_gender(lower) and self._gender_of(ante.speaker.name) is None:
                known = self._latest(
                    ante.pos, lambda x: ok(x) and self._gender_of(x.speaker.name) is not None
                )
                ante = known_gender_first(ante, known, tok.idx)
            if ante is not None:
                span = (tok.idx, tok.idx + len(tok.text))
                return ante.speaker.model_copy(
                    update={"span": span, "resolved_from": tok.text, "entity": None}
                )
        return Speaker(name=tok.text, kind="unknown", span=(tok.idx, tok.idx + len(tok.text)))

    def _gender_of(self, name: str) -> str | None:
        """A person's gender (:func:`~newsgraph.attribution.gender.genders`, worked out on first use)."""
        if self._genders is None:
            self._genders = genders(self.doc, [(p.name, p.mentions, p.description) for p in self.people])
        return self._genders.get(name)

    def _deictic(self, tok: Token, word: str, a: int, b: int) -> Speaker:
        """``I`` / ``we`` / ``you`` / ``your state`` as a source outside a quote: no speaker of its own. A first
        person stands for the latest speaker before it (a person for ``I``); a second person, a first person with no
        speaker before it and a noun a first person possesses (``Our editor said …``, ``my brother said …``: someone
        else, rule ``possessed_noun_is_not_the_speaker``) are ``unknown`` with the surface form kept in
        ``resolved_from``."""
        doc = self.doc
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        surface = doc_text(doc)[s:e]
        person = next((ws for ws in (SINGULAR_FIRST, PLURAL_FIRST) if word in ws), None)
        if person is not None and self._narrated_before(tok.idx, person):
            return Speaker(name="unknown", kind="unknown", span=(s, e), resolved_from=surface)
        # not "my"/"our" with a noun (rule possessed_noun_is_not_the_speaker: "Our editor said …")
        if word in FIRST_PERSON:
            for pos, sp in reversed(self._spoken):
                if pos >= tok.idx or tok.idx - pos > DEICTIC_WINDOW:
                    continue
                if word in SINGULAR_FIRST and sp.kind != "person":
                    continue
                return Speaker(
                    name=sp.name, kind=sp.kind, description=sp.description, span=(s, e), resolved_from=surface
                )
        return Speaker(name="unknown", kind="unknown", span=(s, e), resolved_from=surface)

    def _narrated_before(self, pos: int, words: frozenset[str]) -> bool:
        """Rule ``first_person_narrator``: an article whose writer speaks as "I" (at least
        :data:`NARRATOR_MIN` singular first-person ``words`` outside quote marks before ``pos``: an op-ed, a column)
        has a narrator, so an ``I`` outside a quote is the writer, never the latest speaker before it. Rule
        ``plural_narrator``: the same for a writer who speaks as "we" (a review's "we tested", "we think it lives
        up to the hype" had gone to the hammock named before it)."""
        if words not in self._narrators:
            self._narrators[words] = words_outside_quotes(self.doc, words)
        return bisect_left(self._narrators[words], pos) >= NARRATOR_MIN

    def _person_by_grammar(self, tok: Token, ent: Span, a: int) -> bool:
        """A place name that the grammar makes a person (``Senator Paris``, ``Paris`` after ``Paris Hilton``,
        ``Paris smiled and said``): a title or honorific before it, a person with that name part mentioned before,
        or a verb only people do."""
        doc = self.doc
        if any(t.lower_ in HONORIFICS or t.lemma_.lower() in PERSON_NOUNS for t in doc[a : ent.start]):
            return True
        if len(ent) == 1 and self._person_for_part(ent.text, ent.start_char) is not None:
            return True
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            verbs = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj")]
            return any(v.lemma_.lower() in HUMAN_VERBS for v in verbs)
        return False

    def _latest(self, pos: int, ok: Callable[[_Antecedent], bool], window: int = 300) -> _Antecedent | None:
        i = bisect_left(self.antecedents, pos, key=lambda x: x.pos)
        for j in range(i - 1, max(-1, i - 1 - window), -1):
            if ok(self.antecedents[j]):
                return self.antecedents[j]
        return None

    def _person_for_part(self, word: str, pos: int) -> _Person | None:
        """The person a bare name part refers to: most recently mentioned, bonus for earlier speakers. A company
        named for its founder is no one's surname while the founder is named too (rule ``surname_is_no_company``:
        "Helmstetter says" after "Beth Helmstetter, founder of Beth Helmstetter Events" is the founder); with no
        such person the company is what the part names ("Patriot" after "Patriot Coal")."""
        w = _strip_possessive(word).lower()
        best: tuple[bool, float, _Person] | None = None
        said = said_gender_at(self.doc, pos)  # rule honorific_gender_clash: "Mr. Obama" is not Michelle Obama
        for p in self.people:
            if w not in p.parts or (said and self._gender_of(p.name) not in {None, said}):
                continue
            before = [s for s, _ in p.mentions if s < pos] + [s for s in p.spoke_at if s < pos]
            if not before:
                continue
            score = max(before) + (
                0.5 if any(s < pos for s in p.spoke_at) else 0.0
            )  # recency; speakers win ties
            key = (not organization_name(p.name), score, p)  # rule surname_is_no_company: people first
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

    def _noun_phrase(self, tok: Token, a: int, b: int) -> Speaker:  # noqa: C901
        doc = self.doc
        ents: list[Span] = []
        for ent in (self._ent_of.get(i) for i in range(a, b)):
            if ent is not None and not runs_over_a_verb(ent, b) and (not ents or ents[-1].start != ent.start):
                ents.append(ent)
        head_ent = next((e for e in ents if e.start <= tok.i < e.end), None)
        # "Ambassador ... Hwang Joon-kook", "President Obama"; not "advisers to Mr. Obama"
        if head_ent is None:
            head_ent = person_in_title_phrase(tok, ents)
        if head_ent is not None and head_ent.label_ == "PERSON" and country_name(head_ent.text) is None:
            return self._people(head_ent, ents) or self._person(head_ent, tok, a, b)
        if (
            head_ent is not None
            and head_ent.label_ in {"GPE", "LOC", "PERSON"}
            and country_name(_strip_possessive(head_ent.text)) is not None
            and self._person_by_grammar(tok, head_ent, a)
        ):
            return self._person(head_ent, tok, a, b)
        if head_ent is not None and country_name(_strip_possessive(head_ent.text)) is not None:
            return self._state(head_ent, ents, a, b)
        # rule capitalised_name_part: a lone capitalised word the tagger read as a common noun ("Trump knows ...")
        name_like = tok.pos_ == "PROPN" or (
            tok.text[:1].isupper() and b - a == 1 and tok.i > 0 and tok.is_alpha
        )
        if name_like and (head_ent is None or len(head_ent) == 1):
            person = self._person_for_part(tok.text, tok.idx)
            if person is not None:  # a surname the NER missed or mislabelled
                span = (tok.idx, tok.idx + len(_strip_possessive(tok.text)))
                return Speaker(name=person.name, kind="person", description=person.description, span=span)
        if head_ent is not None and head_ent.label_ in {"GPE", "LOC"}:
            return self._state(head_ent, ents, a, b)
        if head_ent is not None and head_ent.label_ in {"ORG", "NORP", "FAC"}:
            name = name_of(head_ent.text)
            if name.lower().startswith("the "):
                name = name[4:]
            kind = institution_kind(name)
            s = head_ent.start_char + head_ent.text.find(name)
            full = doc[a:b].text
            desc = full if full not in {name, head_ent.text} and len(full.split()) <= 12 else None
            return Speaker(name=name, kind=kind, description=desc, span=(s, s + len(name)))
        named_head = head_ent is not None and head_ent.label_ in NAME_LABELS
        appos = None if named_head else self._appositive_name(tok, ents, b)
        if appos is not None:
            return self._person(appos, tok, a, b)
        return self._common_noun(tok, a, b)

    def _institution_antecedent(self, tok: Token) -> str | None:
        """Rule ``definite_institution``: "the agency said" names the organisation the article last named (an ORG
        entity in this sentence or the two before: "according to the Congressional Budget Office ... the agency
        said" -> Congressional Budget Office); None when there is none to refer to."""
        if tok.lemma_.lower() not in INSTITUTION_NOUNS or tok.tag_ != "NN":
            return None
        sents = list(self.doc.sents) if self.doc.has_annotation("SENT_START") else []
        here = next((k for k, sn in enumerate(sents) if sn.start <= tok.i < sn.end), None)
        lo = sents[max(0, here - 2)].start if here is not None else max(0, tok.i - 80)
        orgs = [ent for ent in self.doc.ents if ent.label_ == "ORG" and lo <= ent.start and ent.end <= tok.i]
        return name_of(orgs[-1].text.removeprefix("the ")) if orgs else None

    def _epithet_person(self, tok: Token) -> Speaker | None:
        """Rule ``role_epithet``: a definite, modified, singular title (``the Republican presidential nominee``,
        ``the former secretary of state``) with no antecedent of its own is the named person who is the subject of
        the sentence before it (or earlier in its own sentence): a writer's way of not repeating a name. Generic
        roles (``the official``, ``the spokesman``) and unmodified ones stay anonymous. A headline's epithet has no
        article (``Senator from Texas says ...`` under ``Ted Cruz endorses Trump``)."""
        if tok.tag_ not in {"NN", "NNP"} or not title_noun(tok) or tok.ent_type_ == "PERSON":
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ == "conj")]
        if not any(c.dep_ in {"amod", "compound", "nmod", "prep"} for h in heads for c in h.children):
            return None
        sent = tok.sent
        before = list(self.doc[sent.start - 1].sent) if sent.start > 0 else []
        found: Speaker | None = None
        for t in [*before, *self.doc[sent.start : tok.i]]:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "PROPN":
                sp = self._resolve_np(t, record=False)
                if sp.kind == "person" and len(sp.name.split()) >= 2:
                    found = sp
        return found

    def _appositive_name(self, tok: Token, ents: list[Span], b: int) -> Span | None:
        """Rule ``appositive_name``: a description followed by a person's name in apposition is that person
        (``one of the family's attorneys, Justin Bamberg`` -> Justin Bamberg, described as one of the family's
        attorneys). The name comes after the head, right after a comma or right after the head noun itself (``the
        Latvian journalist Dainis Ivans``), ends the phrase, and is an apposition."""
        doc = self.doc
        for ent in ents:
            if ent.label_ != "PERSON" or ent.start <= tok.i or country_name(ent.text) is not None:
                continue
            after_comma = ent.start > 0 and (doc[ent.start - 1].text == "," or doc[ent.start - 1] == tok)
            ends_phrase = all(t.is_punct for t in doc[ent.end : b])
            if (
                after_comma
                and ends_phrase
                and ent.root.dep_ == "appos"
                and len(name_of(ent.text).split()) >= 2
            ):
                return ent
        return None

    def _person(self, ent: Span, tok: Token, a: int, b: int) -> Speaker:
        cs, ce = clean_name(ent.text)
        surface = ent.text[cs:ce] if ce > cs else ent.text
        s = ent.start_char + (cs if ce > cs else 0)
        span = (s, s + len(surface))
        np_desc = self._np_description(ent, a, b)
        if len(ent) >= 2 and surface in self._by_name:
            p = self._by_name[surface]
            desc = np_desc or title_of(ent) or p.description
            if desc and not p.description:
                p.description = desc
            return Speaker(name=p.name, kind="person", description=desc, span=span)
        person = self._person_for_part(surface, s)
        if person is not None:
            return Speaker(
                name=person.name,
                kind="person",
                description=person.description,
                span=span,
                resolved_from=surface,
            )
        return Speaker(name=surface, kind="person", description=np_desc or title_of(ent), span=span)

    def _people(self, head: Span, ents: list[Span]) -> Speaker | None:
        """Rule ``coordinated_people_speak_together``: "Barack Obama and Hillary Clinton said …" is one speaker
        named after both (as "Russia and China" is for states), not the first alone; None for one person."""
        together = [head] + [
            e
            for e in ents
            if e.label_ == "PERSON"
            and e is not head
            and e.root.dep_ == "conj"
            and any(head.start <= x.i < head.end for x in e.root.ancestors)
        ]
        if len(together) < 2:
            return None
        each = [self._person(e, e.root, e.start, e.end) for e in together]
        name = ", ".join(sp.name for sp in each[:-1]) + " and " + each[-1].name
        s, e = (each[0].span or (head.start_char, 0))[0], together[-1].end_char
        surface = doc_text(self.doc)[s:e]
        return Speaker(
            name=name, kind="person", span=(s, e), resolved_from=surface if surface != name else None
        )

    def _np_description(self, ent: Span, a: int, b: int) -> str | None:
        """The source noun phrase minus the name: titles in front, appositions behind."""
        doc = self.doc
        left = doc[a : ent.start].text.strip(" ,")
        right = doc[ent.end : b].text.strip(" ,")
        for part, first in (
            (left, doc[a] if a < ent.start else None),
            (right, doc[ent.end] if ent.end < b else None),
        ):
            words = part.split()
            if first is not None and words and words[0].lower() in DETS_STRIP:
                part = part.split(" ", 1)[1] if " " in part else ""
                # "The Latvian journalist": the case of the word after the article decides (Latvian keeps its capital)
                first = doc[min(first.i + 1, len(doc) - 1)]
            if part and len(part.split()) <= 12 and not any(c in part for c in '“”"()'):
                return lower_first(part, first) if first is not None else part
        return None

    def _state(self, ent: Span, ents: list[Span], a: int, b: int) -> Speaker:
        doc = self.doc
        states = [e for e in ents if e.label_ in {"GPE", "LOC"}]
        if len(states) >= 2 and any(t.dep_ == "conj" for t in doc[a:b]):
            first, last = states[0], states[-1]
            text = doc_text(doc)[first.start_char : last.end_char]
            names = [country_name(e.text) or e.text for e in states]
            canon = " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
            sp = Speaker(name=canon, kind="state", span=(first.start_char, last.end_char))
            if canon != text:
                sp.resolved_from = text
            return sp
        surface = _strip_possessive(ent.text)
        canon = country_name(surface) or surface
        kind: SpeakerKind = "organization" if unplaced_acronym(surface) else "state"
        sp = Speaker(name=canon, kind=kind, span=(ent.start_char, ent.start_char + len(surface)))
        if canon != surface:
            sp.resolved_from = surface
        return sp

    def _common_noun(self, tok: Token, a: int, b: int) -> Speaker:
        doc = self.doc
        lemma = tok.lemma_.lower()
        first = doc[a]
        det = first.lower_ if first.dep_ in {"det", "predet"} or first.lower_ in DETS_STRIP else ""
        text = doc[a:b].text
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        bare = doc[a + 1 : b].text if det else text
        description = lower_first(bare, doc[a + 1] if det and a + 1 < b else first) if bare else None
        # rule named_modifier_is_no_anaphor: "the Trump campaign" names its own campaign; it is not the latest
        # campaign mentioned ("the Clinton campaign"); a lower-case word the tagger called a name is none ("first")
        named = any(names_its_own(t, tok) for t in doc[a : tok.i])
        # nor is "the Saudi government" the latest government ("the United States government")
        mods = [t.lower_ for t in doc[a : tok.i] if t.dep_ == "amod" and t.ent_type_ in {"NORP", "GPE"}]
        if not named and (det in DETS_DEFINITE or (first.dep_ == "poss" and first.pos_ == "PRON")):
            role = lemma not in ORG_NOUNS | MEDIA_NOUNS  # "the Trump campaign" is not its spokeswoman
            ante = self._latest(
                tok.idx,
                lambda x: (
                    (x.head_lemma == lemma and all(m in x.speaker.name.lower() for m in mods))
                    or (
                        role
                        and x.speaker.kind == "person"
                        and lemma in (x.speaker.description or "").lower().split()
                    )
                ),
            )
            if ante is not None and ante.speaker.kind != "unknown":
                base = ante.speaker
                return Speaker(
                    name=base.name,
                    kind=base.kind,
                    description=base.description,
                    span=(s, e),
                    resolved_from=text,
                )
            named_org = self._institution_antecedent(tok) if det == "the" and ante is None else None
            if named_org is not None:
                return Speaker(
                    name=named_org,
                    kind="organization",
                    description=description,
                    span=(s, e),
                    resolved_from=text,
                )
            epithet = self._epithet_person(tok) if det == "the" else None
            if epithet is not None:
                return Speaker(
                    name=epithet.name, kind="person", description=description, span=(s, e), resolved_from=text
                )
        elif not det and a == tok.sent.start and tok.text[:1].isupper():
            # a headline's epithet has no article: "Senator from Texas says ..." under "Ted Cruz endorses Trump"
            epithet = self._epithet_person(tok)
            if epithet is not None:
                return Speaker(
                    name=epithet.name, kind="person", description=description, span=(s, e), resolved_from=text
                )
        if lemma in MEDIA_NOUNS or any(t.lemma_.lower() == "media" for t in doc[a:b]):
            return Speaker(name=lower_first(text, first), kind="media", description=description, span=(s, e))
        if lemma in ORG_NOUNS:
            plural = class_of_organizations(tok, det in DETS_DEFINITE)
            return Speaker(
                name=lower_first(text, first), kind="unknown" if plural else "organization", span=(s, e)
            )
        if lemma in PERSON_NOUNS or (
            tok.ent_type_ == "" and any(t.lower_ in {"anonymous", "unnamed"} for t in doc[a:b])
        ):
            return Speaker(
                name=lower_first(text, first), kind="anonymous", description=description, span=(s, e)
            )
        org = organization_name(text) and is_proper_name(text)  # rule organization_head
        kind: SpeakerKind = "organization" if org else "unknown"
        return Speaker(name=lower_first(text, first), kind=kind, span=(s, e))
