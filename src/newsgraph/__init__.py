"""newsgraph: who said what, about whom, how sure they are, and who contradicts whom.

Quick start::

    import newsgraph
    article = newsgraph.extract_text(open("story.txt").read())
    for q in article.quotes:
        print(q.speaker.name, "->", q.text)

    for article in newsgraph.extract(["pages/", "crawl.warc.gz"]):
        ...

    newsgraph.stance("North Korea sent troops to Russia", article).label   # agree/disagree/discuss/unrelated

Nothing heavy is loaded on import: the spaCy pipeline is built on first use and cached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.models import Article, Claim, Entity, Event, Quote, Speaker
from newsgraph.pipeline import extract_text

if TYPE_CHECKING:
    from newsgraph.engines.local import extract
    from newsgraph.stance.api import stance

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Claim",
    "Entity",
    "Event",
    "Quote",
    "Speaker",
    "__version__",
    "extract",
    "extract_text",
    "stance",
]


def __getattr__(name: str) -> Any:
    """``newsgraph.extract`` (the local engine's) and ``newsgraph.stance`` (a callable package) are imported on
    first use, so ``import newsgraph`` stays light."""
    if name == "extract":
        from newsgraph.engines.local import extract

        return extract
    if name == "stance":
        import importlib

        return importlib.import_module("newsgraph.stance")
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
