"""Canonical entities of one article: spaCy NER mentions merged into one record per real-world thing.

Steps, all over the spaCy parse of the article body:

1. **Filter** the NER output: only name-like labels are entities (:data:`KEEP_LABELS`); numbers, dates,
   measurements and widget lines ("80.2 F", a lone "Los Angeles" weather line) are not.
2. **Countries**: place names, capitals, demonyms and state organs map to one country entity
   (:func:`newsgraph.geo.country_of`): "Seoul", "South Korean", "South Korea's" -> South Korea (KOR).
   Country words the NER missed ("to Kyiv") are added from the gazetteer scan.
3. **People**: a surname- or given-name-only mention ("Kim") joins the full name that contains it when only one
   does; with several candidates (Kim Jong-un, Kim Tae-hyo) the attribution's speaker resolution decides, else
   the nearest preceding full name. A mention after a gendered honorific never joins a full name of the other
   gender (``honorific_gender_clash``: ``Mr. Obama`` is not ``Michelle Obama``), nor one the attribution read as
   another person there (``speaker_names_the_mention``).
4. **Organisations**: acronyms join their full names ("National Security Council (NSC)", "NSC").
5. **Speakers**: quotes' speakers are linked (``Speaker.entity``) and their resolved mentions ("He", "Kim")
   become entity mentions; roles from the speaker description and from appositions become ``attributes``.
6. **Country and sector** of people and organisations from their roles and names
   (:mod:`newsgraph.entities.sectors`), e.g. "South Korean Ambassador to the United Nations" -> KOR, GOV.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.attribution.gender import said_gender_at, table_gender
from newsgraph.entities.sectors import international_code, sector_of
from newsgraph.extensions import doc_text
from newsgraph.geo import CountryRef, country_of, find_countries
from newsgraph.models import Entity, Mention, Quote, Speaker
from newsgraph.names import names_a_possession, organization_name, principal_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["KEEP_LABELS", "build_entities", "link_speakers"]

KEEP_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
_MEASURE = re.compile(r"^[\d.,\s\u00b0%/:+\-]+[A-Za-z\u00b0]{0,3}\.?$")
_POSS = re.compile(r"(?:['\u2019]s|['\u2019])$")
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_ACRO_PAREN = re.compile(r"^\s*\(([A-Z][A-Za-z&.]{1,10})\)")
_STATE_KINDS = frozenset({"name", "code", "demonym", "capital", "organ"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "SPY", "JUD", "COP"})
_STOP_INITIAL = frozenset({"of", "the", "and", "for", "on", "in", "de", "to", "&"})


@dataclass
class _Cluster:
    key: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    attributes: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    def add(self, span: tuple[int, int]) -> None:
        if span not in self.mentions:
            self.mentions.append(span)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions) if self.mentions else 1 << 30


def _clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive: "South Korea's" -> "South Korea"."""
    chunk = text[s:e]
    m = _LEAD.match(chunk)
    if m:
        s += m.end()
        chunk = text[s:e]
    m2 = _POSS.search(chunk)
    if m2 and e - s - len(m2.group(0)) > 1:
        e -= len(m2.group(0))
    while e > s and text[e - 1] in " .,;:\u201d\"'":
        e -= 1
    return s, e


def _is_boilerplate(doc: Doc, ent: Span, text: str) -> bool:
    if not any(c.isalpha() for c in text) or len(text.strip()) < 2:
        return True
    if _MEASURE.match(text.strip()):
        return True
    # a widget line: the line holds nothing but a short name (weather city, section label)
    body = doc_text(doc)
    ls = body.rfind("\n", 0, ent.start_char) + 1
    le = body.find("\n", ent.end_char)
    line = body[ls : le if le != -1 else len(body)].strip()
    words = line.split()
    return (
        len(words) <= 4 and not any(w[:1].islower() for w in words) and not re.search(r"[.!?\u201d\"]$", line)
    )


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP_INITIAL]
    return "".join(w[0] for w in words if w[0].isupper())


