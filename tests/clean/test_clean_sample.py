"""Golden test: the bundled JoongAng scrape cleans to the reviewed record in tests/golden/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.clean import Cleaned, clean_batch, clean_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "joongang-2024-10-22-weapons-ukraine.txt"
GOLDEN = ROOT / "tests" / "golden" / "clean-joongang-2024-10-22.json"


@pytest.fixture(scope="module")
def cleaned() -> Cleaned:
    return clean_text(SAMPLE.read_text(encoding="utf-8"))


def test_matches_golden_record(cleaned: Cleaned) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert cleaned.model_dump() == golden, "regenerate with tests/golden/regen_clean.py and review the diff"


def test_metadata(cleaned: Cleaned) -> None:
    assert cleaned.title == "South Korea may consider sending weapons to Ukraine, says presidential official"
    assert cleaned.published == "2024-10-22"
    assert [(a.name, a.email) for a in cleaned.authors] == [("Seo Ji-eun", "seo.jieun1@joongang.co.kr")]


def test_captions_once_each_with_credit(cleaned: Cleaned) -> None:
    assert [c.credit for c in cleaned.captions] == ["SCREEN CAPTURE", "JOINT PRESS CORPS"]
    assert cleaned.captions[0].text.startswith("Soldiers believed to be from North Korea")
    assert cleaned.captions[1].text.startswith(
        "Principal deputy national security adviser Kim Tae-hyo speaks"
    )
    assert all("[" not in c.text for c in cleaned.captions)


def test_body_has_no_boilerplate_and_every_story_paragraph(cleaned: Cleaned) -> None:
    body = cleaned.body
    for junk in (
        "80.2 F",
        "Los Angeles",
        "Advertisement",
        "Tuesday, October 22, 2024",
        "[SCREEN CAPTURE]",
        "[JOINT PRESS CORPS]",
        "BY SEO JI-EUN",
        "joongang.co.kr",
        "South Korea may consider sending weapons to Ukraine, says presidential official",
    ):
        assert junk not in body, junk
    story = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n")]
    story = [p for p in story if len(p) > 150 and not p.endswith("]")]
    assert len(story) >= 12
    for p in story:
        assert " ".join(p.split()) in body, p[:60]
    assert body.startswith("Seoul called for the immediate withdrawal")
    assert body.endswith("“an active belligerent in warfare.”")
    assert "\n\n\n" not in body


def test_removed_reasons(cleaned: Cleaned) -> None:
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["80.2 F"] == "weather"
    assert reasons["Los Angeles"] == "location"
    assert reasons["- Advertisement -"] == "advertisement"
    assert reasons["Tuesday, October 22, 2024"] == "date"
    assert reasons["BY SEO JI-EUN [seo.jieun1@joongang.co.kr]"] == "byline"
    assert [r.reason for r in cleaned.removed].count("duplicate-caption") == 1


def test_batch_of_copies_keeps_the_story() -> None:
    """Three copies of one story in a batch are a syndicated story, not boilerplate to de-duplicate away."""
    text = SAMPLE.read_text(encoding="utf-8")
    out = clean_batch([text, text, text])
    single = clean_text(text)
    assert all(o.body == single.body for o in out)
