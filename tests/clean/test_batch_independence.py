"""An article's body (and so its id) must not depend on which other documents share its batch."""

from __future__ import annotations

from newsgraph.clean import clean_batch, clean_text
from newsgraph.pipeline import article_id


def _doc(i: int) -> str:
    return (
        f"Town {i} council votes on budget\n\n"
        f"The mayor of town {i} said on Monday that the council would vote on the new budget in {i % 5 + 2} weeks, "
        f"after months of debate over road repairs.\n\n"
        f"Residents of town {i} have complained about potholes for years, and local businesses say the delays have "
        f"cost them customers since {2000 + i}.\n\n"
        "Subscribe to our newsletter\n\nShare this article\n"
    )


def test_template_leads_survive_batching_and_ids_are_batch_independent() -> None:
    docs = [_doc(i) for i in range(40)]
    alone = [clean_text(d) for d in docs]
    batched = clean_batch(docs)
    for a, b in zip(alone, batched, strict=True):
        assert "said on Monday that the council would vote" in b.body
        assert article_id(a.body) == article_id(b.body)
