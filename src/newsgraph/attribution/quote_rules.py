"""Rules that give a quotation with no cue verb of its own (in the parse) its cue and speaker.

Pass 3 of :func:`newsgraph.attribution.rules.find_attributions` tries them, in :data:`QUOTE_RULES` order, on a
quote that no content covers and whose nearest cue verb gave nothing:

==========================  ======================================================================================
rule                        sentence it handles
==========================  ======================================================================================
``colon_quote``             ``Walsh continued: “They are pushing hard.”`` (a cue verb and a colon right before)
``comma_quote``             ``Anna Berg, curator at the museum, said, “These paintings …”`` (a comma between them)
``said_colon``              ``Said Morris: “I don’t think she cares.”`` (the verb before its speaker)
``words_of``                ``In the words of the chief inspector, Paul Hendry, “We have never seen …”``
``dash_byline``             ``“The vote was a disgrace.” ― Maria Lopez`` (a dash and a name after the quote)
``speech_sentence_before``  ``Lopez spoke at length on Tuesday. “We will not back down.”`` (a bare speech verb)
==========================  ======================================================================================

:func:`quote_speaker` also finds the speaker of a cue verb whose parsed subject lies inside the quote
(``“…. Real trouble,” said Mary Winters`` parsed as *trouble said*): the name after the verb
(``inverted_quote``) or between the quote and the verb (``“…,” team member Tara Olsen told the press, “…”``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsgraph.attribution.cues import SPEECH, cue_strength
from newsgraph.attribution.records import Attribution, CharSpan, QuoteRuleName
from newsgraph.attribution.reported import MEDIA_NOUNS, cue_tokens, np_slice, verb_subject
from newsgraph.extensions import doc_text
from newsgraph.lexicon.reporting import BARE_SPEECH_VERBS

# verbs that introduce a quotation only with a colon or a comma after them ("Walsh continued: “…”")
QUOTE_INTRO_VERBS = frozenset({"continue", "conclude", "add", "write", "explain", "go", "begin", "finish"})
DASHES = "―—–"
_DASH_BYLINE = re.compile(
    r"[^\S\n]*[" + DASHES + r"][^\S\n]*([A-Z][\w.’'\- ]{1,60}?)[^\S\n.]*\.?[^\S\n]*(?:\n|$)"
)
MAX_NAME_TOKENS = 6


def _token_range(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Token slice ``[a, b)`` of the tokens starting inside characters ``[s, e)``."""
    starts = [t.idx for t in doc]
    return bisect_left(starts, s), bisect_left(starts, e)


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON"


