from contextlib import AbstractAsyncContextManager
from typing import Any

from botocore.config import Config
from botocore.hooks import BaseEventHooks

class AioSession:
    # Subclasses botocore's Session at run time, with coroutine versions of its
    # methods; only what this library calls is declared.
    def __init__(
        self,
        session_vars: Any = None,
        event_hooks: BaseEventHooks | None = None,
        include_builtin_handlers: bool = True,
        profile: str | None = None,
    ) -> None: ...
    # The client's operation methods are generated per service at run time.
    def create_client(
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
    ) -> AbstractAsyncContextManager[Any]: ...

def get_session(env_vars: Any = None) -> AioSession: ...
