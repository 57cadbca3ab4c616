"""The canonical statement of a proposition: a clean clause with a predicate, never a bare name.

Built from the most explicit member (a clause with subject and object beats a nominalisation, which beats an
anaphor): subject + verb chain + object + key prepositional modifiers, quote marks dropped, a pronoun subject
replaced by the entity it refers to. A proposition known only through nominalisations gets a clause generated
from the event noun ("the deployment of North Korean troops" -> "North Korean troops were deployed").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.propositions.frames import Context, Frame, bound_to_source, complementiser_read_as_determiner
from newsgraph.propositions.lexicon import INTRANSITIVE_PAST, KEY_PREPS, WRITER_HEDGES
from newsgraph.propositions.phrases import list_marker, what_it_has, what_it_is

__all__ = [
    "FINITE_TAGS",
    "asks_what",
    "bare_compound_names_a_topic",
    "chain_words",
    "clause_statement",
    "content_lead",
    "finite_clause",
    "has_finite_verb",
    "headline_future",
    "infinitive_aim",
    "infinitive_modifier",
    "nominal_statement",
    "object_gap_relative",
    "opens_with_a_verb",
    "past_participle",
    "relative_link",
    "source_phrase",
    "subject_case",
]

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Penn tags of a finite verb (past, present, modal): a clause that states something has one."""

_CUT = ("relcl", "acl", "appos", "advcl", "ccomp", "parataxis")
_WS = re.compile(r"\s+")
_IRREGULAR = {
    "send": "sent",
    "win": "won",
    "sell": "sold",
    "give": "given",
    "take": "taken",
    "make": "made",
    "pay": "paid",
    "lose": "lost",
    "build": "built",
    "steal": "stolen",
    "hold": "held",
    "meet": "met",
    "leave": "left",
    "buy": "bought",
    "bring": "brought",
    "fight": "fought",
    "seek": "sought",
    "shoot": "shot",
    "strike": "struck",
    "lead": "led",
    "hit": "hit",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "spend": "spent",
    "withdraw": "withdrawn",
    "die": "died",
    "lie": "lied",
    "flee": "fled",
    "write": "written",
    "break": "broken",
    "begin": "begun",
    "grow": "grown",
    "fall": "fallen",
    "rise": "risen",
    "drive": "driven",
    "tell": "told",
}


def past_participle(verb: str) -> str:
    """deploy -> deployed, invade -> invaded, send -> sent, supply -> supplied, ban -> banned."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if (
        len(verb) <= 4
        and len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        return verb + verb[-1] + "ed"
    return verb + "ed"


MAX_INFINITIVE_WORDS = 6


def infinitive_modifier(tok: Token) -> bool:
    """Rule ``infinitive_modifier``: a short infinitive that modifies a noun (``one hell of a way [to lose]``, ``the
    right [to vote]``), with no subject of its own, belongs to the noun's phrase; other relative clauses do not."""
    return (
        tok.dep_ in {"relcl", "acl"}
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        and sum(1 for t in tok.subtree if not t.is_punct) <= MAX_INFINITIVE_WORDS
    )


def _phrase(tok: Token, out: set[int], keep: frozenset[str] = frozenset()) -> None:
    """Add the token's phrase, without relative clauses (but an :func:`infinitive_modifier`), appositions and
    subordinate clauses (but those whose relation is in ``keep``)."""
    out.add(tok.i)
    for c in tok.children:
        if (c.dep_ not in _CUT or c.dep_ in keep or infinitive_modifier(c)) and not c.is_quote:
            _phrase(c, out, keep)


