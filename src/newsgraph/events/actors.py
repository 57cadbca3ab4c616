"""Actors of coded events: from a parse token to ``Actor{name, entity, country, sector}``.

The country comes from the article's canonical entity when the claims stage produced one (a person's country and
sector come from their entity), else from the place names, demonyms and capitals inside the actor's noun phrase
(:func:`newsgraph.geo.country_of`). The sector falls back to the PLOVER sector of the phrase's head noun
("troops" -> MIL, "ministry" -> GOV); a capital city as actor is GOV (PLOVER gold-standard convention).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.events.vocab import ACTOR_NOUNS
from newsgraph.geo import CountryMatch, country_of, find_countries
from newsgraph.models import Actor, Entity, Speaker

SECTOR_NOUNS: dict[str, str] = {}
for _sector, _words in {
    "GOV": "government ministry minister president premier official office administration cabinet ambassador diplomat "
    "embassy spokesman spokeswoman spokesperson chancellor authority regime leader king prince secretary envoy "
    "delegation council mayor governor consulate emir sheikh",
    "MIL": "army troop soldier military force navy commander general officer marine battalion warship airforce defence "
    "defense tank jet",
    "COP": "police policeman",
    "JUD": "court judge tribunal prosecutor",
    "LEG": "parliament lawmaker legislator senator congress assembly legislature deputy senate",
    "REB": "rebel guerrilla guerilla insurgent militant separatist militia militiaman extremist",
    "SPY": "intelligence spy",
    "JRN": "media newspaper radio television journalist reporter agency paper daily",
    "PTY": "party",
    "LAB": "worker union",
    "CVL": "protester demonstrator civilian student activist resident people person villager youth citizen settler "
    "detainee hostage",
    "OPP": "opposition dissident",
    "MED": "doctor hospital",
    "EDU": "teacher university school",
    "REF": "refugee",
    "REL": "church cleric bishop imam",
    "BUS": "company businessman firm",
}.items():
    for _w in _words.split():
        SECTOR_NOUNS[_w] = _sector

# PLOVER's international non-state "country" codes (manual, table tab:nonstate): UNO, EUR, IGO, NGO. The member
# names are a small curated list of the most frequent organisations; anything else keeps country None.
INTERNATIONAL: dict[str, str] = {}
for _code, _names in {
    "UNO": "United Nations|UN|U.N.|Security Council|UN Security Council|U.N. Security Council|General Assembly|"
    "UN General Assembly|UNHCR|UNICEF|IAEA|International Atomic Energy Agency|WHO|World Health Organization|"
    "UNESCO|UNIFIL|ILO|International Labor Office|International Labour Organization|World Food Programme|WFP",
    "EUR": "European Union|EU|E.U.|European Commission|European Parliament|European Community|EC",
    "IGO": "NATO|African Union|AU|Organization of African Unity|OAU|Arab League|ASEAN|APEC|"
    "Asia-Pacific Economic Cooperation|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|OSCE|"
    "OPEC|G7|G-7|G20|G-20|Commonwealth|ECOWAS|Interpol|International Criminal Court|ICC",
    "NGO": "Red Cross|International Committee of the Red Cross|ICRC|Red Crescent|Amnesty International|"
    "Human Rights Watch|Doctors Without Borders|Medecins Sans Frontieres|MSF|Oxfam|Greenpeace|"
    "Reporters Without Borders|Transparency International",
}.items():
    for _n in _names.split("|"):
        INTERNATIONAL[_n.lower()] = _code


def international_code(text: str) -> str | None:
    """PLOVER code of an international organisation named in ``text`` ("the U.N. Security Council" -> UNO)."""
    low = text.lower().strip()
    for prefix in ("the ",):
        if low.startswith(prefix):
            low = low[len(prefix) :]
    if low in INTERNATIONAL:
        return INTERNATIONAL[low]
    for name, code in sorted(INTERNATIONAL.items(), key=lambda kv: -len(kv[0])):
        if len(name) > 3 and name in low:
            return code
    return None


# Adjectives and territories the offline country data lacks (countryinfo keeps one demonym per country:
# "Argentinean" but not "Argentine", "Saudi Arabian" but not "Saudi"), and territories outside ISO 3166 coded
# as the PLOVER records code them. Curated and deliberately small; read only after the shared gazetteer
# (:mod:`newsgraph.geo`) found nothing, except the territories, which a gazetteer would misread
# ("Northern Ireland" is not Ireland, "East Jerusalem" not Israel).
EXTRA_DEMONYMS: dict[str, str] = {
    "Argentine": "ARG", "Argentines": "ARG", "Argentinian": "ARG", "Saudi": "SAU", "Saudis": "SAU",
    "Kyrgyz": "KGZ", "Kazakh": "KAZ", "Kazakhs": "KAZ", "Uzbek": "UZB", "Uzbeks": "UZB", "Tajik": "TJK",
    "Tajiks": "TJK", "Azeri": "AZE", "Azeris": "AZE", "Serb": "SRB", "Serbs": "SRB", "Croat": "HRV",
    "Croats": "HRV", "Briton": "GBR", "Britons": "GBR", "Ecuadorian": "ECU", "Slovenian": "SVN",
    "Slovakian": "SVK", "Filipinos": "PHL", "Lao": "LAO", "Yemenite": "YEM", "Cape Verdean": "CPV",
    "Salvadorean": "SLV", "Emiratis": "ARE", "Ghanaians": "GHA", "Israelis": "ISR", "Palestinians": "PSE",
    "Turk": "TUR", "Turks": "TUR",
}  # fmt: skip
TERRITORIES: dict[str, str] = {
    "Gaza": "PSE", "Gaza Strip": "PSE", "West Bank": "PSE", "East Jerusalem": "PSE", "Northern Ireland": "GBR",
    "Darfur": "SDN", "Chechnya": "RUS", "Tibet": "CHN", "Kashmir": "IND",
}  # fmt: skip


@lru_cache(maxsize=1)
def _supplement_patterns() -> list[tuple[re.Pattern[str], str, bool]]:
    out = [(re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])", re.I), v, True) for k, v in TERRITORIES.items()]
    out += [(re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])"), v, False) for k, v in EXTRA_DEMONYMS.items()]
    return out


def _supplement(text: str, territories_only: bool = False) -> str | None:
    """Country of the first territory (or, unless ``territories_only``, extra demonym) named in ``text``."""
    hits = [
        (m.start(), -len(m.group()), code)
        for pat, code, territory in _supplement_patterns()
        if territory or not territories_only
        for m in [pat.search(text)]
        if m is not None
    ]
    return min(hits)[2] if hits else None


def _country_in(text: str) -> str | None:
    """A country named anywhere in ``text``: territories first, then the shared gazetteer, then extra demonyms."""
    return _supplement(text, territories_only=True) or _find_country(text) or _supplement(text)


PRONOUNS_FIRST = frozenset({"i", "we", "us", "our", "my", "me"})
PRONOUNS_THIRD = frozenset({"it", "its", "they", "their", "them", "he", "she", "his", "her", "him"})


def _country(text: str, label: str | None) -> str | None:
    ref = country_of(text, label=label)
    return ref.alpha3 if ref is not None else None


def _capital_or_organ(text: str) -> bool:
    ref = country_of(text, label="GPE")
    return ref is not None and ref.matched_as in ("capital", "organ")


def _find_country(text: str) -> str | None:
    found = find_countries(text)
    return found[0].country.alpha3 if found else None


def noun_phrase(t: Token) -> Span:
    """The token's phrase without trailing prepositional / clausal modifiers ("South Korean Ambassador to the UN
    Hwang" keeps "South Korean Ambassador ... Hwang", drops nothing left of the head)."""
    doc = t.doc
    start = t.left_edge.i
    end = t.i + 1
    for c in t.rights:
        if c.dep_ in ("compound", "flat", "appos") or (
            c.dep_ == "prep" and c.lower_ == "of" and t.pos_ == "PROPN"
        ):
            end = max(end, c.right_edge.i + 1)
        else:
            break
    return doc[start:end]


