"""What a journalist reads off a store (SQLite and PostgreSQL): no dispute made of one source on both sides or of an
unresolved source, and no ingest time shown as the date of an undated article."""

from __future__ import annotations

from newsgraph.models import Article, Proposition, Stance
from newsgraph.store import Store
from newsgraph.store.base import shown_date

from .factory import make_article

FACT = "Families want their own neighborhood schools"


def _article(body: str, stances: list[tuple[str, str, str]], *, published: str | None) -> Article:
    """One proposition stating ``FACT`` with the stances (source, kind, status), each on its own claim."""
    claims = [{"text": FACT, "source": who, "kind": kind, "status": status} for who, kind, status in stances]
    a = make_article(body, published=published, claims=claims, propositions=[])
    p = Proposition(id="p1", statement=FACT, claims=[c.id for c in a.claims])
    p.stances = [Stance(source=c.source, status=c.status, claim=c.id) for c in a.claims]
    p.disputed = True  # what a too-eager stage would say: the store decides again
    a.propositions = [p]
    return a


def test_a_source_on_both_sides_makes_no_dispute(store: Store) -> None:
    a = _article(f"{FACT}, the group argued and Megan Hester said.", [
        ("AROS", "organization", "asserted"), ("Megan Hester", "person", "asserted"),
        ("Megan Hester", "person", "denied")], published="2016-10-07")  # fmt: skip
    store.add_articles([a])
    (c,) = store.clusters(limit=5)
    assert not c.disputed and store.disputes(limit=5) == []


def test_an_unresolved_source_makes_no_dispute_but_a_named_one_does(store: Store) -> None:
    a = _article(f"{FACT}, one said.", [("Megan Hester", "person", "asserted"), ("unknown", "unknown", "denied")],
                 published="2016-10-07")  # fmt: skip
    b = _article(
        f"{FACT}, another said. Really.", [("Michael Mulgrew", "person", "denied")], published="2016-10-08"
    )
    store.add_articles([a])
    assert store.disputes(limit=5) == []
    store.add_articles([b])
    (d,) = store.disputes(limit=5)
    assert {s.source_name for s in d.sides()["denies"]} == {"unknown", "Michael Mulgrew"}


def test_undated_articles_give_no_dates_to_what_was_said(store: Store) -> None:
    undated = _article(f"{FACT}, one said.", [("Megan Hester", "person", "asserted")], published=None)
    store.add_articles([undated])
    (c,) = store.clusters(limit=5)
    assert (c.first_date, c.last_date) == (None, None)  # not the ingest time
    (st,) = store.stances(c.id)
    assert st.date and st.published is None and st.shown_date == "undated"
    dated = _article(
        f"{FACT}, another said. Yes.", [("Michael Mulgrew", "person", "denied")], published="2016-10-08"
    )
    store.add_articles([dated])
    (c,) = store.clusters(limit=5)
    assert (c.first_date, c.last_date) == ("2016-10-08", "2016-10-08")
    assert [s.shown_date for s in store.stances(c.id)] == ["2016-10-08", "undated"]  # dated first


def test_shown_date_is_the_day_or_undated() -> None:
    assert shown_date("2016-10-08T12:00:00+00:00") == "2016-10-08"
    assert shown_date(None) == shown_date("") == "undated"


def _quoted(
    body: str, quotes: list[tuple[str, str, str | None]], entities: list[tuple[str, str, str]]
) -> Article:
    """An article whose sentences are quotes ``(text, speaker, entity id)``."""
    qs = [{"text": t, "speaker": who, "entity": eid, "kind": "unknown" if who == "unknown" else "person"}
          for t, who, eid in quotes]  # fmt: skip
    return make_article(body, quotes=qs, entities=entities, propositions=[])


