"""Person names: ``name_ends_before_a_genre_word`` (``Obama Speech`` in a Title Case caption is ``Obama``), and the
surname clustering rules ``honorific_gender_clash`` (``Mr. Obama`` does not join ``Michelle Obama``) and
``speaker_names_the_mention`` (a surname the attribution read as another person does not join the full name)."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.nlp import PERSON_NAMES, load_pipeline
from newsgraph.person_names import trimmed_person

CAPTION = "[Video: FULL SPEECH: President Obama Speech at Black Caucus Foundation in Washington DC]\n\n"
STORY = (
    "President Obama is rolling out a new and more personal campaign message.\n\n"
    "Michelle Obama has campaigned for Hillary Clinton across the country.\n\n"
    "Mr. Obama said on Saturday that his legacy was on the ballot."
)


def test_trimmed_person() -> None:
    doc = load_pipeline(components=()).make_doc("President Obama Speech at the forum, and a Campaign Speech")
    ent = Span(doc, 1, 3, label="PERSON")
    assert trimmed_person(ent).text == "Obama"
    org = Span(doc, 1, 3, label="ORG")
    assert trimmed_person(org) is org  # only people
    lone = Span(doc, 2, 3, label="PERSON")
    assert trimmed_person(lone) is lone  # a one-word entity stays


def test_the_component_runs_after_the_ner() -> None:
    nlp = load_pipeline(components=())
    assert nlp.pipe_names.index(PERSON_NAMES) == nlp.pipe_names.index("ner") + 1
    doc = nlp(CAPTION + STORY)
    assert not any(e.label_ == "PERSON" and e[-1].lower_ in {"speech", "video"} for e in doc.ents)


def test_mr_obama_is_not_michelle_obama() -> None:
    doc = load_pipeline()(CAPTION + STORY)
    michelle = next(e for e in doc._.entities if e.name == "Michelle Obama")
    text = CAPTION + STORY
    mr = text.index("Mr. Obama") + len("Mr. ")
    assert (mr, mr + len("Obama")) not in [m.span for m in michelle.mentions]
    said = next(q for q in doc._.quotes if q.cue == "said")
    assert said.speaker.name == "Obama"
    assert said.speaker.entity != michelle.id
