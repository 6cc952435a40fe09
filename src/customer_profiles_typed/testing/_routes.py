"""Model-driven routing and request parsing.

Every operation of the service model is routed by its HTTP method and
``requestUri`` template; an incoming request is then turned into the same
parameter dictionary a boto3 caller would pass (keyed by member names),
reading each input member from the location the model gives it: URI label,
query string, header or JSON body.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from customer_profiles_typed._nesting import MAX_WIRE_DEPTH, nests_deeper_than
from customer_profiles_typed.testing._botocore import OperationModel, ServiceModel, Shape
from customer_profiles_typed.testing._errors import BAD_REQUEST, SERIALIZATION, ServiceError
from customer_profiles_typed.testing._json import is_array, is_object


@dataclass(frozen=True)
class _Route:
    operation: OperationModel
    method: str
    segments: tuple[str, ...]
    static_query: tuple[tuple[str, str], ...]

    @property
    def literal_count(self) -> int:
        return sum(1 for segment in self.segments if not segment.startswith("{"))

    def match(self, segments: list[str], query: Mapping[str, list[str]]) -> dict[str, str] | None:
        labels: dict[str, str] = {}
        for index, pattern in enumerate(self.segments):
            if pattern.startswith("{") and pattern.endswith("+}"):
                rest = segments[index:]
                if not rest or not all(rest):
                    return None
                labels[pattern[1:-2]] = "/".join(rest)
                return labels if self._query_matches(query) else None
            if index >= len(segments):
                return None
            if pattern.startswith("{"):
                if not segments[index]:
                    return None
                labels[pattern[1:-1]] = segments[index]
            elif pattern != segments[index]:
                return None
        if len(segments) != len(self.segments):
            return None
        return labels if self._query_matches(query) else None

    def _query_matches(self, query: Mapping[str, list[str]]) -> bool:
        return all(
            name in query and (not value or value in query[name]) for name, value in self.static_query
        )


def _split_path(path: str) -> list[str]:
    return [urllib.parse.unquote(part) for part in path.strip("/").split("/")] if path.strip("/") else []


class Router:
    """Resolves ``(method, path, query)`` to an operation of the service model."""

    def __init__(self, model: ServiceModel) -> None:
        """Build the route table of every operation in ``model``."""
        routes: list[_Route] = []
        for name in model.operation_names:
            operation = model.operation_model(name)
            template = str(operation.http["requestUri"])
            path, _, static = template.partition("?")
            routes.append(
                _Route(
                    operation=operation,
                    method=str(operation.http["method"]).upper(),
                    segments=tuple(path.strip("/").split("/")) if path.strip("/") else (),
                    static_query=tuple(urllib.parse.parse_qsl(static, keep_blank_values=True)),
                )
            )
        # The most specific template wins: literal segments beat labels.
        self._routes = sorted(routes, key=lambda route: -route.literal_count)

    def resolve(
        self, method: str, path: str, query: Mapping[str, list[str]]
    ) -> tuple[OperationModel, dict[str, str]] | None:
        """The operation addressed by the request and its URI labels, or ``None``."""
        segments = _split_path(path)
        for route in self._routes:
            if route.method != method.upper():
                continue
            labels = route.match(segments, query)
            if labels is not None:
                return route.operation, labels
        return None


def _scalar_from_text(shape: Shape, text: str) -> Any:
    """Convert a URI, query or header string to the JSON type of ``shape``.

    Text that does not convert is returned unchanged so that validation
    reports it as a value of the wrong type.
    """
    kind = shape.type_name
    try:
        if kind in ("integer", "long"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
    except ValueError:
        return text
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


def _from_json(shape: Shape, value: Any) -> Any:
    """Rename wire keys of a JSON value to member names, following ``shape``.

    Keys the shape does not know are kept as they are, for validation to report.
    """
    if shape.type_name == "structure" and is_object(value):
        by_wire_name = {
            str(member.serialization.get("name", name)): name for name, member in shape.members.items()
        }
        result: dict[str, Any] = {}
        for key, item in value.items():
            name = by_wire_name.get(key, key)
            result[name] = _from_json(shape.members[name], item) if name in shape.members else item
        return result
    if shape.type_name == "list" and is_array(value):
        return [_from_json(shape.member, item) for item in value]
    if shape.type_name == "map" and is_object(value):
        return {key: _from_json(shape.value, item) for key, item in value.items()}
    return value


def parse_request(
    operation: OperationModel,
    labels: Mapping[str, str],
    query: Mapping[str, list[str]],
    headers: Mapping[str, str],
    body: bytes,
) -> dict[str, Any]:
    """Read the operation's input members from their wire locations.

    Raises ``ServiceError``: SerializationException when the body is not JSON
    (or nests too deeply to be read), BadRequestException when it is not a
    JSON object or names a member that the model places elsewhere.
    """
    shape = operation.input_shape
    if shape is None:
        return {}
    lowered_headers = {name.lower(): value for name, value in headers.items()}
    params: dict[str, Any] = {}
    body_members: dict[str, str] = {}
    payload_name = shape.serialization.get("payload")
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire_name = str(member.serialization.get("name", name))
        if location == "uri":
            if wire_name in labels:
                params[name] = _scalar_from_text(member, labels[wire_name])
        elif location == "querystring":
            if member.type_name == "list" and wire_name in query:
                params[name] = [_scalar_from_text(member.member, text) for text in query[wire_name]]
            elif member.type_name == "map":
                params[name] = {key: values[0] for key, values in query.items()}
            elif wire_name in query:
                params[name] = _scalar_from_text(member, query[wire_name][0])
        elif location == "header":
            if wire_name.lower() in lowered_headers:
                params[name] = _scalar_from_text(member, lowered_headers[wire_name.lower()])
        elif location == "headers":
            prefix = wire_name.lower()
            found = {key[len(prefix) :]: value for key, value in lowered_headers.items() if key.startswith(prefix)}
            if found:
                params[name] = found
        elif location is None and name != payload_name:
            body_members[wire_name] = name
    if payload_name is not None:
        if body.strip():
            params[str(payload_name)] = _from_json(shape.members[str(payload_name)], _load_json(body))
        return params
    document: Any = _load_json(body) if body.strip() else {}
    if not is_object(document):
        raise ServiceError(BAD_REQUEST, "The request body must be a JSON object.")
    for wire_key, value in document.items():
        member_name = body_members.get(wire_key)
        if member_name is not None:
            params[member_name] = _from_json(shape.members[member_name], value)
        elif wire_key in shape.members:
            raise ServiceError(BAD_REQUEST, f"'{wire_key}' must not be sent in the request body.")
        else:
            params[wire_key] = value
    return params


def _load_json(body: bytes) -> Any:
    """The JSON of a request body; ``SerializationException`` if it is not JSON or nests too deeply."""
    too_deep = "The request body nests lists and objects too deeply to be read."
    try:
        document = json.loads(body)
    except RecursionError as error:
        raise ServiceError(SERIALIZATION, too_deep) from error
    except ValueError as error:  # UnicodeDecodeError is a ValueError too
        raise ServiceError(SERIALIZATION, "The request body is not valid JSON.") from error
    if nests_deeper_than(document, MAX_WIRE_DEPTH):  # parsed, on Pythons whose parser allows it
        raise ServiceError(SERIALIZATION, too_deep)
    return document
