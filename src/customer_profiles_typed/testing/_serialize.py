"""Model-driven serialization of operation output to the REST-JSON wire format.

The output dictionary built by an operation is walked along the model's
output shape: structure keys become their wire names, timestamps become
epoch seconds (or the format the model asks for), and a key that the shape
does not have is a programming error of the emulator, never sent.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import json
from collections.abc import Mapping
from typing import Any, cast

from customer_profiles_typed.testing._botocore import Shape


def serialize_output(shape: Shape | None, output: Mapping[str, Any]) -> tuple[dict[str, str], bytes]:
    """Turn an operation's output into response headers and a JSON body."""
    if shape is None:
        if output:
            raise ValueError(f"operation has no output shape, got {sorted(output)}")
        return {}, b"{}"
    headers: dict[str, str] = {}
    body: dict[str, Any] = {}
    _reject_unknown(shape, output, "")
    payload_name = shape.serialization.get("payload")
    for name, value in output.items():
        if value is None:
            continue
        member = shape.members[name]
        location = member.serialization.get("location")
        wire_name = str(member.serialization.get("name", name))
        if location == "header":
            headers[wire_name] = _header_text(member, value)
        elif location == "headers":
            for key, item in cast("Mapping[str, Any]", value).items():
                headers[wire_name + key] = str(item)
        elif location == "statusCode":
            continue
        elif name == payload_name:
            return headers, json.dumps(_to_json(member, value, name)).encode()
        else:
            body[wire_name] = _to_json(member, value, name)
    return headers, json.dumps(body).encode()


def _reject_unknown(shape: Shape, value: Mapping[str, Any], path: str) -> None:
    unknown = sorted(set(value) - set(shape.members))
    if unknown:
        where = f" in {path}" if path else ""
        raise ValueError(f"{shape.name} has no member(s) {unknown}{where}")


def _to_json(shape: Shape, value: Any, path: str) -> Any:
    kind = shape.type_name
    if kind == "structure":
        members = cast("Mapping[str, Any]", value)
        _reject_unknown(shape, members, path)
        return {
            str(shape.members[name].serialization.get("name", name)): _to_json(
                shape.members[name], item, f"{path}.{name}"
            )
            for name, item in members.items()
            if item is not None
        }
    if kind == "list":
        return [_to_json(shape.member, item, f"{path}[]") for item in cast("list[Any]", value)]
    if kind == "map":
        return {
            str(key): _to_json(shape.value, item, f"{path}[{key}]")
            for key, item in cast("Mapping[str, Any]", value).items()
        }
    if kind == "timestamp":
        return _timestamp(shape, value, "unixTimestamp")
    if kind == "blob":
        raw = value if isinstance(value, bytes) else str(value).encode()
        return base64.b64encode(raw).decode()
    return value


def _epoch(value: Any) -> float:
    if isinstance(value, dt.datetime):
        return value.timestamp()
    return float(value)


def _timestamp(shape: Shape, value: Any, default_format: str) -> Any:
    seconds = round(_epoch(value), 3)
    timestamp_format = shape.serialization.get("timestampFormat", default_format)
    moment = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    if timestamp_format == "iso8601":
        return moment.isoformat().replace("+00:00", "Z")
    if timestamp_format == "rfc822":
        return email.utils.format_datetime(moment, usegmt=True)
    return int(seconds) if seconds.is_integer() else seconds


def _header_text(shape: Shape, value: Any) -> str:
    if shape.type_name == "timestamp":
        return str(_timestamp(shape, value, "rfc822"))
    if shape.type_name == "boolean":
        return "true" if value else "false"
    return str(value)


def project(shape: Shape, value: Any) -> Any:
    """Keep only what ``shape`` can hold of ``value`` (e.g. a stored request part echoed in a response)."""
    if shape.type_name == "structure" and isinstance(value, Mapping):
        members = cast("Mapping[str, Any]", value)
        return {
            name: project(shape.members[name], item)
            for name, item in members.items()
            if name in shape.members and item is not None
        }
    if shape.type_name == "list" and isinstance(value, (list, tuple)):
        return [project(shape.member, item) for item in cast("list[Any]", value)]
    if shape.type_name == "map" and isinstance(value, Mapping):
        return {key: project(shape.value, item) for key, item in cast("Mapping[str, Any]", value).items()}
    return value
