"""The content rules of a cue verb: an ordered list of named rules (:data:`VERB_RULES`).

:func:`verb_attribution` reads the verb's frame once (:class:`VerbFrame`: lemma, cue strength, speaker, passive
subject), then asks each rule in turn; the first rule that returns a :class:`Found` gives the content and its
name lands in ``Attribution.rule``. A rule may also return :data:`STOP` (the verb is no attribution of its own:
``seemed to recognize`` belongs to ``recognize``, ``released a statement saying`` to ``saying``).

=================  ===================================================================================
rule               sentence it handles
=================  ===================================================================================
``raising``        (stop) ``Obama seemed to recognize the victory``: the attribution is ``recognize``'s
``perception``     (stop) ``They saw Tim Kaine speak at a rally``: something seen, not said (:mod:`.perception`)
``expected``       ``The economy is expected to grow``: no source (:mod:`.sourceless`)
``impression``     ``The mayor seemed tired of the fight``: no source (:mod:`.sourceless`)
``ccomp``          ``The mayor said that the bridge would reopen``
``stray_that``     ``Adelson said on Friday during a news conference that he may wait``
``answer``         ``Most Democrats said yes``, ``Cook did not say when``, ``Cruz thinks so``
``make_clear``     ``He made it clear that he would run again``
``xcomp``          ``The union vowed to fight the cuts``
``phrasal_mark``   ``The senator is calling for the government to cut taxes``
``phrasal``        ``They called for the immediate release of the hostages``, ``accused Russia of lying``
``media_saying``   (stop) ``The town released a statement saying …`` (or ``describing …``): the participle's
``dobj``           ``The ministry denied the report``, ``Many voters viewed him as a traitor``
``light``          ``Blackwell took a shot at Clinton``, ``made no mention of the deal``
``passive``        ``The budget plan was criticized by opposition lawmakers``
``parenthetical``  ``The plan, many economists say, will fail``, ``As the senator put it, the bill is dead``
=================  ===================================================================================
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.complements import addressee_object, inverted_report, own_complement
from newsgraph.attribution.constructions import (
    as_clause,
    in_a_statement,
    light_verb_content,
    make_clear_content,
    no_parenthetical,
)
from newsgraph.attribution.content_extent import (
    coordinated_that,
    coordination_run_on,
    object_run_on,
    participle_clause_end,
)
from newsgraph.attribution.cues import OBJECT_CUES, PHRASAL, SPEECH, XCOMP_CUES, cue_strength, data_p
from newsgraph.attribution.final_report import closing_report, final_report_rule
from newsgraph.attribution.frames import STOP_MEDIA, STOP_RAISING, Found, Stop, VerbFrame, VerbRule
from newsgraph.attribution.perception import perception_rule
from newsgraph.attribution.records import (
    AGENT_ENTS,
    CONTENT_STOP_DEPS,
    REL_PRONOUNS,
    Attribution,
    Thresholds,
)
from newsgraph.attribution.reported import (
    MEDIA_NOUNS,
    cue_tokens,
    np_slice,
    object_is_no_report,
    passive_agent,
    permission_is_no_report,
    span_chars,
    speech_clause,
    verb_subject,
)
from newsgraph.attribution.sourceless import expected_rule, impression_rule, passive_raising_subject
from newsgraph.extensions import doc_text

# "X seemed to recognize Y": the cue is "seemed to recognize" (the inner verb's attribution)
RAISING = frozenset({"seem", "appear"})
SHORT_ANSWERS = frozenset({"yes", "no", "so", "that", "this"})
BELIEF_SO = frozenset({"think", "believe", "hope", "expect", "suppose", "guess", "doubt", "fear"})
# a weak object cue ("expose", "launch", "release", "find") reports only when its object is someone or something
# said: "exposed Clinton", "released a statement"; not "launched his campaign", "found ways to …"
WEAK_OBJECT_MARGIN = 0.05
# verbs of judging that report a view with "X as Y"
AS_VERBS = frozenset(
    {"see", "view", "regard", "perceive", "consider", "treat", "portray", "paint", "characterize", "describe"}
    | {"depict", "label", "brand", "cast", "dismiss", "denounce", "praise", "hail", "tout", "identify"}
)
# "accused X of Y", "blamed X for Y": the object is part of the content
OBJECT_IN_CONTENT = frozenset({"accuse", "criticize", "blame", "praise"})
# pronoun subjects that are no speaker unless the verb is a speech verb ("it means that", "this shows that")
# rules whose content is an object that runs on through the cue verb's trailing phrases (object_extension)
OBJECT_RUN_ON = frozenset({"dobj", "phrasal"})
EXPLETIVE_SUBJECTS = frozenset({"it", "this", "that", "there"})


# ------------------------------------------------------------------------------------------- helpers


def _stray_that_clause(verb: Token) -> Token | None:
    """A ``that`` clause with its own subject that the parser hung on a noun inside the verb's prepositional
    phrase (``said during a news conference that he may wait``): the verb's content."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for tok in prep.subtree:
            if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
                mark = next((c for c in tok.children if c.dep_ == "mark"), None)
                subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if (
                    mark is not None
                    and mark.lower_ == "that"
                    and subj is not None
                    and mark.i < subj.i
                    and (
                        cue_strength(tok.head.lemma_.lower(), "NOUN") < 0.15 or in_a_statement(prep, tok.head)
                    )
                ):
                    return tok
    return None