def test_speakers_are_listed_once_under_their_full_name(store: Store) -> None:
    a = _quoted(
        "Barack Obama said the plan works. Obama said it again. He said so twice. He said it again and again. Michelle Obama said little.",
        [("the plan works", "Barack Obama", "e1"), ("it again", "Barack Obama", "e1"),
         ("so twice", "Barack Obama", "e1"), ("again and again", "Barack Obama", "e1"),
         ("little", "Michelle Obama", "e2")],
        [("e1", "Barack Obama", "PERSON"), ("e2", "Michelle Obama", "PERSON")],
    )  # fmt: skip
    b = _quoted(
        "Obama said the deal holds. Obama said the vote counts. Nobody knows who said the rest.",
        [
            ("the deal holds", "Obama", "e1"),
            ("the vote counts", "Obama", "e1"),
            ("the rest", "unknown", None),
        ],
        [("e1", "Obama", "PERSON")],
    )
    c = _quoted(
        "Donald Trump said yes. One of his lawyers, Justin Bamberg, said no. Justin Bamberg said maybe.",
        [("yes", "Donald Trump '", "e1"), ("no", "one of his lawyers, Justin Bamberg", None),
         ("maybe", "Justin Bamberg", None)],
        [("e1", "Donald Trump", "PERSON")],
    )  # fmt: skip
    store.add_articles([a, b, c])
    rows = {r.name: r for r in store.speakers(limit=10)}
    assert "unknown" not in rows and "Obama" not in rows and "Donald Trump '" not in rows
    obama = rows["Barack Obama"]
    assert (obama.key, obama.n_quotes, obama.n_articles, obama.also_named) == (
        "PER:barack obama",
        6,
        2,
        ["Obama"],
    )
    assert rows["Michelle Obama"].n_quotes == 1
    assert rows["Donald Trump"].also_named == []  # the stray quote mark is trimmed
    bamberg = rows["Justin Bamberg"]  # keyed on the name the description ends in; one article, counted once
    assert (bamberg.key, bamberg.n_quotes, bamberg.n_articles) == ("PER:justin bamberg", 2, 1)
    assert bamberg.also_named == ["one of his lawyers, Justin Bamberg"]
    assert [r.name for r in store.speakers(limit=1)] == ["Barack Obama"]
    assert store.speakers(kind="organization") == []


def test_a_person_and_their_campaign_are_one_side(store: Store) -> None:
    a = _article(
        f"{FACT}, Donald Trump said. The campaign disagreed.",
        [("Donald Trump", "person", "asserted"), ("Donald Trump’s campaign", "organization", "denied")],
        published="2016-09-30",
    )
    store.add_articles([a])
    assert store.disputes(limit=5) == []
    (c,) = store.clusters(limit=5)
    assert c.n_sources == 1


def test_a_note_republished_word_for_word_counts_once(store: Store) -> None:
    note = f"Editor's note: {FACT}, the group said."
    copies = [_article(f"{note} Page {i}.", [("the group", "organization", "asserted")], published=f"2016-10-0{i + 1}")
              for i in range(3)]  # fmt: skip
    store.add_articles(copies)
    (c,) = store.clusters(limit=5)
    assert (c.n_claims, c.n_sources, c.n_articles) == (1, 1, 3)  # one statement, seen in three articles
    other = _article(f"Later: {FACT}, the group said again.", [("the group", "organization", "asserted")],
                     published="2016-10-09")  # fmt: skip
    store.add_articles([other])
    (c,) = store.clusters(limit=5)
    assert (c.n_claims, c.n_articles) == (2, 4)  # said again in other words: a second stance


def test_a_campaign_speaks_for_its_candidate_whatever_the_ner_said(store: Store) -> None:
    a = _quoted(
        "Donald Trump said taxes are too high. The Trump campaign said the debate was rigged.",
        [("taxes are too high", "Donald Trump", "e1"), ("the debate was rigged", "the Trump campaign", "e2")],
        [("e1", "Donald Trump", "PERSON"), ("e2", "Trump campaign", "ORG")],
    )
    a.quotes[1].speaker.kind = "organization"
    store.add_articles([a])
    (row,) = store.speakers(limit=5)
    assert (row.name, row.key, row.n_quotes, row.also_named) == (
        "Donald Trump", "PER:donald trump", 2, ["the Trump campaign"])  # fmt: skip


