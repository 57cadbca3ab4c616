"""Language of an article body: py3langid (its model ships inside the package), loaded once on first use.

>>> from newsgraph.clean.language import detect_language
>>> detect_language("The minister said the government would send weapons to Ukraine next month.")
'en'
>>> detect_language("ok") is None
True
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

MIN_CHARS = 20
"""Texts with fewer letters than this are too short to call: :func:`detect_language` returns None."""
MIN_CONFIDENCE = 0.5
"""Normalised probability below which the guess is withheld (None)."""
SAMPLE_CHARS = 5000
"""Only the first characters are classified: enough for a stable answer, cheap on a 5 MB body."""

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_URLS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
# py3langid reports some languages with legacy or regional codes; the contract uses ISO 639-1.
_CODE_FIX = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
    "mo": "ro",
    "srl": "sr",
    "zh_Hant": "zh",
    "zh_Hans": "zh",
}


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short or the guess too unsure."""
    if not text:
        return None
    sample = _URLS.sub(" ", text[: SAMPLE_CHARS * 2])[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < MIN_CHARS:
        return None
    try:
        lang, prob = _identifier().classify(sample)
    except Exception:  # the classifier must not sink a document
        return None
    if float(prob) < MIN_CONFIDENCE:
        return None
    code = _CODE_FIX.get(str(lang), str(lang))
    return code[:2] if len(code) > 2 and "_" in code else code