def _name_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The proper-noun run starting at token ``i`` (titles and initials included), or None."""
    j = i
    while j < len(doc) and (_is_name(doc[j]) or doc[j].lower_ in {"mr.", "ms.", "mrs.", "dr."}):
        j += 1
    return (i, j) if j > i else None


def _in(tok: Token, q: CharSpan) -> bool:
    return q[0] <= tok.idx < q[1]


QuoteSource = tuple[int, int, int, QuoteRuleName]
"""(source token start, end, head token, the rule that found it)"""


def words_between(verb: Token, q: CharSpan) -> list[Token] | None:
    """The words (punctuation left out) between the end of quote ``q`` and its cue verb after it, looking back at
    most ``MAX_NAME_TOKENS + 3`` tokens; None when the verb does not come after the quote."""
    if verb.idx < q[1]:
        return None
    doc = verb.doc
    k = verb.i
    while k > 0 and doc[k - 1].idx >= q[1] and verb.i - k <= MAX_NAME_TOKENS + 3:
        k -= 1
    return [t for t in doc[k : verb.i] if not t.is_punct and not t.is_space]


def verb_follows_quote(verb: Token, q: CharSpan) -> bool:
    """``“The risk,” said Edward Leamer, “is …”``: the cue verb comes right after the quote, with only punctuation
    between. The parser, reading the two halves of the quote as one sentence, often gives the name after the
    verb to the second half (``Leamer`` the subject of ``is``) and leaves the verb with no subject; the name
    after such a verb is still its speaker (:func:`quote_speaker`)."""
    return words_between(verb, q) == []


def quote_speaker(verb: Token, q: CharSpan) -> QuoteSource | None:
    """(source start, end, head, rule) of a quote's cue verb: its subject, or when the parse put the subject inside the
    quote, the name right after the verb (``“…,” said Mary Winters, an economist``) or the noun phrase between
    the quote and the verb (``“…,” team member Tara Olsen told the press``); a verb with no subject at all only
    when it follows the quote directly (:func:`verb_follows_quote`)."""
    subj = verb_subject(verb)
    if subj is not None and subj.dep_ != "nsubjpass" and not _in(subj, q):
        a, b = np_slice(subj)
        return a, b, subj.i, "quote"
    if subj is not None and not _in(subj, q):
        return None
    gap = words_between(verb, q)
    if gap is None or (subj is None and gap):
        return None
    doc = verb.doc
    if not gap:  # "“…,” said Mary Winters, an economist at …"
        name = _name_after(doc, verb.i + 1)
        if name is not None and name[1] - name[0] <= MAX_NAME_TOKENS:
            head = doc[name[1] - 1]
            a, b = np_slice(head)
            if a == name[0] and b >= name[1] and b <= head.sent.end:
                return a, b, head.i, "inverted_quote"  # with its apposition
            return name[0], name[1], head.i, "inverted_quote"
    elif len(gap) <= MAX_NAME_TOKENS and _is_name(gap[-1]):  # "“…,” team member Tara Olsen told"
        return gap[0].i, gap[-1].i + 1, gap[-1].i, "interrupted_quote"
    return None


def _prev_token(doc: Doc, first: int) -> Token | None:
    j = first - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[j] if j >= 0 else None


def _intro_cue(
    doc: Doc, q: CharSpan, first: int, mark: str, reach: int, rule: QuoteRuleName
) -> Attribution | None:
    """The attribution of a quote right after ``mark``, by the nearest cue verb with a speaker among the ``reach``
    tokens before the mark in its sentence (after a comma: a speech verb)."""
    prev = _prev_token(doc, first)
    if prev is None or prev.text != mark:
        return None
    for t in reversed(list(doc[max(prev.sent.start, prev.i - reach) : prev.i])):
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or not (cue_strength(lemma) >= 0.3 or lemma in QUOTE_INTRO_VERBS):
            continue
        if mark == "," and lemma not in SPEECH and lemma not in QUOTE_INTRO_VERBS:
            continue
        src = quote_speaker(t, q)
        if src is not None:
            return _make(cue_tokens(t), src, q, rule, t.i)
    return None


def _make(
    cue: list[int],
    src: tuple[int, int, int] | QuoteSource,
    q: CharSpan,
    rule: QuoteRuleName,
    verb: int | None = None,
) -> Attribution:
    return Attribution(
        cue=cue,
        source=(src[0], src[1]),
        content=[q],
        quotes=[q],
        verb=verb,
        source_head=src[2],
        rule=rule,
    )


def colon_quote(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """``Walsh continued: “They are pushing hard.”``: a cue verb (or ``continued``, ``added``) with its speaker,
    ending in a colon right before the quote (also across a paragraph break); or a speech noun before the colon
    (``The mayor is sending a new message: “…”``, cue ``message``, the speaker its verb's subject; but the verb
    when the noun is a document it put out: ``released the following statement: “…”``)."""
    prev = _prev_token(doc, first)
    noun = doc[prev.i - 1] if prev is not None and prev.text == ":" and prev.i > 0 else None
    if noun is not None and noun.pos_ == "NOUN" and cue_strength(noun.lemma_.lower(), "NOUN") >= 0.3:
        verb = noun.head
        src = (
            quote_speaker(verb, q) if noun.dep_ in {"dobj", "attr"} and verb.pos_ in {"VERB", "AUX"} else None
        )
        if src is not None and released_document(noun):
            return _make(cue_tokens(verb), src, q, "colon_quote", verb.i)
        if src is not None:
            return _make([noun.i], src, q, "colon_quote")
    return _intro_cue(doc, q, first, ":", 40, "colon_quote")


def released_document(noun: Token) -> bool:
    """``released the following statement: “…”``, ``issued a statement: “…”``: the object of the verb is the
    document the quote comes from, not a cue of its own; the verb is the cue (its phrase ``released the
    following statement``) and the quote the content (:func:`~newsgraph.attribution.extent.drop_document_object`)."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in MEDIA_NOUNS and noun.head.pos_ == "VERB"


