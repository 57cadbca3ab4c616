"""Propositions: the facts an article's claims state, each with one stance per source (issue 13).

Several claims of one article often state one fact: as a clause ("North Korea plans to send troops to Russia"),
as a nominalisation ("the alleged troop deployment") or through an anaphor ("dismissed the claims"). This stage
groups them into :class:`~newsgraph.models.Proposition` records with a canonical statement, the member claims and
one :class:`~newsgraph.models.Stance` per distinct (source, status), and flags the disputed ones. See
``docs/propositions.md``.
"""

from __future__ import annotations

from newsgraph.propositions.rules import is_proposition, proposition_rule

__all__ = ["is_proposition", "proposition_rule"]
