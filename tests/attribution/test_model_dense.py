"""Dense (``doc.tensor``) features and the rule-independent setting of the attribution model."""

from __future__ import annotations

import io

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import DocBin

from newsgraph.attribution.component import QuotesComponent
from newsgraph.attribution.model import dense_parts, emissions, load_weights, tag_doc
from newsgraph.attribution.model.crf import CrfWeights, dense_name
from newsgraph.attribution.model.features import TEMPLATES, columns, dense
from newsgraph.attribution.model.training import dense_stats, items

TEXT = "Kim said the talks had failed. “We are ready,” the minister told reporters."


def test_dense_blocks_are_the_tensor_of_the_token_and_its_head(nlp: Language) -> None:
    doc = nlp(TEXT)
    x = dense(doc, ("tok", "head"))
    assert x is not None
    width = doc.tensor.shape[1]
    assert x.shape == (len(doc), 2 * width)
    for t in doc:
        assert np.array_equal(x[t.i, :width], doc.tensor[t.i])
        assert np.array_equal(x[t.i, width:], doc.tensor[t.head.i])
    with pytest.raises(ValueError, match="unknown dense part"):
        dense(doc, ("nope",))


def test_a_doc_without_tensor_gets_no_dense_features_and_is_still_tagged(nlp: Language) -> None:
    doc = nlp(TEXT)
    back = next(
        iter(
            DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START"], docs=[doc]).get_docs(
                nlp.vocab
            )
        )
    )
    assert dense(back) is None
    tags = tag_doc(back)
    assert len(tags) == len(back)
    assert tags[1] == "B-CUE"  # "said": the one-hot features alone still read it


def test_shipped_weights_declare_their_features() -> None:
    w = load_weights()
    assert set(dense_parts(w)) <= {"tok", "head"}
    assert w.dense.shape == (w.dims, len(w.labels))
    assert len(w.dense_mu) == len(w.dense_sd) == w.dims
    assert np.all(w.dense_sd > 0)


def test_dense_weights_round_trip_through_the_file() -> None:
    labels = ["O", "B-CUE", "I-CUE"]
    mu = np.array([0.5, -1.0], dtype=np.float32)
    sd = np.array([2.0, 1.0], dtype=np.float32)
    state = {("w=said", "B-CUE"): 2.0, (dense_name(0), "B-CUE"): 1.5, (dense_name(1), "O"): -0.25}
    w = CrfWeights.from_crfsuite(labels, state, {("B-CUE", "I-CUE"): 1.0}, mu, sd, ("dense=tok",))
    assert w.dims == 2 and list(w.attrs) == ["w=said"]  # dense attributes are not one-hot rows
    buf = io.BytesIO()
    w.save_to(buf)
    buf.seek(0)
    back = CrfWeights.load(buf)
    assert back.flags == ("dense=tok",)
    assert np.array_equal(back.dense, w.dense) and np.array_equal(back.dense_mu, mu)
    x = np.array([[2.5, 0.0]], dtype=np.float32)  # standardised: [1.0, 1.0]
    got = back.dense_emissions(x)[0]
    assert got[back.labels.index("B-CUE")] == pytest.approx(1.5)
    assert got[back.labels.index("O")] == pytest.approx(-0.25)


def test_dense_stats_and_items() -> None:
    rows = [np.array([[1.0, 10.0], [3.0, 10.0]], dtype=np.float32), np.array([[2.0, 10.0]], dtype=np.float32)]
    mu, sd = dense_stats(rows)
    assert mu.tolist() == pytest.approx([2.0, 10.0])
    assert sd[0] == pytest.approx(np.sqrt(2 / 3)) and sd[1] == pytest.approx(1e-3)  # floored, never zero
    its = items([["w=a", "l=a"]], rows[0][:1], mu, sd)
    assert its[0]["w=a"] == 1.0 and its[0][dense_name(0)] == pytest.approx(-1 / np.sqrt(2 / 3), abs=1e-3)
    assert items([["w=a"]], None, mu, sd) == [{"w=a": 1.0}]


def test_emissions_read_rule_features_only_when_trained_with_them(nlp: Language) -> None:
    doc = nlp(TEXT)
    w = load_weights()
    rules = QuotesComponent(nlp, "q", model="rules").rule_attributions(doc)
    assert rules
    with_rules = emissions(doc, rules, w)
    without = emissions(doc, (), w)
    assert with_rules.shape == (len(doc), len(w.labels))
    assert np.array_equal(with_rules, without) == ("rules" not in w.flags)
    one_hot = w.column_emissions(columns(doc, rules if "rules" in w.flags else ()), TEMPLATES)
    assert np.array_equal(with_rules, one_hot) == (w.dims == 0)


@pytest.mark.parametrize(
    ("o_bias", "expected"), [(0.0, ["O", "O"]), (1.0, ["O", "B-CUE"]), (3.0, ["B-CUE", "B-CUE"])]
)
def test_recall_bias_lowers_the_o_tag_and_round_trips(o_bias: float, expected: list[str]) -> None:
    labels = ["O", "B-CUE"]
    state = {("w=a", "O"): 2.0, ("w=b", "O"): 0.5}
    w = CrfWeights.from_crfsuite(labels, state, {})
    w.o_bias = o_bias
    buf = io.BytesIO()
    w.save_to(buf)
    buf.seek(0)
    back = CrfWeights.load(buf)
    assert back.o_bias == o_bias
    assert back.tag([["w=a"], ["w=b"]]) == expected
    emit = np.zeros((1, 2), dtype=np.float32)
    assert back.recall_bias(emit)[0, 0] == -o_bias and emit[0, 0] == 0.0  # a copy, not in place


def test_shipped_weights_lower_the_o_tag() -> None:
    assert load_weights().o_bias > 0
