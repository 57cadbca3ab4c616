"""The PLOVER tables derived from the manual and the CAMEO2PLOVER crosswalk."""

from __future__ import annotations

from newsgraph.events.cameo import best_cameo, crosswalk
from newsgraph.events.gsr import LEGACY_TYPES, current_type
from newsgraph.events.plover import contexts, modes, ontology, quad, score, valid_mode
from newsgraph.models import PLOVER_TYPES


def test_sixteen_types_with_manual_modes() -> None:
    assert set(ontology()["types"]) == set(PLOVER_TYPES)
    assert "troops" in modes("MOBILIZE") and "weapons" in modes("MOBILIZE")
    assert set(modes("ACCUSE")) == {"disapprove", "investigate", "allege"}
    assert "withdraw" in modes("RETREAT")
    assert modes("AGREE") == {}
    assert quad("ASSAULT") == "MATERIAL CONFLICT" and quad("CONSULT") == "VERBAL COOPERATION"


def test_contexts_parsed_from_manual_table() -> None:
    ctx = contexts()
    for name in ("military", "economic", "diplomatic", "human_rights", "cbrn", "trafficking"):
        assert name in ctx
    assert len(ctx) >= 35


def test_scores_follow_manual_table() -> None:
    assert score("MOBILIZE", "troops") == -6.5
    assert score("MOBILIZE") == -5.5
    assert score("RETREAT", "withdraw") == 8.0
    assert score("ACCUSE", "allege") == -3.5
    assert score("AID") == 10.0
    assert score("ASSAULT", "unknown-mode") == -9.0  # falls back to the type
    assert valid_mode("MOBILIZE", "Troops") == "troops"
    assert valid_mode("AGREE", "troops") is None


def test_crosswalk_and_most_specific_code() -> None:
    codes = {c.code: c for c in crosswalk()}
    assert codes["1123"].type == "ACCUSE" and codes["1123"].mode == "allege"
    assert best_cameo("MOBILIZE", "troops", ["military"]) in ("152", "154")
    assert best_cameo("RETREAT", "withdraw", ["military"]) == "0872"
    assert best_cameo("REQUEST", "yield", ["military"]) == "1056"
    assert best_cameo("ACCUSE", "disapprove") == "110"
    assert best_cameo("ACCUSE", hint="accuse") == "112"  # the trigger word picks the description
    assert best_cameo("AID", None, ["military"]) == "072"
    assert best_cameo("AGREE", None, []) == "030"


def test_legacy_names_map_to_current_types() -> None:
    assert current_type("DEMAND") == "REQUEST"
    assert current_type("DISAPPROVE") == "ACCUSE"
    assert current_type("INVESTIGATE") == "ACCUSE"
    assert current_type("FIGHT") == "ASSAULT"
    assert current_type("AGREE") == "AGREE"
    assert all(t in PLOVER_TYPES for t, _ in LEGACY_TYPES.values())
