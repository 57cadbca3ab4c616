"""What a long run's progress display needs to know: the number of documents ahead (when cheap to know) and one
line per error record. The bar itself is the CLI's (:class:`newsgraph.cli.progress.DocsProgress`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.models import Article


def estimate_total(inputs: Sequence[str | Path]) -> int | None:
    """Number of documents when it is known without reading them (no stdin, no WARC archives), else ``None``."""
    from newsgraph.engines.batches import expand_inputs, is_multi_document

    n = 0
    for item in expand_inputs(inputs):
        if item == "-" or is_multi_document(item):
            return None
        n += 1
    return n


def error_lines(article: Article) -> list[str]:
    """One ``where: stage: message`` line per error record of ``article`` (what the CLI prints to stderr)."""
    where = article.source.path or article.source.url or "<stdin>"
    if article.source.url and article.source.format == "warc":
        where = f"{where} {article.source.url}"
    return [f"{where}: {e.stage}: {e.message}" for e in article.errors]
