"""Number words shared by the propositions' figures (:mod:`newsgraph.propositions.frames`) and the tracker's
(:mod:`newsgraph.track.figures`)."""

from __future__ import annotations

SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
"""Words that scale a figure before them ("$679 billion" states 679, rule ``scale_is_no_figure``)."""