def _as_phrase(verb: Token, dobj: Token) -> bool:
    """``see X as Y``: an ``as`` phrase of the verb (or of its object) after the object."""
    return (
        any(
            c.i > dobj.i and c.dep_ in {"prep", "advcl"} and c.left_edge.lower_ == "as"
            for c in (*verb.rights, *dobj.rights)
        )
        and verb.lemma_.lower() in AS_VERBS
    )


def _predicate_after(verb: Token, dobj: Token) -> bool:
    """``Others call it the nerd prom``, ``called himself pro-choice``: a predicate of the object after it (so a
    pronoun object is part of a judgement, not a bare reference)."""
    return any(
        c.i > dobj.i and c.dep_ in {"oprd", "xcomp", "ccomp"} and c.pos_ != "VERB" for c in verb.rights
    )


# "a new poll found broad support for the plan": finding is a report only when a study, poll or report finds
FINDING_VERBS = frozenset({"find", "discover", "uncover"})
REPORT_NOUNS = frozenset(
    {"poll", "survey", "study", "report", "analysis", "investigation", "review", "audit", "research", "data"}
    | {"probe", "inquiry", "panel", "commission", "researcher", "investigator", "auditor", "pollster", "test"}
)


def _finder(f: VerbFrame) -> bool:
    """``The survey found broad support``: a finding only when a study, poll or report finds it (not a job)."""
    return f.lemma not in FINDING_VERBS or f.subj.lemma_.lower() in REPORT_NOUNS


def _object_cue(lemma: str, dobj: Token, th: Thresholds) -> bool:
    """The verb's direct object is its content (``denied the report``, ``criticized Trump``)."""
    if object_is_no_report(lemma, dobj):
        return False
    if lemma in OBJECT_CUES:
        return True
    if lemma in AS_VERBS and _as_phrase(dobj.head, dobj):
        return True  # "voters see the campaign as unfair", "viewed him as a traitor"
    p = data_p(lemma)
    if p < th.dobj:
        return False
    if p >= th.dobj + WEAK_OBJECT_MARGIN:
        return True
    return (
        dobj.ent_type_ in AGENT_ENTS
        or dobj.pos_ == "PROPN"
        or cue_strength(dobj.lemma_.lower(), "NOUN") >= th.noun
    )


def _clause_content(verb: Token, comp: Token) -> tuple[int, int]:
    """Token range of a clausal complement; when it follows the verb, the rest of the verb's clause too."""
    a, b = comp.left_edge.i, comp.right_edge.i
    if comp.i > verb.i:
        for sib in verb.rights:
            if sib.i <= b:
                continue
            if sib.dep_ in CONTENT_STOP_DEPS:
                break
            b = max(b, sib.right_edge.i)
        b = coordinated_that(verb, b)
    return a, b


def _dobj(f: VerbFrame) -> Token | None:
    """The direct object; or, rule ``object_inside_the_predicate``, the predicate the parse folded it into
    (``called [Trump] “a psychopath”``: *Trump* a modifier of the predicate noun *psychopath*)."""
    return next((c for c in f.children if c.dep_ == "dobj" or (c.dep_ == "oprd" and _holds_object(c))), None)


