from collections.abc import Iterator
from typing import Any, Generic, TypeVar

# Generic over the page type, as types-boto3-customer-profiles uses them
# (``Paginator[ListDomainsResponseTypeDef]``); not generic at run time.
_T = TypeVar("_T")

class PageIterator(Generic[_T]):
    def __iter__(self) -> Iterator[_T]: ...
    def build_full_result(self) -> dict[str, Any]: ...

class Paginator(Generic[_T]):
    # Keyword arguments are the operation's parameters plus ``PaginationConfig``.
    def paginate(self, **kwargs: Any) -> PageIterator[_T]: ...
