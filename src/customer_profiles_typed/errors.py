"""The exception tree, the warning category, and the mapping of boto3 errors onto them.

Everything this library raises is a ``CustomerProfilesError``:

- ``ValidationError`` (also a ``ValueError``): the request was rejected on this
  machine, before anything was sent; ``.errors`` lists every problem found.
- ``ServiceError``: AWS answered with an error. One subclass per error the API
  models; an error code this version does not know stays a plain ``ServiceError``.
- ``TransportError``: no usable answer came back (connection refused or dropped,
  timeout, a response that could not be parsed).

Problems that AWS would probably accept but that are likely mistakes are reported
as ``ValidationWarning`` through the standard ``warnings`` module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from botocore.exceptions import BotoCoreError, ClientError

__all__ = [
    "AccessDeniedError",
    "BadRequestError",
    "ConfigurationError",
    "CustomerProfilesError",
    "CustomerProfilesWarning",
    "InternalServerError",
    "ResourceNotFoundError",
    "ServiceError",
    "ThrottlingError",
    "TransportError",
    "ValidationError",
    "ValidationProblem",
    "ValidationWarning",
    "service_error_from",
    "transport_error_from",
]


class CustomerProfilesError(Exception):
    """Base class of every exception raised by ``customer_profiles_typed``."""


class CustomerProfilesWarning(UserWarning):
    """Base class of every warning emitted by ``customer_profiles_typed``."""




@attrs.frozen(kw_only=True)
class ValidationProblem:
    """One problem found in a request, with where it is and which rule it breaks."""

    path: str
    """Where the problem is, as Python attributes: ``flow_definition.tasks[3].connector_operator``."""

    wire_path: str
    """Where the problem is in the boto3/AWS request: ``FlowDefinition.Tasks[3].ConnectorOperator``."""

    message: str
    """What is wrong, naming the rule and (unless the field is sensitive) the value."""

    rule: str
    """The rule broken: a model constraint (``required``, ``pattern``, ...) or a rule ID."""

    def __str__(self) -> str:
        where = self.path or "(request)"
        wire = f" [{self.wire_path}]" if self.wire_path and self.wire_path != self.path else ""
        return f"{where}{wire}: {self.message} ({self.rule})"


class ValidationWarning(CustomerProfilesWarning):
    """A request AWS probably accepts but that is likely a mistake (a WARN rule).

    ``problem`` says where and what, like the entries of ``ValidationError.errors``.
    Turn these into errors with ``warnings.simplefilter("error", ValidationWarning)``
    or silence them with ``warnings.simplefilter("ignore", ValidationWarning)``.
    """

    problem: ValidationProblem | None
    """Where the likely mistake is, what it is, and the rule that warns about it."""

    def __init__(self, message: str, problem: ValidationProblem | None = None) -> None:
        self.problem = problem
        super().__init__(message)


class ValidationError(CustomerProfilesError, ValueError):
    """The request breaks the AWS model or a documented rule; nothing was sent.

    ``errors`` holds every problem found, each with its Python path, its AWS wire
    path and a message; ``str(exc)`` lists them all.
    """

    errors: tuple[ValidationProblem, ...]
    """Every problem found, in document order."""

    warnings: tuple[ValidationProblem, ...]
    """The likely mistakes found along with the errors (not emitted as warnings then)."""

    def __init__(
        self,
        errors: Iterable[ValidationProblem],
        *,
        subject: str = "request",
        warnings: Iterable[ValidationProblem] = (),
    ) -> None:
        self.errors = tuple(errors)
        self.warnings = tuple(warnings)
        self.subject = subject
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"invalid {self.subject}: {count} {noun}"]
        lines += [f"  - {problem}" for problem in self.errors]
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_validation_error, (self.errors, self.subject, self.warnings))


def _rebuild_validation_error(
    errors: tuple[ValidationProblem, ...],
    subject: str,
    warnings: tuple[ValidationProblem, ...] = (),
) -> ValidationError:
    return ValidationError(errors, subject=subject, warnings=warnings)


class ServiceError(CustomerProfilesError):
    """AWS answered with an error.

    The botocore ``ClientError`` is chained as ``__cause__``; its full response
    is ``.response``.
    """

    code: str
    """The AWS error code, e.g. ``BadRequestException``."""

    message: str
    """The message AWS sent with the error."""

    http_status: int | None
    """The HTTP status code of the response, if there was one."""

    request_id: str | None
    """The AWS request id (``x-amzn-RequestId``), to quote to AWS support."""

    operation: str
    """The API operation that failed, e.g. ``PutIntegration``."""

    response: dict[str, Any]
    """The error response as botocore parsed it."""

    def __init__(
        self,
        *,
        code: str,
        message: str,
        operation: str,
        http_status: int | None = None,
        request_id: str | None = None,
        response: dict[str, Any] | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        self.http_status = http_status
        self.request_id = request_id
        self.response = response if response is not None else {}
        status = f" (HTTP {http_status})" if http_status is not None else ""
        rid = f" [request id {request_id}]" if request_id else ""
        super().__init__(f"{operation} failed: {code}{status}: {message}{rid}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_service_error, (type(self), self.__dict__.copy()))


def _rebuild_service_error(cls: type[ServiceError], state: dict[str, Any]) -> ServiceError:
    return cls(
        code=state["code"],
        message=state["message"],
        operation=state["operation"],
        http_status=state["http_status"],
        request_id=state["request_id"],
        response=state["response"],
    )


class BadRequestError(ServiceError):
    """AWS rejected the input (``BadRequestException``, HTTP 400)."""


class AccessDeniedError(ServiceError):
    """The caller may not perform the action (``AccessDeniedException``, HTTP 403)."""


class ResourceNotFoundError(ServiceError):
    """The domain or integration does not exist (``ResourceNotFoundException``, HTTP 404)."""


class ThrottlingError(ServiceError):
    """Too many requests, even after boto3's retries (``ThrottlingException``, HTTP 429)."""