def _holds_object(oprd: Token) -> bool:
    return any(g.dep_ == "nmod" and g.i < oprd.i and g.pos_ in {"PROPN", "PRON"} for g in oprd.children)


def _phrasal_prep(f: VerbFrame) -> Token | None:
    """The verb's own particle or preposition of a phrasal cue (``called for``, ``accused … of``)."""
    preps = PHRASAL.get(f.lemma, ())
    return next(
        (c for c in f.children if c.dep_ in {"prep", "prt"} and c.lower_ in preps and c.i > f.verb.i), None
    )


# ------------------------------------------------------------------------------------------- the rules


def raising_rule(f: VerbFrame) -> Stop | None:
    """``Obama seemed to recognize the victory``: the attribution is the inner verb's (cue ``seemed to
    recognize``), not ``seem``'s."""
    if f.lemma not in RAISING:
        return None
    inner = next((c for c in f.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if inner is not None and verb_attribution(inner, f.th) is not None:
        return STOP_RAISING
    return None


def ccomp_rule(f: VerbFrame) -> Found | None:
    """``The mayor said that the bridge would reopen``: the clausal complement (and the rest of the clause). Rule
    ``own_complement``: a complement after the verb wins over one before it unless that one is an inverted report
    (:func:`inverted_report`), and a complement before the verb yields to the verb's own object
    (:func:`own_complement`): the parse hangs the previous sentence, or a dateline, on the verb."""
    if f.strength < f.th.ccomp:
        return None
    comps = [c for c in f.children if c.dep_ == "ccomp" and closing_report(c) is None]
    if not comps or permission_is_no_report(f.lemma, comps[0]):
        return None
    child = comps[0]
    after = next((c for c in comps if c.i > f.verb.i), None)
    if child.i < f.verb.i and after is not None and not inverted_report(child):
        child = after
    if child.i < f.verb.i and own_complement(f) is not None:
        return None
    a, b = _clause_content(f.verb, child)
    return Found("ccomp", a, b)


def stray_that_rule(f: VerbFrame) -> Found | None:
    """``Adelson said on Friday during a news conference that he may wait``: the ``that`` clause the parser hung
    on a noun of the verb's prepositional phrase."""
    if f.lemma not in SPEECH:
        return None
    comp = _stray_that_clause(f.verb)
    return None if comp is None else Found("stray_that", comp.left_edge.i, comp.right_edge.i)


def answer_rule(f: VerbFrame) -> Found | None:
    """``Most Democrats said yes``, ``Cook did not say when``, ``Ted Cruz thinks so``: a short answer."""
    speech = f.lemma in SPEECH
    if not speech and f.lemma not in BELIEF_SO:
        return None
    for child in f.children:
        if child.i > f.verb.i and (
            (
                child.lower_ in SHORT_ANSWERS
                and child.dep_ in {"intj", "advmod", "dobj", "oprd"}
                and (speech or child.lower_ == "so")
            )
            or (child.tag_ == "WRB" and child.dep_ == "advmod" and speech)
        ):
            return Found("answer", child.i, child.right_edge.i)
    return None


def make_clear_rule(f: VerbFrame) -> Found | None:
    """``He made it clear that he would run again``: cue ``made it clear``, content the ``that`` clause."""
    clear = make_clear_content(f.verb)
    if clear is None:
        return None
    return Found("make_clear", clear.first, clear.last, clear.cue_tokens)


def xcomp_rule(f: VerbFrame) -> Found | None:
    """``The union vowed to fight the cuts``: the to-infinitive of a strong or promise-like cue."""
    if f.strength < f.th.xcomp and f.lemma not in XCOMP_CUES:
        return None
    for child in f.children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"} and not speech_clause(child):
            return Found("xcomp", child.left_edge.i, child.right_edge.i)
    return None


def phrasal_mark_rule(f: VerbFrame) -> Found | None:
    """``The senator is calling for the government to cut taxes``: the parser makes ``for`` the mark of the
    clause; the cue takes it, the content is the clause after it."""
    preps = PHRASAL.get(f.lemma, ())
    if not preps or _phrasal_prep(f) is not None:
        return None
    for c in f.children:
        if c.dep_ not in {"advcl", "ccomp"}:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark"), None)
        if mark is not None and mark.lower_ in preps and 0 < mark.i - f.verb.i <= 2 and c.i > mark.i:
            return Found("phrasal_mark", mark.i + 1, c.right_edge.i, (mark.i,))
    return None


def phrasal_rule(f: VerbFrame) -> Found | None:
    """``They called for the release of the hostages``: the object of the cue's preposition; ``accused Russia
    of lying``: the verb's object and the preposition's (the preposition joins the cue otherwise)."""
    prep = _phrasal_prep(f)
    if prep is None or prep.dep_ != "prep":
        return None
    pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if pobj is None:
        return None
    dobj = _dobj(f)
    if dobj is not None and dobj.i < prep.i and f.lemma in OBJECT_IN_CONTENT:
        return Found("phrasal", dobj.left_edge.i, pobj.right_edge.i)
    return Found("phrasal", pobj.left_edge.i, pobj.right_edge.i, (prep.i,))


def media_saying_rule(f: VerbFrame) -> Stop | None:
    """``The town released a statement saying the comments were false``: one attribution, the participle's."""
    dobj = _dobj(f)
    if dobj is None:
        return None
    said = cue_strength(dobj.lemma_.lower(), "NOUN") >= f.th.noun or dobj.lemma_.lower() in MEDIA_NOUNS
    if said and any(
        c.tag_ == "VBG" and c.i > dobj.i and (speech_clause(c) or media_participle(f, dobj, c))
        for c in (*dobj.rights, *f.verb.rights)
    ):
        return STOP_MEDIA
    return None


def media_participle(f: VerbFrame, dobj: Token, part: Token) -> bool:
    """``issued a statement describing the meeting as a step forward``, ``released statements deploring what
    happened``: a cue participle after a statement, letter, email … that the source put out (not a speech noun in
    general: ``made comments criticizing …``) reports what the document says; the attribution is the
    participle's (its cue phrase opens with ``issued a statement``)."""
    return (
        dobj.lemma_.lower() in MEDIA_NOUNS
        and part.dep_ in {"acl", "advcl"}
        and verb_attribution(part, f.th) is not None
    )


def dobj_rule(f: VerbFrame) -> Found | None:
    """``The ministry denied the report``; ``dismissed the claims as rumors``, ``viewed him as a traitor``,
    ``called his plan a disaster``: the object with its ``as`` phrase or predicate."""
    dobj = _dobj(f)
    if dobj is None or (
        dobj.pos_ == "PRON" and not (_as_phrase(f.verb, dobj) or _predicate_after(f.verb, dobj))
    ):
        return None
    if not _object_cue(f.lemma, dobj, f.th) or not _finder(f) or addressee_object(f.lemma, dobj):
        return None
    b = dobj.right_edge.i
    for sib in f.verb.rights:
        if sib.i > b and (
            sib.dep_ in {"oprd", "xcomp", "ccomp"}
            or (sib.dep_ in {"prep", "advcl"} and sib.left_edge.lower_ == "as")
        ):
            b = sib.right_edge.i
    return Found("dobj", dobj.left_edge.i, b)


def light_rule(f: VerbFrame) -> Found | None:
    """``Blackwell took a shot at Clinton``, ``made no mention of the deal``: a light verb with a speech or
    stance noun; the noun joins the cue."""
    dobj = _dobj(f)
    if dobj is None:
        return None
    light = light_verb_content(f.verb, dobj, cue_strength(dobj.lemma_.lower(), "NOUN") >= f.th.noun)
    if light is None:
        return None
    return Found("light", light.first, light.last, light.cue_tokens)


def passive_rule(f: VerbFrame) -> Found | None:
    """``The budget plan was criticized by opposition lawmakers``: the agent speaks about the subject."""
    np = f.passive_np
    if np is None or not (f.lemma in OBJECT_CUES or f.lemma in SPEECH or data_p(f.lemma) >= f.th.dobj):
        return None
    return Found("passive", np.left_edge.i, np.right_edge.i)


def parenthetical_rule(f: VerbFrame) -> Found | None:
    """``The plan, many economists say, will fail`` / ``As the senator put it, the bill is dead``: the content is
    the clause the cue interrupts or introduces (the cue clause is a hole in it)."""
    verb = f.verb
    as_it = as_clause(verb)
    if verb.dep_ not in {"parataxis", "advcl"} or verb.i == verb.head.i:
        return None
    if f.lemma not in SPEECH and as_it is None:
        return None
    head = verb.head
    if no_parenthetical(verb, as_it):
        return None
    a0, b0 = head.left_edge.i, head.right_edge.i
    own = (verb.left_edge.i, verb.right_edge.i)
    if own[0] > a0 or (as_it is not None and own[1] < b0):
        return Found("parenthetical", a0, b0, tuple(as_it or ()), own)
    return None


# --------------------------------------------------------------------------------- content refinements


def participle_extension(f: VerbFrame, found: Found) -> Found:
    """A noun content runs on through a reduced relative or participial modifier to the end of its clause
    (``called for the withdrawal of the ships allegedly sent to patrol its waters``), whether the parse hangs the
    participle on the noun or on the cue verb; it stops before a verb coordinated with the participle (``… and
    signaled it may …``: the parse hangs the second cue on the participle)."""
    if found.rule not in {"phrasal", "dobj"}:
        return found
    doc = f.verb.doc
    b = found.end
    nxt = b + 1
    while nxt < len(doc) and doc[nxt].tag_ == "RB" and doc[nxt].head.i > nxt:
        nxt += 1  # "allegedly", "reportedly"
    if nxt >= len(doc):
        return found
    p = doc[nxt]
    if (
        p.tag_ not in {"VBN", "VBD"}
        or p.dep_ not in {"dep", "acl", "advcl", "ccomp"}
        or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in p.children)
        or not (p.head.i == f.verb.i or found.start <= p.head.i <= b)
    ):
        return found
    end = participle_clause_end(p)
    return Found(found.rule, found.start, end, found.extra_cue, found.hole) if end > b else found


def coordination_extension(f: VerbFrame, found: Found) -> Found:
    """An infinitive or gerund content runs on through the verbs the parse coordinated with the cue verb instead
    of with the content's verb, and through a condition: ``pledged [to enact reform, fix the courts]``, ``vowed
    [to impose a tariff unless the company cancels]`` (:func:`.content_extent.coordination_run_on`)."""
    if found.start < f.verb.i or found.hole is not None:
        return found
    head = next(
        (
            c
            for c in f.children
            if c.dep_ in {"xcomp", "dobj"} and c.tag_ in {"VB", "VBG"} and found.start <= c.i <= found.end
        ),
        None,
    )
    if head is None or (f.verb.tag_ == head.tag_ and head.tag_ == "VB"):
        return found
    end = coordination_run_on(f.verb, head, found.end)
    return Found(found.rule, found.start, end, found.extra_cue, found.hole) if end > found.end else found


def object_extension(f: VerbFrame, found: Found) -> Found:
    """An object content runs on through the cue verb's trailing phrases: ``charged [Van Dyke with murder]``,
    ``wrote [a check to a super PAC]``, ``called [this a false narrative]`` (:func:`.content_extent.object_run_on`);
    only for ``dobj`` and ``phrasal`` contents after the verb."""
    if found.rule not in OBJECT_RUN_ON or found.start < f.verb.i:
        return found
    end = object_run_on(f.verb, found.end)
    return Found(found.rule, found.start, end, found.extra_cue, found.hole) if end > found.end else found


VERB_RULES: tuple[VerbRule, ...] = (
    raising_rule,
    perception_rule,
    expected_rule,
    impression_rule,
    ccomp_rule,
    stray_that_rule,
    answer_rule,
    make_clear_rule,
    xcomp_rule,
    phrasal_mark_rule,
    phrasal_rule,
    media_saying_rule,
    light_rule,
    dobj_rule,
    passive_rule,
    parenthetical_rule,
    final_report_rule,
)
"""The verb rules, in the order they are tried (the first :class:`Found` or :class:`Stop` wins)."""


# ------------------------------------------------------------------------------------------- the frame


def verb_frame(verb: Token, th: Thresholds) -> VerbFrame | None:
    """The frame of a cue verb, or None when the verb is no cue or has no speaker."""
    lemma = verb.lemma_.lower()
    strength = cue_strength(lemma, "VERB")
    if strength <= 0.0:
        return None
    if verb.dep_ == "advcl" and lemma == "quote":  # "Quoting X, Y say ...": X is credited on Y's cue
        return None
    subj = verb_subject(verb)
    if subj is None or subj.i == verb.i:
        return None
    passive_np: Token | None = None
    no_source = False
    raised = passive_raising_subject(verb, lemma)
    if raised is not None:  # "the economy is expected to grow": nobody is named
        return VerbFrame(verb, lemma, strength, raised, raised, True, th, tuple(verb.children))
    if subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
        agent = passive_agent(verb)
        if agent is not None and not (verb.dep_ == "relcl" and subj.lower_ in REL_PRONOUNS | {"who"}):
            # "the plan was criticized by Democrats": the agent speaks about the subject (not "a deal that was
            # rejected by Congress": the relative pronoun is no content)
            passive_np, subj = subj, agent
        elif subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children) and strength >= th.passive:
            no_source = True  # "it was reported that …", "it is widely believed that …": nobody named
    if not no_source and subj.pos_ == "PRON" and subj.lower_ in EXPLETIVE_SUBJECTS and lemma not in SPEECH:
        return None
    return VerbFrame(verb, lemma, strength, subj, passive_np, no_source, th, tuple(verb.children))


