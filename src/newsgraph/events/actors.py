"""Actors of coded events: from a parse token to ``Actor{name, entity, country, sector}``.

The country comes from the article's canonical entity when the claims stage produced one (a person's country and
sector come from their entity), else from the place names, demonyms and capitals inside the actor's noun phrase
(:func:`newsgraph.claims.geo.country_of`). The sector falls back to the PLOVER sector of the phrase's head noun
("troops" -> MIL, "ministry" -> GOV); a capital city as actor is GOV (PLOVER gold-standard convention).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

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
    "REB": "rebel guerrilla insurgent militant separatist",
    "SPY": "intelligence spy",
    "JRN": "media newspaper radio television journalist reporter agency paper daily",
    "PTY": "party",
    "LAB": "worker union",
    "CVL": "protester demonstrator civilian student activist resident",
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


PRONOUNS_FIRST = frozenset({"i", "we", "us", "our", "my", "me"})
PRONOUNS_THIRD = frozenset({"it", "its", "they", "their", "them", "he", "she", "his", "her", "him"})


def _country(text: str, label: str | None) -> str | None:
    try:
        from newsgraph.claims.geo import country_of
    except ImportError:  # pragma: no cover - claims stage absent
        return None
    ref = country_of(text, label=label)
    return ref.alpha3 if ref is not None else None


def _find_country(text: str) -> str | None:
    try:
        from newsgraph.claims.geo import find_countries
    except ImportError:  # pragma: no cover - claims stage absent
        return None
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


def resolve_pronoun(t: Token, speaker: Token | None = None) -> Token:
    """A 3rd-person pronoun resolves to the subject of the clause that governs it ("Seoul ... signaled it may ..."),
    else to the nearest preceding place/organisation named in the sentence; other tokens are returned unchanged."""
    if t.pos_ != "PRON" or t.lower_ not in PRONOUNS_THIRD:
        return t
    if t.dep_ == "poss":
        # "the deployment of its troops": the nearest state or organisation named before it
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


def actor_from_token(
    t: Token | None, entities: Sequence[Entity] = (), speaker: Speaker | None = None
) -> Actor | None:
    """The Actor a token names; ``speaker`` resolves first-person pronouns inside a quote."""
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
        subtree = t.doc[t.left_edge.i : t.right_edge.i + 1]
        country = _find_country(np.text) or _find_country(subtree.text)
    if sector is None:
        sector = SECTOR_NOUNS.get(t.lemma_.lower())
        if sector is None:
            for c in np:
                if c.lemma_.lower() in SECTOR_NOUNS and c.pos_ == "NOUN":
                    sector = SECTOR_NOUNS[c.lemma_.lower()]
                    break
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
        try:
            from newsgraph.claims.geo import find_countries

            found = find_countries(text)
            country = found[0].country.alpha3 if found else None
        except ImportError:  # pragma: no cover
            country = None
    if sector is None:
        for w in (speaker.description or speaker.name).lower().split():
            if w.rstrip("s") in SECTOR_NOUNS:
                sector = SECTOR_NOUNS[w.rstrip("s")]
                break
    return Actor(
        name=ent.name if ent else speaker.name,
        entity=ent.id if ent else speaker.entity,
        country=country,
        sector=sector,
    )
