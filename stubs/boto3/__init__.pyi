# Partial stub: only what customer_profiles_typed uses. Checked against the
# installed boto3 by stubtest in the ``typecheck`` nox session.
from typing import Literal, overload

from botocore.client import BaseClient
from botocore.config import Config
from types_boto3_customer_profiles.client import CustomerProfilesClient

__version__: str

# At run time ``client`` is ``def client(*args, **kwargs)`` delegating to
# ``Session.client`` of the default session; the signature below is that one.
@overload
def client(
    service_name: Literal["customer-profiles"],
    region_name: str | None = None,
    api_version: str | None = None,
    use_ssl: bool = True,
    verify: bool | str | None = None,
    endpoint_url: str | None = None,
    aws_access_key_id: str | None = None,
    aws_secret_access_key: str | None = None,
    aws_session_token: str | None = None,
    config: Config | None = None,
    aws_account_id: str | None = None,
) -> CustomerProfilesClient: ...
@overload
def client(
    service_name: str,
    region_name: str | None = None,
    api_version: str | None = None,
    use_ssl: bool = True,
    verify: bool | str | None = None,
    endpoint_url: str | None = None,
    aws_access_key_id: str | None = None,
    aws_secret_access_key: str | None = None,
    aws_session_token: str | None = None,
    config: Config | None = None,
    aws_account_id: str | None = None,
) -> BaseClient: ...
