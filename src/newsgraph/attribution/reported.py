"""The parse around a cue: its speaker (:func:`verb_subject`), the source noun phrase, the cue tokens.

Read by the verb rules (:mod:`newsgraph.attribution.verb_rules`), the noun and adjective rules
(:mod:`newsgraph.attribution.nominal`) and the quote rules (:mod:`newsgraph.attribution.rules`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.attribution.cues import SPEECH, cue_strength
from newsgraph.attribution.marks import quote_spans
from newsgraph.attribution.pronouns import INDEFINITE_PRONOUNS, PERSONAL_SUBJECTS
from newsgraph.attribution.records import AGENT_ENTS, REL_PRONOUNS, SUBJ_DEPS, CharSpan
from newsgraph.attribution.stranded import subject_before_the_verb
from newsgraph.clean.dateline import MAX_DATELINE, split_dateline
from newsgraph.extensions import doc_text

DASHES = frozenset({"—", "–", "-"})
STRANDED_CUE = 0.3
"""Cue strength from which a main verb with no subject takes the noun phrase before it (:mod:`.stranded`)."""


def is_break(tok: Token) -> bool:
    """A whitespace token holding a line break (the end of a paragraph or of a title line), or the dash that closes
    a wire dateline (:func:`closes_dateline`)."""
    if tok.is_space:
        return "\n" in tok.text
    return tok.text in DASHES and closes_dateline(tok)


def closes_dateline(dash: Token) -> bool:
    """Rule ``dateline_break``: ``DALLAS (AP) — Martin O’Malley is shifting …``: the dash that ends a wire dateline
    at the start of a paragraph (:func:`newsgraph.clean.dateline.split_dateline`). The parser often makes the
    place the sentence's subject; the dateline is no part of any noun phrase after it."""
    text = doc_text(dash.doc)
    start = text.rfind("\n", 0, dash.idx) + 1
    end = dash.idx + len(dash.text)
    if end - start > MAX_DATELINE:
        return False
    found = split_dateline(text[start : end + 40])
    return found is not None and start + len(found[0]) == end


def clip_at_breaks(doc: Doc, left: int, right: int, anchor: int) -> tuple[int, int]:
    """Inclusive token range ``[left, right]`` cut to the line breaks nearest ``anchor`` on either side."""
    for j in range(anchor - 1, left - 1, -1):
        if is_break(doc[j]):
            left = j + 1
            break
    for j in range(anchor + 1, right + 1):
        if is_break(doc[j]):
            right = j - 1
            break
    return left, right


def unbroken_phrase(tok: Token, left: int, right: int) -> tuple[int, int]:
    """Rule ``unbroken_phrase``: inclusive range ``[left, right]`` cut to the unbroken run of ``tok``'s own words
    around it. The parser sometimes hangs a phrase after the verb on the subject ("A majority of voters expect
    Clinton to win, [the first of …]" with *the first* an appositive of *majority*); the subject's span then ran
    over its own verb."""
    inside = {t.i for t in tok.subtree}
    lo = hi = tok.i
    while hi < right and hi + 1 in inside:
        hi += 1
    while lo > left and lo - 1 in inside:
        lo -= 1
    return lo, hi


def np_slice(tok: Token, cue: Token | None = None) -> tuple[int, int]:
    """Token slice of the noun phrase headed by ``tok``, relative clauses included (PolNeAR's source span); a noun
    phrase never runs across a line break (:func:`clip_at_breaks`) nor past a word not its own
    (:func:`unbroken_phrase`). Rule ``source_holds_no_cue``: the clause that holds the ``cue`` itself is no part of
    its source, but for its relative pronoun, which PolNeAR marks as the source (``[top aide David Plouffe, who]
    called Trump “a psychopath”``, ``[A dozen Republicans who] want to be president``)."""
    left, right = clip_at_breaks(tok.doc, tok.left_edge.i, tok.right_edge.i, tok.i)
    left, right = unbroken_phrase(tok, left, right)
    for child in tok.rights:
        own = cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i
        if (child.dep_ in {"acl"} or own) and child.i > tok.i:
            first = child.left_edge
            keep = own and first.lower_ in REL_PRONOUNS and first.dep_ in SUBJ_DEPS
            right = min(right, first.i if keep else first.i - 1)
            break
    circumstance = circumstance_of_the_verb(tok)
    if circumstance is not None:
        right = min(right, circumstance.i - 1)
    doc = tok.doc
    while right > left and (doc[right].is_punct or is_break(doc[right]) or doc[right].dep_ in {"cc"}):
        right -= 1
    while left < right and (doc[left].is_punct or is_break(doc[left])):
        left += 1
    return left, right + 1


