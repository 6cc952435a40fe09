"""Spec files read from many threads at once keep their warnings apart, and leak none."""

from __future__ import annotations

import json
import warnings
from concurrent.futures import ThreadPoolExecutor

from customer_profiles_typed.specs import parse_spec_text

from support import canonical_request


def test_each_spec_gets_its_own_warnings_and_none_leak() -> None:
    kwargs = canonical_request()
    kwargs["Tags"] = {}  # one warning: T11
    text = json.dumps(kwargs, default=str)

    def read(_: int) -> list[str]:
        spec_file = parse_spec_text(text, file="spec.json")
        assert not spec_file.problems, spec_file.problems
        return [warning.rule for warning in spec_file.warnings]

    with warnings.catch_warnings(record=True) as leaked:
        warnings.simplefilter("always")
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(read, range(400)))
    assert results == [["T11"]] * 400
    assert leaked == []