def infinitive_aim(verb: Token) -> bool:
    """Rule ``infinitive_is_no_statement``: a to-infinitive with no subject of its own ("[Obama's announcement] to
    reduce emissions from coal-fired power plants, which gave Mr. Kerry … leverage", "[Patriot Coal was left] to
    deal with its health care obligations") names an aim; it states nothing (a finite verb in a clause inside it
    does not make it one). ``verb``: the content's root, or the top of a statement's verb chain."""
    return (
        verb.tag_ == "VB"
        and any(c.tag_ == "TO" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _argument_phrase(pred: Token, arg: Token) -> set[int]:
    out: set[int] = set()
    _phrase(arg, out)
    return out | what_it_has(pred, arg) | what_it_is(arg)


def say_to_instruction(top: Token, pred: Token) -> bool:
    """Rule ``say_to_is_an_instruction``: a to-infinitive under "say" tells someone what to do ("Doctors say to
    drink more water", "self-compassion says to give yourself some grace"): advice, no fact; the statement would be
    the attribution itself ("Doctors say to drink more water")."""
    return top.i != pred.i and top.lemma_.lower() == "say" and infinitive_aim(pred)


def content_lead(span: Span) -> Token:
    """The verb a content opens with: the verb of a leading "to" ("to deal with its obligations after a fund was
    created": *deal*, where the parse may hang *created* higher and make it the span's root), else the root."""
    return span[0].head if span[0].tag_ == "TO" and span[0].head.i > span[0].i else span.root


WH_WORDS = frozenset({"what", "how", "who", "whom", "where", "why", "when", "which", "whether"})


def asks_what(doc: Doc, ids: set[int], top: Token) -> bool:
    """Rule ``indirect_question_states_nothing``: a statement that opens with a wh-word of its own clause ("What
    she was thinking" from "I don't know what she was thinking", "How aggressive his accounting has been",
    "Who else had received legal protection") asks or names a question; it states nothing. A wh-clause that is
    only the subject of the statement's own predicate stays ("What he proposed would benefit people like him")."""
    if not ids:
        return False
    first = doc[min(ids)]
    if first.lower_ not in WH_WORDS:
        return False
    gov = first.head
    while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
        gov = gov.head
    return gov.i == top.i or (gov.head.i == top.i and gov.dep_ in ("aux", "auxpass"))


RELATIVE_PRONOUNS = frozenset({"which", "whom", "who", "that"})


def relative_link(tok: Token) -> bool:
    """Rule ``relative_link_left_out``: "in which" in "four cases in which Kaine defended people" (or "which" in
    "the deal, which Trump signed") ties a relative clause to the noun it modifies; a statement of the clause
    alone leaves it out ("Kaine defended people", not "In which Kaine defended people"). True for an object or
    a preposition with an object that is a relative pronoun."""
    word = next((c for c in tok.children if c.dep_ == "pobj"), None) if tok.dep_ == "prep" else tok
    return (
        word is not None
        and word.tag_ in RELATIVE_TAGS
        and word.lower_ in RELATIVE_PRONOUNS
        and any(t.dep_ == "relcl" for t in (tok.head, *tok.head.ancestors))
    )


def _render(doc: Doc, ids: set[int], replace: dict[int, str] | None = None) -> str:
    parts: list[str] = []
    replace = replace or {}
    prev: int | None = None
    for i in sorted(ids):
        t = doc[i]
        if (
            t.is_quote
            or t.lower_ in WRITER_HEDGES
            or t.text in "[]"
            or list_marker(doc, i)
            or complementiser_read_as_determiner(t)
            or stranded_preposition(t, ids)
        ):
            continue
        if (
            prev is not None
            and not doc[prev].whitespace_
            and any(doc[k].whitespace_ for k in range(prev + 1, i))
        ):
            parts.append(" ")
        parts.append(replace.get(i, t.text) + t.whitespace_)
        prev = i
    text = _WS.sub(" ", "".join(parts)).strip().strip(",;:—-").strip()
    text = re.sub(r"\s+([,.;:!?’'])", r"\1", text)
    text = commas_of_a_left_out_phrase(text)
    return text[:1].upper() + text[1:] if text else text


STRANDABLE = frozenset(
    {
        "about",
        "for",
        "to",
        "with",
        "of",
        "on",
        "in",
        "at",
        "from",
        "by",
        "into",
        "over",
        "up",
        "out",
        "after",
        "like",
    }
)
"""Prepositions English leaves at the end of a clause ("something I've been talking about")."""


def stranded_preposition(t: Token, ids: set[int]) -> bool:
    """Rule ``stranded_preposition_goes``: a preposition whose object the statement leaves out goes with it ("… for
    a long time [despite, frankly, being a big beneficiary of the laws]" read "… for a long time despite"): its
    object is a word the statement leaves out, or it has none in the parse and is no word English strands
    (:data:`STRANDABLE`)."""
    if t.pos_ not in {"ADP", "SCONJ"} or t.dep_ != "prep":
        return False
    objects = [c for c in t.children if c.dep_ in {"pobj", "pcomp"}]
    if objects:
        return not any(c.i in ids for c in objects)
    return not list(t.children) and t.lower_ not in STRANDABLE


_COMMA_PAIR = re.compile(r"\s*,(?:\s*,)+\s*")


def commas_of_a_left_out_phrase(text: str) -> str:
    """Rule ``commas_of_a_left_out_phrase``: the two commas around a phrase the statement leaves out (an apposition,
    a parenthetical) go with it: "Trump's running mate, Mike Pence, plans …" reads "Trump's running mate plans …",
    not "running mate,, plans"."""
    return _COMMA_PAIR.sub(" ", text)


def has_finite_verb(tokens: Iterable[Token]) -> bool:
    """Rule ``fragment_is_no_claim`` (its test): does the text hold a finite verb (past, present or modal)?
    "Russia sent troops", "Trump should release his returns" do; the headline-like "Unrealistic - pledge to reduce
    emissions by 2050", "Encouraging his supporters to vote" and "His failure to release tax returns" do not: they
    name or comment on a proposition without stating it, so no proposition is built from them alone."""
    return any(t.tag_ in FINITE_TAGS for t in tokens)


def headline_future(doc: Doc, ids: set[int], subject: Token | None, top: Token) -> int | None:
    """Rule ``headline_future``: a subject with a bare to-infinitive and no finite verb ("voters expect Clinton to
    win the debate" -> "Clinton to win the debate"; "analysts expect foreign investors to gain citizenship")
    reads as a headline; its "to" is the headline's future, so the statement says "will" instead ("Clinton will
    win the debate"). The index of the "to" token to replace, or None when the rule does not apply."""
    if subject is None or has_finite_verb(doc[i] for i in ids):
        return None
    to = next((c for c in top.children if c.tag_ == "TO" and c.dep_ == "aux" and c.i in ids), None)
    if to is None or top.tag_ != "VB" or not subject.i < to.i:
        return None
    return to.i


OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def object_gap_relative(top: Token) -> bool:
    """Rule ``object_gap_relative``: a relative clause whose object is the noun it modifies (``comments [that]
    Trump had made about Machado``) is no statement of its own: without that noun it reads "Trump had made about
    Machado"."""
    if top.dep_ != "relcl":
        return False
    kids = list(top.children)
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in RELATIVE_TAGS for c in kids):
        return False  # "a man who stole": the relative pronoun is the subject
    objects = [c for c in kids if c.dep_ in OBJECT_DEPS]
    return all(c.tag_ in RELATIVE_TAGS for c in objects)


def finite_clause(doc: Doc, ids: set[int], top: Token, to: int | None) -> bool:
    """Does a clause statement (tokens ``ids``, verb chain topped by ``top``, the "to" :func:`headline_future` makes
    "will") hold a finite verb, and is it a clause of its own (:func:`object_gap_relative`)?"""
    return not object_gap_relative(top) and (has_finite_verb(doc[i] for i in ids) or to is not None)


_GERUND_SUBJECT = frozenset({"csubj", "csubjpass", "nsubj", "nsubjpass", "amod", "compound"})


def opens_with_a_verb(tokens: Iterable[Token]) -> bool:
    """Rule ``subjectless_clause_states_nothing``: a statement whose first word is a verb has no subject before
    it: "Is projected to reach $20.5 billion by 2033" (the market is the source), "Are subject to change", a
    question ("Would you check the answer"), advice ("Consider the availability of tools"). It names no fact a
    reader could track; on the WCXB store about 50 tracked claims read so. A gerund that is the subject, or a
    participle before it, opens a clause like any subject: "Slashing taxes on the wealthy hasn't worked",
    "Shifting monsoon patterns could affect a billion people"."""
    first = next((t for t in tokens if not (t.is_punct or t.is_quote or t.is_space)), None)
    if first is None or first.pos_ not in ("VERB", "AUX"):
        return False
    return not (
        first.tag_ == "VBG" and first.dep_ in _GERUND_SUBJECT
    )  # "Changing the policy could lead to …"


COPULA_COMPLEMENTS = OBJECT_DEPS | {"prep", "advmod", "npadvmod", "expl"}


def keeps_its_complement(pred: Token, ids: set[int]) -> bool:
    """Rule ``statement_keeps_its_complement``: a statement (tokens ``ids``) that leaves out its predicate's object or
    complement says nothing ("My hope is", "An internal review shows", "The development process helps", left when
    the complement was longer than :data:`MAX_COMPLEMENT_TOKENS`), nor does a copula with nothing after it ("The
    benefits is [when the redemption rates are lower]"); such a member gives no statement, and another member or
    the claim's own words state the fact."""
    if pred.lemma_ == "be" and not any(c.i in ids for c in pred.children if c.dep_ in COPULA_COMPLEMENTS):
        return False
    return all(c.i in ids for c in pred.children if c.dep_ in OBJECT_DEPS)


def future_says_what(doc: Doc, ids: set[int], pred: int) -> bool:
    """Rule ``future_says_what``: a :func:`headline_future` statement needs words after its verb. "Analysts expect
    foreign investors [to gain citizenship]" states "Foreign investors will gain citizenship"; a bare "Consumers
    will purchase" is what every shop page says (two WCXB pages that sold different things were one tracked claim
    on it, read from "The website allows consumers to purchase directly", which since ``permission_is_no_report``
    is no attribution at all)."""
    return any(i > pred and not doc[i].is_punct for i in ids)


def coordinated_right_before(conj: Token, pred: Token) -> bool:
    """The word right before ``conj`` is the coordinator of ``pred`` ("customise [and] optimise"); a list of verbs
    ("order, customize dishes, and give feedback") is not one predicate with a shared object."""
    prev = conj.doc[conj.i - 1]
    return prev.dep_ == "cc" and prev.head.i == pred.i


def shared_object_conjunct(pred: Token) -> Token | None:
    """Rule ``shared_object_conjunct``: "allow users to [customise and optimise their devices]": when the
    statement would end at its predicate (nothing of its own after it) and a coordinated verb of the same form and no subject of its own has
    one, that verb (and its object) belongs to the statement ("Users will customise and optimise their devices
    for a personalised experience", not "Users will customise"). A conjunct of another form is another
    statement ("consumers to purchase directly and [offers] free-shipping promotions": the shop offers them), and
    a predicate with words of its own keeps to them ("Stein complied with police orders [and left the area]"), and
    so does one of a list of verbs (:func:`coordinated_right_before`)."""
    if any(c.i > pred.i and c.dep_ not in ("cc", "conj", "punct") for c in pred.children):
        return None  # the predicate says something of its own after it
    for c in pred.children:
        if (
            c.dep_ == "conj"
            and c.tag_ == pred.tag_
            and coordinated_right_before(c, pred)
            and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
            and any(k.dep_ == "dobj" for k in c.children)
        ):
            return c
    return None


def clause_statement(frame: Frame, ctx: Context, names: dict[str, str]) -> str:
    """Subject + verb chain + objects + key modifiers of a clause frame (a headline's "to" made "will":
    :func:`headline_future`); "" when that is no statement: no finite clause of its own (:func:`finite_clause`: a
    headline-like fragment) or a clause cut short (:func:`keeps_its_complement`)."""
    ids, replace, subj, top = _clause_parts(frame, ctx, names)
    doc = ctx.doc
    to = headline_future(doc, ids, subj, top)
    if (
        not finite_clause(doc, ids, top, to)
        or opens_with_a_verb(doc[i] for i in sorted(ids))
        or not keeps_its_complement(doc[frame.head], ids)
        or asks_what(doc, ids, top)
        or (subj is None and infinitive_aim(top))
        or say_to_instruction(top, doc[frame.head])
    ):
        return ""
    if to is not None:
        if not future_says_what(doc, ids, frame.head):
            return ""
        replace[to] = "will"
    if subj is not None and subj.i not in replace and subject_case(subj) is not None:
        replace[subj.i] = subject_case(subj) or ""
    return _render(doc, ids, replace)


_SUBJECT_CASE = {"him": "he", "her": "she", "them": "they", "me": "I", "us": "we"}


def subject_case(subj: Token) -> str | None:
    """Rule ``pronoun_subject_case``: an object pronoun that becomes the statement's subject takes the subject
    case. "I didn't expect him to drag up the old spat" states "He will drag up the old spat", not "Him will …";
    "her" is an object here, never a possessive, since it heads the subject phrase."""
    return _SUBJECT_CASE.get(subj.lower_) if subj.pos_ == "PRON" else None


def _clause_parts(  # noqa: C901, PLR0912
    frame: Frame, ctx: Context, names: dict[str, str]
) -> tuple[set[int], dict[int, str], Token | None, Token]:
    """The tokens of a clause statement, the words replaced in it (a pronoun subject by its name), its subject and
    the top of its verb chain."""
    doc = ctx.doc
    pred = doc[frame.head]
    ids: set[int] = set()
    top = pred
    while top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX") and top.head.i != top.i:
        top = top.head
    chain = [pred]
    cur = pred
    while cur.i != top.i:
        cur = cur.head
        chain.append(cur)
    replace: dict[int, str] = {}
    subj = doc[frame.subject] if frame.subject is not None else None
    relcl = next(
        (v for v in chain if v.dep_ == "relcl" and v.head.i == (subj.i if subj is not None else -1)), None
    )
    if subj is not None and relcl is not None:
        _phrase_no(subj, ids, relcl.i)  # "a man who stole": the man, without the relative clause
    elif subj is not None:
        _phrase(subj, ids)
        eid = ctx.ent_of.get(subj.i)
        if subj.pos_ == "PRON" and eid is not None and eid in names:
            replace[subj.i] = names[eid]
        elif bound_to_source(subj, ctx) and ctx.speaker_name is not None:
            replace[subj.i] = ctx.speaker_name
    elif frame.theme is not None:
        _phrase_no(doc[frame.theme], ids, pred.i)
    for v in chain:
        ids.add(v.i)
        for c in chain_words(v, pred):
            _phrase(c, ids)
    conj = shared_object_conjunct(pred)
    if conj is not None:
        ids.update(c.i for c in pred.children if c.dep_ == "cc" and c.i < conj.i)
        ids.add(conj.i)
        for c in conj.children:
            if c.dep_ in ("dobj", "dative", "prt") or (c.dep_ == "prep" and c.lower_ in KEY_PREPS):
                _phrase(c, ids)
    for c in pred.children:
        if source_phrase(c, ctx):
            continue
        if c.dep_ == "prep" and any(k.lower_ == "order" for k in c.children):  # "in order to ...": purpose
            whole = {t.i for t in c.subtree}
            ids |= whole if len(whole) <= 12 else set()
        elif (
            c.dep_ in ("dobj", "dative", "attr", "acomp", "oprd", "nsubjpass", "agent")
            or (c.dep_ == "prep" and c.lower_ in KEY_PREPS)
        ) and not relative_link(c):
            ids |= _argument_phrase(pred, c)
        elif (c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)) or c.dep_ in (
            "xcomp",
            "ccomp",
            "pcomp",
        ):
            # rule short_clause_kept_whole: "wants to make sure that the bridge reopens"
            kept: set[int] = set()
            _phrase(c, kept, _SUBCLAUSES)
            sub: set[int] = set()
            _phrase(c, sub)
            if len(kept) <= MAX_COMPLEMENT_TOKENS:
                ids |= kept
            elif (len(sub) <= MAX_COMPLEMENT_TOKENS or c.dep_ in OBJECT_DEPS) and not (
                c.dep_ == "advcl" and complement_left_out(ctx.doc, sub)
            ):
                ids |= sub  # rule statement_keeps_its_complement: a long complement without its subclauses
    return ids, replace, subj, top


