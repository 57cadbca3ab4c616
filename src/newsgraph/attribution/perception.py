"""Rule ``perception`` (a stop of :data:`~newsgraph.attribution.verb_rules.VERB_RULES`): ``They saw Tim Kaine speak
at a rally``, ``She heard him leave``, ``He watched the president signing the bill``: a verb of perception with
a bare infinitive or a participle clause reports what the source saw or heard happen, not something said. With a
``that`` clause it may report (``She saw that the plan had failed``), and the other rules read it."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.attribution.frames import Stop, VerbFrame

PERCEPTION_VERBS = frozenset({"see", "hear", "watch", "notice", "witness", "observe", "feel", "spot"})
STOP_PERCEPTION = Stop("a verb of perception with a bare clause: something seen or heard, not said")


def perceives_a_bare_clause(verb: Token) -> bool:
    """A perception verb whose clausal complement after it is a bare infinitive or a participle (no ``that``, no
    ``to``, no auxiliary): ``saw [Tim Kaine speak]``, ``heard [her leave]``, ``watched [him signing]``."""
    if verb.lemma_.lower() not in PERCEPTION_VERBS:
        return False
    return any(
        c.dep_ in {"ccomp", "xcomp"}
        and c.i > verb.i
        and c.tag_ in {"VB", "VBP", "VBG"}
        and not any(g.dep_ in {"mark", "aux", "auxpass"} for g in c.children)
        for c in verb.children
    )


def perception_rule(f: VerbFrame) -> Stop | None:
    """Stop on :func:`perceives_a_bare_clause` (the combination refuses such a model reading too)."""
    return STOP_PERCEPTION if perceives_a_bare_clause(f.verb) else None