def resolve_pronoun(t: Token, speaker: Token | None = None) -> Token:  # noqa: C901, PLR0912
    """A 3rd-person pronoun resolves to the subject of the clause that governs it ("Seoul ... signaled it may ..."),
    else to the nearest preceding place/organisation named in the sentence; other tokens are returned unchanged."""
    if t.pos_ != "PRON" or t.lower_ not in PRONOUNS_THIRD:
        return t
    if t.dep_ == "poss":
        # "the protesters ... to show their disapproval": the subject of the governing clause when it can own
        # things (a state, group or people); else "the deployment of its troops": the nearest state or
        # organisation named before it
        subj = _governing_subject(t)
        owner_like = subj is not None and (
            subj.ent_type_ in ("GPE", "NORP", "ORG") or subj.lemma_.lower() in ACTOR_NOUNS
        )
        if subj is not None and owner_like and _number_agrees(t, subj):
            return subj
        for ent in reversed([e for e in t.sent.ents if e.end <= t.i]):
            if ent.label_ in ("GPE", "NORP", "ORG"):
                return ent.root
    cur = t.head
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        nxt = cur.head
        for c in nxt.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" and c.i < t.i:
                return c
        cur = nxt
    for c in cur.children:
        if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i < t.i:
            return c
    for ent in reversed([e for e in t.sent.ents if e.end <= t.i]):
        if ent.label_ in ("GPE", "NORP", "ORG"):
            return ent.root
    return t