class _Builder:
    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = quotes
        self.clusters: dict[str, _Cluster] = {}
        self.person_mentions: list[tuple[int, int, str]] = []

    # ---------------------------------------------------------------- helpers
    def cluster(self, key: str, name: str, type_: str, **kw: Any) -> _Cluster:
        c = self.clusters.get(key)
        if c is None:
            c = _Cluster(key, name, type_, **kw)
            c.aliases.add(name.casefold())
            self.clusters[key] = c
        return c

    def country_cluster(self, ref: CountryRef) -> _Cluster:
        return self.cluster(f"country:{ref.alpha3}", ref.name, "GPE", country=ref.alpha3)

    def covered(self, s: int, e: int) -> bool:
        return any(ms < e and s < me for c in self.clusters.values() for ms, me in c.mentions)

    # ---------------------------------------------------------------- passes
    def add_ents(self) -> None:  # noqa: C901
        for ent in self.doc.ents:
            if ent.label_ not in KEEP_LABELS:
                continue
            s, e = _clean_span(self.text, ent.start_char, ent.end_char)
            surface = self.text[s:e]
            if _is_boilerplate(self.doc, ent, surface):
                continue
            label = ent.label_
            if label == "PERSON" and organization_name(surface):
                label = "ORG"  # rule organization_head: "Beth Helmstetter Events" is a firm, not a person
            ref = country_of(surface, label) if label != "PERSON" else None
            if ref is not None and ref.matched_as in _STATE_KINDS:
                c = self.country_cluster(ref)
                c.aliases.add(surface.casefold())
                c.add((s, e))
            elif ref is not None:  # a city or region: its own place entity, with its country
                self.cluster(f"place:{surface.casefold()}", surface, "GPE", country=ref.alpha3).add((s, e))
            elif label == "PERSON":
                self.person_mentions.append((s, e, surface))
            elif label == "ORG":
                intl = international_code(surface)
                c = self.cluster(f"org:{surface.casefold()}", surface, "ORG", country=intl)
                if intl in ("UNO", "EUR", "IGO"):
                    c.sector = "IGO"
                elif intl == "NGO":
                    c.sector = "NGO"
                c.add((s, e))
                m = _ACRO_PAREN.match(self.text[ent.end_char :])
                if m:
                    c.aliases.add(m.group(1).casefold())
            else:
                self.cluster(f"{label}:{surface.casefold()}", surface, label).add((s, e))

    def add_gazetteer(self) -> None:
        """Country words the NER missed ("offensive weapons to Kyiv")."""
        ent_tokens = {t.i for ent in self.doc.ents for t in ent}
        for m in find_countries(self.text):
            if self.covered(m.start, m.end):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or any(t.i in ent_tokens for t in span):
                continue
            nxt = self.doc[span.end] if span.end < len(self.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # "Jordan Peterson", "Georgia Tech": part of a longer name
            self.country_cluster(m.country).add((m.start, m.end))

    def add_people(self) -> None:
        full = [(s, e, n) for s, e, n in self.person_mentions if len(n.split()) >= 2]
        for s, e, n in full:
            self.cluster(f"person:{n.casefold()}", n, "PERSON").add((s, e))
        speaker_at = self._speaker_names()
        for s, e, n in self.person_mentions:
            if len(n.split()) >= 2:
                continue
            cands = {fn.casefold() for _, _, fn in full if n.casefold() in re.split(r"[\s]+", fn.casefold())}
            cands = {c for c in cands if not self._gender_clash(s, c)}
            said = speaker_at.get((s, e))
            if said and said.casefold() not in cands and n.casefold() in said.casefold().split():
                cands = set()  # rule speaker_names_the_mention: the attribution read another person here
            target: str | None = None
            if len(cands) == 1:
                target = next(iter(cands))
            elif len(cands) > 1:
                if said and said.casefold() in cands:
                    target = said.casefold()
                else:
                    before = [(fs, fn.casefold()) for fs, _, fn in full if fs < s and fn.casefold() in cands]
                    target = max(before)[1] if before else None
            if target is not None:
                self.clusters[f"person:{target}"].add((s, e))
            else:
                self.cluster(f"person:{n.casefold()}", n, "PERSON").add((s, e))

    def _gender_clash(self, start: int, full_name: str) -> bool:
        """Rule ``honorific_gender_clash``: a surname mention after a gendered honorific or title (``Mr. Obama``)
        does not join a full name whose first name is of the other gender (``Michelle Obama``)."""
        said = said_gender_at(self.doc, start)
        known = table_gender(full_name.title())
        return said is not None and known is not None and said != known

    def merge_surnames(self) -> None:
        """NER sometimes labels a surname ORG/GPE ("Trump" ORG): join it to the only full name ending with it."""
        people = [c for c in self.clusters.values() if c.type == "PERSON" and len(c.name.split()) >= 2]
        for c in list(self.clusters.values()):
            if c.type in ("PERSON",) or c.key.startswith(("country:", "place:")) or len(c.name.split()) != 1:
                continue
            owners = [p for p in people if p.name.split()[-1].casefold() == c.name.casefold()]
            if len(owners) == 1:
                for m in c.mentions:
                    owners[0].add(m)
                self.clusters.pop(c.key, None)

    def merge_acronyms(self) -> None:  # noqa: C901
        orgs = [c for c in self.clusters.values() if c.type == "ORG"]
        for short in orgs:
            if not (short.name.isupper() and 2 <= len(short.name) <= 10):
                continue
            for long in orgs:
                if long is short or long.key not in self.clusters:
                    continue
                if short.name.casefold() in long.aliases or _initials(long.name) == short.name:
                    long.mentions.extend(m for m in short.mentions if m not in long.mentions)
                    long.aliases |= short.aliases
                    self.clusters.pop(short.key, None)
                    break
        # an acronym introduced in parentheses but never tagged by NER: find its other uses
        for c in list(self.clusters.values()):
            if c.type != "ORG":
                continue
            for alias in list(c.aliases):
                acro = next(
                    (a for a in (alias.upper(),) if a.isalpha() and len(a) >= 2 and a != c.name.upper()), None
                )
                if acro is None:
                    continue
                for m in re.finditer(rf"\b{re.escape(acro)}\b", self.text):
                    if not self.covered(m.start(), m.end()):
                        c.add((m.start(), m.end()))

    def _speaker_names(self) -> dict[tuple[int, int], str]:
        out: dict[tuple[int, int], str] = {}
        for q in self.quotes:
            if q.speaker.span is not None:
                out[q.speaker.span] = q.speaker.name
        return out

    def add_roles(self) -> None:
        """Appositions and pre-name titles of people: "Kim Tae-hyo, principal deputy national security adviser"."""
        for c in self.clusters.values():
            if c.type != "PERSON":
                continue
            for s, e in list(c.mentions):
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                for ch in root.children:
                    if ch.dep_ == "appos" and ch.i >= span.end and _role_like(ch):
                        role = self.doc[ch.left_edge.i : ch.right_edge.i + 1].text.strip(" ,")
                        _add_role(c, role)
                if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
                    h = root.head
                    _add_role(c, self.doc[h.left_edge.i : h.i + 1].text)
                # "Principal deputy national security adviser Kim Tae-hyo": title words before the name
                left = [t for t in span[0].lefts] + [t for t in root.lefts if t.i < span.start]
                toks = sorted(
                    {t.i for x in left if x.dep_ in ("compound", "amod", "nmod") for t in x.subtree}
                )
                if toks and toks[-1] == span.start - 1:
                    words = self.doc[toks[0] : span.start]
                    if any(t.is_lower for t in words) or sector_of(words[-1].text) is not None:
                        _add_role(c, words.text)

    def link_speakers(self) -> None:  # noqa: C901
        for q in self.quotes:
            c = self._cluster_for_speaker(q)
            if c is None:
                continue
            sp = q.speaker
            if sp.span is not None:
                s, e = _clean_span(self.text, *sp.span)
                if not self.covered(s, e) or (s, e) in c.mentions:
                    c.add((s, e))
            if sp.description and c.type == "PERSON":
                _add_role(c, sp.description)
        chains = getattr(self.doc._, "mentions", None) if self.doc.has_extension("mentions") else None
        if isinstance(chains, dict):
            for name, spans in chains.items():
                c = self._cluster_by_name(str(name))
                if c is None:
                    continue
                for s, e in spans:
                    s2, e2 = _clean_span(self.text, int(s), int(e))
                    if e2 > s2 and not self.covered(s2, e2):
                        c.add((s2, e2))

    def _cluster_by_name(self, name: str) -> _Cluster | None:
        low = name.casefold().strip()
        low = re.sub(r"^the\s+", "", low)
        for c in self.clusters.values():
            if low in c.aliases or low == c.name.casefold():
                return c
        ref = country_of(name)
        if ref is not None and ref.matched_as in _STATE_KINDS:
            return self.clusters.get(f"country:{ref.alpha3}")
        return None

    def _cluster_for_speaker(self, q: Quote) -> _Cluster | None:
        sp = q.speaker
        if sp.kind in ("anonymous", "unknown") and sp.entity is None:
            return None
        if sp.span is not None:
            s, e = _clean_span(self.text, *sp.span)
            for c in self.clusters.values():
                if not _kind_fits(sp.kind, c.type):
                    continue
                if any((ms <= s and e <= me) or (s <= ms and me <= e) for ms, me in c.mentions):
                    return c
        named = self._cluster_by_name(sp.name)
        return named if named is not None and _kind_fits(sp.kind, named.type) else None

    def finish(self) -> list[Entity]:
        for c in self.clusters.values():
            self._country_and_sector(c)
        ordered = sorted((c for c in self.clusters.values() if c.mentions), key=lambda c: c.first)
        out = []
        for i, c in enumerate(ordered, 1):
            mentions = [
                Mention(text=self.text[s:e], span=(s, e)) for s, e in sorted(set(c.mentions)) if e > s
            ]
            out.append(
                Entity(
                    id=f"ent{i}",
                    name=c.name,
                    type=c.type,
                    country=c.country,
                    sector=c.sector,
                    attributes=c.attributes,
                    mentions=mentions,
                )
            )
        return out

    def _country_and_sector(self, c: _Cluster) -> None:  # noqa: C901
        if c.type == "NORP" and c.sector is None:  # "Republicans", "Marines": a group, not a country
            c.sector = sector_of(c.name, c.attributes, c.type)
        if c.type not in ("PERSON", "ORG"):
            return
        if c.sector is None:
            c.sector = sector_of(c.name, c.attributes, c.type)
        if c.country is not None:
            return
        for text in (*c.attributes, c.name):
            found = find_countries(text)
            if found:
                c.country = found[0].country.alpha3
                return
        # "South Korea's National Intelligence Service": a possessive country right before the name
        for s, _ in sorted(c.mentions):
            before = self.text[max(0, s - 40) : s]
            m = re.search(r"([A-Z][\w.\- ]+?)['\u2019]s\s*$", before)
            if m:
                ref = country_of(m.group(1).split(" the ")[-1].strip())
                if ref is not None and ref.matched_as in _STATE_KINDS:
                    c.country = ref.alpha3
                    return
        if c.sector in _STATE_SECTORS:
            # an official with no stated country: the first country named where they are introduced
            s, _ = min(c.mentions)
            span = self.doc.char_span(s, s + 1, alignment_mode="expand")
            if span is not None:
                sent = span.sent
                for m2 in find_countries(sent.text):
                    c.country = m2.country.alpha3
                    return


def _kind_fits(speaker_kind: str, entity_type: str) -> bool:
    """Rule ``person_speaks_as_person``: a person speaker links only to a PERSON entity by its span. "The
    Republican presidential nominee" (Donald Trump, by ``role_epithet``) contains the NORP mention "Republican", and
    is not the Republicans."""
    return speaker_kind != "person" or entity_type == "PERSON"


def _role_like(head: Token) -> bool:
    """An apposition that names a role: a common-noun phrase of a few words, no clause, no pronoun."""
    sub = list(head.subtree)
    return (
        head.pos_ == "NOUN"
        and len(sub) <= 12
        and not any(t.pos_ in ("VERB", "AUX", "PRON") and t.tag_ != "PRP$" for t in sub)
    )


def _add_role(c: _Cluster, role: str) -> None:
    role = re.sub(r"\s+", " ", role).strip(" ,;:\u2014-")
    if not role or len(role) > 120 or role.casefold() == c.name.casefold():
        return
    low = role.casefold()
    low = re.sub(r"^(a|an|the)\s+", "", low)
    if not any(low == a.casefold() or low in a.casefold() for a in c.attributes):
        c.attributes = [a for a in c.attributes if a.casefold() not in low]
        c.attributes.append(low if role[:1].isupper() and not find_countries(role) else role)


def build_entities(doc: Doc, quotes: list[Quote] | None = None) -> list[Entity]:
    """The article's canonical entities (ids ``ent1``, ``ent2``, ... in order of first mention)."""
    b = _Builder(doc, list(quotes or []))
    b.add_ents()
    b.add_gazetteer()
    b.add_people()
    b.merge_surnames()
    b.merge_acronyms()
    b.add_roles()
    b.link_speakers()
    return b.finish()


def _span_candidates(
    sp: Speaker, text: str, span: tuple[int, int], by_span: list[tuple[int, int, str]], person_ids: set[str]
) -> list[tuple[int, int, str]]:
    """The entity mentions a speaker's span may stand for: a person's only persons; never a possessor whose
    possession the phrase names (rule ``possessive_is_not_the_possessor``: "Mr. Clarke's new company" is not Mr.
    Clarke; an entourage, "Clinton's campaign", still speaks for its principal)."""
    s, e = span
    spans = [x for x in by_span if x[2] in person_ids] if sp.kind == "person" else by_span
    if principal_of(sp.name) is None:
        spans = [x for x in spans if not (s <= x[0] and x[1] <= e and names_a_possession(text[x[1] : e]))]
    return spans


def link_speakers(entities: list[Entity], quotes: list[Quote], text: str) -> None:
    """Set ``Speaker.entity`` of every quote whose speaker is one of ``entities`` (by mention span or name)."""
    by_span: list[tuple[int, int, str]] = [(m.span[0], m.span[1], e.id) for e in entities for m in e.mentions]
    person_ids = {e.id for e in entities if e.type == "PERSON"}
    names = {e.name.casefold(): e.id for e in entities}
    for q in quotes:
        sp = q.speaker
        found: str | None = None
        if sp.kind in ("anonymous", "unknown"):
            continue  # "a North Korean representative" speaks for a state but is not the state entity
        if sp.span is not None:
            s, e = _clean_span(text, *sp.span)
            spans = _span_candidates(sp, text, (s, e), by_span, person_ids)
            inside = {eid for ms, me, eid in spans if s <= ms and me <= e}
            if len(inside) > 1:
                continue  # "North Korea and Russia": several entities, no single id
            found = next(
                (eid for ms, me, eid in spans if (ms <= s and e <= me) or (s <= ms and me <= e)), None
            )
        if found is None:
            found = names.get(sp.name.casefold())
            if found is not None and sp.kind == "person" and found not in person_ids:
                found = None  # "Ivanka Trump" the NER read as a PRODUCT: not her key
        if found is None and sp.kind in ("state", "organization", "person", "media"):
            ref = country_of(sp.name)
            if ref is not None:
                found = next((x.id for x in entities if x.country == ref.alpha3 and x.type == "GPE"), None)
        if found is not None:
            sp.entity = found