def source_phrase(tok: Token, ctx: Context) -> bool:
    """Rule ``source_left_out``: a phrase of the predicate that names the claim's own source is not what the
    source says. "In the previous Gazette poll, Okafor led Brandt by 5 points" states "Okafor led Brandt by 5
    points"; "…, according to the Tax Foundation" is who says it. (A verb of the chain may still be the cue:
    "Trump vowed to form a task force".)"""
    return any(t.i in ctx.source_mention for t in tok.subtree)


def chain_words(verb: Token, pred: Token) -> list[Token]:
    """The words a verb of the predicate's chain brings to the statement: its auxiliaries, negation, particle and
    expletive, and (rule ``copula_adjective_kept``) the adjective of a verb above the predicate: "Calm was helpful
    to reduce stress", "He was eager to leave", not "Calm was to reduce stress", which says another thing."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "neg", "prt", "expl") or (c.dep_ == "acomp" and verb.i != pred.i)
    ]


MAX_COMPLEMENT_TOKENS = 12
"""A complement or purpose clause of the predicate longer than this is left out of the statement."""
_SUBCLAUSES = frozenset({"ccomp", "advcl"})


def complement_left_out(doc: Doc, ids: set[int]) -> bool:
    """Rule ``complement_left_out``: a subordinate verb phrase is no part of a statement when its own clausal
    complement was cut from it ("it should be changed [to make] it more difficult for families to sue": "to make"
    without what it makes is a fragment, and the statement is better without the purpose clause)."""
    return any(c.dep_ == "ccomp" and c.i not in ids for i in ids for c in doc[i].children)


def _phrase_no(tok: Token, out: set[int], skip: int) -> None:
    out.add(tok.i)
    for c in tok.children:
        if c.i != skip and c.dep_ not in _CUT and not c.is_quote and not c.is_punct:
            _phrase(c, out)


TOPIC_FREE_DEPS = frozenset({"compound", "punct"})


def bare_compound_names_a_topic(noun: Token) -> bool:
    """Rule ``bare_compound_names_a_topic``: an event noun whose only dependents are compound words, with no
    determiner, possessor, modifier or argument phrase (``climate change``, ``gun control``, ``tax reform``), names
    a topic, not an event that happened: it makes no statement ("Climate were changed"). ``the alleged troop
    deployment`` (a determiner and a modifier: one event) still does."""
    deps = [c.dep_ for c in noun.children]
    return "compound" in deps and all(d in TOPIC_FREE_DEPS for d in deps)


def attributive_theme(doc: Doc, theme: set[int]) -> bool:
    """Rule ``attributive_theme_states_nothing``: a noun before an event noun, with nothing else, does not say who
    did what: "police shooting" (police shot someone), "troop deployment" (troops were deployed), "defense
    spending", "tax filing". No statement is built from it; a member that names the theme ("the deployment of
    troops") or a clause states the fact instead."""
    return len(theme) == 1 and doc[min(theme)].dep_ == "compound"


