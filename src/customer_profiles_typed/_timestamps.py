"""Timestamps read the way botocore reads them, so a parsed value sends the same bytes."""

from __future__ import annotations

from datetime import datetime, timezone


def parse_timestamp(value: str | float | datetime) -> datetime:
    """An aware ``datetime`` from an ISO 8601 string, epoch seconds or a ``datetime``.

    botocore's own parser is used, so the value serializes exactly as boto3 would
    have serialized the original. Raises ``ValueError`` when it cannot be read.
    """
    if isinstance(value, datetime):
        return value
    from botocore.utils import parse_to_aware_datetime

    try:
        parsed: datetime = parse_to_aware_datetime(value)
    except (ValueError, TypeError, OverflowError, RuntimeError) as error:
        raise ValueError(f"not a timestamp: {value!r}") from error
    return parsed


def as_utc(value: datetime) -> datetime:
    """The same instant as an aware UTC ``datetime``; a naive one is taken as UTC, as botocore does."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def exists_in_utc(value: datetime) -> bool:
    """Whether ``value`` names an instant ``datetime`` can hold in UTC.

    ``datetime.max`` five hours west of UTC is past the last UTC ``datetime``:
    botocore cannot serialize it, and comparing it raises ``OverflowError``.
    """
    try:
        as_utc(value)
    except OverflowError:
        return False
    return True
