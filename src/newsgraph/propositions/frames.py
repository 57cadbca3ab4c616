"""What a claim's content states, read off the parse: a :class:`Frame` (predicate lemma + core arguments), or the
named rule that says it is not a proposition at all.

A content is one of:

* ``clause``: a predicate with its arguments ("North Korea plans to send troops to Russia", "to ban all Muslims");
* ``nominal``: an event noun with at least one argument ("the alleged troop deployment", "Russia's invasion of
  Ukraine"); the predicate is the verb it derives from (:func:`~newsgraph.propositions.derive.nominal_verb`);
* ``event``: a bare definite event noun ("the deployment"): it can only refer back to a proposition of its verb;
* ``anaphor``: a claim noun or pronoun that refers back ("the claims", "such reports", "it");
* not a proposition: see :data:`newsgraph.propositions.reject.REJECT_RULES` (bare name, pronoun, complementiser,
  request for comment, fragment).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsgraph.claims.lexicon import FALSITY
from newsgraph.lexicon.numbers import SCALE_WORDS
from newsgraph.propositions.derive import nominal_verb
from newsgraph.propositions.lexicon import (
    ANAPHOR_DETERMINERS,
    ANAPHOR_NOUNS,
    ANAPHOR_PRONOUNS,
    BELIEF_ADJECTIVES,
    BOUND_PRONOUNS,
    COMPLEMENTISERS,
    FIRST_PERSON,
    GENERIC_HEADS,
    IMPERSONAL_VERBS,
    KEY_PREPS,
    LIGHT_VERBS,
    PLURAL_SHARES,
    QUANTITY_HEADS,
    SPEECH_NOUNS,
    TRUTH_WORDS,
)

__all__ = [
    "Context",
    "Frame",
    "FrameKind",
    "anaphor_head",
    "bound_to_source",
    "clause_frame",
    "content_lemmas",
    "content_tokens",
    "evaluated_anaphor",
    "event_references",
    "nominal_frame",
    "normalise_lemma",
    "plural_source",
    "qualifiers_of",
    "raised_subject",
    "read_frame_tokens",
    "scaled_figure",
    "speaker_in_own_words",
    "subject_of",
    "wh_infinitive",
]

FrameKind = Literal["clause", "nominal", "event", "anaphor"]
_SAY_VERBS = frozenset(
    {"say", "think", "believe", "know", "tell", "claim", "report", "insist", "argue", "note"}
)
_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative", "nsubjpass", "attr", "oprd", "acomp")
_NUM = re.compile(r"[^0-9.]")


@dataclass
class Context:
    """What frame reading needs besides the span: the doc, known verb lemmas, and token -> entity id."""

    doc: Doc
    verbs: Collection[str] = frozenset()
    ent_of: dict[int, str] = field(default_factory=dict)
    speaker: str | None = None  # key of the claim's source: "I" / "we" in its words stand for it
    speaker_name: str | None = None  # and its name: "Russia denied that it attacked" -> Russia attacked
    speaker_kind: str | None = None  # and its kind (person, state, organization, ...)
    direct: bool = False  # the claim is the source's own words (a direct quote): "he" / "it" is someone else
    source_mention: frozenset[int] = frozenset()  # tokens naming the claim's source: never in its statement


@dataclass(frozen=True)
class Frame:
    """The fact a content states: predicate lemma and argument keys (``e:ENTITY_ID`` or ``l:lemma``)."""

    kind: FrameKind
    predicate: str
    head: int
    subject: int | None = None
    theme: int | None = None
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    qualifiers: frozenset[str] = (
        frozenset()
    )  # modifiers of a copula's noun: "a miracle cell" (:func:`qualifiers_of`)
    anaphor: str | None = None
    lemmas: frozenset[str] = frozenset()  # content words of the whole content (lemmas and entity keys)
    event_refs: frozenset[str] = (
        frozenset()
    )  # verbs of definite event nouns it mentions (:func:`event_references`)

    @property
    def core(self) -> frozenset[str]:
        return self.subjects | self.objects | self.goals


_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
_LIGHT_CONTENT = frozenset(
    {"say", "tell", "think", "know", "go", "get", "make", "do", "have", "be", "can", "will"}
)


def content_lemmas(toks: list[Token], ctx: Context) -> frozenset[str]:
    """The content words of a content: lemmas of nouns, verbs, adjectives and numbers (light verbs and generic
    heads left out), with entities as their ids."""
    out: set[str] = set()
    for t in toks:
        eid = ctx.ent_of.get(t.i)
        if eid is not None:
            out.add(f"e:{eid}")
            continue
        lem = t.lemma_.lower()
        if (
            t.pos_ in _CONTENT_POS
            and not t.is_stop
            and lem not in GENERIC_HEADS
            and lem not in _LIGHT_CONTENT
        ):
            out.add(normalise_lemma(t, ctx))
    return frozenset(out)


def normalise_lemma(tok: Token, ctx: Context) -> str:
    """A content word's lemma, an event noun read as its verb ("disclosure" -> disclose, "expansion" -> expand),
    so that a clause and a nominalisation of one fact share their words."""
    lem = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lem not in SPEECH_NOUNS and lem not in ANAPHOR_NOUNS:
        return nominal_verb(lem, ctx.verbs) or lem
    return lem


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})


def event_references(toks: list[Token], ctx: Context, skip: int) -> frozenset[str]:
    """Verbs of the definite event nouns a content mentions besides its own head ("plans to pay for the
    expansion" -> expand; "the audit as the reason he is not releasing" -> audit): facts it refers back to."""
    out: set[str] = set()
    for t in toks:
        if t.i == skip or t.pos_ != "NOUN":
            continue
        lem = t.lemma_.lower()
        if lem in SPEECH_NOUNS or lem in ANAPHOR_NOUNS:
            continue
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in t.children):
            continue
        verb = nominal_verb(lem, ctx.verbs)
        if verb is not None:
            out.add(verb)
    return frozenset(out)