CIRCUMSTANCE_PREPS = frozenset({"at", "in", "on", "during"})
CIRCUMSTANCE_NOUNS = frozenset(
    {"time", "moment", "interview", "statement", "conference", "briefing", "speech", "remark", "hearing"}
    | {"appearance", "email", "letter", "tweet", "post", "testimony"}
)
"""Times and occasions of a report (:func:`circumstance_of_the_verb`); not a place or a gathering, which says
who ("many people at his rallies agreed")."""


def circumstance_of_the_verb(tok: Token) -> Token | None:
    """Rule ``circumstance_leaves_the_source``: ``Trump at the time said …``, ``The senator in an interview said
    …``: the parser hangs the time or the occasion of the report on its subject. It says when or where, not who:
    the prepositional phrase that ends the subject right before its verb, on a date, a time or a noun of
    :data:`CIRCUMSTANCE_NOUNS`, is left out of the source and of the speaker's name. Returns its preposition."""
    verb = tok.head
    if tok.dep_ not in {"nsubj", "nsubjpass"} or verb.i < tok.i:
        return None
    prep = next((c for c in reversed(list(tok.rights)) if c.dep_ == "prep"), None)
    if prep is None or prep.lower_ not in CIRCUMSTANCE_PREPS or prep.right_edge.i != tok.right_edge.i:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not (obj.ent_type_ in {"DATE", "TIME"} or obj.lemma_.lower() in CIRCUMSTANCE_NOUNS):
        return None
    between = tok.doc[prep.right_edge.i + 1 : verb.i]
    if any(t.head.i != verb.i or t.dep_ not in {"aux", "auxpass", "neg", "advmod"} for t in between):
        return None
    return prep


def temporal_modifier(child: Token) -> bool:
    """Rule ``temporal_modifier_is_no_name``: "Trump this week also said …": the parser hangs a bare time phrase
    (``this week``, ``last year``, ``Tuesday``) on the subject as a noun-phrase adverbial; it says when, not who, so
    the speaker's name (:func:`np_core`) leaves it out. The source span keeps it, as PolNeAR's annotators often
    did (leaving it out there cost .001 source F1 on train)."""
    return child.dep_ == "npadvmod"


def np_core(tok: Token) -> tuple[int, int]:
    """The noun phrase without relative clauses (for speaker names and descriptions)."""
    left, right = np_slice(tok)
    for child in tok.rights:
        if (child.dep_ == "relcl" or temporal_modifier(child)) and child.i > tok.i:
            right = min(right, child.left_edge.i)
            break
    doc = tok.doc
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
        right -= 1
    return left, right


SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten"})
"""Verbs whose infinitive takes the verb's subject even with an object between ("promised voters to cut taxes")."""


def object_controller(xcomp: Token) -> Token | None:
    """Rule ``object_control``: "Federal law requires candidates to disclose their assets": the one who discloses
    is the object of ``requires``, not its subject; likewise "urged supporters to say", "asked the judge to
    explain". None when the governing verb has no noun object or keeps its subject (:data:`SUBJECT_CONTROL`)."""
    head = xcomp.head
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() in SUBJECT_CONTROL:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
    if obj is None or obj.lower_ in {"it", "this", "that"}:
        return None
    return obj


TOUGH_ADJECTIVES = frozenset({
    "hard", "easy", "difficult", "impossible", "possible", "tough", "tricky", "important", "necessary",
    "essential", "crucial", "fair", "safe", "worth", "interesting", "tempting", "fun", "useful", "helpful",
})  # fmt: skip
"""Adjectives whose infinitive has no subject of theirs: "it is hard to deny", "the claim is easy to dismiss"."""


def class_of_people(head: Token) -> bool:
    """Rule ``indefinite_relative_reports_nothing``: "a great option for anyone who wants to try an electric
    toothbrush", "everyone who says the bridge is safe should walk it": a relative clause on an indefinite pronoun
    describes a class of people; no one in it says or wants anything."""
    return head.lower_ in INDEFINITE_PRONOUNS