def _governing_subject(t: Token) -> Token | None:
    cur = t.head
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i < t.i:
                return c
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "advcl", "dobj", "pobj", "prep", "conj", "acomp"):
            return None
        cur = cur.head
    return None


def _number_agrees(pron: Token, noun: Token) -> bool:
    """ "their" goes with a plural or collective noun, "its" with a singular one; "his"/"her" with persons only."""
    low = pron.lower_
    if low in ("his", "her"):
        return noun.ent_type_ == "PERSON"
    plural = noun.tag_ in ("NNS", "NNPS")
    if low == "their":
        return plural or noun.ent_type_ in ("NORP",)
    return not plural and noun.ent_type_ != "PERSON"


def _entity_for(span: Span, entities: Sequence[Entity]) -> Entity | None:
    s, e = span.start_char, span.end_char
    best: tuple[int, Entity] | None = None
    for ent in entities:
        for m in ent.mentions:
            if m.span[0] < e and s < m.span[1]:
                score = (2 if ent.type == "PERSON" else 1) * (m.span[1] - m.span[0])
                if best is None or score > best[0]:
                    best = (score, ent)
    return best[1] if best else None


def _place_in(span: Span) -> str | None:
    """Country of a place entity inside a phrase, cities included ("a missionary from Calgary")."""
    for e in span.ents:
        if e.label_ in ("GPE", "LOC"):
            code = _supplement(e.text, territories_only=True) or _country(e.text, e.label_)
            if code:
                return code
    return None


_CLAUSE_DEPS = frozenset({"cc", "conj", "relcl", "advcl", "ccomp"})


