"""docs/attribution.md lists every named rule (the rules table is kept in step with the code)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.attribution.quote_rules import QUOTE_RULES
from newsgraph.attribution.records import RULE_NAMES
from newsgraph.attribution.verb_rules import VERB_RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "attribution.md"


def test_docs_name_every_rule() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = {r.__name__.removesuffix("_rule") for r in VERB_RULES} | {r.__name__ for r in QUOTE_RULES}
    names |= set(RULE_NAMES)
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert not missing, f"rules missing from docs/attribution.md: {missing}"