def complementiser_read_as_determiner(tok: Token) -> bool:
    """Rule ``that_before_a_plural_is_a_complementiser``: "recommends [that] academic tutoring programs have tutors":
    the parser made *that* a determiner of *programs*, but a determiner *that* never goes with a plural noun
    ("those programs"); it is the complementiser of the clause, no word of its subject."""
    return tok.lower_ == "that" and tok.dep_ == "det" and tok.head.tag_ in ("NNS", "NNPS")


def content_tokens(span: Span) -> list[Token]:
    """The span's tokens without quote marks, punctuation at the edges and a leading complementiser."""
    toks = [t for t in span if not t.is_quote and not t.is_space]
    while toks and toks[0].is_punct:
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if len(toks) > 1 and (
        (
            toks[0].lower_ in COMPLEMENTISERS
            and toks[0].dep_ in ("mark", "complm", "advmod")
            and not wh_infinitive(toks)
        )
        or complementiser_read_as_determiner(toks[0])
    ):
        toks.pop(0)
    return toks


def wh_infinitive(toks: list[Token]) -> bool:
    """Rule ``wh_infinitive_is_a_question``: "[did not know] how to solve a homework problem", "[explains] how to
    reset the router" name a question, not a fact, so the wh-word stays (and the content is an indirect question);
    dropped like a complementiser it left "The student did not know to solve a homework problem", a WCXB tracked
    claim."""
    return toks[0].tag_ in ("WRB", "WP") and toks[1].tag_ == "TO"


# --- reading the frame -----------------------------------------------------------------------------------------


