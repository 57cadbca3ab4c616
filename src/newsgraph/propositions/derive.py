"""Nominalisations back to their verbs: "deployment" -> deploy, "withdrawal" -> withdraw, "invasion" -> invade.

An irregular table (:data:`~newsgraph.propositions.lexicon.DERIVATIONS`) first, then general suffix rules
(-ation, -ion, -ment, -al, -ure, -ance/-ence, -ing), each candidate stem checked against the verb list of spaCy's
English lemmatizer (``lemma_index["verb"]``, loaded with the pipeline) so that "government" -> "govern" style
accidents need the verb to exist and the noun not to be listed in
:data:`~newsgraph.propositions.lexicon.NON_EVENT_NOUNS`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from newsgraph.propositions.lexicon import DERIVATIONS, NON_EVENT_NOUNS, ZERO_EVENT_NOUNS

__all__ = ["SUFFIX_RULES", "nominal_verb"]


def _ation(noun: str) -> list[str]:
    """accusation -> accuse, confirmation -> confirm, investigation -> investigate."""
    if not noun.endswith("ation") or len(noun) < 8:
        return []
    stem = noun[:-5]
    return [stem + "ate", stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem + "y"]


def _sion(noun: str) -> list[str]:
    """invasion -> invade, collusion -> collude, admission -> admit."""
    if noun.endswith("ssion"):
        return [noun[:-5] + "t", noun[:-4] + "s"]
    if noun.endswith("sion"):
        return [noun[:-4] + "de", noun[:-4] + "d", noun[:-3]]
    return []


def _ion(noun: str) -> list[str]:
    """rejection -> reject, deletion -> delete, election -> elect."""
    if not noun.endswith("ion") or noun.endswith(("ation", "sion")) or len(noun) < 6:
        return []
    stem = noun[:-3]
    return [stem, stem + "e"]


def _ment(noun: str) -> list[str]:
    """deployment -> deploy, agreement -> agree, involvement -> involve."""
    return [noun[:-4]] if noun.endswith("ment") and len(noun) > 7 else []


def _al(noun: str) -> list[str]:
    """withdrawal -> withdraw, refusal -> refuse, denial -> deny."""
    if not noun.endswith("al") or len(noun) < 6:
        return []
    stem = noun[:-2]
    out = [stem, stem + "e"]
    if stem.endswith("i"):
        out.append(stem[:-1] + "y")
    return out


def _ure(noun: str) -> list[str]:
    """failure -> fail, closure -> close, departure -> depart."""
    if not noun.endswith("ure") or len(noun) < 6:
        return []
    return [noun[:-3], noun[:-3] + "e"]


def _ance(noun: str) -> list[str]:
    """interference -> interfere, assistance -> assist, avoidance -> avoid."""
    if not noun.endswith(("ance", "ence")) or len(noun) < 7:
        return []
    stem = noun[:-4]
    return [stem, stem + "e", stem[:-1] if stem.endswith(stem[-1] * 2) else stem]


def _ing(noun: str) -> list[str]:
    """bombing -> bomb, shooting -> shoot, hacking -> hack (gerunds used as nouns)."""
    if not noun.endswith("ing") or len(noun) < 6:
        return []
    stem = noun[:-3]
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    return out


SUFFIX_RULES: tuple[Callable[[str], list[str]], ...] = (_ation, _sion, _ion, _ment, _al, _ure, _ance, _ing)


def nominal_verb(noun_lemma: str, verbs: Collection[str]) -> str | None:
    """The verb an event noun is derived from, or None when the noun is not an event nominalisation.

    ``verbs`` is the set of known English verb lemmas (spaCy's ``lemma_index["verb"]``); without it (empty) only
    the irregular table and the zero-derived nouns are used.
    """
    noun = noun_lemma.lower()
    if noun in NON_EVENT_NOUNS:
        return None
    if noun in DERIVATIONS:
        return DERIVATIONS[noun]
    if noun in ZERO_EVENT_NOUNS:
        return noun
    for rule in SUFFIX_RULES:
        for cand in rule(noun):
            if len(cand) >= 3 and cand in verbs:
                return cand
    return None
