"""What every operation handler is given besides its parameters, and the handler type."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from customer_profiles_typed.testing._botocore import OperationModel
from customer_profiles_typed.testing._pagination import paginate
from customer_profiles_typed.testing._state import Store

T = TypeVar("T")

_PAGING = frozenset({"NextToken", "MaxResults"})
"""The members that move through a listing rather than choose it."""


@dataclass(frozen=True)
class Context:
    """What a handler may use besides its parameters.

    ``store`` is the state of the caller's account in the caller's region;
    ``region`` and ``account_id`` are that region and account (they go into
    the ARNs the emulator makes and reads).
    """

    store: Store
    operation: OperationModel
    region: str
    account_id: str

    def page(
        self, items: Sequence[T], key: Callable[[T], str], params: Mapping[str, Any]
    ) -> tuple[list[T], str | None]:
        """One page of ``items`` (sorted by ``key``) for the listing ``params`` ask for, and the next token.

        A token is good for this operation with these same arguments only
        (``MaxResults`` may change between pages).
        """
        chosen = {name: value for name, value in params.items() if name not in _PAGING}
        scope = (self.operation.name, json.dumps(chosen, sort_keys=True, default=str))
        return paginate(
            items,
            key,
            max_results=params.get("MaxResults"),
            next_token=params.get("NextToken"),
            tokens=self.store.tokens,
            scope=scope,
        )


Handler = Callable[[Context, Mapping[str, Any]], dict[str, Any]]
"""An operation: its context and validated parameters in, its output (member names) out."""