def nominal_statement(frame: Frame, ctx: Context) -> str:
    """A clause from an event noun: "Russia's invasion of Ukraine" -> "Russia invaded Ukraine";
    "the deployment of North Korean troops" -> "North Korean troops were deployed"; none from a topic's name
    (:func:`bare_compound_names_a_topic`) or from a bare attributive noun (:func:`attributive_theme`)."""
    doc = ctx.doc
    noun = doc[frame.head]
    if bare_compound_names_a_topic(noun):
        return ""
    agent: set[int] = set()
    theme: set[int] = set()
    goals: list[str] = []
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by"):
            _phrase(c if c.dep_ == "poss" else next(iter(c.children), c), agent)
        elif c.dep_ == "compound" or (c.dep_ == "amod" and c.i in ctx.ent_of):
            (agent if c.i in ctx.ent_of else theme).add(c.i)
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                _phrase(p, theme)
        elif c.dep_ == "prep" and c.lower_ in KEY_PREPS:
            g: set[int] = set()
            _phrase(c, g)
            goals.append(_render(doc, g).lower() if doc[min(g)].pos_ != "PROPN" else _render(doc, g))
    verb = past_participle(frame.predicate)
    tail = (" " + " ".join(goals)) if goals else ""
    theme_txt = _render(doc, theme)
    if agent:
        agent_txt = _render(doc, agent)
        obj = (
            theme_txt[:1].lower() + theme_txt[1:]
            if theme_txt and doc[min(theme)].pos_ != "PROPN"
            else theme_txt
        )
        return f"{agent_txt} {verb} {obj}{tail}".replace("  ", " ").strip()
    if theme_txt and not attributive_theme(doc, theme):
        return theme_statement(doc, theme, theme_txt, frame.predicate) + tail
    return ""


def theme_statement(doc: Doc, theme: set[int], theme_txt: str, predicate: str) -> str:
    """What happened to the theme of an event noun with no agent: a passive ("North Korean troops were deployed"),
    or, for an intransitive verb, the theme as its subject (rule ``intransitive_event``: "the death of Terence
    Crutcher" -> "Terence Crutcher died", not "… was died")."""
    if predicate in INTRANSITIVE_PAST:
        return f"{theme_txt} {INTRANSITIVE_PAST[predicate]}"
    plural = any(doc[i].tag_ in ("NNS", "NNPS") for i in theme)
    return f"{theme_txt} {'were' if plural else 'was'} {past_participle(predicate)}"