def anaphor_head(toks: list[Token]) -> str | None:
    """ "the claims", "such reports", "these allegations", "it" (also "the claims as rumors": the object before a
    characterisation): the anaphor's head word, or None."""
    if len(toks) == 1 and toks[0].lower_ in ANAPHOR_PRONOUNS and toks[0].pos_ in ("PRON", "DET"):
        return toks[0].lower_
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    rest = [r for r in roots[1:] if not r.is_punct and r.pos_ != "CCONJ"]
    if not roots or any(not (r.dep_ == "prep" and r.lower_ == "as") and not _truth(r) for r in rest):
        return None
    head = roots[0]
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() not in ANAPHOR_NOUNS:
        return None
    as_ = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"]  # "the claims as rumors"
    skip = {t.i for c in as_ for t in c.subtree}
    phrase = [t for t in head.subtree if t.i in ids and not t.is_punct and t.i not in skip]
    kids = [c for c in head.children if c.i not in skip]
    if len(phrase) > 4 or any(c.dep_ in ("acl", "ccomp", "relcl", "prep") for c in kids):
        return None
    dets = {t.lower_ for t in phrase if t.i != head.i}
    if dets & ANAPHOR_DETERMINERS or (head.tag_ == "NNS" and len(phrase) <= 2):
        return head.lemma_.lower()
    return None


def plural_source(tok: Token, ctx: Context) -> Token | None:
    """Rule ``they_is_a_plural_source``: "they" as the subject of what a plural source says stands for that
    source ("Many consumers say they are more likely to buy": consumers are; "a majority of voters said they would
    back him"): the plural noun heading the source's mention (through ``a share / majority / number of``), or
    None."""
    if tok.lower_ != "they" or not ctx.source_mention:
        return None
    head = tok.doc[min(ctx.source_mention) : max(ctx.source_mention) + 1].root
    if head.i == tok.i:
        return None
    if head.lemma_.lower() in PLURAL_SHARES:
        head = of_object(head) or head
    return head if head.tag_ in ("NNS", "NNPS") else None


