"""Hand-written scrapes in other sites' styles: wire datelines, by-lines, menus, share bars, cookie banners,
related lists, copyright lines, comment threads."""

from __future__ import annotations

from newsgraph.clean import clean_batch, clean_text

P1 = (
    "The central bank raised its benchmark interest rate by a quarter of a percentage point on Tuesday, "
    "its third increase this year, as policymakers tried to cool prices that have risen faster than wages."
)
P2 = (
    "Officials said the decision was unanimous and that further increases were possible if inflation did not "
    "slow in the coming months, although several members of the board warned about the risk to growth."
)
P3 = (
    "Analysts had widely expected the move, and markets were little changed after the announcement, with the "
    "currency trading slightly higher against the dollar in the afternoon session in the capital."
)

REUTERS = f"""Skip to main content
* World
* Business
* Markets
* Sustainability
* Legal
* Breaking Views

Share on Facebook
Share on Twitter

Central bank raises rates for third time this year

By Jane Doe and John Roe

October 22, 2024 3:04 PM UTC Updated 2 hours ago

SEOUL, Oct 22 (Reuters) - {P1}

{P2}

A trader watches screens at a dealing room in Seoul, South Korea, October 22, 2024. REUTERS/Kim Hong-Ji

{P3}

(Reporting by Jane Doe; Additional reporting by John Roe; Editing by Mark Potter)

Read more:
Markets rally as inflation cools
Bank board split on pace of hikes
Won steadies after volatile week

We use cookies to improve your experience on our website. By continuing to browse, you agree to our cookie policy.
© 2024 Reuters. All rights reserved.
"""


def test_reuters_style_page() -> None:
    c = clean_text(REUTERS)
    assert c.title == "Central bank raises rates for third time this year"
    assert c.published == "2024-10-22"
    assert [a.name for a in c.authors] == ["Jane Doe", "John Roe"]
    assert c.body == "\n\n".join([P1, P2, P3])
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["SEOUL, Oct 22 (Reuters) -"] == "dateline"
    assert reasons["Share on Facebook"] == "share"
    assert reasons["© 2024 Reuters. All rights reserved."] == "copyright"
    assert reasons["* Markets"] == "navigation"
    assert reasons["By Jane Doe and John Roe"] == "byline"
    assert (
        reasons["(Reporting by Jane Doe; Additional reporting by John Roe; Editing by Mark Potter)"]
        == "byline"
    )
    assert reasons["Read more:"] in {"read-more", "related"}
    assert reasons["Markets rally as inflation cools"] == "related"
    assert reasons[next(t for t in reasons if t.startswith("We use cookies"))] == "cookie"
    assert [(x.credit, x.text[:9]) for x in c.captions] == [("REUTERS/Kim Hong-Ji", "A trader ")]


AP = f"""Home | News | Sports | Entertainment | Weather

Senate passes spending bill hours before deadline

By JANE DOE, Associated Press

Published 10:31 AM EDT, Wed October 23, 2024

WASHINGTON (AP) — {P1}

Advertisement

{P2}

Lawmakers leave the Capitol after the vote on Oct. 23, 2024, in Washington. (AP Photo/John Roe)

{P3}

Subscribe to our newsletter to get the day's top stories delivered to your inbox.

Copyright 2024 The Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed.
"""


def test_ap_style_page() -> None:
    c = clean_text(AP)
    assert c.title == "Senate passes spending bill hours before deadline"
    assert c.published == "2024-10-23"
    assert [a.name for a in c.authors] == ["Jane Doe"]
    assert c.body == "\n\n".join([P1, P2, P3])
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["WASHINGTON (AP) —"] == "dateline"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Home | News | Sports | Entertainment | Weather"] == "navigation"
    assert reasons[next(t for t in reasons if t.startswith("Subscribe"))] == "subscribe"
    assert reasons[next(t for t in reasons if t.startswith("Copyright"))] == "copyright"
    assert [(x.credit) for x in c.captions] == ["AP Photo/John Roe"]


BLOG = f"""Menu
Search

Why the harbour project matters
Jane Doe | Reuters
22 October 2024

{P1}
{P2}

Photo: Protesters gather near the harbour entrance on Monday evening / Jane Doe

{P3}

Related articles
* The harbour's long history
* What the council decided
* Five things to know

12 Comments
Mary K
3 days ago
I completely disagree with the council's decision and I think they will regret it when the costs come in later this decade.
Reply
"""


def test_blog_with_comments_and_single_newline_paragraphs() -> None:
    c = clean_text(BLOG)
    assert c.title == "Why the harbour project matters"
    assert c.published == "2024-10-22"
    assert [a.name for a in c.authors] == ["Jane Doe"]
    assert c.body == "\n\n".join([P1, P2, P3])
    assert "regret" not in c.body
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Related articles"] == "related"
    assert reasons["* What the council decided"] in {"related", "navigation"}


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = "\n".join(
        [
            "The council approved the plan late on Monday after a long debate in which",
            "several members questioned the cost of the project and the time it would",
            "take to finish the work on the northern section of the harbour wall.",
            "",
            "Construction is expected to start next spring and to last about two years,",
            "according to the engineering firm that won the contract for the design.",
        ]
    )
    c = clean_text(wrapped)
    paras = c.body.split("\n\n")
    assert len(paras) == 2
    assert paras[0].startswith("The council approved") and paras[0].endswith("harbour wall.")
    assert "which several members" in paras[0]


def test_batch_repetition_flags_site_furniture() -> None:
    docs = [
        f"Story about {place} of the harbour\n\nIn {place}, {P1}\n\nIn {place}, {P3}\n\n"
        "The Harbour Gazette is published by Harbour Media Group and printed in the old town.\n"
        for place in ("the north", "the south", "the east", "the west")
    ]
    out = clean_batch(docs)
    for d, c in zip(docs, out, strict=True):
        # flagged, not removed: the body (and the article id) is the document's alone (issue 17)
        assert c.body == clean_text(d).body
        assert any(r.reason == "repeated" and "Harbour Media Group" in r.text for r in c.flagged)
        assert P3 in c.body
    assert "Harbour Media Group" in clean_text(docs[0]).body  # alone, the line reads like prose


def test_empty_and_whitespace() -> None:
    assert clean_text("").body == ""
    assert clean_text("\n\n   \n\t").body == ""
    assert clean_text("\x00\x00").body == ""


def test_place_and_date_lines_are_not_titles() -> None:
    c = clean_text(f"Los Angeles\nTuesday, October 22, 2024\n\n{P1}\n\n{P2}\n")
    assert c.title is None
    assert c.published == "2024-10-22"
    assert c.body == f"{P1}\n\n{P2}"


def test_announced_list_is_content_but_menus_are_not() -> None:
    text = (
        "* Home\n* World\n* Business\n* Sport\n\n"
        f"{P1}\n\nThe board listed three risks:\n"
        "* Rising energy prices in the winter\n* Weak demand from abroad\n* A slowing housing market\n\n"
        f"{P2}\n\n{P3}\n"
    )
    c = clean_text(text)
    assert "* Weak demand from abroad" in c.body
    assert "The board listed three risks:" in c.body
    assert "* World" not in c.body
    assert {r.text: r.reason for r in c.removed}["* World"] == "navigation"


def test_repeated_accepts_raw_lines() -> None:
    line = "The Harbour Gazette is published by Harbour Media Group and printed in the old town."
    c = clean_text(f"{P1}\n\n{P2}\n\n{line}\n", repeated=frozenset({line}))
    assert line not in c.body
    assert {r.text: r.reason for r in c.removed}[line] == "repeated"
