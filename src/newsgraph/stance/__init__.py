"""Stance of an article toward a claim (FNC-1 labels): features, the shipped numpy model, the API.

``newsgraph.stance(claim, article_or_text)`` is this package, made callable: calling it calls
:func:`newsgraph.stance.api.stance`. (A package and a function cannot both be ``newsgraph.stance``; a callable
module keeps ``newsgraph.stance.api`` importable and ``newsgraph.stance(...)`` working whatever was imported
first.) Nothing is loaded until it is called.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.models import Article
    from newsgraph.stance.api import StanceResult

__all__ = ["Evidence", "StanceResult", "StanceScorer", "stance"]


def stance(claim: str, article_or_text: Article | str) -> StanceResult:
    """Stance of an article (an extracted Article or raw text) toward ``claim``, with its evidence."""
    from newsgraph.stance.api import stance as _stance

    return _stance(claim, article_or_text)


def __getattr__(name: str) -> Any:
    if name in ("Evidence", "StanceResult", "StanceScorer"):
        from newsgraph.stance import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsgraph.stance' has no attribute {name!r}")


class _CallablePackage(types.ModuleType):
    def __call__(self, claim: str, article_or_text: Article | str) -> StanceResult:
        return stance(claim, article_or_text)


sys.modules[__name__].__class__ = _CallablePackage