def comma_quote(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """``Anna Berg, curator at the museum, said, “These paintings …”``: a speech verb and a comma right before
    the quote, in the same sentence."""
    return _intro_cue(doc, q, first, ",", 8, "comma_quote")


def said_colon(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """``Said Morris: “I don’t think she cares.”``: a clause-initial ``Said`` and a name before the colon."""
    prev = _prev_token(doc, first)
    if prev is None or prev.text != ":" or prev.i < 2:
        return None
    sent = prev.sent
    said = doc[sent.start]
    if said.lemma_.lower() not in SPEECH or said.tag_ not in {"VBD", "VBN", "VBZ", "NNP"}:
        return None
    name = _name_after(doc, said.i + 1)
    if name is None or name[1] != prev.i or name[1] - name[0] > MAX_NAME_TOKENS:
        return None
    return _make([said.i], (name[0], name[1], name[1] - 1), q, "said_colon")


def words_of(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """``In the words of the chief inspector, Paul Hendry, “We have never seen …”``: the source is the noun
    phrase after ``the words of``, up to the quote."""
    prev = _prev_token(doc, first)
    if prev is None:
        return None
    sent = prev.sent
    for t in doc[sent.start : prev.i]:
        if (
            t.lower_ == "words"
            and t.i >= 2
            and doc[t.i - 1].lower_ == "the"
            and doc[t.i - 2].lower_ == "in"
            and t.i + 1 < prev.i
            and doc[t.i + 1].lower_ == "of"
        ):
            a, b = t.i + 2, prev.i + 1
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
                b -= 1
            if b <= a or b - a > 15:
                return None
            head = max(range(a, b), key=lambda k: (_is_name(doc[k]), k))
            return _make(list(range(t.i - 2, t.i + 2)), (a, b, head), q, "words_of")
    return None


def dash_byline(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """``“The vote was a disgrace.” ― Maria Lopez``: a dash after the quote and a name that ends the line."""
    text = doc_text(doc)
    m = _DASH_BYLINE.match(text, q[1])
    if m is None:
        return None
    dash = text.index(next(c for c in text[q[1] : m.start(1)] if c in DASHES), q[1])
    a, b = _token_range(doc, m.start(1), m.end(1))
    if b <= a or b - a > MAX_NAME_TOKENS or not any(_is_name(t) for t in doc[a:b]):
        return None
    cue_tok = bisect_right([t.idx for t in doc], dash) - 1  # the dash (or the token it is glued to)
    head = max(range(a, b), key=lambda k: (_is_name(doc[k]), k))
    return _make([cue_tok], (a, b, head), q, "dash_byline")


SAID_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "dobj", "advcl"})
"""Dependents that carry what a verb says (or does): a verb with one of them already has its own content."""


def sentence_before_quote(doc: Doc, q: CharSpan, first: int, last: int) -> Span | None:
    """The sentence right before quote ``q`` (tokens ``first`` to ``last``) when the quote is a whole sentence of its
    own: nothing but whitespace between that sentence and the quote, nothing but punctuation after the quote in its
    last sentence. None otherwise, or when the quote opens the document."""
    text = doc_text(doc)
    sent = doc[first].sent
    if sent.start == 0 or text[sent.start_char : q[0]].strip():
        return None
    if text[q[1] : doc[last].sent.end_char].strip(' \n\t.,;:”"'):
        return None  # text after the quote: "“Trump 2016” hats were everywhere"
    prev = doc[sent.start - 1].sent
    return None if text[prev.end_char : q[0]].strip() else prev


def speech_sentence_before(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """``Senator Maria Lopez spoke at length on Tuesday. “We will not back down.”``: a quote that is a whole sentence
    right after a sentence whose main verb is a speech verb with a speaker and nothing said (no clause, no object):
    the quote is what was said (the paragraph break between them may fall either side)."""
    span = doc.char_span(q[0], q[1], alignment_mode="expand")
    prev = sentence_before_quote(doc, q, first, span.end - 1) if span is not None else None
    if prev is None:
        return None
    verb = prev.root
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in BARE_SPEECH_VERBS:
        return None
    if any(c.dep_ in SAID_DEPS for c in verb.children) or any(c.text in '"“”' for c in prev):
        return None  # "He explained the plan." has its content; a quote inside it is its own
    src = quote_speaker(verb, q)
    if src is None:
        return None
    return _make(cue_tokens(verb), src, q, "speech_sentence_before", verb.i)


QuoteRule = Callable[[Doc, CharSpan, int], Attribution | None]
QUOTE_RULES: tuple[QuoteRule, ...] = (
    colon_quote,
    comma_quote,
    said_colon,
    words_of,
    dash_byline,
    speech_sentence_before,
)
"""The quote rules, in the order they are tried (the first attribution wins)."""


def quote_rule_attribution(doc: Doc, q: CharSpan, first: int) -> Attribution | None:
    """The first quote rule's attribution for quote ``q`` (``first``: its first token), or None."""
    for rule in QUOTE_RULES:
        att = rule(doc, q, first)
        if att is not None:
            return att
    return None
