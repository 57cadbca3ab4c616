"""Names as a reader sees them (``newsgraph.names``): the person an entourage speaks for."""

from __future__ import annotations

import pytest

from newsgraph.names import principal_of


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
