"""newsgraph: who said what, about whom, how sure they are, and who contradicts whom.

Quick start::

    import newsgraph
    article = newsgraph.extract_text(open("story.txt").read())
    for q in article.quotes:
        print(q.speaker.name, "->", q.text)

    for article in newsgraph.extract(["pages/", "crawl.warc.gz"]):
        ...

Nothing heavy is loaded on import: the spaCy pipeline is built on first use and cached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.models import Article, Claim, Entity, Event, Quote, Speaker
from newsgraph.pipeline import extract_text

if TYPE_CHECKING:
    from newsgraph.engines.local import extract

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
]


def __getattr__(name: str) -> Any:
    """``newsgraph.extract`` is the local engine's, imported on first use (``import newsgraph`` stays light)."""
    if name == "extract":
        from newsgraph.engines.local import extract

        return extract
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
