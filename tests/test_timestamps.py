"""ISO 8601 strings read by the quick path name the instant botocore's own parser finds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from botocore.utils import parse_to_aware_datetime
from hypothesis import given
from hypothesis import strategies as st

from customer_profiles_typed import _timestamps

OFFSETS = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(lambda m: timedelta(minutes=m))
INSTANTS = st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=OFFSETS.map(timezone)
)


def _botocore(value: str) -> datetime | type[ValueError]:
    try:
        return parse_to_aware_datetime(value)
    except (ValueError, OverflowError):
        return ValueError


def _ours(value: str) -> datetime | type[ValueError]:
    try:
        return _timestamps._parse(value)
    except ValueError:
        return ValueError


@given(INSTANTS, st.sampled_from(["seconds", "milliseconds", "microseconds"]), st.booleans())
def test_an_isoformat_string_is_the_instant_botocore_reads(
    instant: datetime, timespec: str, zulu: bool
) -> None:
    text = instant.isoformat(timespec=timespec)
    if zulu and instant.utcoffset() == timedelta(0):
        text = text[: -len("+00:00")] + "Z"
    ours, theirs = _ours(text), _botocore(text)
    assert ours == theirs  # the same instant, or both refuse it (out of range in UTC)
    if isinstance(ours, datetime) and isinstance(theirs, datetime):
        assert ours.utcoffset() == theirs.utcoffset()


def test_the_plain_form_reads_in_utc() -> None:
    read = _timestamps._parse("2024-03-01T12:30:00.250+01:00")
    assert read == datetime(2024, 3, 1, 11, 30, 0, 250000, tzinfo=timezone.utc)
    assert read.utcoffset() == timedelta(0)


@given(st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:?[0-9]{2})?\Z"))
def test_any_string_of_that_shape_is_read_or_refused_as_botocore_does(text: str) -> None:
    ours, theirs = _ours(text), _botocore(text)
    assert ours == theirs
    if isinstance(ours, datetime) and isinstance(theirs, datetime):
        assert ours.utcoffset() == theirs.utcoffset()


@pytest.mark.parametrize("text", ["2024-13-01T00:00:00Z", "2024-02-30T00:00:00+01:00", "2024-01-01T24:00:00Z"])
def test_an_impossible_date_in_the_plain_form_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a timestamp"):
        _timestamps._parse(text)