def test_an_entourage_keyed_as_an_organisation_goes_with_its_principal() -> None:
    from newsgraph.store.speakers import group_speakers

    rows = [("PER:donald trump", "Donald Trump", "person", 10, 4), ("ORG:trump", "the Trump campaign", "organization", 3, 2),
            ("ORG:trump", "Trump", "organization", 2, 2)]  # fmt: skip
    groups = {g.key: g for g in group_speakers(rows)}
    assert groups["PER:donald trump"].n_quotes == 13  # the campaign, via PER:trump and the surname rule
    assert groups["ORG:trump"].n_quotes == 2  # "Trump" read as an organisation stays what the NER said


def test_one_person_under_a_surname_in_another_article_is_one_source(store: Store) -> None:
    a = _article(
        f"{FACT}, Barack Obama said.", [("Barack Obama", "person", "asserted")], published="2016-10-07"
    )
    b = _article(f"{FACT}, Obama denied. Yes.", [("Obama", "person", "denied")], published="2016-10-08")
    c = _article(f"{FACT}, Hillary Clinton said. Yes.", [("Hillary Clinton", "person", "asserted")],
                 published="2016-10-09")  # fmt: skip
    store.add_articles([a, b])
    (cl,) = store.clusters(limit=5)
    assert (cl.n_sources, cl.disputed) == (1, False)  # Obama on both sides: himself, no dispute
    store.add_articles([c])
    (cl,) = store.clusters(limit=5)
    # two sources now; Obama is still on both sides, so Clinton alone affirming makes no dispute
    assert (cl.n_sources, cl.n_claims, cl.disputed) == (2, 3, False)


def test_same_person_joins_only_a_unique_full_name() -> None:
    from newsgraph.store.stances import same_person

    assert same_person(["PER:obama", "PER:barack obama", "PER:donald j trump", "PER:donald trump"]) == {
        "PER:obama": "PER:barack obama", "PER:donald j trump": "PER:donald trump"}  # fmt: skip
    assert same_person(["PER:clinton", "PER:hillary clinton", "PER:bill clinton", "name:officials"]) == {}


def test_a_nickname_is_the_same_speaker() -> None:
    """Rule ``nickname_variant``: "Len Burman" and "Leonard E. Burman" are one row, listed under the more quoted;
    they are also one source of a proposition."""
    from newsgraph.store.speakers import group_speakers
    from newsgraph.store.stances import same_person

    rows = [("PER:leonard e burman", "Leonard E. Burman", "person", 4, 1, None),
            ("PER:len burman", "Len Burman", "person", 3, 1, None),
            ("PER:bill clinton", "Bill Clinton", "person", 5, 2, None)]  # fmt: skip
    rows_out = [g.row() for g in group_speakers(rows)]
    burman = next(r for r in rows_out if "Burman" in r.name)
    assert (burman.name, burman.n_quotes, burman.also_named) == ("Leonard E. Burman", 7, ["Len Burman"])
    assert len(rows_out) == 2
    assert same_person(["PER:len burman", "PER:leonard e burman"]) == {
        "PER:len burman": "PER:leonard e burman"
    }


