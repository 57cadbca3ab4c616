"""The learned combination of rules and model: gate features, the logistic regression, the shipped gates, and the
decisions of :func:`~newsgraph.attribution.model.combine.combine` they drive."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.attribution.component import QuotesComponent
from newsgraph.attribution.model.combine import (
    CHECKS,
    combine,
    kept_rules,
    readings_of_same_cue,
    take_model_content,
    take_model_source,
)
from newsgraph.attribution.model.gate import (
    FEATURES,
    GATE_PATH,
    PAIR_FEATURES,
    RULE_FEATURES,
    Gate,
    Gates,
    doc_quotes,
    fit_logistic,
    gate_features,
    load_gates,
    pair_features,
    rule_cover,
    rule_features,
    shares_a_cue,
)
from newsgraph.attribution.records import Attribution


def _rules(nlp: Language, doc: Doc) -> list[Attribution]:
    return QuotesComponent(nlp, "newsgraph_quotes", model="rules").attributions(doc)


def _reading(doc: Doc, cue: str, source: str | None, content: str) -> Attribution:
    """A model attribution made by hand: cue word, source words and content text found in ``doc``."""
    text = doc.text
    c = next(t.i for t in doc if t.text == cue)
    src = None
    if source is not None:
        s = text.index(source)
        first = next(t.i for t in doc if t.idx == s)
        last = next(t.i for t in doc if t.idx + len(t.text) == s + len(source))
        src = (first, last + 1)
    start = text.index(content)
    return Attribution(
        cue=[c], source=src, content=[(start, start + len(content))], rule="model", cue_extent=[c]
    )


def _value(x: np.ndarray, names: tuple[str, ...], name: str) -> float:
    return float(x[names.index(name)])


def _always(features: tuple[str, ...], yes: bool) -> Gate:
    """A gate that lets everything (or nothing) through: bias weight only."""
    n = len(features)
    w = np.zeros(n)
    w[features.index("bias")] = 10.0 if yes else -10.0
    return Gate(features, np.zeros(n), np.ones(n), w, 0.5)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "name", "value"),
    [
        (
            "Kim warned that prices would rise.",
            "warned",
            "Kim",
            "that prices would rise",
            "content_has_verb",
            1,
        ),
        ("Kim denied the report.", "denied", "Kim", "the report", "content_has_verb", 0),
        (
            "Kim warned that prices would rise.",
            "warned",
            "Kim",
            "that prices would rise",
            "content_starts_that",
            1,
        ),
        ("Kim denied the report.", "denied", "Kim", "the report", "content_starts_that", 0),
        ("Kim denied the report.", "denied", "Kim", "the report", "src_governed", 1),
        ("Kim denied the report.", "denied", "Kim", "the report", "src_before_cue", 1),
        ("Kim denied the report.", "denied", None, "the report", "has_source", 0),
        ("Kim denied the report.", "denied", "Kim", "the report", "has_source", 1),
        ("Kim denied the report.", "denied", "Kim", "the report", "cue_pos=VERB", 1),
        ("Kim denied the report.", "denied", "Kim", "the report", "cue_dep=ROOT", 1),
        ("Kim denied the “fake” report.", "denied", "Kim", "the “fake” report", "content_quoted", 1),
        ("Kim denied the report.", "denied", "Kim", "the report", "content_quoted", 0),
        ("Kim denied the report.", "denied", "Kim", "the report", "addable", 1),
        ("Kim denied it.", "denied", "Kim", "it", "addable", 0),
    ],
)
def test_gate_features_read_the_parse(
    nlp: Language, text: str, cue: str, source: str | None, content: str, name: str, value: float
) -> None:
    doc = nlp(text)
    m = _reading(doc, cue, source, content)
    x = gate_features(doc, m, rule_cover(doc, ()), CHECKS, doc_quotes(doc))
    assert x.shape == (len(FEATURES),)
    assert _value(x, FEATURES, name) == value
    assert _value(x, FEATURES, "bias") == 1.0


@pytest.mark.parametrize(
    ("text", "cue", "covered"),
    [
        ("Kim said that officials denied the report.", "denied", True),  # inside the rule's content
        ("Kim said the talks failed. Democrats seem confident they will win.", "seem", False),
    ],
)
def test_gate_features_see_the_rules(nlp: Language, text: str, cue: str, covered: bool) -> None:
    doc = nlp(text)
    rules = _rules(nlp, doc)
    assert rules
    c = next(t for t in doc if t.text == cue)
    m = Attribution(cue=[c.i], source=None, content=[(doc[c.i + 1].idx, len(text) - 1)], rule="model")
    x = gate_features(doc, m, rule_cover(doc, rules), CHECKS, doc_quotes(doc))
    assert _value(x, FEATURES, "cue_in_rule_span") == float(covered)
    assert (_value(x, FEATURES, "content_in_rule_content") > 0.5) is covered
    assert not shares_a_cue(doc, m, rule_cover(doc, rules))


def test_shares_a_cue(nlp: Language) -> None:
    doc = nlp("Kim said the talks failed.")
    rules = _rules(nlp, doc)
    same = _reading(doc, "said", "Kim", "the talks failed")
    other = _reading(doc, "failed", "the talks", "the talks")
    cover = rule_cover(doc, rules)
    assert shares_a_cue(doc, same, cover)
    assert not shares_a_cue(doc, other, cover)
    assert readings_of_same_cue(rules, [same, other]) == [(same, rules[0])]


@pytest.mark.parametrize(
    ("model_content", "name", "value"),
    [
        ("the talks had failed", "same_source", 1.0),
        ("the talks had failed on Monday", "model_content_covers_rule", 1.0),
        ("the talks", "rule_content_covers_model", 1.0),
        ("the talks", "model_content_covers_rule", 0.0),
    ],
)
def test_pair_features_compare_the_readings(
    nlp: Language, model_content: str, name: str, value: float
) -> None:
    doc = nlp("Kim said that the talks had failed on Monday.")
    rules = _rules(nlp, doc)
    assert len(rules) == 1
    r = rules[0]
    r.content = [
        (doc.text.index("the talks"), doc.text.index(" on Monday"))
    ]  # a rule content to compare with
    m = _reading(doc, "said", "Kim", model_content)
    x = pair_features(doc, m, r, rule_cover(doc, rules), CHECKS, doc_quotes(doc))
    assert x.shape == (len(PAIR_FEATURES),)
    assert _value(x, PAIR_FEATURES, name) == value
    assert _value(x, PAIR_FEATURES, f"rule={r.rule}") == 1.0


@pytest.mark.parametrize("model_reads_it", [True, False])
def test_rule_features_say_whether_the_model_agrees(nlp: Language, model_reads_it: bool) -> None:
    doc = nlp("Kim said that the talks had failed.")
    r = _rules(nlp, doc)[0]
    m = _reading(doc, "said", "Kim", "that the talks had failed") if model_reads_it else None
    x = rule_features(doc, r, m, CHECKS, doc_quotes(doc))
    assert x.shape == (len(RULE_FEATURES),)
    assert _value(x, RULE_FEATURES, "model_reads_cue") == float(model_reads_it)
    assert _value(x, RULE_FEATURES, "same_source") == float(model_reads_it)
    assert _value(x, RULE_FEATURES, f"rule={r.rule}") == 1.0


def test_fit_logistic_learns_a_separable_rule() -> None:
    rng = np.random.default_rng(0)
    names = ("bias", "a", "b")
    x = np.column_stack([np.ones(200), rng.normal(size=200), rng.normal(size=200)])
    y = (x[:, 1] > 0).astype(float)
    g = fit_logistic(x, y, names, l2=0.1)
    assert g.accepts(np.array([1.0, 2.0, 0.0]))
    assert not g.accepts(np.array([1.0, -2.0, 0.0]))
    assert abs(g.weights[1]) > 5 * abs(g.weights[2])
    again = fit_logistic(x, y, names, l2=0.1)
    assert np.array_equal(g.weights, again.weights)  # deterministic


def test_fit_logistic_takes_soft_labels() -> None:
    x = np.column_stack([np.ones(100), np.r_[np.zeros(50), np.ones(50)]])
    y = np.r_[np.full(50, 0.25), np.full(50, 0.75)]
    g = fit_logistic(x, y, ("bias", "a"), l2=0.0)
    assert g.probability(np.array([1.0, 0.0]))[0] == pytest.approx(0.25, abs=1e-3)
    assert g.probability(np.array([1.0, 1.0]))[0] == pytest.approx(0.75, abs=1e-3)


def test_gates_round_trip_and_refuse_other_features(tmp_path: Path) -> None:
    g = replace(_always(FEATURES, True), threshold=0.4)
    gates = Gates(add=g, keep=_always(RULE_FEATURES, True))
    back = Gates.from_json(gates.to_json())
    assert back.add is not None and back.add.threshold == pytest.approx(0.4)
    assert np.allclose(back.add.weights, g.weights)
    assert back.content is None and back.keep is not None
    other = Gates(add=Gate(("bias", "x"), np.zeros(2), np.ones(2), np.zeros(2), 0.5))
    assert Gates.from_json(other.to_json()).add is None  # trained on other features: not used
    missing = tmp_path / "none.json"
    assert load_gates(missing) == Gates()


def test_shipped_gates_load_once() -> None:
    assert GATE_PATH.exists() and GATE_PATH.stat().st_size < 100_000
    gates = load_gates()
    assert load_gates() is gates
    assert any(g is not None for g in (gates.add, gates.content, gates.source, gates.keep))


def test_take_model_content_and_source(nlp: Language) -> None:
    text = "Kim, the minister, said on Monday that the talks had failed in Geneva."
    doc = nlp(text)
    r = _rules(nlp, doc)[0]
    m = _reading(doc, "said", "Kim", "that the talks had failed")
    take_model_content(r, m)
    assert r.content == m.content and r.quotes == []
    take_model_source(doc, r, m, [r])
    assert r.source == m.source and r.source_head is not None and doc[r.source_head].text == "Kim"


def test_combine_follows_the_gates(nlp: Language) -> None:
    text = "Kim thinks the talks have failed in Geneva. Democrats seem confident they have the votes."
    doc = nlp(text)
    rules = _rules(nlp, doc)
    assert len(rules) == 1
    said = _reading(doc, "thinks", "Kim", "the talks")
    seem = _reading(doc, "seem", "Democrats", "they have the votes")
    yes = Gates(add=_always(FEATURES, True), content=_always(PAIR_FEATURES, True), add_needs_new=False)
    out = combine(doc, [*rules], [said, seem], yes)
    assert [a.rule for a in out] == [rules[0].rule, "model"]
    assert out[0].content == said.content  # the model's content taken
    assert out[1] is seem
    no = Gates(add=_always(FEATURES, False), keep=_always(RULE_FEATURES, False))
    assert combine(doc, _rules(nlp, doc), [seem], no) == []
    # a rule reading the model confirms (same cue) is kept whatever the keep gate says
    assert [a.rule for a in combine(doc, _rules(nlp, doc), [said, seem], no)] == [rules[0].rule]
    # a strong cue's reading is kept whatever the keep gate says
    doc = nlp("Kim denied the report about the talks on Monday.")
    assert [a.rule for a in combine(doc, _rules(nlp, doc), [], no)] == ["dobj"]


def test_kept_rules_drop_continuations_with_their_quote(nlp: Language) -> None:
    doc = nlp("“We will not leave,” Kim said. “We will stay.”")
    rules = _rules(nlp, doc)
    assert any(r.is_continuation for r in rules)
    no = _always(RULE_FEATURES, False)
    assert kept_rules(doc, rules, [], no) == rules  # quotes: a construction the text marks
    assert kept_rules(doc, rules, [], _always(RULE_FEATURES, True)) == rules
    first = rules[0]
    first.rule, first.verb = "dobj", next(t.i for t in doc if t.text == "leave")  # a weak, unmarked reading
    assert kept_rules(doc, rules, [], no) == []  # dropped with its continuation
