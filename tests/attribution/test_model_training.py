"""Training the attribution model: deterministic on a tiny corpus; the shipped model's floor on PolNeAR dev."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from newsgraph.attribution.component import QuotesComponent
from newsgraph.attribution.model.corpus import GoldAttribution, GoldDoc
from tests.conftest import ROOT, need_dataset

TINY = [
    "[Kim] {said} <the talks had failed>. [The ministry] {denied} <the report>.",
    "<“We are ready,”> [the minister] {told} reporters. [Lee] {warned} <that prices would rise>.",
    "[Officials] {claimed} <the vote was rigged>, but [observers] {disputed} <that>.",
]


def _gold(marked: str) -> GoldDoc:
    """A document from ``[source] {cue} <content>`` markup, one attribution per sentence part, in order."""
    text = ""
    spans: dict[str, list[tuple[int, int]]] = {"[": [], "{": [], "<": []}
    pos = 0
    for m in re.finditer(r"\[([^\]]*)\]|\{([^}]*)\}|<([^>]*)>", marked):
        text += marked[pos : m.start()]
        kind = m.group(0)[0]
        inner = next(g for g in m.groups() if g is not None)
        spans[kind].append((len(text), len(text) + len(inner)))
        text += inner
        pos = m.end()
    text += marked[pos:]
    atts = [
        GoldAttribution(cue=(c,), source=(s,), content=(x,))
        for s, c, x in zip(spans["["], spans["{"], spans["<"], strict=True)
    ]
    return GoldDoc("tiny", text, atts)


@pytest.mark.parametrize(
    ("with_rules", "algorithm"),
    [(True, "ap"), (False, "ap"), (False, "lbfgs")],
    ids=["rule-features", "independent", "independent-lbfgs"],
)
def test_training_is_deterministic(nlp: Language, tmp_path: Path, with_rules: bool, algorithm: str) -> None:
    pytest.importorskip("pycrfsuite", reason="python-crfsuite is a training (dev) dependency")
    from newsgraph.attribution.model import tag_doc
    from newsgraph.attribution.model.crf import CrfWeights
    from newsgraph.attribution.model.training import TrainConfig, save_deterministic, sequences, train

    gold = [_gold(t) for t in TINY]
    docs = [nlp(g.text) for g in gold]
    rules = QuotesComponent(nlp, "q", model="rules").rule_attributions if with_rules else None
    parts = ("tok", "head")
    cfg = TrainConfig(
        algorithm=algorithm,
        epochs=3,
        max_iterations=30,
        c1=0.0,  # three sentences: the shipped L1 weight would zero almost every feature
        min_freq=1,
        rule_features=with_rules,
        dense_parts=parts,
    )
    a = train(sequences(docs, gold, rules, parts), cfg)  # type: ignore[arg-type]
    b = train(sequences(docs, gold, rules, parts), cfg)  # type: ignore[arg-type]
    save_deterministic(a, tmp_path / "a.npz")
    save_deterministic(b, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert "B-CUE" in a.labels and len(a.attrs) > 50
    assert a.dims == 2 * docs[0].tensor.shape[1] and np.abs(a.dense).sum() > 0
    assert ("rules" in a.flags) == with_rules and "dense=head" in a.flags
    assert CrfWeights.load(tmp_path / "a.npz").flags == a.flags
    # it learned its own data: "said" is a cue
    doc = nlp("Kim said the talks had failed.")
    assert tag_doc(doc, rules(doc) if rules else (), a)[1] == "B-CUE"


@pytest.mark.shared
def test_shipped_model_floor_on_dev(nlp: Language) -> None:
    """Fifteen PolNeAR dev articles: the combined setting beats the rules (the model adds content they miss), the
    independent model alone is a real second reader, and both stay above a floor (measured: rules cue/all .788/.698,
    model alone .732/.619, combined .791/.705, content .744 / .730 / .757)."""
    import sys

    sys.path.insert(0, str(ROOT))
    from eval.attribution import newsgraph_predictions
    from eval.polnear import load_split, score

    from newsgraph.attribution.component import to_quotes

    docs = load_split(need_dataset("polnear"), "dev", limit=15)
    rows: dict[str, list[tuple[str, list, list]]] = {"rules": [], "model": [], "combined": []}  # type: ignore[type-arg]
    for d in docs:
        doc = nlp(d.text)
        for name in rows:
            atts = QuotesComponent(nlp, "q", model=name).attributions(doc)
            pred, _, _ = newsgraph_predictions(doc, atts, to_quotes(doc, atts)[0])
            rows[name].append((d.text, d.attributions, pred))
    rules, model, combined = score(rows["rules"]), score(rows["model"]), score(rows["combined"])
    for m in ("cue", "source", "content", "all"):
        assert combined[m]["f1"] >= rules[m]["f1"] - 0.005, (m, rules[m], combined[m])
    assert combined["content"]["f1"] >= rules["content"]["f1"] + 0.005
    assert combined["cue"]["f1"] >= 0.77 and combined["all"]["f1"] >= 0.68
    assert model["cue"]["f1"] >= 0.70 and model["all"]["f1"] >= 0.58
