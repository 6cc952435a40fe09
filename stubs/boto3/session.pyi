# Partial stub: only what customer_profiles_typed uses.
from typing import Literal, overload

import botocore.session
from botocore.client import BaseClient
from botocore.config import Config
from types_boto3_customer_profiles.client import CustomerProfilesClient

class Session:
    def __init__(
        self,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        region_name: str | None = None,
        botocore_session: botocore.session.Session | None = None,
        profile_name: str | None = None,
        aws_account_id: str | None = None,
    ) -> None: ...
    @property
    def region_name(self) -> str | None: ...
    @property
    def profile_name(self) -> str: ...
    @overload
    def client(
        self,
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
        self,
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