def verb_attribution(verb: Token, th: Thresholds) -> Attribution | None:
    """The attribution of a cue verb: the first verb rule that finds a content, shaped by :func:`_build`."""
    f = verb_frame(verb, th)
    if f is None:
        return None
    for rule in VERB_RULES:
        found = rule(f)
        if isinstance(found, Stop):
            return None
        if found is not None:
            return _build(f, coordination_extension(f, object_extension(f, participle_extension(f, found))))
    return None


def _build(f: VerbFrame, found: Found) -> Attribution | None:  # noqa: C901, PLR0912
    """The attribution record for a rule's content: kept in the cue's paragraph, never swallowing the source."""
    verb, subj = f.verb, f.subj
    doc = verb.doc
    cue = sorted(set(cue_tokens(verb)) | set(found.extra_cue))
    a, b = found.start, found.end
    # the content stays in the cue's paragraph (a parse across a paragraph break is a parse error)
    text = doc_text(doc)
    p_start = text.rfind("\n", 0, verb.idx) + 1
    p_end = text.find("\n", verb.idx)
    p_end = len(text) if p_end < 0 else p_end
    while a <= b and doc[a].idx < p_start:
        a += 1
    while b >= a and doc[b].idx >= p_end:
        b -= 1
    if b < a:
        return None
    src = None if f.no_source or found.sourceless else np_slice(subj, verb)
    if found.hole is not None:
        if f.no_source and not found.sourceless:
            return None
        hole = found.hole
        frags = []
        if all(doc[k].is_punct or doc[k].dep_ == "cc" for k in range(a, hole[0])):
            a = hole[0]  # "Or, as X put it, …": nothing of the content before the cue
        if hole[0] - 1 >= a:
            frags.append(span_chars(doc, a, hole[0] - 1))
        if hole[1] + 1 <= b:
            frags.append(span_chars(doc, hole[1] + 1, b))
        if not frags:
            return None
        head = None if src is None else subj.i
        return Attribution(cue=cue, source=src, content=frags, verb=verb.i, source_head=head, rule=found.rule)
    # "the changes, which officials said will take effect …": the relative pronoun and the rest of the clause
    relative = (
        found.rule == "ccomp" and not f.no_source and a < subj.i < verb.i < b and doc[a].tag_ in {"WDT", "WP"}
    )
    if relative and all(
        k == a or doc[k].head.i in {verb.i, subj.i} or subj.left_edge.i <= k for k in range(a, verb.i)
    ):
        return Attribution(
            cue=cue,
            source=np_slice(subj),
            content=[span_chars(doc, a, a), span_chars(doc, verb.i + 1, b)],
            verb=verb.i,
            source_head=subj.i,
            rule="ccomp",
        )
    # the content must not swallow the source or the cue
    if not f.no_source and a <= subj.i <= b:
        return None
    quoted_source = None
    quoted_cue = None
    for child in f.children:  # "Quoting X, Y say …": X is the speaker the reader cares about
        if child.dep_ == "advcl" and child.lemma_.lower() == "quote":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None:
                quoted_source, quoted_cue = np_slice(obj), child.i
    return Attribution(
        cue=cue,
        source=src,
        content=[span_chars(doc, a, b)],
        verb=verb.i,
        source_head=None if f.no_source else subj.i,
        quoted_source=quoted_source,
        quoted_cue=quoted_cue,
        rule=found.rule,
    )
