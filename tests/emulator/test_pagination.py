"""Properties of MaxResults/NextToken pagination."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_profiles_typed.testing._errors import ServiceError
from customer_profiles_typed.testing._pagination import paginate


@settings(max_examples=60, deadline=None)
@given(
    names=st.sets(st.text(min_size=1, max_size=12), max_size=40),
    page_size=st.integers(min_value=1, max_value=100),
)
def test_paging_returns_every_item_once_in_order(names: set[str], page_size: int) -> None:
    items = sorted(names)
    seen: list[str] = []
    token: str | None = None
    pages = 0
    while True:
        page, token = paginate(items, lambda item: item, max_results=page_size, next_token=token)
        pages += 1
        assert len(page) <= page_size
        seen.extend(page)
        if token is None:
            break
        assert 1 <= len(token) <= 1024
    assert seen == items
    assert pages == max(1, -(-len(items) // page_size))


def test_a_page_boundary_survives_deleting_the_last_item_seen() -> None:
    items = ["a", "b", "c", "d"]
    first, token = paginate(items, lambda item: item, max_results=2, next_token=None)
    assert first == ["a", "b"]
    rest, _ = paginate(["a", "c", "d"], lambda item: item, max_results=2, next_token=token)
    assert rest == ["c", "d"]


@pytest.mark.parametrize("token", ["%%%", "bm90IGpzb24", "eyJhZnRlciI6IDF9"])
def test_forged_tokens_are_bad_requests(token: str) -> None:
    with pytest.raises(ServiceError) as raised:
        paginate(["a"], lambda item: item, max_results=1, next_token=token)
    assert raised.value.code == "BadRequestException"
    assert raised.value.status == 400
