"""Reported-speech rules: cue verbs with their source and content (nouns, adjectives and ``according to X``:
:mod:`newsgraph.attribution.nominal`).

Pass 1 and 2 of :func:`newsgraph.attribution.rules.find_attributions` (see its module docstring).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.attribution.constructions import (
    as_clause,
    light_verb_content,
    make_clear_content,
)
from newsgraph.attribution.cues import (
    OBJECT_CUES,
    PHRASAL,
    SPEECH,
    XCOMP_CUES,
    cue_strength,
    data_p,
)
from newsgraph.attribution.records import (
    CONTENT_STOP_DEPS,
    REL_PRONOUNS,
    SUBJ_DEPS,
    Attribution,
    CharSpan,
    Thresholds,
)
from newsgraph.extensions import doc_text


def _np_slice(tok: Token) -> tuple[int, int]:
    """Token slice of the noun phrase headed by ``tok``, relative clauses included (PolNeAR's source span)."""
    left, right = tok.left_edge.i, tok.right_edge.i
    for child in tok.rights:
        if child.dep_ in {"acl"} and child.i > tok.i:
            right = min(right, child.left_edge.i - 1)
            break
    doc = tok.doc
    while right > left and (doc[right].is_punct or doc[right].dep_ in {"cc"}):
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return left, right + 1


def np_core(tok: Token) -> tuple[int, int]:
    """The noun phrase without relative clauses (for speaker names and descriptions)."""
    left, right = _np_slice(tok)
    for child in tok.rights:
        if child.dep_ == "relcl" and child.i > tok.i:
            right = min(right, child.left_edge.i)
            break
    doc = tok.doc
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
        right -= 1
    return left, right


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaker noun of a cue verb, following coordination, participles, xcomp and relative clauses."""
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS:
            if child.dep_ == "nsubj" and child.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            if child.dep_ == "csubj":
                return None
            return child
        if child.dep_ == "agent":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    if depth >= 3:
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "dep" and depth > 0 and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "xcomp":
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"} and _is_infinitive(verb):
        # "X went on to say …", "X met to discuss …"; a purpose clause after the object of a transitive verb
        # ("visited the court to view the casket", "called a meeting to discuss …") is a plan, not an
        # attribution, unless it reports speech
        head = verb.head
        if (
            head.lemma_.lower() in CHAIN_HEADS
            or not any(c.dep_ == "dobj" for c in head.children)
            or _speech_clause(verb)
        ):
            return _subject(verb.head, depth + 1)
        return None
    if verb.dep_ == "acomp" and verb.head.pos_ in {"VERB", "AUX"}:  # "X is likely to say"
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and cue_strength(verb.lemma_.lower()) >= 0.5
    ):
        return verb.head  # "a statement saying that …", "911 calls reporting shots"
    if (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in SUBJECT_PREPS
        and verb.head.head.pos_ in {"VERB", "AUX"}
    ):
        return _subject(verb.head.head, depth + 1)  # "After thanking the crowd, he …", "by saying that …"
    return None


# "X went on to say", "X took to Twitter to say", "X called in to discuss": the infinitive continues the subject's act
CHAIN_HEADS = frozenset(
    {"go", "take", "turn", "call", "come", "return", "use", "appear", "rise", "step", "move"}
)
# "by saying", "after thanking", "before clarifying", "despite challenging": the participle's subject is the
# clause subject; with "for" / "into" / "from" it is usually someone else ("chastised Snyder for refusing",
# "deceive the judge into thinking") or the participle is no report ("refrained from attacking")
SUBJECT_PREPS = frozenset({"by", "after", "before", "despite", "upon", "while", "in", "through", "when"})


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# what a source releases or sends: "released a statement saying …", "sent an email saying …"
MEDIA_NOUNS = frozenset(
    {"statement", "letter", "email", "e-mail", "ad", "advertisement", "tweet", "video", "memo"}
)
# "X seemed to recognize Y": the cue is "seemed to recognize" (the inner verb's attribution)
RAISING = frozenset({"seem", "appear"})


SHORT_ANSWERS = frozenset({"yes", "no", "so", "that", "this"})
BELIEF_SO = frozenset({"think", "believe", "hope", "expect", "suppose", "guess", "doubt", "fear"})


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
                    and cue_strength(tok.head.lemma_.lower(), "NOUN") < 0.15
                ):
                    return tok
    return None


def _speech_clause(tok: Token) -> bool:
    """A speech verb with its own clausal complement: the attribution belongs to it (``decided to say that``)."""
    return tok.lemma_.lower() in SPEECH and any(c.dep_ == "ccomp" for c in tok.children)


def _agent(verb: Token) -> Token | None:
    """The ``by`` noun of a passive verb (``criticized by Democrats``)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((gc for gc in child.children if gc.dep_ == "pobj"), None)
    return None


def _cue_tokens(verb: Token) -> list[int]:
    """The verb plus negation and, when negated, its auxiliaries (``did not mention``)."""
    toks = [verb.i]
    negs = [c for c in verb.children if c.dep_ == "neg"]
    if negs:
        toks += [c.i for c in negs] + [
            c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i
        ]
    return sorted(toks)


# a weak object cue ("expose", "launch", "release", "find") reports only when its object is someone or something
# said: "exposed Clinton", "released a statement"; not "launched his campaign", "found ways to …"
WEAK_OBJECT_MARGIN = 0.05
# verbs of judging that report a view with "X as Y"
AS_VERBS = frozenset(
    {"see", "view", "regard", "perceive", "consider", "treat", "portray", "paint", "characterize"}
)
OBJECT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _as_phrase(verb: Token, dobj: Token) -> bool:
    """``see X as Y``: an ``as`` phrase of the verb (or of its object) after the object."""
    return (
        any(
            c.i > dobj.i and c.dep_ in {"prep", "advcl"} and c.left_edge.lower_ == "as"
            for c in (*verb.rights, *dobj.rights)
        )
        and verb.lemma_.lower() in AS_VERBS
    )


def _object_cue(lemma: str, dobj: Token, th: Thresholds) -> bool:
    """The verb's direct object is its content (``denied the report``, ``criticized Trump``)."""
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
        dobj.ent_type_ in OBJECT_ENTS
        or dobj.pos_ == "PROPN"
        or cue_strength(dobj.lemma_.lower(), "NOUN") >= th.noun
    )


