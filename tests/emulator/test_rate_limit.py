"""Optional rate limits per operation: token buckets answering ThrottlingException (HTTP 429)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from customer_profiles_typed import CustomerProfiles
from customer_profiles_typed.errors import ThrottlingError
from customer_profiles_typed.testing import AccessKey, Emulator, RateLimit
from customer_profiles_typed.testing._ratelimit import RateLimiter

from ._boto import ClientError, config, error_response, no_retries


class FakeClock:
    """Epoch seconds that move only when told to, starting now (signatures stay fresh)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    """A clock the test moves by hand."""
    return FakeClock()


@pytest.fixture
def limited(clock: FakeClock) -> Iterator[Emulator]:
    """An emulator allowing 2 ListDomains at once, then 1 per second, on ``clock``."""
    with Emulator(wall_clock=clock, rate_limits={"ListDomains": RateLimit(per_second=1, burst=2)}) as emulator:
        yield emulator


# --- the bucket -------------------------------------------------------------------


def test_a_bucket_allows_its_burst_then_refills_at_its_rate(clock: FakeClock) -> None:
    limiter = RateLimiter(clock)
    limiter.set("GetDomain", RateLimit(per_second=2, burst=3))
    assert [limiter.admit("GetDomain", "111111111111", "us-east-1") for _ in range(4)] == [True, True, True, False]
    clock.advance(0.25)
    assert not limiter.admit("GetDomain", "111111111111", "us-east-1")  # half a token
    clock.advance(0.25)
    assert limiter.admit("GetDomain", "111111111111", "us-east-1")
    clock.advance(3600)
    assert [limiter.admit("GetDomain", "111111111111", "us-east-1") for _ in range(4)] == [True, True, True, False]
    assert (limiter.throttled("GetDomain"), limiter.throttled()) == (3, 3)


def test_buckets_are_per_operation_account_and_region(clock: FakeClock) -> None:
    limiter = RateLimiter(clock)
    limiter.set("GetDomain", RateLimit(per_second=1, burst=1))
    assert limiter.admit("GetDomain", "111111111111", "us-east-1")
    assert not limiter.admit("GetDomain", "111111111111", "us-east-1")
    assert limiter.admit("GetDomain", "222222222222", "us-east-1")
    assert limiter.admit("GetDomain", "111111111111", "eu-west-1")
    assert all(limiter.admit("ListDomains", "111111111111", "us-east-1") for _ in range(100))


def test_setting_a_limit_again_refills_and_none_lifts_it(clock: FakeClock) -> None:
    limiter = RateLimiter(clock)
    limiter.set("GetDomain", RateLimit(per_second=1, burst=1))
    assert limiter.admit("GetDomain", "111111111111", "us-east-1")
    assert not limiter.admit("GetDomain", "111111111111", "us-east-1")
    limiter.set("GetDomain", RateLimit(per_second=1, burst=2))
    assert limiter.admit("GetDomain", "111111111111", "us-east-1")
    assert limiter.admit("GetDomain", "111111111111", "us-east-1")
    limiter.set("GetDomain", None)
    assert limiter.limits() == {}
    assert all(limiter.admit("GetDomain", "111111111111", "us-east-1") for _ in range(10))


@pytest.mark.parametrize(
    ("per_second", "burst", "problem"),
    [
        (0, 1, "per_second"),
        (-1.0, 1, "per_second"),
        (float("inf"), 1, "per_second"),
        (float("nan"), 1, "per_second"),
        (True, 1, "per_second"),
        (1.0, 0, "burst"),
        (1.0, 1.5, "burst"),
    ],
)
def test_a_malformed_rate_limit_is_refused(per_second: float, burst: int, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        RateLimit(per_second=per_second, burst=burst)


# --- over HTTP, on a clock moved by hand ------------------------------------------------


def test_calls_beyond_the_limit_get_throttling_exception_with_http_429(limited: Emulator, clock: FakeClock) -> None:
    client = limited.client(config=no_retries())
    client.list_domains()
    client.list_domains()
    with pytest.raises(ClientError) as raised:
        client.list_domains()
    response = error_response(raised.value)
    assert response["Error"] == {"Code": "ThrottlingException", "Message": "Rate exceeded"}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert response["ResponseMetadata"]["RequestId"]
    assert "retry-after" not in response["ResponseMetadata"]["HTTPHeaders"]
    assert (limited.request_count("ListDomains"), limited.throttle_count("ListDomains")) == (3, 1)
    for name in ("a", "b", "c"):  # other operations are not limited
        client.create_domain(DomainName=name, DefaultExpirationDays=3)
    clock.advance(1.0)
    assert len(client.list_domains()["Items"]) == 3


def test_a_throttled_call_has_no_effect(clock: FakeClock) -> None:
    with Emulator(wall_clock=clock, rate_limits={"CreateDomain": RateLimit(per_second=1, burst=1)}) as emulator:
        client = emulator.client(config=no_retries())
        client.create_domain(DomainName="first", DefaultExpirationDays=3)
        with pytest.raises(ClientError):
            client.create_domain(DomainName="second", DefaultExpirationDays=3)
        assert [domain.name for domain in emulator.domains()] == ["first"]


def test_an_operation_that_does_not_model_throttling_is_throttled_all_the_same(clock: FakeClock) -> None:
    with Emulator(wall_clock=clock, rate_limits={"ListTagsForResource": RateLimit(per_second=1, burst=1)}) as emulator:
        client = emulator.client(config=no_retries())
        arn = "arn:aws:profile:us-east-1:123456789012:domains/shop"
        try:
            client.list_tags_for_resource(resourceArn=arn)
        except ClientError as error:  # whatever the operation answers, it is not throttled
            assert error_response(error)["Error"]["Code"] != "ThrottlingException"
        with pytest.raises(ClientError) as raised:
            client.list_tags_for_resource(resourceArn=arn)
    response = error_response(raised.value)
    assert (response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]) == ("ThrottlingException", 429)


