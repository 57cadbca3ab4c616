"""PLOVER event coding: the ``newsgraph_events`` spaCy component, the coder, the CAMEO crosswalk and dates.

Use without the pipeline::

    from newsgraph.events import code_sentence
    events = code_sentence(nlp("Russia accused Ukraine of shelling the plant.")[:])
    events[0].type  # 'ACCUSE'
"""

from __future__ import annotations

from newsgraph.events.cameo import best_cameo
from newsgraph.events.coder import code_sentence, code_token
from newsgraph.events.dates import resolve_date
from newsgraph.events.plover import score
from newsgraph.events.records import CodedEvent

__all__ = ["CodedEvent", "best_cameo", "code_sentence", "code_token", "resolve_date", "score"]