def _span_chars(doc: Doc, a: int, b: int) -> CharSpan:
    """Characters of tokens ``[a, b]`` (inclusive), trimmed of edge commas/colons but keeping quote marks."""
    while b > a and doc[b].text in {",", ";", ":", "—", "–", "-", "."} and doc[b].is_punct:
        b -= 1
    while a < b and doc[a].text in {",", ";", ":", "—", "–", "-"}:
        a += 1
    return doc[a].idx, doc[b].idx + len(doc[b].text)


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
    return a, b


def _verb_attribution(verb: Token, th: Thresholds) -> Attribution | None:
    lemma = verb.lemma_.lower()
    strength = cue_strength(lemma, "VERB")
    if strength <= 0.0:
        return None
    if verb.dep_ == "advcl" and lemma == "quote":  # "Quoting X, Y say ...": X is credited on Y's cue
        return None
    subj = _subject(verb)
    if subj is None or subj.i == verb.i:
        return None
    passive_np: Token | None = None
    no_source = False
    if subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
        agent = _agent(verb)
        if agent is not None and not (verb.dep_ == "relcl" and subj.lower_ in REL_PRONOUNS | {"who"}):
            # "the plan was criticized by Democrats": the agent speaks about the subject (not "a deal that was
            # rejected by Congress": the relative pronoun is no content)
            passive_np, subj = subj, agent
        elif subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children) and strength >= th.passive:
            no_source = True  # "it was reported that …", "it is widely believed that …": nobody named
    if (
        not no_source
        and subj.pos_ == "PRON"
        and subj.lower_ in {"it", "this", "that", "there"}
        and lemma not in SPEECH
    ):
        return None
    doc = verb.doc
    cue = _cue_tokens(verb)
    cue_hole = (verb.i, verb.i)
    content: tuple[int, int] | None = None
    rule = ""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and strength >= th.ccomp:
            content, rule = _clause_content(verb, child), "ccomp"
            break
    if content is None and lemma in SPEECH:
        comp = _stray_that_clause(verb)
        if comp is not None:  # "said during a news conference that …": the clause hangs on the noun
            content, rule = (comp.left_edge.i, comp.right_edge.i), "ccomp"
    if content is None and (lemma in SPEECH or lemma in BELIEF_SO):
        for child in children:
            # "said yes", "said so", "did not say when", "by the time he said that"
            if child.i > verb.i and (
                (
                    child.lower_ in SHORT_ANSWERS
                    and child.dep_ in {"intj", "advmod", "dobj", "oprd"}
                    and (lemma in SPEECH or child.lower_ == "so")
                )
                or (child.tag_ == "WRB" and child.dep_ == "advmod" and lemma in SPEECH)
            ):
                content, rule = (child.i, child.right_edge.i), "answer"
                break
    if content is None and (clear := make_clear_content(verb)) is not None:
        content, extra = clear
        cue.extend(extra)
        rule = "light"
    if lemma in RAISING:
        inner = next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if inner is not None and _verb_attribution(inner, th) is not None:
            return None  # "Obama seemed to recognize the victory": the attribution is "recognize"'s
    if content is None:
        for child in children:
            if (
                child.dep_ == "xcomp"
                and child.pos_ in {"VERB", "AUX"}
                and not _speech_clause(child)
                and (strength >= th.xcomp or lemma in XCOMP_CUES)
            ):
                content, rule = (child.left_edge.i, child.right_edge.i), "xcomp"
                break
    if content is None:
        preps = PHRASAL.get(lemma, ())
        dobj = next((c for c in children if c.dep_ == "dobj"), None)
        prep = next(
            (c for c in children if c.dep_ in {"prep", "prt"} and c.lower_ in preps and c.i > verb.i), None
        )
        if prep is None and preps:  # "called for the US to act": the parser makes "for" the clause's mark
            for c in children:
                mark = (
                    next((m for m in c.children if m.dep_ == "mark"), None)
                    if c.dep_ in {"advcl", "ccomp"}
                    else None
                )
                if mark is not None and mark.lower_ in preps and 0 < mark.i - verb.i <= 2 and c.i > mark.i:
                    cue.append(mark.i)
                    content, rule = (mark.i + 1, c.right_edge.i), "phrasal"
                    break
        if content is not None:
            pass
        elif prep is not None and prep.dep_ == "prep":
            pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                if (
                    dobj is not None
                    and dobj.i < prep.i
                    and lemma in {"accuse", "criticize", "blame", "praise"}
                ):
                    content = (dobj.left_edge.i, pobj.right_edge.i)
                else:
                    cue.append(prep.i)
                    content = (pobj.left_edge.i, pobj.right_edge.i)
                rule = "phrasal"
        elif (
            dobj is not None
            and (cue_strength(dobj.lemma_.lower(), "NOUN") >= th.noun or dobj.lemma_.lower() in MEDIA_NOUNS)
            and any(
                _speech_clause(c) and c.tag_ == "VBG" and c.i > dobj.i for c in (*dobj.rights, *verb.rights)
            )
        ):
            pass  # "released a statement saying that …": the attribution is the participle's
        elif (
            dobj is not None
            and (dobj.pos_ != "PRON" or _as_phrase(verb, dobj))
            and _object_cue(lemma, dobj, th)
        ):
            b = dobj.right_edge.i
            for sib in verb.rights:  # "dismissed the claims as …", "called his plan a disaster"
                if sib.i > b and (
                    sib.dep_ in {"oprd", "xcomp", "ccomp"}
                    or (sib.dep_ in {"prep", "advcl"} and sib.left_edge.lower_ == "as")
                ):
                    b = sib.right_edge.i
            content, rule = (dobj.left_edge.i, b), "dobj"
        elif dobj is not None and (
            light := light_verb_content(verb, dobj, cue_strength(dobj.lemma_.lower(), "NOUN") >= th.noun)
        ):
            content, extra = light
            cue.extend(extra)
            rule = "light"
        elif passive_np is not None and (lemma in OBJECT_CUES or lemma in SPEECH or data_p(lemma) >= th.dobj):
            content, rule = (passive_np.left_edge.i, passive_np.right_edge.i), "passive"
    as_it = as_clause(verb)
    if as_it is not None and content is None:
        cue.extend(as_it)  # "as X put it": "put it"
    if (
        content is None
        and verb.dep_ in {"parataxis", "advcl"}
        and (lemma in SPEECH or as_it is not None)
        and verb.i != verb.head.i
    ):
        # parenthetical "…, many economists say, …" / "As the Post observed, …": the content is the clause the
        # cue interrupts or introduces
        head = verb.head
        a0, b0 = head.left_edge.i, head.right_edge.i
        own = (verb.left_edge.i, verb.right_edge.i)
        if own[0] > a0 or (as_it is not None and own[1] < b0):
            content, rule = (a0, b0), "parenthetical"
            cue_hole = own
        else:
            content = None
    if content is None:
        return None
    a, b = content
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
    src = None if no_source else _np_slice(subj)
    if no_source and rule == "parenthetical":
        return None
    if rule == "parenthetical":
        frags = []
        if all(doc[k].is_punct or doc[k].dep_ == "cc" for k in range(a, cue_hole[0])):
            a = cue_hole[0]  # "Or, as X put it, …": nothing of the content before the cue
        if cue_hole[0] - 1 >= a:
            frags.append(_span_chars(doc, a, cue_hole[0] - 1))
        if cue_hole[1] + 1 <= b:
            frags.append(_span_chars(doc, cue_hole[1] + 1, b))
        if not frags:
            return None
        return Attribution(
            cue=sorted(set(cue)), source=src, content=frags, verb=verb.i, source_head=subj.i, rule=rule
        )
    # "the changes, which officials said will take effect …": the relative pronoun and the rest of the clause
    relative = rule == "ccomp" and not no_source and a < subj.i < verb.i < b and doc[a].tag_ in {"WDT", "WP"}
    if relative and all(
        k == a or doc[k].head.i in {verb.i, subj.i} or subj.left_edge.i <= k for k in range(a, verb.i)
    ):
        return Attribution(
            cue=sorted(set(cue)),
            source=_np_slice(subj),
            content=[_span_chars(doc, a, a), _span_chars(doc, verb.i + 1, b)],
            verb=verb.i,
            source_head=subj.i,
            rule="ccomp",
        )
    # the content must not swallow the source or the cue
    if not no_source and a <= subj.i <= b:
        return None
    quoted_source = None
    quoted_cue = None
    for child in children:
        if child.dep_ == "advcl" and child.lemma_.lower() == "quote":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None:
                quoted_source, quoted_cue = _np_slice(obj), child.i
    return Attribution(
        cue=sorted(set(cue)),
        source=src,
        content=[_span_chars(doc, a, b)],
        verb=verb.i,
        source_head=None if no_source else subj.i,
        quoted_source=quoted_source,
        quoted_cue=quoted_cue,
        rule=rule,
    )