def test_a_limit_set_while_running_applies_at_once_and_can_be_lifted(limited: Emulator) -> None:
    client = limited.client(config=no_retries())
    limited.set_rate_limit("GetDomain", RateLimit(per_second=0.5, burst=1))
    assert limited.rate_limits() == {
        "ListDomains": RateLimit(per_second=1, burst=2),
        "GetDomain": RateLimit(per_second=0.5, burst=1),
    }
    codes = []
    for _ in range(2):
        with pytest.raises(ClientError) as raised:
            client.get_domain(DomainName="missing")
        codes.append(error_response(raised.value)["Error"]["Code"])
    assert codes == ["ResourceNotFoundException", "ThrottlingException"]
    limited.set_rate_limit("GetDomain", None)
    with pytest.raises(ClientError) as raised:
        client.get_domain(DomainName="missing")
    assert error_response(raised.value)["Error"]["Code"] == "ResourceNotFoundException"


def test_an_unknown_operation_cannot_be_limited(limited: Emulator) -> None:
    with pytest.raises(ValueError, match="unknown operation"):
        limited.set_rate_limit("PutEverything", RateLimit(per_second=1, burst=1))


def test_throttled_calls_use_up_no_faults(limited: Emulator) -> None:
    client = limited.client(config=no_retries())
    client.list_domains()
    client.list_domains()
    limited.inject_fault("ListDomains", error_code="InternalServerException")
    with pytest.raises(ClientError) as raised:
        client.list_domains()
    assert error_response(raised.value)["Error"]["Code"] == "ThrottlingException"
    assert limited.pending_faults("ListDomains") == 1


def test_each_account_has_its_own_bucket(limited: Emulator) -> None:
    limited.add_credentials("AKIDOTHER", "other-secret", account_id="999999999999")
    mine = limited.client(config=no_retries())
    theirs = limited.client(access_key_id="AKIDOTHER", config=no_retries())
    mine.list_domains()
    mine.list_domains()
    assert theirs.list_domains()["Items"] == []
    assert theirs.list_domains()["Items"] == []
    with pytest.raises(ClientError):
        mine.list_domains()


def test_the_typed_client_raises_throttling_error(limited: Emulator) -> None:
    profiles = CustomerProfiles(limited.client(config=no_retries()))
    list(profiles.list_domains())
    list(profiles.list_domains())
    with pytest.raises(ThrottlingError) as raised:
        list(profiles.list_domains())
    assert (raised.value.http_status, raised.value.operation) == (429, "ListDomains")


def test_a_burst_without_retries_gets_only_the_bucket_through(clock: FakeClock) -> None:
    with Emulator(wall_clock=clock, rate_limits={"ListDomains": RateLimit(per_second=5, burst=5)}) as emulator:
        client = emulator.client(config=no_retries())
        outcomes = []
        for _ in range(30):
            try:
                client.list_domains()
                outcomes.append("ok")
            except ClientError:
                outcomes.append("throttled")
            clock.advance(0.01)
    # 5 at once, then one more per 0.2 s: 0.29 s of calls let 6 through.
    assert outcomes.count("ok") == 6
    assert emulator.throttle_count() == 24


# --- boto3 backs off and succeeds, on the real clock ---------------------------------------


def test_a_retrying_client_backs_off_and_succeeds_against_a_low_limit() -> None:
    limit = RateLimit(per_second=10, burst=1)
    with Emulator(rate_limits={"ListDomains": limit}, credentials=[AccessKey("AKIDRETRY", "retry-secret")]) as emulator:
        client = emulator.client(
            access_key_id="AKIDRETRY", config=config(retries={"mode": "standard", "max_attempts": 6})
        )
        started = time.monotonic()
        first = client.list_domains()
        second = client.list_domains()
        elapsed = time.monotonic() - started
    assert first["ResponseMetadata"]["RetryAttempts"] == 0
    assert second["ResponseMetadata"]["RetryAttempts"] >= 1
    assert emulator.throttle_count("ListDomains") == second["ResponseMetadata"]["RetryAttempts"]
    assert emulator.request_count("ListDomains") == 2 + emulator.throttle_count("ListDomains")
    assert elapsed < 5.0
