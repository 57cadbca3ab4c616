"""Who speaks in the store: quotes grouped by speaker, one row per real speaker, the most quoted first.

:class:`SpeakerQueries` is mixed into :class:`newsgraph.store.sql.SQLStore`; it reads through ``_fetch``.
A speaker is its cross-article entity key when the quote has one (so "Donald Trump" and a stray "Donald Trump '"
of an older store are one speaker), else its folded name with an appositive description dropped
(:func:`~newsgraph.store.propositions.appositive_name`). Rule ``dominant_full_name``
(:func:`newsgraph.track.link.resolve_surnames`) then joins a surname-only speaker ("Obama", in articles that never
give the full name) to the full name that holds most of that surname's quotes (Barack Obama), and rule ``middle_initial_variant`` (:func:`newsgraph.track.link.resolve_initials`) joins
"Donald J. Trump" to Donald Trump when the store holds both, and rule ``nickname_variant``
(:func:`newsgraph.track.link.resolve_nicknames`) "Len Burman" to Leonard E. Burman. Unresolved speakers
(``unknown``) are not listed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.names import (
    coordinated_names,
    is_generic_description,
    is_unresolved_description,
    name_of,
    principal_of,
)
from newsgraph.store.backend import SQLBackend, marks
from newsgraph.store.base import SpeakerRow
from newsgraph.store.propositions import appositive_name

SpeakerCount = tuple[str | None, str, str, int, int, str | None]
"""(speaker key, name, kind, quotes, articles, the article of a generic description or None)"""
MAX_GROUPS = 20_000
"""Distinct (speaker, name) groups read per listing: the most quoted first."""


@dataclass
class _Group:
    key: str
    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    n_quotes: int = 0
    n_articles: int = 0
    parts: set[tuple[str | None, str]] = field(default_factory=set)
    """the (speaker_key, speaker) pairs of the quotes it groups"""
    scoped: bool = False
    """a generic description grouped within one article (rule ``generic_description``): its counts are exact"""

    def add(
        self, key: str | None, name: str, kind: str, n_quotes: int, n_articles: int, shown: str | None = None
    ) -> None:
        """Count a (speaker key, name) part; ``shown``: the name it is listed under, when not ``name`` itself
        (one person of a coordinated speaker)."""
        # "Donald Trump '" of an older store reads "Donald Trump"
        self.names[name_of(shown or name)] += n_quotes
        self.kinds[kind] += n_quotes
        self.n_quotes += n_quotes
        self.n_articles = max(self.n_articles, n_articles)  # a lower bound until counted exactly
        self.parts.add((key, name))

    def merge(self, other: _Group) -> None:
        self.names.update(other.names)
        self.kinds.update(other.kinds)
        self.n_quotes += other.n_quotes
        self.n_articles = max(self.n_articles, other.n_articles)
        self.parts |= other.parts

    def row(self) -> SpeakerRow:
        name = display_name(self.key, self.names)
        others = sorted((n for n in self.names if n != name), key=lambda n: (-self.names[n], n))
        kind = self.kinds.most_common(1)[0][0]
        return SpeakerRow(
            key=self.key if not self.key.startswith("name:") and not self.scoped else None,
            name=name,
            kind="anonymous" if is_unresolved_description(name) else kind,
            n_quotes=self.n_quotes,
            n_articles=self.n_articles,
            also_named=others,
        )


def display_name(key: str, names: Counter[str]) -> str:
    """Rule ``key_name_first``: the name a speaker is listed under is the most quoted of the names that spell its
    key ("Barack Obama" for ``PER:barack obama``, not the more frequent "Obama"; "Donald Trump", not a stray
    "Donald Trump '"), else its most quoted name."""
    from newsgraph.track.link import normalise_name

    label = key.partition(":")[2]
    spelled = [
        n for n in names if normalise_name(n) == label or normalise_name(n, strip_titles=False) == label
    ]
    pool = spelled or list(names)
    return min(pool, key=lambda n: (-names[n], len(n), n))


def speaker_group(speaker_key: str | None, name: str, article: str | None = None) -> str:
    """The group a quote's speaker belongs to: its entity key, else ``name:`` and its folded name; an entourage
    ("the Trump campaign", keyed ``ORG:trump`` by an older store) goes with its principal (rule
    ``speaks_for_principal``: ``PER:trump``, which the surname rule then joins to Donald Trump). A generic
    description ("police", "the agency") given its ``article`` is grouped within that article (rule
    ``generic_description``): Tulsa's police and Charlotte's are two speakers."""
    principal = principal_of(appositive_name(name))
    if principal is not None and not (speaker_key or "").startswith("PER:"):
        from newsgraph.track.link import normalise_name

        return f"PER:{normalise_name(principal)}"
    if article is not None and is_generic_description(name):
        return f"name:{appositive_name(name).casefold()}@{article}"
    return speaker_key or f"name:{appositive_name(name).casefold()}"


def credited(key: str | None, name: str, kind: str, article: str | None = None) -> list[tuple[str, str]]:
    """(group, name shown) of each speaker a quote counts for: its own group (:func:`speaker_group`), or for
    coordinated people ("Obama and Hillary Clinton said", rule ``coordinated_speakers``:
    :func:`~newsgraph.names.coordinated_names`) each of them, keyed as a person of that name (``PER:obama``, which
    the surname rule then joins to Barack Obama), so the quote is listed under both and under no "Obama and
    Hillary Clinton"."""
    from newsgraph.track.link import normalise_name

    parts = coordinated_names(name) if kind == "person" else []
    if not parts:
        return [(speaker_group(key, name, article), name)]
    return [(f"PER:{normalise_name(part)}", part) for part in parts]