class InternalServerError(ServiceError):
    """AWS failed internally (``InternalServerException``, HTTP 500)."""


class ConfigurationError(CustomerProfilesError):
    """The client cannot be built or cannot sign as configured, and nothing was sent.

    No AWS region, an unknown profile, an optional extra that is not
    installed (raised when the client is built), or no credentials (raised by
    the first call, since credentials may appear in between); the message says
    how to fix it. botocore's exception, if any, is chained as ``__cause__``.
    """


NO_CREDENTIALS = (
    "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set AWS_PROFILE "
    "or pass session=boto3.Session(profile_name=...) for a profile that has them, or run "
    "'aws configure' to write one ('aws sso login' for an SSO profile)"
)
"""The message of the ``ConfigurationError`` a call raises when botocore finds no credentials."""


class TransportError(CustomerProfilesError):
    """No usable answer came back from the endpoint.

    The connection was refused or dropped, the request timed out, the call
    passed its deadline (the client's ``call_timeout``), or the response could
    not be read: a body that is not a JSON object, cut short, or lacking the
    members the model requires. The exception behind it, if any, is chained
    as ``__cause__``.
    """

    operation: str
    """The API operation that was being called."""

    reason: str
    """What went wrong, as botocore put it."""

    def __init__(self, reason: str, *, operation: str) -> None:
        self.reason = reason
        self.operation = operation
        super().__init__(f"{operation} failed: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_transport_error, (self.reason, self.operation))


def _rebuild_transport_error(reason: str, operation: str) -> TransportError:
    return TransportError(reason, operation=operation)


SERVICE_ERRORS: dict[str, type[ServiceError]] = {
    "BadRequestException": BadRequestError,
    "AccessDeniedException": AccessDeniedError,
    "ResourceNotFoundException": ResourceNotFoundError,
    "ThrottlingException": ThrottlingError,
    "InternalServerException": InternalServerError,
}
"""AWS error code -> exception class; codes not listed map to ``ServiceError``."""


def service_error_from(error: ClientError) -> ServiceError:
    """Turn a botocore ``ClientError`` into the matching ``ServiceError`` subclass."""
    response: dict[str, Any] = dict(error.response)
    details: dict[str, Any] = response.get("Error") or {}
    meta: dict[str, Any] = response.get("ResponseMetadata") or {}
    code = str(details.get("Code") or "Unknown")
    cls = SERVICE_ERRORS.get(code, ServiceError)
    status = meta.get("HTTPStatusCode")
    return cls(
        code=code,
        message=str(details.get("Message") or ""),
        operation=error.operation_name,
        http_status=int(status) if status is not None else None,
        request_id=meta.get("RequestId") or None,
        response=response,
    )


def transport_error_from(error: BotoCoreError, *, operation: str) -> TransportError:
    """Turn a botocore transport-level exception into a ``TransportError``."""
    return TransportError(f"{type(error).__name__}: {error}", operation=operation)