def survey_share(verb: Token) -> Token | None:
    """Rule ``share_of_respondents_speaks``: "About 4 in 10 say they want …": the parser hangs the share on the
    verb as a number modifier and leaves it no subject; the share (its head number) is the source."""
    for child in verb.lefts:
        if child.dep_ in {"nummod", "npadvmod", "quantmod"} and any(t.pos_ == "NUM" for t in child.subtree):
            return child
    return None


REQUEST_NOUNS = frozenset({
    "request", "application", "admission", "access", "entry", "permission", "visa", "bail", "coverage", "benefit",
    "loan", "permit", "license", "licence", "appeal", "motion", "petition", "refund", "treatment", "leave",
    "mortgage", "payment", "exemption", "waiver", "asylum", "parole", "citizenship", "service", "credit", "traffic",
})  # fmt: skip
"""What an authority denies by refusing it (:func:`refused_request`)."""


def refused_request(lemma: str, obj: Token) -> bool:
    """Rule ``refusal_is_no_denial``: "deny" with a request, an application or a benefit as its object refuses
    it; no claim is denied ("an index denies your application", "organizations deny time-off requests", "the
    Social Security Administration denies your disability claim" on the WCXB store)."""
    if lemma not in {"deny", "refuse", "decline"}:
        return False
    head = obj.lemma_.lower()
    return head in REQUEST_NOUNS or (head == "claim" and (_claim_to_pay(obj) or _bare_claims(obj)))


def _claim_to_pay(obj: Token) -> bool:
    """``your disability claim``, ``the patient's claim``: a claim someone files."""
    return any(c.dep_ in {"compound", "poss"} for c in obj.children)


def _bare_claims(obj: Token) -> bool:
    """``Insurance companies deny claims``: a bare plural with nothing said in it (no determiner, no ``that``
    clause, no ``of`` or ``by`` phrase) is claims filed, not claims made."""
    return obj.tag_ == "NNS" and not any(
        c.dep_ in {"det", "acl", "relcl", "prep", "amod"} for c in obj.children
    )


CLAUSE_ONLY_CUES = frozenset({"add", "continue"})
"""Verbs that report only a clause or a quotation (:func:`object_is_no_report`)."""


WORDS_ONLY_CUES = frozenset({"offer"})
"""Verbs that report only when what they give is words (:func:`offers_no_words`)."""
WORD_NOUNS = frozenset({
    "evaluation", "review", "assessment", "explanation", "analysis", "advice", "detail", "thought", "word",
    "insight", "praise", "criticism", "apology", "condolence", "reassurance", "support", "endorsement",
    "rebuttal", "response", "answer", "defense", "defence", "guide", "tip", "caveat", "rationale", "reason",
    "theory", "prediction", "plan", "proposal", "idea", "description", "comment", "remark", "view", "opinion",
    "suggestion", "argument", "warning", "promise", "assurance", "thanks", "congratulation", "tribute",
    "counterargument", "clue", "picture", "glimpse", "preview", "rhetoric", "slogan", "message", "statement",
    "proof", "evidence", "retort", "justification", "excuse", "account", "testimony", "recollection",
})  # fmt: skip
"""What someone offers by saying it ("offered an emotional evaluation", "offered kind words")."""


def offers_no_words(lemma: str, obj: Token) -> bool:
    """Rule ``offer_gives_words``: "offer" reports only words or a person it makes an offer to ("Rubio offered an
    emotional evaluation of the race", "offered kind words about Bush", "offering Kasich the second spot"). A
    company that "offers a variety of services" or "a 20% discount" says nothing: on the WCXB store "offer" was
    the most frequent cue, 1,264 of 14,265 quotes, from shop and agency pages."""
    return (
        lemma in WORDS_ONLY_CUES
        and obj.lemma_.lower() not in WORD_NOUNS
        and obj.ent_type_ not in AGENT_ENTS
        and not obj.is_quote
    )


def object_is_no_report(lemma: str, obj: Token) -> bool:
    """Rule ``object_is_no_report``: "refuse" a request (:func:`refused_request`), "offer" a thing
    (:func:`offers_no_words`), or a plain object of a verb that reports only a clause or a quotation: "added
    20,000 jobs", "add another job title to his resume", "continued their search" say nothing ("he added that
    …", "‘…,’ he continued" do). On 400 PolNeAR train articles none of 21 such readings matched a gold cue."""
    return (
        refused_request(lemma, obj)
        or offers_no_words(lemma, obj)
        or (lemma in CLAUSE_ONLY_CUES and not obj.is_quote)
    )


