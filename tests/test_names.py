"""Names as a reader sees them (``newsgraph.names``): the person an entourage speaks for."""

from __future__ import annotations

import pytest

from newsgraph.names import (
    is_generic_description,
    is_prefixed_form,
    is_proper_name,
    is_unresolved_description,
    names_a_possession,
    organization_name,
    principal_of,
)


@pytest.mark.parametrize(
    ("name", "principal"),
    [
        ("Donald Trump’s campaign", "Donald Trump"),
        ("the Clinton campaign", "Clinton"),
        ("Hillary Clinton's team", "Hillary Clinton"),
        ("Obama's spokesman", "Obama"),
        ("the Obama administration", "Obama"),
        ("the campaign", None),
        ("the White House", None),
        ("the Republican Party", None),
        ("Donald Trump", None),
    ],
)
def test_speaks_for_principal(name: str, principal: str | None) -> None:
    assert principal_of(name) == principal


@pytest.mark.parametrize(
    ("name", "org"),
    [
        ("Patriot Coal", True),
        ("Acme Corp.", True),
        ("the Green Party", True),
        ("Global Energy Holdings", True),
        ("Tom Clarke", False),
        ("Coal", False),
        ("Donald Trump", False),
        ("the coal company", False),
        ("The George W. Bush Presidential Center", True),
        ("Central and East European Coalition", True),
        ("Sierra Club", True),
        ("Justice Department", True),
        ("Hillary Clinton", False),
        ("Beth Helmstetter Events", True),
        ("Nate Silver Labs", True),
        ("Maria Events", True),
        ("Mindy Weiss", False),
    ],
)
def test_organization_head(name: str, org: bool) -> None:
    assert organization_name(name) is org


@pytest.mark.parametrize(
    ("name", "prefixed"),
    [
        ("pro-Clinton", True),
        ("anti-Trump", True),
        ("ex-Obama", True),
        ("Jean-Luc Picard", False),
        ("Clinton", False),
    ],
)
def test_prefixed_form_is_no_name(name: str, prefixed: bool) -> None:
    assert is_prefixed_form(name) is prefixed


@pytest.mark.parametrize(
    ("rest", "possession"),
    [
        ("'s new company", True),
        ("’s lawyers", True),
        ("' office", True),
        ("", False),
        ("'s", False),
        (", the CEO", False),
    ],
)
def test_possessive_is_not_the_possessor(rest: str, possession: bool) -> None:
    assert names_a_possession(rest) is possession


@pytest.mark.parametrize(
    ("name", "generic", "unresolved"),
    [
        ("police", True, False),
        ("sources", True, False),
        ("the agency", True, True),
        ("the report", True, True),
        ("their teams", True, True),
        ("many companies", True, True),
        ("standout agencies", True, False),
        ("the FBI", False, False),
        ("Tulsa police", False, False),
        ("Donald Trump", False, False),
        ("—", False, False),
    ],
)
def test_generic_and_unresolved_descriptions(name: str, generic: bool, unresolved: bool) -> None:
    assert is_generic_description(name) is generic
    assert is_unresolved_description(name) is unresolved


@pytest.mark.parametrize(
    ("text", "proper"),
    [
        ("the Central and East European Coalition", True),
        ("Bank of America", True),
        ("Tax Policy Center", True),
        ("a web video by the Republican National Committee", False),
        ("the coalition", False),
    ],
)
def test_is_proper_name(text: str, proper: bool) -> None:
    assert is_proper_name(text) is proper


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Obama and Hillary Clinton", ["Obama", "Hillary Clinton"]),
        (
            "Jeff Merkley, Sherrod Brown and Robert Menendez",
            ["Jeff Merkley", "Sherrod Brown", "Robert Menendez"],
        ),
        ("Charles E. Grassley and Patrick J. Leahy", ["Charles E. Grassley", "Patrick J. Leahy"]),
        ("Charles G. and David H. Koch", []),  # one surname for both
        ("Republicans and Democrats on the Oversight Committee", []),  # a description
        ("Procter & Gamble", []),
        ("Johnson and Johnson", []),
        ("Bank of America", []),
        ("Barack Obama", []),
    ],
)
def test_coordinated_names(name: str, parts: list[str]) -> None:
    """Rule ``coordinated_speakers``: a list of two or more people's names, split; anything else, not."""
    from newsgraph.names import coordinated_names

    assert coordinated_names(name) == parts
