from collections.abc import Mapping

from botocore.hooks import BaseEventHooks
from botocore.model import ServiceModel

# ``session_vars`` / ``env_vars`` map a config variable name to
# ``(config_file_key, env_var_name, default, conversion_function)``.
_SessionVars = Mapping[str, tuple[object, ...]]

class Session:
    def __init__(
        self,
        session_vars: _SessionVars | None = None,
        event_hooks: BaseEventHooks | None = None,
        include_builtin_handlers: bool = True,
        profile: str | None = None,
    ) -> None: ...
    def get_service_model(self, service_name: str, api_version: str | None = None) -> ServiceModel: ...

def get_session(env_vars: _SessionVars | None = None) -> Session: ...