PERMISSION_VERBS = frozenset({"allow", "permit", "let", "enable"})
"""Verbs that grant more often than they concede (:func:`permission_is_no_report`)."""


def permission_is_no_report(lemma: str, comp: Token) -> bool:
    """Rule ``permission_is_no_report``: "allow" concedes a point only with a ``that`` clause ("he allowed that
    some might be good people"); "rules that allowed companies to cut pensions", "a law that allows communities
    … to open their polls" grant something, and nobody says it."""
    return lemma in PERMISSION_VERBS and not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in comp.children
    )


CONSEQUENCE_VERBS = frozenset({"mean"})
"""Verbs that report only with a speaker for subject, and state a consequence otherwise
(:func:`consequence_is_no_report`)."""


def consequence_is_no_report(cue: Token) -> bool:
    """Rule ``consequence_is_no_report``: "I mean, a Democratic audience" reports, "The losses mean Trump may not
    have paid federal income taxes" states a consequence, and "the losses" is nobody: with a subject that is
    neither a personal pronoun nor a named person, body or group, "mean" has no speaker. The statement is the
    writer's and stays (a claim with an ``unknown`` speaker, which propositions still join); only its source goes
    (:func:`newsgraph.attribution.model.combine.combine`: the rules never read "mean")."""
    if cue.lemma_.lower() not in CONSEQUENCE_VERBS:
        return False
    subj = next((c for c in cue.children if c.dep_ in {"nsubj", "csubj"}), None)
    return subj is None or not (subj.lower_ in PERSONAL_SUBJECTS or subj.ent_type_ in AGENT_ENTS)


def tough_adjective(xcomp: Token) -> bool:
    """Rule ``tough_adjective_has_no_speaker``: the subject of "it is hard to deny this camera", "it's important to
    note that …", "the record is easy to dispute" is not who denies, notes or disputes: no one in the sentence
    does (unlike "he is eager to say", "she is likely to deny", whose subject speaks)."""
    head = xcomp.head
    adjectives = (
        [head] if head.pos_ == "ADJ" else [c for c in head.children if c.dep_ == "acomp" and c.i < xcomp.i]
    )
    return any(
        a.lemma_.lower() in TOUGH_ADJECTIVES for a in adjectives
    )  # the parse hangs the infinitive on "is"


def no_one_reports(cue: Token) -> bool:
    """The grammar of a cue word that reports nothing, for every reader of cues (the model's additions,
    ``combine.added_shape``, and the claims stage's own attributions): the infinitive of a tough adjective ("it's
    sort of hard to deny this camera", rule ``tough_adjective_has_no_speaker``) and a refused request ("denies your
    disability claim", rule ``refusal_is_no_denial``), an object that is no report ("offers in-house content
    creation", "added 2,000 jobs", rule ``object_is_no_report``) and a permission ("allows users to customise …",
    rule ``permission_is_no_report``)."""
    if cue.dep_ == "xcomp" and tough_adjective(cue):
        return True
    lemma = cue.lemma_.lower()
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    return (obj is not None and object_is_no_report(lemma, obj)) or (
        comp is not None and permission_is_no_report(lemma, comp)
    )


def participle_owner(participle: Token) -> Token:
    """Rule ``participle_of_the_report``: the verb whose subject speaks a participle cue. "Video shows that the man
    had his hands up, contradicting the police's account": the parse hangs "contradicting" on the reported clause
    ("had"), but a cue participle (contradicting, saying, denying ...) modifies the report, so its source is the
    reporter's (the video), never a person named inside the content. Other participles ("..., killing ten")
    keep the clause they hang on."""
    head = participle.head
    if cue_strength(participle.lemma_.lower()) <= 0:
        return head
    while head.dep_ in {"ccomp", "conj"} and head.head.pos_ in {"VERB", "AUX"} and head.head.i != head.i:
        if head.dep_ == "ccomp" and cue_strength(head.head.lemma_.lower()) > 0:
            return head.head
        head = head.head
    return participle.head


def _quoted(tok: Token, spans: list[CharSpan]) -> bool:
    return any(s < tok.idx < e for s, e in spans)


