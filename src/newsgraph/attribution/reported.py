"""Reported-speech rules: cue verbs, nouns and adjectives with their source and content, and ``according to X``.

Pass 1 and 2 of :func:`newsgraph.attribution.rules.find_attributions` (see its module docstring).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.attribution.constructions import light_verb_content
from newsgraph.attribution.cues import (
    OBJECT_CUES,
    PHRASAL,
    SPEECH,
    SPEECH_NOUNS,
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
        return _subject(verb.head, depth + 1)  # "X went on to say …"
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
        and verb.head.head.pos_ in {"VERB", "AUX"}
    ):
        return _subject(verb.head.head, depth + 1)  # "After thanking the crowd, he …", "by saying that …"
    return None


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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
        if agent is not None:  # "the plan was criticized by Democrats": the agent speaks about the subject
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
        elif dobj is not None and (lemma in OBJECT_CUES or data_p(lemma) >= th.dobj) and dobj.pos_ != "PRON":
            b = dobj.right_edge.i
            for sib in verb.rights:  # "dismissed the claims as …", "called his plan a disaster"
                if sib.i > b and (
                    sib.dep_ in {"oprd", "xcomp", "ccomp"} or (sib.dep_ == "prep" and sib.lower_ == "as")
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
    if content is None and verb.dep_ in {"parataxis", "advcl"} and lemma in SPEECH and verb.i != verb.head.i:
        # parenthetical "…, many economists say, …": the content is the clause the cue interrupts
        head = verb.head
        a0, b0 = head.left_edge.i, head.right_edge.i
        own = (verb.left_edge.i, verb.right_edge.i)
        if own[0] > a0:
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
        if cue_hole[0] - 1 >= a:
            frags.append(_span_chars(doc, a, cue_hole[0] - 1))
        if cue_hole[1] + 1 <= b:
            frags.append(_span_chars(doc, cue_hole[1] + 1, b))
        if not frags:
            return None
        return Attribution(
            cue=sorted(set(cue)), source=src, content=frags, verb=verb.i, source_head=subj.i, rule=rule
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


NOUN_CONTENT_PREPS = {"of", "for", "about", "on", "against", "to", "that"}


def _noun_attribution(noun: Token, th: Thresholds) -> Attribution | None:
    """``Trump's claim that …``, ``his call for …``, ``Clinton's criticism of …`` (possessor = source)."""
    lemma = noun.lemma_.lower()
    if cue_strength(lemma, "NOUN") < th.noun:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or (poss.lower_ in {"its", "their"} and lemma not in SPEECH_NOUNS):
        return None
    content: tuple[int, int] | None = None
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
            c.lower_ == "that" and c.dep_ == "mark" for c in child.children
        ):
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "acl" and child.tag_ == "VB":  # "his call to raise …"
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                content = (pobj.left_edge.i, pobj.right_edge.i)
                break
    if content is None:
        return None
    doc = noun.doc
    src = (poss.left_edge.i, poss.i + 1)
    return Attribution(
        cue=[noun.i], source=src, content=[_span_chars(doc, *content)], source_head=poss.i, rule="noun"
    )


def _adjective_attribution(adj: Token, th: Thresholds) -> Attribution | None:
    """``X is confident that …``, ``X is eager to …``, ``X was skeptical of …`` (subject of the copula = source)."""
    if adj.dep_ != "acomp" or cue_strength(adj.lemma_.lower(), "ADJ") < th.adjective:
        return None
    cop = adj.head
    subj = next((c for c in cop.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lower_ in {"it", "this", "that", "there"}:
        return None
    content: tuple[int, int] | None = None
    for child in list(adj.rights) + [c for c in cop.rights if c.i > adj.i]:
        if child.dep_ in {"ccomp", "xcomp"}:
            content = (child.left_edge.i, child.right_edge.i)
            break
        if child.dep_ == "prep" and child.lower_ in {"of", "about", "with", "that", "on"}:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                content = (pobj.left_edge.i, pobj.right_edge.i)
                break
    if content is None or content[0] <= subj.i <= content[1]:
        return None
    doc = adj.doc
    return Attribution(
        cue=[adj.i],
        source=_np_slice(subj),
        content=[_span_chars(doc, *content)],
        source_head=subj.i,
        rule="adjective",
    )


def _according_to(tok: Token) -> Attribution | None:
    """``according to X, …`` / ``…, according to X``."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    doc = tok.doc
    sent = tok.sent
    src = _np_slice(pobj)
    cue_end = max(to.i, tok.i)
    phrase_end = max(src[1] - 1, pobj.right_edge.i)
    # content: the sentence minus the "according to X" phrase
    if tok.i - sent.start <= 1:
        a, b = phrase_end + 1, sent.end - 1
    else:
        a, b = sent.start, tok.i - 1
        if phrase_end + 1 < sent.end - 1 and tok.i - sent.start < 3:
            a, b = phrase_end + 1, sent.end - 1
    while a <= b and ((doc[a].is_punct and doc[a].text not in '“"') or doc[a].dep_ == "cc"):
        a += 1
    if b < a:
        return None
    return Attribution(
        cue=sorted({tok.i, cue_end}),
        source=src,
        content=[_span_chars(doc, a, b)],
        source_head=pobj.i,
        rule="according",
    )
