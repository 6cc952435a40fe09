"""A whole call has a deadline (``call_timeout``), sync and async, over real HTTP.

botocore's ``read_timeout`` applies to each socket read, so an answer that
trickles in a byte at a time, or a retry loop, could go on for ever. The
async client cancels the call at its deadline; the sync one cannot interrupt
a read in progress and cuts the call where botocore hands control back (see
``CustomerProfiles``). Either way the call raises ``TransportError`` and
leaves no thread behind.
"""

from __future__ import annotations

import inspect
import math
import threading
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ReadTimeoutError

from customer_profiles_typed import AsyncCustomerProfiles, ConfigurationError, CustomerProfiles, TransportError
from customer_profiles_typed.testing import Emulator
from raw_http import Answer, RawServer
from test_broken_answers import FLAVORS, LIST, one_outcome, outcomes

DEADLINE = "no usable answer within the call timeout of 0.3 s"

# 13 bytes, one every 0.08 s: complete after about a second, well past a 0.3 s deadline.
TRICKLE = Answer.json(b'{"Items": []}', pause=0.08)
# Nothing at all for 5 s, then a whole answer: botocore's own read timeout is 60 s.
STALL = Answer.json(b'{"Items": []}', stall=5.0)


def _threads() -> set[threading.Thread]:
    return set(threading.enumerate())


@pytest.mark.parametrize("flavor", FLAVORS)
def test_an_answer_that_trickles_in_ends_at_the_deadline(flavor: str) -> None:
    before = _threads()
    with RawServer(TRICKLE) as server:
        outcome = one_outcome(flavor, server.url, *LIST, call_timeout=0.3)
    assert isinstance(outcome, TransportError), outcome
    assert outcome.operation == "ListIntegrations"
    assert str(outcome).startswith(f"ListIntegrations failed: {DEADLINE}")
    assert _threads() == before


@pytest.mark.parametrize("flavor", FLAVORS)
def test_a_server_that_stops_answering_is_cut_at_the_deadline(flavor: str) -> None:
    before = _threads()
    with RawServer(STALL) as server:
        outcome = one_outcome(flavor, server.url, *LIST, call_timeout=0.3)
    assert isinstance(outcome, TransportError), outcome
    assert str(outcome).startswith(f"ListIntegrations failed: {DEADLINE}")
    if flavor == "sync":
        # The attempt's reads waited only for the time left, not botocore's 60 s.
        assert isinstance(outcome.__cause__, ReadTimeoutError)
    assert _threads() == before


@pytest.mark.parametrize("flavor", FLAVORS)
def test_the_deadline_covers_botocores_retries(flavor: str) -> None:
    with Emulator(verify_signatures=False) as emulator:
        emulator.inject_fault("ListDomains", error_code="InternalServerException", times=20, latency=0.1)
        retrying = Config(retries={"mode": "standard", "total_max_attempts": 20})
        found = outcomes(
            flavor, emulator.endpoint_url, [("ListDomains", "list_domains", {})], retrying, call_timeout=0.3
        )
        attempts = emulator.request_count("ListDomains")
    assert isinstance(found[0], TransportError), found[0]
    assert str(found[0]).startswith(f"ListDomains failed: {DEADLINE}")
    assert 1 <= attempts < 20


@pytest.mark.parametrize("flavor", FLAVORS)
def test_a_call_within_its_deadline_is_untouched(flavor: str) -> None:
    with Emulator(verify_signatures=False) as emulator:
        emulator.inject_fault("ListDomains", latency=0.05)
        found = outcomes(flavor, emulator.endpoint_url, [("ListDomains", "list_domains", {})] * 3, call_timeout=5)
    assert found == [[], [], []]


@pytest.mark.parametrize("flavor", FLAVORS)
def test_without_a_deadline_botocores_own_timeouts_still_apply(flavor: str) -> None:
    short_reads = Config(read_timeout=0.2, retries={"mode": "standard", "total_max_attempts": 1})
    with RawServer(STALL) as server:
        outcome = one_outcome(flavor, server.url, *LIST, config=short_reads, call_timeout=None)
    assert isinstance(outcome, TransportError), outcome
    assert str(outcome).startswith("ListIntegrations failed: ReadTimeoutError")


def test_the_default_deadline_is_five_minutes() -> None:
    for cls in (CustomerProfiles, AsyncCustomerProfiles):
        assert inspect.signature(cls).parameters["call_timeout"].default == 300.0


@pytest.mark.parametrize("value", [0, -1, math.nan, math.inf, "30", True])
def test_a_call_timeout_that_is_no_positive_number_of_seconds_is_refused(value: Any) -> None:
    for build in (
        lambda: CustomerProfiles(region_name="us-east-1", call_timeout=value),
        lambda: AsyncCustomerProfiles(region_name="us-east-1", call_timeout=value),
    ):
        with pytest.raises(ConfigurationError, match="call_timeout must be a positive number of seconds"):
            build()