def test_a_generic_description_is_one_speaker_per_article() -> None:
    """Rule ``generic_description``: two articles' "police" are two speakers; a named one stays one across
    articles; an unresolved "the report" is listed as anonymous."""
    from newsgraph.store.speakers import group_speakers

    rows = [("ORG:police", "police", "organization", 7, 1, "a1"), ("ORG:police", "police", "organization", 2, 1, "a2"),
            ("ORG:fbi", "FBI", "organization", 3, 1, None), ("ORG:fbi", "FBI", "organization", 2, 1, None),
            ("ORG:report", "the report", "media", 4, 1, "a3")]  # fmt: skip
    groups = group_speakers(rows)
    police = [g for g in groups if g.row().name == "police"]
    assert sorted(g.n_quotes for g in police) == [2, 7]
    assert all(g.row().key is None for g in police)
    (fbi,) = [g for g in groups if g.row().name == "FBI"]
    assert fbi.n_quotes == 5 and fbi.row().key == "ORG:fbi"
    (report,) = [g.row() for g in groups if g.row().name == "the report"]
    assert report.kind == "anonymous"


def test_the_people_of_a_country_are_not_its_state(store: Store) -> None:
    """Rule ``people_of_a_country``: the entity step links "Americans" and "United States companies" to the United
    States; as speakers they key on their own names, and only the state's own statements are the United States'."""
    a = _quoted(
        "The United States said the talks failed. Americans worried the border was open. "
        "United States companies feared new taxes.",
        [("the talks failed", "United States", "e1"), ("the border was open", "Americans", "e1"),
         ("new taxes", "United States companies", "e1")],
        [("e1", "United States", "GPE")],
    )  # fmt: skip
    a.quotes[0].speaker.kind = "state"
    a.quotes[1].speaker.kind = a.quotes[2].speaker.kind = "organization"
    store.add_articles([a])
    rows = {r.name: r for r in store.speakers(limit=10)}
    assert (rows["United States"].key, rows["United States"].n_quotes) == ("GPE:USA", 1)
    assert rows["Americans"].key == "NORP:americans"
    assert rows["United States companies"].key == "ORG:united states companies"


def test_coordinated_speakers_are_each_credited() -> None:
    """Rule ``coordinated_speakers``: "Obama and Hillary Clinton said" counts for Barack Obama (through the surname
    rule) and for Hillary Clinton, and lists no "Obama and Hillary Clinton"; an organisation's name is not split."""
    from newsgraph.store.speakers import group_speakers

    rows = [("PER:barack obama", "Barack Obama", "person", 10, 4, None),
            ("PER:hillary clinton", "Hillary Clinton", "person", 8, 3, None),
            ("PER:obama and hillary clinton", "Obama and Hillary Clinton", "person", 2, 1, None),
            ("ORG:johnson and johnson", "Johnson and Johnson", "organization", 3, 1, None)]  # fmt: skip
    rows_out = {r.name: r for r in (g.row() for g in group_speakers(rows))}
    assert rows_out["Barack Obama"].n_quotes == 12 and rows_out["Hillary Clinton"].n_quotes == 10
    assert "Obama and Hillary Clinton" not in rows_out and rows_out["Johnson and Johnson"].n_quotes == 3


def test_coordinated_speakers_in_a_store(store: Store) -> None:
    """The listing reads the store: each person of "Obama and Hillary Clinton" gets the quote and its article."""
    a = _quoted(
        "Barack Obama said the plan works. Hillary Clinton said so too.",
        [("the plan works", "Barack Obama", "e1"), ("so too", "Hillary Clinton", "e2")],
        [("e1", "Barack Obama", "PERSON"), ("e2", "Hillary Clinton", "PERSON")],
    )
    b = _quoted(
        "Obama and Hillary Clinton said the deal holds. Nobody else spoke.",
        [("the deal holds", "Obama and Hillary Clinton", "e1")],
        [("e1", "Obama and Hillary Clinton", "PERSON")],
    )
    store.add_articles([a, b])
    rows = {r.name: r for r in store.speakers(limit=10)}
    assert "Obama and Hillary Clinton" not in rows
    assert (rows["Barack Obama"].n_quotes, rows["Barack Obama"].n_articles) == (2, 2)
    assert (rows["Hillary Clinton"].n_quotes, rows["Hillary Clinton"].n_articles) == (2, 2)