def of_object(head: Token) -> Token | None:
    """The object of ``of`` under a quantity or share ("thousands [of shootings]", "a majority [of voters]")."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def bound_to_source(tok: Token, ctx: Context) -> bool:
    """A subject pronoun that stands for the claim's source: "he"/"she" for a person, "it"/"they" for a state
    or organisation, "they" for a plural source (:func:`plural_source`); not before a contraction ("they're") nor
    as the subject of an impersonal verb ("it seems": only "it" is impersonal, "she said she was tired" is about
    her), and never in a direct quote (the source's own words name itself "I"/"we": "'The sooner he releases his
    returns, the better,' Goldberg said" is not about Goldberg)."""
    if ctx.direct or tok.dep_ not in _SUBJ or tok.lower_ not in BOUND_PRONOUNS or not tok.whitespace_:
        return False
    if tok.lower_ == "it" and tok.head.lemma_.lower() in IMPERSONAL_VERBS:
        return False
    if plural_source(tok, ctx) is not None:
        return True
    if ctx.speaker is None:
        return False
    person = tok.lower_ in ("he", "she")
    return person == (ctx.speaker_kind == "person") and ctx.speaker_kind in (
        "person",
        "state",
        "organization",
    )


def _truth(tok: Token) -> bool:
    """ "true", "false", "unfounded", "fabricated": a word that judges a claim's truth."""
    lem = tok.lemma_.lower()
    return lem in TRUTH_WORDS or lem in FALSITY or tok.lower_ in FALSITY or tok.lower_ in TRUTH_WORDS


def evaluated_anaphor(frame: Frame, ctx: Context) -> str | None:
    """ "Trump's statement was true", "the claims are baseless": the subject is a claim noun and the predicate
    judges its truth - a reference to that claim's proposition, not a new one."""
    if frame.subject is None:
        return None
    subj = ctx.doc[frame.subject]
    pred = ctx.doc[frame.head]
    judged = frame.predicate in TRUTH_WORDS or frame.predicate in FALSITY or _truth(pred)
    if judged and subj.lemma_.lower() in ANAPHOR_NOUNS | SPEECH_NOUNS:
        return subj.lemma_.lower()
    return None


def speaker_in_own_words(tok: Token, entity: str, ctx: Context) -> bool:
    """A third-person pronoun resolved to the claim's own source inside a direct quote: a misresolution, since
    a source names itself "I"/"we" in its own words ("'The sooner he releases his returns,' Goldberg said")."""
    return (
        ctx.direct and tok.pos_ == "PRON" and tok.lower_ not in FIRST_PERSON and ctx.speaker == f"e:{entity}"
    )


def _keys(tok: Token, ctx: Context) -> set[str]:
    """Keys of one argument: the entities mentioned in its phrase and its head lemma (when not generic)."""
    out: set[str] = set()
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp") and t.i != tok.i:
            break
        eid = ctx.ent_of.get(t.i)
        if eid is not None and not speaker_in_own_words(t, eid, ctx):
            out.add(f"e:{eid}")
    if tok.i in ctx.ent_of and not speaker_in_own_words(tok, ctx.ent_of[tok.i], ctx):
        return out
    if tok.lower_ in FIRST_PERSON and ctx.speaker is not None:
        out.add(ctx.speaker)
        return out
    if bound_to_source(tok, ctx):  # "Russia denied that it attacked the convoy": it = Russia
        plural = plural_source(tok, ctx) if ctx.speaker is None else None
        key = ctx.speaker or (f"l:{plural.lemma_.lower()}" if plural is not None else None)
        if key is not None:
            out.add(key)
        return out
    lem = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN", "NUM") and lem not in GENERIC_HEADS and len(lem) > 1:
        out.add(f"l:{lem}")
    return out


def scaled_figure(tok: Token) -> bool:
    """Rule ``scale_is_no_figure``: in "$679 billion" the figure is 679; "billion" only scales it, so "$100 billion"
    and "$679 billion" share no number."""
    return tok.lower_ in SCALE_WORDS and tok.i > 0 and tok.nbor(-1).like_num


def _numbers(head: Token) -> frozenset[str]:
    nums = set()
    for t in head.subtree:
        if scaled_figure(t):
            continue
        if t.like_num and t.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", ""):
            digits = _NUM.sub("", t.text)
            nums.add(digits or t.lower_)
    return frozenset(nums)


def _pobj_keys(prep: Token, ctx: Context) -> set[str]:
    out: set[str] = set()
    for c in prep.children:
        if c.dep_ == "pobj":
            out |= _keys(c, ctx)
    return out


def predicate_chain(verb: Token) -> Token:
    """Follow light verbs, speech and belief verbs down to the verb that names the event:
    "plans to send" -> send, "I think they lied" -> lied."""
    seen = 0
    while seen < 5:
        seen += 1
        lem = verb.lemma_.lower()
        nxt = None
        if lem in LIGHT_VERBS:
            nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        elif lem in _SAY_VERBS:
            nxt = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None and lem == "be":  # "he's satisfied that there has been no disclosure"
            adj = next(
                (c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in BELIEF_ADJECTIVES),
                None,
            )
            kids = list(adj.children) + list(verb.children) if adj is not None else []
            nxt = next((c for c in kids if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            return verb
        verb = nxt
    return verb


def raised_subject(verb: Token, passive: Token) -> bool:
    """Rule ``raised_subject``: "Global spending is expected to surpass $679 billion", "Troops are believed to have
    crossed": the subject of a passive raising verb is the subject of the infinitive under it (spending surpasses,
    troops crossed); the passive verb is reached from ``verb`` by xcomp links only."""
    cur = verb
    while cur.i != passive.i:
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.i != verb.i


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing xcomp / conj links ("North Korea plans to send": North Korea); None for a
    passive ("troops were sent": the nsubjpass is the theme, an object), except above an infinitive (rule
    :func:`raised_subject`)."""
    cur = verb
    for _ in range(5):
        passive = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive if raised_subject(verb, cur) else None
        subj = next((c for c in cur.children if c.dep_ in _SUBJ), None)
        if subj is not None and subj.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
            return cur.head  # "Trump, who has pledged to ban all Muslims": Trump
        if subj is not None:
            return subj
        if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
        else:
            return None
    return None


def clause_frame(  # noqa: C901
    verb: Token, ctx: Context, subject: Token | None = None, theme: Token | None = None
) -> Frame:
    """The frame of a clause; ``subject`` / ``theme`` override what the parse gives ("accused Russia of
    taking": Russia takes; "troops allegedly deployed", parsed loosely: troops)."""
    pred = predicate_chain(verb)
    lem = pred.lemma_.lower()
    if lem == "be" and any(c.dep_ == "expl" for c in pred.children):
        ex = existential_frame(pred, ctx)
        if ex is not None:
            return ex
    qualifiers: frozenset[str] = frozenset()
    if lem == "be":  # copular: the attribute is the predicate ("the claims are false": false)
        attr = next((c for c in pred.children if c.dep_ in ("attr", "acomp")), None)
        lem = attr.lemma_.lower() if attr is not None else lem
        qualifiers = qualifiers_of(attr) if attr is not None else qualifiers
    subjects: set[str] = set()
    objects: set[str] = set()
    goals: set[str] = set()
    subj = subject if subject is not None else subject_of(pred)
    if subj is not None:
        subjects |= _keys(subj, ctx)
    if theme is None and pred.dep_ in ("acl", "relcl") and pred.head.pos_ in ("NOUN", "PROPN"):
        theme = pred.head  # "troops deployed to Russia"
    if theme is not None:
        objects |= _keys(theme, ctx)
    for c in pred.children:
        if c.dep_ in _OBJ:
            objects |= _keys(c, ctx)
        elif c.dep_ == "agent":
            subjects |= _pobj_keys(c, ctx)
        elif c.dep_ == "prep" and c.lower_ in KEY_PREPS:
            goals |= _pobj_keys(c, ctx)
        elif c.dep_ == "prt":
            lem = f"{lem} {c.lower_}" if lem not in ("pull",) else lem
    return Frame(
        kind="clause",
        predicate=lem,
        head=pred.i,
        subject=subj.i if subj is not None else None,
        theme=theme.i if theme is not None else None,
        subjects=frozenset(subjects),
        objects=frozenset(objects),
        goals=frozenset(goals),
        numbers=_numbers(pred),
        qualifiers=qualifiers,
    )


def qualifiers_of(attr: Token) -> frozenset[str]:
    """The adjectives and noun modifiers of a copula's noun ("is not a *miracle* cell", "is a *normal* cell"): what
    kind of thing the subject is said to be (see ``link.qualifiers_conflict``)."""
    if attr.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    return frozenset(
        c.lemma_.lower() for c in attr.children if c.dep_ in ("amod", "compound") and c.pos_ != "NUM"
    )


def existential_frame(be: Token, ctx: Context) -> Frame | None:
    """ "There have been thousands of shootings in Chicago" -> shoot(goals: Chicago); "there was an issue with
    Trump's microphone" -> issue(goals: microphone, Trump): what there is names the predicate."""
    what = next((c for c in be.children if c.dep_ in ("attr", "nsubj")), None)
    if what is None:
        return None
    if what.lemma_.lower() in QUANTITY_HEADS or what.like_num:
        what = of_object(what) or what
    nf = nominal_frame(what, ctx)
    goals: set[str] = set()
    for t in (what, be):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in KEY_PREPS:
                goals |= _pobj_keys(c, ctx)
    if nf is not None:
        return Frame(
            kind="clause",
            predicate=nf.predicate,
            head=be.i,
            subjects=nf.subjects,
            objects=nf.objects,
            goals=nf.goals | frozenset(goals),
            numbers=_numbers(be),
        )
    return Frame(
        kind="clause",
        predicate=what.lemma_.lower(),
        head=be.i,
        objects=frozenset(_keys(what, ctx) - {f"l:{what.lemma_.lower()}"}),
        goals=frozenset(goals),
        numbers=_numbers(be),
    )


def nominal_frame(noun: Token, ctx: Context) -> Frame | None:
    """An event noun's frame: "the alleged troop deployment" -> deploy(objects: troop);
    "Russia's invasion of Ukraine" -> invade(subjects: Russia, objects: Ukraine). None if not an event noun."""
    lem = noun.lemma_.lower()
    if lem in SPEECH_NOUNS or lem in ANAPHOR_NOUNS:
        return None
    verb = nominal_verb(lem, ctx.verbs)
    if verb is None:
        return None
    subjects: set[str] = set()
    objects: set[str] = set()
    goals: set[str] = set()
    for c in noun.children:
        if c.dep_ == "poss":
            subjects |= _keys(c, ctx)
        elif c.dep_ == "compound" or (c.dep_ == "amod" and c.i in ctx.ent_of):
            (subjects if c.i in ctx.ent_of else objects).update(_keys(c, ctx) | {f"l:{c.lemma_.lower()}"})
        elif c.dep_ == "prep" and c.lower_ == "of":
            objects |= _pobj_keys(c, ctx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            subjects |= _pobj_keys(c, ctx)
        elif c.dep_ == "prep" and c.lower_ in KEY_PREPS:
            goals |= _pobj_keys(c, ctx)
    subjects = {k for k in subjects if not k.startswith("l:") or k[2:] not in GENERIC_HEADS}
    objects = {k for k in objects if not k.startswith("l:") or k[2:] not in GENERIC_HEADS}
    kind: FrameKind = "nominal" if subjects or objects or goals else "event"
    return Frame(
        kind=kind,
        predicate=verb,
        head=noun.i,
        subjects=frozenset(subjects),
        objects=frozenset(objects),
        goals=frozenset(goals),
        numbers=_numbers(noun),
    )


def read_frame_tokens(toks: list[Token], ctx: Context) -> Frame | None:  # noqa: C901
    """The frame of a content given as tokens (see :func:`newsgraph.propositions.reject.read_frame`), ignoring anaphors."""
    if not toks:
        return None
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    for r in roots:
        if r.pos_ in ("VERB", "AUX"):
            return clause_frame(r, ctx)
    for r in roots:  # "accused Russia of taking a gamble": Russia takes a gamble
        if r.dep_ == "prep" and r.lower_ in ("of", "for"):
            pcomp = next((c for c in r.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            agent = next((x for x in roots if x.pos_ in ("NOUN", "PROPN", "PRON") and x.i < r.i), None)
            if pcomp is not None and agent is not None:
                return clause_frame(pcomp, ctx, subject=agent)
    for r in roots:
        if r.pos_ in ("NOUN", "PROPN"):
            # "reports that North Korea sent troops": the clause the claim noun carries
            clause = next(
                (c for c in r.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None
            )
            if clause is not None and r.lemma_.lower() in ANAPHOR_NOUNS:
                return clause_frame(clause, ctx)
            fr = nominal_frame(r, ctx)
            if fr is not None:
                return fr
    verbs = [
        t
        for t in toks
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") and not buried_clause(t, ids, roots)
    ]
    return clause_frame(verbs[0], ctx) if verbs else None


def buried_clause(verb: Token, ids: set[int], roots: list[Token]) -> bool:
    """Rule ``buried_clause_is_not_the_content``: a relative or adverbial clause that modifies a word deep inside a
    nominal content is not what the source says, nor is any verb under it. In "dismissed [the criticism as the
    voice of Mr. Tribe's client, Peabody Energy, which filed for bankruptcy]" Obama dismisses the criticism, not
    the bankruptcy; a clause on a head of the content ("[troops] deployed to Russia") still gives the frame."""
    tok = verb
    while tok.i in ids and tok not in roots:
        if tok.dep_ in ("relcl", "acl", "advcl") and tok.head not in roots:
            return True
        tok = tok.head
    return False
