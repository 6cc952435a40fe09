"""Timestamps read the way botocore reads them, so a parsed value sends the same bytes."""

from __future__ import annotations

import functools
import math
import re
from datetime import datetime, timezone


def parse_timestamp(value: str | float | datetime) -> datetime:
    """An aware ``datetime`` from an ISO 8601 string, epoch seconds or a ``datetime``.

    botocore's own parser is used (or, for the plain ISO 8601 form with an
    offset, ``datetime.fromisoformat``, which finds the same instant), so the
    value serializes exactly as boto3 would have serialized the original.
    Raises ``ValueError`` when it cannot be read.
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, bool):  # an int to Python, never a timestamp to botocore
        return _parse(value)
    try:
        return _parse_cached(value)  # a request is checked, then read: parse once
    except TypeError:  # unhashable: not a timestamp, said by the parser
        return _parse(value)


_PLAIN_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3}|\.\d{6})?(?:Z|[+-]\d{2}:\d{2})")
"""The ISO 8601 form spec files and ``isoformat()`` write, with its offset: one instant, however read.

``datetime.fromisoformat`` reads it on every supported Python (a ``Z`` given
as ``+00:00``) to the instant botocore's parser finds, given in UTC as that
parser gives it, in a fraction of the time; whatever else botocore accepts
goes to botocore's parser.
"""


def _parse(value: str | float) -> datetime:
    if type(value) is str and _PLAIN_ISO.fullmatch(value):
        try:  # in UTC, as botocore's parser answers
            read = datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] == "Z" else value)
            return read.astimezone(timezone.utc)
        except (ValueError, OverflowError):
            pass  # e.g. a 13th month, or before year 1 in UTC: botocore's parser says why
    from botocore.utils import parse_to_aware_datetime

    try:
        parsed: datetime = parse_to_aware_datetime(value)
    except (ValueError, TypeError, OverflowError, RuntimeError) as error:
        raise ValueError(f"not a timestamp: {value!r}") from error
    return parsed


_parse_cached = functools.lru_cache(maxsize=256)(_parse)


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


def readable_timestamp(value: object) -> bool:
    """Whether a timestamp given as an ISO 8601 string or epoch seconds can be sent.

    The same parser as botocore's, so anything it would refuse is refused here;
    the instant must also exist in UTC. A number is out of range for ``datetime``
    when it is e.g. epoch milliseconds (rule G16's mix-up), and ``inf``/``nan``
    make botocore's parser raise. ``bool`` is not a timestamp.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    try:
        parsed = parse_timestamp(value)
    except (ValueError, OverflowError, OSError, RuntimeError):
        return False
    return exists_in_utc(parsed)