def conjunct_outside_quotes(verb: Token) -> Token | None:
    """Rule ``conjunct_outside_quotes``: "Mr. Trump hardly clarified the matter, treating her remark as a compliment
    -- ''That makes me smart'' -- and, when questioned, asserting, ''Of course, I pay federal taxes.''": the parse
    coordinates the cue (asserting) with a verb inside a quotation (makes), whose subject is the quoted words'
    ("That"), not the speaker's. A verb outside quotation marks is not coordinated with one inside them: its
    conjunct is the nearest earlier verb of the same form outside quotes in the sentence (treating). None when the
    parse's conjunct is outside quotes, or no such verb exists."""
    spans = quote_spans(doc_text(verb.doc))
    if not spans or _quoted(verb, spans) or not _quoted(verb.head, spans):
        return None
    for tok in reversed(list(verb.doc[verb.sent.start : verb.i])):
        if tok.tag_ == verb.tag_ and tok.pos_ == "VERB" and not _quoted(tok, spans):
            return tok
    return None


def participle_read_as_a_clause(csubj: Token) -> Token | None:
    """Rule ``participle_read_as_a_clause``: in ``Large majorities of voters going to the polls on Tuesday said
    …`` the parser makes *going* a clausal subject with *majorities* its own subject; the participle is a reduced
    relative, and its subject noun is the speaker. Any other clausal subject (``What he said was …``) has none."""
    if csubj.tag_ != "VBG" or csubj.i > csubj.head.i:
        return None
    return next(
        (c for c in csubj.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} and c.i < csubj.i),
        None,
    )