def group_speakers(rows: Sequence[tuple[str | None, str, str, int, int] | SpeakerCount]) -> list[_Group]:
    """(speaker key, name, kind, quotes, articles[, article of a generic description]) rows -> one group per
    speaker, most quoted first."""
    from newsgraph.track.link import resolve_initials, resolve_nicknames, resolve_surnames

    groups: dict[str, _Group] = {}
    for row in rows:
        key, name, kind, n_quotes, n_articles = row[:5]
        article = row[5] if len(row) > 5 else None
        for g, shown in credited(key, name, kind, article):
            grp = groups.setdefault(g, _Group(g, scoped=article is not None and g.endswith(f"@{article}")))
            grp.add(key, name, kind, int(n_quotes), int(n_articles), shown)
    for variant, base in resolve_initials(groups).items():  # "Donald J. Trump" is Donald Trump
        groups[base].merge(groups.pop(variant))
    for variant, base in resolve_nicknames(groups).items():  # "Len Burman" is Leonard E. Burman
        groups[base].merge(groups.pop(variant))
    weights = {k: float(g.n_quotes) for k, g in groups.items()}
    for short, full in resolve_surnames(groups, weights).items():
        groups[full].merge(groups.pop(short))
    return sorted(groups.values(), key=lambda g: (-g.n_quotes, g.key))


class SpeakerQueries(SQLBackend):
    """The speakers listing (mixed into the SQL store)."""

    def speakers(self, *, kind: str | None = None, limit: int = 50) -> list[SpeakerRow]:
        """Speakers of quotes, the most quoted first (``unknown`` ones left out); ``kind``: person, organization,
        state, media or anonymous."""
        where = "speaker_kind <> 'unknown'"
        params: list[object] = []
        if kind:
            where += " AND speaker_kind = ?"
            params.append(kind)
        scope = "CASE WHEN speaker = lower(speaker) THEN article_id END"  # rule generic_description
        got = self._fetch(
            f"SELECT speaker_key, speaker, speaker_kind, count(*), count(DISTINCT article_id), {scope} FROM quotes "
            f"WHERE {where} GROUP BY speaker_key, speaker, speaker_kind, {scope} ORDER BY count(*) DESC, speaker "
            f"LIMIT {MAX_GROUPS}",
            params,
        )
        rows: list[SpeakerCount] = [
            (r[0], str(r[1]), str(r[2]), int(r[3]), int(r[4]), None if r[5] is None else str(r[5]))
            for r in got
        ]
        top = group_speakers(rows)[: max(0, limit)]
        self._count_articles(top)
        return [g.row() for g in top]

    def _count_articles(self, groups: list[_Group]) -> None:
        """Distinct articles of each group, exactly (a speaker under two names in one article counts once); a
        scoped group is one article's."""
        groups = [g for g in groups if not g.scoped]
        keys = sorted({k for g in groups for k, _ in g.parts if k})
        names = sorted({n for g in groups for k, n in g.parts if not k})
        if not groups or not (keys or names):
            return
        conds = []
        if keys:
            conds.append(f"speaker_key IN ({marks(len(keys))})")
        if names:
            conds.append(f"(speaker_key IS NULL AND speaker IN ({marks(len(names))}))")
        owners: dict[tuple[str | None, str], list[_Group]] = {}
        by_key: dict[str, list[_Group]] = {}
        for g in groups:  # a coordinated speaker's part belongs to each of its people
            for part in g.parts:
                owners.setdefault(part, []).append(g)
                if part[0]:
                    by_key.setdefault(part[0], []).append(g)
        seen: dict[str, set[str]] = {g.key: set() for g in groups}
        for key, name, aid in self._fetch(
            f"SELECT DISTINCT speaker_key, speaker, article_id FROM quotes WHERE {' OR '.join(conds)}",
            [*keys, *names],
        ):
            for g in owners.get((key, name)) or (by_key.get(key, []) if key else []):
                seen[g.key].add(str(aid))
        for g in groups:
            g.n_articles = len(seen[g.key]) or g.n_articles


__all__ = ["SpeakerQueries", "credited", "group_speakers", "speaker_group"]
