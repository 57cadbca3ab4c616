"""An article's propositions from its claims, entities and quotes: frames, grouping, stances, statements."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.pronouns import SECOND_PERSON
from newsgraph.claims.lexicon import ALLEGE_CUES, CONFIRM_CUES, DENY_CUES, REPORT_CUES
from newsgraph.dispute import is_dispute, unresolved_source
from newsgraph.extensions import doc_text
from newsgraph.lexicon.reporting import EPISTEMIC_VERBS, EVIDENCE_VERBS, SPEECH_VERBS
from newsgraph.models import Claim, ClaimStatus, Entity, Proposition, Quote, Speaker, Stance
from newsgraph.propositions.frames import Context, Frame
from newsgraph.propositions.link import Group, Member, group_members
from newsgraph.propositions.polarity import opposite_polarity, paraphrase_denial
from newsgraph.propositions.reject import is_indirect_question, read_frame
from newsgraph.propositions.statement import (
    bare_compound_names_a_topic,
    clause_statement,
    content_lead,
    has_finite_verb,
    infinitive_aim,
    nominal_statement,
    opens_with_a_verb,
)
from newsgraph.propositions.writer import writer_mentions

__all__ = [
    "WRITER",
    "asked",
    "direct_question",
    "entity_index",
    "own_words_state",
    "propositions_for",
    "source_tokens",
    "split_source",
    "writer_is_the_narrator",
]

WRITER = Speaker(name="the writer", kind="unknown")
_KINDS = {"PERSON": "person", "GPE": "state", "NORP": "state", "ORG": "organization"}
_ASSERT = frozenset({"asserted", "confirmed"})


def topic_is_no_member(doc: Doc, frame: Frame) -> bool:
    """Rule ``topic_is_no_member``: a content that is only a topic's name (``climate change``, ``gun control``:
    :func:`bare_compound_names_a_topic`) states no fact, so it joins no proposition. Before this rule, "Romney
    accepted [climate change]" joined, by its two words, Obama's "there is the notion that … Republicans deny
    climate change", and a bare "the environmental changes" then referred to it: one tracked "proposition" of three
    unrelated sources on PolNeAR dev."""
    return frame.kind == "nominal" and bare_compound_names_a_topic(doc[frame.head])


FACT_CUES = (
    SPEECH_VERBS | EPISTEMIC_VERBS | EVIDENCE_VERBS | DENY_CUES | CONFIRM_CUES | ALLEGE_CUES | REPORT_CUES
)
"""Cues whose object can be a fact ("denied the deployment", "reported the attack", "found widespread fraud")."""


def object_of_no_report(doc: Doc, frame: Frame, claim: Claim) -> bool:
    """Rule ``object_of_no_report``: a content that is a noun phrase (an event noun, not a clause) states a fact
    only under a cue of saying, knowing, showing or (dis)confirming (:data:`FACT_CUES`). Under any other cue it is
    the thing offered, wanted or allowed: "MSI offers solid gaming performance" states no "gaming was performed",
    and "the app offers product recommendations" no "products were recommended"."""
    if frame.kind not in ("nominal", "event") or claim.cue_span is None:
        return False
    cue = doc.char_span(*claim.cue_span, alignment_mode="expand")
    if cue is None:
        return False
    return not any(t.lemma_.lower() in FACT_CUES for t in cue)


READER = SECOND_PERSON


def reader_is_no_source(claim: Claim) -> bool:
    """Rule ``reader_is_no_source``: "If you want to learn a language …", "you know how quickly expenses add up":
    outside a quotation, "you" is the writer addressing the reader, and what the reader is told they want or know
    is no fact any source stated (attribution leaves such a speaker ``unknown``, resolved from "you")."""
    surface = (claim.source.resolved_from or claim.source.name).strip().casefold()
    return claim.source.kind == "unknown" and surface in READER


NARRATOR = frozenset({"i", "we", "me", "us"})


def writer_is_the_narrator(claim: Claim) -> bool:
    """Rule ``first_person_is_the_writer``: outside a quotation, "I" and "we" are the writer ("I don't think this
    is a natural way to think about mathematics", an op-ed's "I know your tax returns are being audited").
    Attribution leaves such a speaker ``unknown``, resolved from the pronoun, when no one spoke before it or the
    article has a narrator; its stance is the writer's, counted as that article's writer (not on no side, as an
    unknown source is)."""
    surface = (claim.source.resolved_from or "").strip().casefold()
    return unresolved_source(claim.source) and surface in NARRATOR


def reader_is_the_subject(doc: Doc, frame: Frame, quoted: bool) -> bool:
    """Rule ``reader_is_no_source`` inside a content: outside a quotation, a clause whose subject is "you" tells the
    reader what to do or what they will find ("Travel agents recommend that you get travel insurance", "Preply
    allows you to find a teacher"): advice, not a fact. In a direct or mixed quotation "you" is someone the speaker
    addresses ("You should resign", Warren's "“You squeezed employees to the breaking point” to drive up the stock
    price"), and the clause stays."""
    return (
        not quoted
        and frame.kind == "clause"
        and frame.subject is not None
        and doc[frame.subject].lower_ in READER
    )


def entity_index(doc: Doc, entities: list[Entity]) -> dict[int, str]:
    """Token index -> id of the entity one of whose mentions covers the token."""
    out: dict[int, str] = {}
    for e in entities:
        for m in e.mentions:
            sp = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            if sp is not None:
                for t in sp:
                    out.setdefault(t.i, e.id)
    return out


_OWN_DETERMINERS = frozenset({"det", "poss", "nummod"})


def separate_sources(conjuncts: list[Token]) -> bool:
    """Whether coordinated nouns name several sources ("North Korea and Russia", "the ministry and the army") or
    describe one ("a serial liar, xenophobe and birther who has pledged ...", "racist and misogynist"): each
    conjunct must be a name (a capitalised proper noun or named entity: the small model tags a lower-case
    "xenophobe" PROPN) or carry its own determiner or possessive."""
    return all(
        ((c.pos_ == "PROPN" or c.ent_type_) and c.text[:1].isupper())
        or any(k.dep_ in _OWN_DETERMINERS for k in c.children)
        for c in conjuncts
    )


def split_source(claim: Claim, doc: Doc, ctx: Context, entities: dict[str, Entity]) -> list[Speaker]:
    """One speaker per conjunct of a coordinated source ("Both North Korea and Russia" -> North Korea, Russia)."""
    src = claim.source
    if src.span is None:
        return [src]
    span = doc.char_span(src.span[0], src.span[1], alignment_mode="expand")
    if span is None:
        return [src]
    root = span.root
    conjuncts = [root, *(c for c in root.conjuncts if span.start <= c.i < span.end)]
    if len(conjuncts) < 2 or not separate_sources(conjuncts):
        return [src]
    out = []
    for c in sorted(conjuncts, key=lambda t: t.i):
        ids = {c.i}
        stack = [k for k in c.children if k.dep_ not in ("cc", "conj", "preconj", "punct", "appos")]
        while stack:
            k = stack.pop()
            ids.add(k.i)
            stack.extend(k.children)
        ids = {i for i in ids if doc[i].lower_ not in ("both", "either", "neither")}
        part: Span = doc[min(ids) : max(ids) + 1]
        eids = {ctx.ent_of[i] for i in ids if i in ctx.ent_of}
        ent = entities.get(next(iter(eids))) if len(eids) == 1 else None
        name = ent.name if ent is not None else part.text
        out.append(
            Speaker(
                name=name,
                kind=_KINDS.get(ent.type, "unknown") if ent is not None else src.kind,
                span=(part.start_char, part.end_char),
                resolved_from=part.text if part.text != name else None,
                entity=ent.id if ent is not None else None,
            )
        )
    return out


def _speaker_key(sp: Speaker, writer: bool) -> str:
    if writer:
        return "writer"
    return f"e:{sp.entity}" if sp.entity else sp.name.lower().removeprefix("the ").removeprefix("a ")


def _carrier(pos: int, claims: list[Claim], sent_of: list[int], sent_at: int, members: list[str]) -> str:
    """The claim that carries a writer's hedge: the one around it, else one in its sentence, else a member."""
    for c in claims:
        if c.span[0] <= pos < c.span[1]:
            return c.id
    for c, s in zip(claims, sent_of, strict=True):
        if s == sent_at:
            return c.id
    return members[0]


def _stances(
    group: Group,
    ctx: Context,
    entities: dict[str, Entity],
    claims: list[Claim],
    polarity: str,
    basis: Member | None = None,
) -> list[Stance]:
    """One stance per distinct (source, status), in body order; a coordinated source gives one per conjunct."""
    doc = ctx.doc
    members = [m.claim.id for m in group.members if m.claim is not None]
    sent_of = [_sent_index(doc, c.span[0]) for c in claims]
    out: list[Stance] = []
    seen: set[tuple[str, str]] = set()
    for m in group.members:
        if m.writer is not None:
            w = m.writer
            if ("writer", w.status) in seen:
                continue
            seen.add(("writer", w.status))
            cid = _carrier(w.cue_span[0], claims, sent_of, m.sent, members)
            out.append(
                Stance(
                    source=WRITER.model_copy(),
                    status=w.status,
                    claim=cid,
                    cue=w.cue,
                    cue_span=w.cue_span,
                    writer=True,
                )
            )
            continue
        claim = m.claim
        assert claim is not None
        status = question_status(claim, doc) or claim.status
        if status in _ASSERT and direct_question(doc, m.frame.head):
            status = "hedged"
        if status in _ASSERT and m.frame.kind == "clause" and opposite_polarity(doc, m, basis, polarity):
            status = "denied"  # "X said North Korea did not send troops" denies that it did
        if writer_is_the_narrator(claim):
            if ("writer", status) not in seen:
                seen.add(("writer", status))
                narrator = WRITER.model_copy(
                    update={"span": claim.source.span, "resolved_from": claim.source.resolved_from}
                )
                out.append(
                    Stance(
                        source=narrator,
                        status=status,
                        claim=claim.id,
                        cue=claim.cue,
                        cue_span=claim.cue_span,
                        writer=True,
                    )
                )
            continue
        for sp in split_source(claim, doc, ctx, entities):
            key = (_speaker_key(sp, False), status)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Stance(source=sp, status=status, claim=claim.id, cue=claim.cue, cue_span=claim.cue_span)
            )
    return out


QUESTION_CUES = frozenset({"ask", "wonder", "inquire", "query", "question"})
"""Cues whose content is asked, not stated."""
QUESTION_MARKS = frozenset({"whether", "if"})


def question_status(claim: Claim, doc: Doc) -> ClaimStatus | None:
    """Rule ``question_is_no_assertion``: "Lawmakers asked whether the deals required ..." asks, it does not assert:
    an asserted claim whose cue is a question verb, or whose content follows "whether" / "if", is ``hedged``
    (neither side of a dispute); so is an asserted or denied content that holds an open question ("the videos do
    not show whether Scott has anything in his hands" neither asserts nor denies what Scott held). None when the
    rule does not apply."""
    if claim.status not in _ASSERT and claim.status != "denied":
        return None
    text = doc_text(doc)
    cue = doc.char_span(*claim.cue_span, alignment_mode="expand") if claim.cue_span else None
    asked = cue is not None and any(t.lemma_.lower() in QUESTION_CUES for t in cue)
    before = text[max(0, claim.span[0] - 12) : claim.span[0]].split()
    marked = bool(before) and before[-1].lower() in QUESTION_MARKS
    open_question = " whether " in f" {text[claim.span[0] : claim.span[1]].lower()} "
    if claim.status == "denied":
        return "hedged" if open_question else None
    return "hedged" if asked or marked or open_question else None


def direct_question(doc: Doc, head: int) -> bool:
    """Rule ``direct_question_is_no_assertion``: "Why won't he release his tax returns?" asks; it neither asserts
    nor denies that he releases them. True when the sentence that holds the content's predicate ends with a
    question mark (closing quote marks and brackets aside), or the predicate's own clause does (the parser
    often runs a quoted question and its attribution into one sentence: '"Why won't she resign?" he said')."""
    if not 0 <= head < len(doc):
        return False
    sent = doc[head].sent
    tail = [t for t in sent if not (t.is_space or t.is_quote or t.is_bracket)]
    after = doc[head].right_edge.i + 1
    while after < len(doc) and (doc[after].is_space or doc[after].is_quote):
        after += 1
    return (bool(tail) and tail[-1].text.endswith("?")) or (after < len(doc) and doc[after].text == "?")


def asked(doc: Doc, m: Member) -> bool:
    """Rule ``question_alone_is_no_proposition``: a claim that is a direct question ("Why won't he release his tax
    returns?") states nothing, so no statement is built from it; a group of questions alone is no proposition to
    track, and a question beside a statement of the same fact stays as a hedged stance (:func:`direct_question`)."""
    return m.claim is not None and direct_question(doc, m.frame.head)


def _disputed(stances: list[Stance]) -> bool:
    """One source asserts or confirms it, another denies it (:func:`newsgraph.dispute.is_dispute`: not the same
    source on both sides, not an unresolved one). The writer is a side when it asserts in the first person
    (:func:`writer_is_the_narrator`); its hedges ("allegedly") are never asserted or denied."""
    named = [s for s in stances if not unresolved_source(s.source)]
    pro = {_speaker_key(s.source, s.writer) for s in named if s.status in _ASSERT}
    con = {_speaker_key(s.source, s.writer) for s in named if s.status == "denied"}
    return is_dispute(pro, con)


def _explicitness(m: Member) -> tuple[int, int, int]:
    fr = m.frame
    return (
        {"clause": 3, "nominal": 2}.get(fr.kind, 0) + (1 if m.claim is not None else 0),
        bool(fr.subjects) + bool(fr.objects) + bool(fr.goals),
        -m.pos,
    )


def source_tokens(doc: Doc, claim: Claim) -> frozenset[int]:
    """The tokens of the mention of a claim's source (see ``statement.source_phrase``)."""
    span = claim.source.span
    toks = doc.char_span(span[0], span[1], alignment_mode="expand") if span is not None else None
    return frozenset(range(toks.start, toks.end) if toks is not None else ())


def _statement(group: Group, ctx: Context, entities: dict[str, Entity]) -> tuple[str, str, Member | None]:
    """The canonical statement, its polarity and the member it was built from (None when it is a claim's own
    text); "" when no member states the proposition as a clause with a finite verb or an event noun (rule
    ``fragment_is_no_claim``)."""
    names = {eid: e.name for eid, e in entities.items()}
    stated = [m for m in group.members if not asked(ctx.doc, m)]
    for m in sorted(stated, key=_explicitness, reverse=True):
        fr: Frame = m.frame
        text = ""
        if fr.kind == "clause":
            src = m.claim.source if m.claim is not None else None
            who = f"e:{src.entity}" if src is not None and src.entity else None
            sctx = replace(
                ctx,
                speaker=who,
                speaker_name=src.name if src is not None else None,
                speaker_kind=src.kind if src is not None else None,
                direct=m.direct,  # "'He will lose,' Clinton said" is not "Clinton will lose"
                source_mention=source_tokens(ctx.doc, m.claim) if m.claim is not None else frozenset(),
            )
            text = clause_statement(fr, sctx, names)  # "" for a fragment: another member may state it
        elif fr.kind == "nominal":
            text = nominal_statement(fr, ctx)
        if len(text.split()) >= 3:
            return text, m.claim.polarity if m.claim is not None else "positive", m
    first = next((m.claim for m in stated if m.claim is not None), None)
    if first is None:
        return "", "positive", None
    span = ctx.doc.char_span(first.span[0], first.span[1], alignment_mode="expand")
    if span is None or not has_finite_verb(span) or span.root.pos_ not in {"VERB", "AUX"}:
        return "", first.polarity, None  # a fragment or a noun phrase ("derogatory comments Trump had made")
    if is_indirect_question(list(span), ctx) or infinitive_aim(content_lead(span)) or opens_with_a_verb(span):
        return "", first.polarity, None  # "[answer] how many miles are in a marathon" asks, states nothing
    if not own_words_state(span):
        return "", first.polarity, None
    text = first.text.strip("“”\"' ,.")
    return text[:1].upper() + text[1:], first.polarity, None


def own_words_state(span: Span) -> bool:
    """Rule ``own_words_read_as_a_sentence``: a claim's own words stand as its statement (the last resort, when no
    member gives one) only when they open with the subject of their main verb and keep to one paragraph. "the VA
    hotline were actually going to voicemail" (the parse lost "Calls to"), "as might be expected from such a
    veteran negotiator, made a counteroffer", "a memoir of her time at the White House entitled …" and a quote
    running over a paragraph break are no statements; "he's satisfied that there has been no illegal disclosure"
    is one."""
    toks = [t for t in span if not (t.is_punct or t.is_quote or t.is_space)]
    while toks and toks[0].dep_ in ("cc", "advmod", "intj") and toks[0].head.i == span.root.i:
        toks.pop(0)  # "However debates … are not likely to alter the campaign"
    if not toks or "\n\n" in span.text.strip():
        return False
    subject = next((c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
    return subject is not None and subject.left_edge.i == toks[0].i


_SENT_STARTS = "newsgraph.sent_starts"


def _sent_index(doc: Doc, char: int) -> int:
    starts = doc.user_data.get(_SENT_STARTS)
    if not isinstance(starts, list):
        starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        doc.user_data[_SENT_STARTS] = starts
    return max(bisect_right(starts, char) - 1, 0)


def propositions_for(
    doc: Doc,
    claims: list[Claim],
    entities: list[Entity],
    quotes: list[Quote],
    verbs: Collection[str] = frozenset(),
) -> list[Proposition]:
    """The propositions of one parsed article (see :mod:`newsgraph.propositions`)."""
    ctx = Context(doc=doc, verbs=verbs, ent_of=entity_index(doc, entities))
    by_id = {e.id: e for e in entities}
    quote_type = {q.id: q.type for q in quotes}
    members: list[Member] = []
    for c in claims:
        span = doc.char_span(c.span[0], c.span[1], alignment_mode="expand")
        if span is None or reader_is_no_source(c):
            continue
        speaker = f"e:{c.source.entity}" if c.source.entity else None
        qtype = quote_type.get(c.quote) if c.quote is not None else None
        who = replace(
            ctx,
            speaker=speaker,
            speaker_name=c.source.name,
            speaker_kind=c.source.kind,
            direct=qtype == "direct",
            source_mention=source_tokens(doc, c),
        )
        fr = read_frame(span, who)
        if fr is None or reader_is_the_subject(doc, fr, qtype in ("direct", "mixed")):
            continue
        if not topic_is_no_member(doc, fr) and not object_of_no_report(doc, fr, c):
            members.append(
                Member(pos=c.span[0], sent=_sent_index(doc, c.span[0]), frame=fr, claim=c, direct=who.direct)
            )
    for w in writer_mentions(doc, ctx, quotes):
        members.append(
            Member(pos=w.cue_span[0], sent=_sent_index(doc, w.cue_span[0]), frame=w.frame, writer=w)
        )
    out: list[Proposition] = []
    for g in group_members(members, partial(paraphrase_denial, doc)):
        ids = sorted(
            {m.claim.id for m in g.members if m.claim is not None}, key=lambda i: int(i.lstrip("c") or 0)
        )
        if not ids:
            continue  # the writer's framing alone: no source stated it
        statement, polarity, basis = _statement(g, ctx, by_id)
        if not statement:
            continue  # rule fragment_is_no_claim: no member states it, so it is no trackable claim
        stances = _stances(g, ctx, by_id, claims, polarity, basis)
        out.append(
            Proposition(
                id=f"p{len(out) + 1}",
                statement=statement,
                claims=ids,
                stances=stances,
                disputed=_disputed(stances),
            )
        )
    return out
