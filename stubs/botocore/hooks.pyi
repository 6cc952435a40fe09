from collections.abc import Callable
from typing import Any

# Handlers are called with keyword arguments that depend on the event.
_Handler = Callable[..., object]

class BaseEventHooks:
    # Returns ``(handler, handler_return_value)`` pairs.
    def emit(self, event_name: str, **kwargs: Any) -> list[tuple[_Handler, object]]: ...
    def register(
        self, event_name: str, handler: _Handler, unique_id: str | None = None, unique_id_uses_count: bool = False
    ) -> None: ...
    def register_first(
        self, event_name: str, handler: _Handler, unique_id: str | None = None, unique_id_uses_count: bool = False
    ) -> None: ...
    def register_last(
        self, event_name: str, handler: _Handler, unique_id: str | None = None, unique_id_uses_count: bool = False
    ) -> None: ...
    def unregister(
        self,
        event_name: str,
        handler: _Handler | None = None,
        unique_id: str | None = None,
        unique_id_uses_count: bool = False,
    ) -> None: ...

class HierarchicalEmitter(BaseEventHooks): ...