def verb_subject(verb: Token, depth: int = 0) -> Token | None:  # noqa: C901, PLR0912
    """The speaker noun of a cue verb, following coordination, participles, xcomp and relative clauses."""
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS:
            if child.dep_ == "nsubj" and child.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                return None if class_of_people(verb.head) else verb.head
            if child.dep_ == "csubj":
                return participle_read_as_a_clause(child)
            return child
        if child.dep_ == "agent":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    share = survey_share(verb)
    if share is not None:
        return share
    if depth >= 3:
        return None
    if (
        verb.dep_ == "conj"
        and verb.head.dep_ in {"acl", "dep"}
        and verb.head.tag_ in {"VBN", "VBD"}
        and any(c.dep_ == "ccomp" for c in verb.children)
    ):
        # "Lima called for the withdrawal of ships sent to patrol … and signaled it may …": the parse hangs the
        # second cue on the participle; its speaker is the subject of the clause the participle sits in
        main = verb.head.head
        while main.pos_ not in {"VERB", "AUX"} and main.head.i != main.i:
            main = main.head
        if main.pos_ in {"VERB", "AUX"} and main.i != verb.head.i:
            return verb_subject(main, depth + 1)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        outside = conjunct_outside_quotes(verb)
        return verb_subject(outside if outside is not None else verb.head, depth + 1)
    if verb.dep_ == "dep" and depth > 0 and verb.head.pos_ in {"VERB", "AUX"}:
        return verb_subject(verb.head, depth + 1)
    if verb.dep_ == "xcomp":
        if tough_adjective(verb):
            return None
        controller = object_controller(verb)
        return controller if controller is not None else verb_subject(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"} and _is_infinitive(verb):
        # "X went on to say …", "X met to discuss …"; a purpose clause after the object of a transitive verb
        # ("visited the court to view the casket", "called a meeting to discuss …") is a plan, not an
        # attribution, unless it reports speech
        head = verb.head
        if (
            head.lemma_.lower() in CHAIN_HEADS
            or not any(c.dep_ == "dobj" for c in head.children)
            or speech_clause(verb)
        ):
            return verb_subject(verb.head, depth + 1)
        return None
    if verb.dep_ == "acomp" and verb.head.pos_ in {"VERB", "AUX"}:  # "X is likely to say"
        return verb_subject(verb.head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return verb_subject(participle_owner(verb), depth + 1)
    clause = occasion_infinitive(verb)
    if clause is not None:
        return verb_subject(clause, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and cue_strength(verb.lemma_.lower()) >= 0.5
    ):
        return (
            _media_sender(verb.head, depth) or verb.head
        )  # "a statement saying that …", "911 calls reporting"
    if (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in SUBJECT_PREPS
        and verb.head.head.pos_ in {"VERB", "AUX"}
    ):
        return verb_subject(verb.head.head, depth + 1)  # "After thanking the crowd, he …", "by saying that …"
    return subject_before_the_verb(verb) if cue_strength(verb.lemma_.lower()) >= STRANDED_CUE else None


# what a source releases or sends: "released a statement saying …", "sent an email saying …"
MEDIA_NOUNS = frozenset(
    {
        "statement",
        "letter",
        "email",
        "e-mail",
        "ad",
        "advertisement",
        "tweet",
        "video",
        "memo",
        "release",
        "note",
        "conference",
        "briefing",
        "speech",
        "interview",
        "remark",
    }
)
"""What someone issues or holds to speak: "released a statement saying …", "said at a news conference announcing
…": the participle's speaker is the one who issued or held it."""


def _media_sender(noun: Token, depth: int) -> Token | None:
    """``The campaign released a statement saying …``, ``responded with a note saying …``: the one who sent the
    statement (the subject of the verb whose object it is) speaks, not the statement."""
    if noun.lemma_.lower() not in MEDIA_NOUNS:
        return None
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    elif noun.dep_ != "dobj":
        return None
    if gov.pos_ not in {"VERB", "AUX"} or gov.i == noun.i:
        return None
    subj = verb_subject(gov, depth + 1)
    if subj is None or (subj.pos_ == "PRON" and subj.lower_ in {"it", "this", "that", "which"}):
        return None
    return subj


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


CLAUSE_CUE = 0.5
"""Cue strength from which a verb outside :data:`SPEECH` with its own ``that`` clause reports it (``sought to
clarify that``)."""


def speech_clause(tok: Token) -> bool:
    """A reporting verb with its own clausal complement: the attribution belongs to it (``decided to say that``,
    ``sought to clarify that``, ``was quick to point out that``), not to the verb or adjective it depends on."""
    lemma = tok.lemma_.lower()
    return (lemma in SPEECH or (tok.pos_ == "VERB" and cue_strength(lemma) >= CLAUSE_CUE)) and any(
        c.dep_ == "ccomp" for c in tok.children
    )


# nouns of manner or occasion: an infinitive on them ("went out of his way to say", "took the opportunity to
# announce") is the act of the clause's subject, not of the noun
OCCASION_NOUNS = frozenset(
    {"way", "opportunity", "occasion", "chance", "moment", "time", "platform", "forum", "stage", "pains"}
    | {"trouble", "effort", "liberty", "step", "appearance"}
)


def occasion_infinitive(verb: Token) -> Token | None:
    """``He went out of his way to say …``, ``She used the occasion to announce …``: a to-infinitive that modifies a
    noun of :data:`OCCASION_NOUNS` speaks for the subject of the clause the noun sits in; that clause's verb."""
    noun = verb.head
    if (
        verb.dep_ not in {"relcl", "acl"}
        or noun.lemma_.lower() not in OCCASION_NOUNS
        or not _is_infinitive(verb)
    ):
        return None
    t = noun
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return t
    return None


def passive_agent(verb: Token) -> Token | None:
    """The ``by`` noun of a passive verb (``criticized by Democrats``)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((gc for gc in child.children if gc.dep_ == "pobj"), None)
    return None


def cue_tokens(verb: Token) -> list[int]:
    """The verb plus negation and, when negated, its auxiliaries (``did not mention``)."""
    toks = [verb.i]
    doc = verb.doc
    # not a "not" across punctuation ("“… Probably not,” she said": the negation is the quote's)
    negs = [
        c
        for c in verb.children
        if c.dep_ == "neg" and not any(t.is_punct for t in doc[min(c.i, verb.i) + 1 : max(c.i, verb.i)])
    ]
    if negs:
        toks += [c.i for c in negs] + [
            c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i
        ]
    return sorted(toks)


def span_chars(doc: Doc, a: int, b: int) -> CharSpan:
    """Characters of tokens ``[a, b]`` (inclusive), trimmed of edge commas/colons but keeping quote marks."""
    while b > a and doc[b].text in {",", ";", ":", "—", "–", "-", "."} and doc[b].is_punct:
        b -= 1
    while a < b and doc[a].text in {",", ";", ":", "—", "–", "-"}:
        a += 1
    return doc[a].idx, doc[b].idx + len(doc[b].text)