def _coordinated(t: Token) -> list[Token]:
    """The conjuncts of an actor ("North Korea and Russia", "the Sudanese government and the SPLM/A"), in order;
    ``[t]`` for a single actor."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return [t]
    parts = {t.i: t}
    for c in t.conjuncts:
        if c.pos_ in ("NOUN", "PROPN") and c.i > t.i:
            parts[c.i] = c
    return [parts[i] for i in sorted(parts)]


def actor_from_token(
    t: Token | None, entities: Sequence[Entity] = (), speaker: Speaker | None = None
) -> Actor | None:
    """The Actor a token names; ``speaker`` resolves first-person pronouns inside a quote.

    A coordinated actor ("North Korea and Russia", "Hungarian and Romanian officials") keeps the first country in
    ``country`` and lists every country, in order, in ``countries``.
    """
    actor = _single_actor(t, entities, speaker)
    if actor is None or t is None:
        return actor
    t = resolve_pronoun(t)
    codes = [actor.country] if actor.country else []
    parts = _coordinated(t)
    for c in parts[1:]:
        other = _single_actor(c, entities, speaker)
        if other is not None and other.country:
            codes.append(other.country)
    np = noun_phrase(t)
    if any(w.dep_ == "cc" for w in np):
        # coordinated modifiers inside one phrase: "Senior Hungarian and Romanian officials"
        for e in np.ents:
            code = _country(e.text, e.label_) or _supplement(e.text)
            if code:
                codes.append(code)
    codes = list(dict.fromkeys(codes))
    if len(codes) > 1:
        actor.countries = codes
        actor.country = codes[0]
        if len(parts) > 1 and actor.entity is None:
            last = noun_phrase(parts[-1])
            name = t.doc[np.start : max(np.end, last.end)].text.strip()
            actor.name = name[4:] if name.lower().startswith("the ") else name
    return actor


def _single_actor(  # noqa: C901, PLR0912
    t: Token | None, entities: Sequence[Entity] = (), speaker: Speaker | None = None
) -> Actor | None:
    if t is None:
        return None
    if t.pos_ == "PRON" and t.lower_ in PRONOUNS_FIRST and speaker is not None:
        return actor_from_speaker(speaker, entities)
    t = resolve_pronoun(t)
    if t.pos_ == "PRON":
        # an unresolved "it"/"they"/"he" inside a claim is most often its source ("it could provide weapons")
        return actor_from_speaker(speaker, entities) if speaker is not None else None
    np = noun_phrase(t)
    ent = _entity_for(np, entities) if entities else None
    name = ent.name if ent else np.text.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    country = ent.country if ent else None
    sector = ent.sector if ent else None
    if country is None:
        country = _supplement(np.text, territories_only=True)
    if country is None:
        for e in np.ents if hasattr(np, "ents") else []:
            country = _country(e.text, e.label_)
            if country:
                break
    if country is None and t.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "FAC"):
        country = _country(t.text, t.ent_type_)
    if country is None:
        for e in np.ents:
            if e.label_ == "ORG" and (code := international_code(e.text)):
                country = code
                break
    if country is None and not (ent and ent.type == "PERSON"):
        # NER misses ("British Defence" as ORG): scan the phrase, then its modifiers ("forces in Guinea")
        # ... but not into coordinated actors or clauses ("Hamas, which advocates Israel's destruction")
        stop = min(
            [c.left_edge.i for c in t.children if c.i > t.i and c.dep_ in _CLAUSE_DEPS] + [t.right_edge.i + 1]
        )
        subtree = t.doc[t.left_edge.i : max(stop, t.i + 1)]
        country = _country_in(np.text) or _country_in(subtree.text) or _place_in(subtree)
    if sector is None:
        sector = SECTOR_NOUNS.get(t.lemma_.lower())
        if sector is None:
            for c in np:
                # common nouns, and capitalised titles before a name ("President Mugabe", "Judge Rivera")
                title = c.pos_ == "PROPN" and c.i < t.i and c.ent_type_ in ("", "PERSON")
                if c.lemma_.lower() in SECTOR_NOUNS and (c.pos_ == "NOUN" or title):
                    sector = SECTOR_NOUNS[c.lemma_.lower()]
                    break
        if sector is None and t.ent_type_ in ("GPE", "FAC", "ORG") and _capital_or_organ(np.text):
            sector = "GOV"  # "Washington", "Seoul", "the Kremlin" as actors: the government (PLOVER records)
    if (
        country is None
        and speaker is not None
        and ent is None
        and t.pos_ == "NOUN"
        and sector in ("GOV", "MIL", "SPY")
    ):
        # "the government urges ..." in a South Korean official's quote: the speaker's state
        country = actor_from_speaker(speaker, entities).country
    return Actor(name=name, entity=ent.id if ent else None, country=country, sector=sector)


def actor_from_speaker(speaker: Speaker, entities: Sequence[Entity] = ()) -> Actor:
    """A claim's source as an event actor (country and sector from its entity when it has one)."""
    ent = next((e for e in entities if speaker.entity and e.id == speaker.entity), None)
    country = ent.country if ent else None
    sector = ent.sector if ent else None
    if country is None:
        text = " ".join(x for x in (speaker.name, speaker.description or "") if x)
        found = find_countries(text)
        country = found[0].country.alpha3 if found else None
    if sector is None:
        for w in (speaker.description or speaker.name).lower().split():
            if w.rstrip("s") in SECTOR_NOUNS:
                sector = SECTOR_NOUNS[w.rstrip("s")]
                break
    countries: list[str] = []
    if ent is None and _COORDINATION.search(speaker.name):
        # "North Korea and Russia" (both denied): a compound speaker names one country per conjunct
        countries = list(dict.fromkeys(m.country.alpha3 for m in _find_all(speaker.name)))
        if len(countries) > 1:
            country = countries[0]
        else:
            countries = []
    return Actor(
        name=ent.name if ent else speaker.name,
        entity=ent.id if ent else speaker.entity,
        country=country,
        sector=sector,
        countries=countries,
    )


_COORDINATION = re.compile(r"\s(?:and|&)\s")


def _find_all(text: str) -> list[CountryMatch]:
    return find_countries(text)
