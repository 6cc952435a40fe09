from collections.abc import Mapping
from typing import Literal, TypedDict, type_check_only

@type_check_only
class _RetryConfig(TypedDict, total=False):
    total_max_attempts: int
    max_attempts: int
    mode: Literal["legacy", "standard", "adaptive"]

@type_check_only
class _ProxiesConfig(TypedDict, total=False):
    proxy_ca_bundle: str
    proxy_client_cert: str | tuple[str, str]
    proxy_use_forwarding_for_https: bool

class Config:
    # At run time ``__init__(self, *args, **kwargs)`` checks the keywords against
    # ``OPTION_DEFAULTS``; these are its keys. Positional use is allowed at run
    # time but deliberately not by this stub.
    OPTION_DEFAULTS: Mapping[str, object]
    def __init__(
        self,
        *,
        region_name: str | None = None,
        signature_version: str | None = None,
        user_agent: str | None = None,
        user_agent_extra: str | None = None,
        user_agent_appid: str | None = None,
        connect_timeout: float | None = 60,
        read_timeout: float | None = 60,
        parameter_validation: bool | None = True,
        max_pool_connections: int | None = 10,
        proxies: Mapping[str, str] | None = None,
        proxies_config: _ProxiesConfig | None = None,
        s3: Mapping[str, object] | None = None,
        s3_disable_express_session_auth: bool | None = None,
        retries: _RetryConfig | None = None,
        client_cert: str | tuple[str, str] | None = None,
        inject_host_prefix: bool | None = None,
        endpoint_discovery_enabled: bool | Literal["auto"] | None = None,
        use_dualstack_endpoint: bool | None = None,
        use_fips_endpoint: bool | None = None,
        ignore_configured_endpoint_urls: bool | None = None,
        defaults_mode: str | None = None,
        tcp_keepalive: bool | None = None,
        request_min_compression_size_bytes: int | None = None,
        disable_request_compression: bool | None = None,
        client_context_params: Mapping[str, object] | None = None,
        sigv4a_signing_region_set: str | None = None,
        request_checksum_calculation: Literal["when_supported", "when_required"] | None = None,
        response_checksum_validation: Literal["when_supported", "when_required"] | None = None,
        account_id_endpoint_mode: Literal["preferred", "disabled", "required"] | None = None,
        auth_scheme_preference: str | None = None,
    ) -> None: ...
    # Every option is also an instance attribute; these are the ones read back.
    region_name: str | None
    user_agent_extra: str | None
    connect_timeout: float | None
    read_timeout: float | None
    max_pool_connections: int | None
    retries: _RetryConfig | None
    def merge(self, other_config: Config) -> Config: ...
