"""Rule ``own_complement``: which complement a cue verb reports when the parse gives it more than one.

The parser may hang the sentence before a cue verb (or a dateline) on the verb as its clausal complement:
``Viguerie is upbeat. He sees Cruz as a uniter`` (``is`` a ``ccomp`` of ``sees``), ``WASHINGTON (AP) — A report
said …``. :func:`newsgraph.attribution.verb_rules.ccomp_rule` reads these helpers.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.frames import VerbFrame
from newsgraph.attribution.records import AGENT_ENTS

CLOSING = frozenset({"”", "’", '"', "'"})


def inverted_report(comp: Token) -> bool:
    """``“…,” Kim said``: a clause before its cue verb that closes a quotation (the quote mark ends it or follows it
    after punctuation) is what the verb reports, whatever the parse hangs after the verb."""
    doc = comp.doc
    j = comp.right_edge.i
    while j < len(doc) and (doc[j].is_punct or j == comp.right_edge.i):
        if doc[j].text in CLOSING:
            return True
        j += 1
    return False


# verbs whose object is the addressee, not the content ("…, a spokesman told The Wall Street Journal")
ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "assure", "warn", "remind", "notify", "brief", "advise", "caution", "ask"}
)


def own_complement(f: VerbFrame) -> Token | None:
    """Rule ``own_complement``: a complement of the cue verb after it, in its own clause (``he sees Cruz as a
    uniter``, ``the police has announced the suspect's name``). The parse may hang the sentence before (or a
    dateline) on the verb as a clausal complement; with a complement of its own after the verb, that earlier
    clause is not what the verb reports: ``verb_rules.ccomp_rule`` leaves it, and the object rules read the verb's own
    complement. An addressee (``told The Wall Street Journal``) is no content; a short answer is one (``“You
    winning?” she said, but …, Melanie said yes``: the parse hangs ``she said`` on the second ``said``)."""
    for c in f.verb.rights:
        if c.dep_ == "xcomp" or (c.dep_ == "dobj" and f.lemma not in ADDRESSEE_VERBS):
            return c
        if c.dep_ == "intj" and c.lower_ in {"yes", "no"}:
            return c
    return None


# who a speaker tells: "telling the crowd", "told reporters"
ADDRESSEE_NOUNS = frozenset(
    {
        "crowd",
        "reporter",
        "audience",
        "supporter",
        "voter",
        "journalist",
        "viewer",
        "listener",
        "people",
        "host",
    }
)


def addressee_object(lemma: str, dobj: Token) -> bool:
    """Rule ``addressee_object``: the object of ``tell``, ``assure``, ``warn`` … that names who is told (``Ramos
    told AFP``, ``telling the crowd``, ``told reporters``) is no content: what was said is elsewhere (a quote the
    quote rules attach to the verb); ``told stories of …`` keeps its object."""
    if lemma not in ADDRESSEE_VERBS:
        return False
    return (
        dobj.ent_type_ in AGENT_ENTS
        or dobj.pos_ in {"PROPN", "PRON"}
        or dobj.lemma_.lower() in ADDRESSEE_NOUNS
    )


QUESTION_ADDRESSEE_VERBS = ADDRESSEE_VERBS | {"question", "press", "quiz"}


def passive_addressee(verb: Token) -> Token | None:
    """Rule ``passive_addressee``: the subject of a passive ``ask``, ``tell``, ``assure`` … is who was asked or
    told, not who spoke (``Sanders was asked whether he would endorse Clinton``, ``voters were assured that …``).
    Returns that subject (its head token); the speaker is then the ``by`` agent (:func:`passive_agent`) or no one
    named."""
    if verb.lemma_.lower() not in QUESTION_ADDRESSEE_VERBS or not any(
        c.dep_ == "auxpass" for c in verb.children
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def passive_agent(verb: Token) -> Token | None:
    """The noun of a passive verb's ``by`` phrase (``was asked by a reporter`` -> ``reporter``)."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
