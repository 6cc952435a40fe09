"""The one cattrs converter between the attrs models and boto3's wire dicts.

``make_converter()`` builds it from the name tables in ``_wire``; ``converter()``
builds it once, on first use (cattrs and the generated hooks cost import and
build time that a Lambda cold start should not pay before it needs them).

- Requests (``to_boto3``/``from_boto3``) are exact: absent optional fields are
  left out, nothing is added, enum members become their values, timestamps stay
  ``datetime``. Reading is strict; ``validation.parse_request`` checks the dict
  against the AWS model first, so structuring here sees well-formed input.
- Responses (``Integration``) are read leniently: unknown keys are kept in
  ``unknown_fields`` and an unknown ``Scope`` value stays a string.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from customer_profiles_typed import _fast, _model, _wire, enums
from customer_profiles_typed._timestamps import as_utc, parse_timestamp
from customer_profiles_typed.enums import OperatorPropertiesKeys, Scope
from customer_profiles_typed.models.integrations import (
    Integration,
    FlowDefinition,
    SourceFlowConfig,
    Task,
)

if TYPE_CHECKING:
    import cattrs
    from botocore.model import Shape

__all__ = [
    "converter",
    "make_converter",
    "structure_integration",
    "structure_request",
    "structure_response",
    "unstructure_integration",
    "unstructure_request",
    "unstructure_response",
]

T = TypeVar("T")
IntegrationT = TypeVar("IntegrationT", bound=Integration)

_SPECIAL = {SourceFlowConfig, Integration}
"""Classes whose hooks are written out instead of generated."""


@functools.cache
def _operator_keys() -> dict[type, str]:
    """Each connector operator enum -> its key in ``ConnectorOperator`` (``S3ConnectorOperator`` -> ``S3``)."""
    return {operators: connector.key for operators, connector in _wire.CONNECTOR_BY_OPERATOR.items()}


def _tasks_to_wire(tasks: Sequence[Task[Any]]) -> list[dict[str, Any]]:
    """The wire dicts of a flow's tasks, written out: a flow holds up to thousands of them.

    Absent optional fields are left out, as everywhere in a request; one loop,
    without a call per field (``_value_`` is a member's value, read without the
    ``Enum.value`` descriptor). The tests' round trips hold it to ``from_boto3``.
    """
    keys = _operator_keys()
    wires: list[dict[str, Any]] = []
    for task in tasks:
        operator: Any = task.connector_operator
        wire: dict[str, Any] = {
            "TaskType": task.task_type._value_,
            "SourceFields": list(task.source_fields),
            "ConnectorOperator": {keys[type(operator)]: operator._value_},
        }
        if task.destination_field is not None:
            wire["DestinationField"] = task.destination_field
        properties = task.task_properties
        if properties is not None:
            wire["TaskProperties"] = (
                {key._value_: item for key, item in properties.items()} if properties else {}
            )
        wires.append(wire)
    return wires


def _task_to_wire(task: Task[Any]) -> dict[str, Any]:
    """The wire dict of one task (``_tasks_to_wire``)."""
    return _tasks_to_wire((task,))[0]


def _operator_from_wire(value: Mapping[str, str], _: Any) -> Any:
    ((key, name),) = value.items()
    return _wire.CONNECTOR_BY_KEY[key].operator_enum._value2member_map_[name]


def _properties_from_wire(values: Mapping[str, str], _: Any) -> dict[OperatorPropertiesKeys, str]:
    members = cast("dict[str, OperatorPropertiesKeys]", OperatorPropertiesKeys._value2member_map_)
    return {members[key]: item for key, item in values.items()}


def _concrete(cls: Any) -> Any:
    """Generic classes are generated as ``cls[Any]``: their TypeVar fields have own hooks."""
    return cls[Any] if getattr(cls, "__parameters__", ()) else cls


def _enum_value(member: Enum) -> Any:
    return member.value


def _same(value: Any) -> Any:
    return value


def _timestamp(value: Any, _: Any) -> datetime:
    return parse_timestamp(value)


def _strings(values: Sequence[str], _: Any) -> tuple[str, ...]:
    return tuple(values)


def _enum_member(enum_class: type[Enum]) -> Any:
    """Structure by a dict lookup; the value was checked against the model already."""
    members: dict[Any, Enum] = dict(enum_class._value2member_map_)

    def structure(value: Any, _: Any) -> Enum:
        member = members.get(value)
        return member if member is not None else enum_class(value)

    return structure


def make_converter() -> cattrs.Converter:
    """Build the converter: hooks generated from the ``_wire`` name tables."""
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    # Requests hold tuples and read-only maps; boto3 gets plain lists and dicts.
    conv = cattrs.Converter(
        unstruct_collection_overrides={Sequence: list, Mapping: dict, tuple: list}
    )
    conv.register_unstructure_hook(datetime, _same)
    conv.register_structure_hook(datetime, _timestamp)

    # A flow can hold thousands of tasks: look Task's structure hook up once per
    # flow, not once per task through the converter's dispatch (``_tasks_to_wire``
    # writes them out).
    def tasks_from_wire(tasks: Sequence[Mapping[str, Any]], _: Any) -> tuple[Task[Any], ...]:
        structure_task: Any = conv.get_structure_hook(Task)
        return tuple([structure_task(task, Task) for task in tasks])

    def nested(cls: type) -> dict[str, Any]:
        """Hooks for a field typed with a TypeVar-parameterized class: use the class's own."""

        def to_wire(value: Any) -> Any:
            return conv.unstructure(value, cls)

        def from_wire(value: Any, _: Any) -> Any:
            structure: Any = conv.structure
            return structure(value, cls)

        return {"unstruct_hook": to_wire, "struct_hook": from_wire}

    special: dict[str, dict[str, dict[str, Any]]] = {
        "Task": {
            # Written out by ``_tasks_to_wire``; these are for reading.
            "source_fields": {"struct_hook": _strings},
            "connector_operator": {"struct_hook": _operator_from_wire},
            "task_properties": {"struct_hook": _properties_from_wire},
        },
        "FlowDefinition": {
            "tasks": {"unstruct_hook": _tasks_to_wire, "struct_hook": tasks_from_wire},
            "source_flow_config": nested(SourceFlowConfig),
        },
        "PutIntegrationRequest": {
            "event_trigger_names": {"unstruct_hook": list},
            "object_type_names": {"unstruct_hook": dict},
            "tags": {"unstruct_hook": dict},
            "flow_definition": nested(FlowDefinition),
        },
    }

    def overrides_for(shape: str) -> dict[str, Any]:
        return {
            python: override(rename=wire, **special.get(shape, {}).get(python, {}))
            for python, wire in _wire.FIELDS[shape].items()
        }

    def generated_unstructure(cls: Any) -> Any:
        shape = _wire.CLASS_SHAPES[cls]
        return make_dict_unstructure_fn(
            _concrete(cls), conv, _cattrs_omit_if_default=True, **overrides_for(shape)
        )

    def generated_structure(cls: Any) -> Any:
        shape = _wire.CLASS_SHAPES[cls]
        return make_dict_structure_fn(
            _concrete(cls), conv, _cattrs_forbid_extra_keys=True, **overrides_for(shape)
        )

    # Factories, not hooks: each class's function is generated when first needed,
    # after every class is registered, so nested classes get their own hooks.
    # A predicate, not a set of every class: that would import every resource's models.
    def generated(t: Any) -> bool:
        return t in _wire.CLASS_SHAPES and t not in _SPECIAL

    conv.register_unstructure_hook_factory(generated, generated_unstructure)
    conv.register_structure_hook_factory(generated, generated_structure)
    for name in enums.__all__:
        enum_class = getattr(enums, name)
        conv.register_unstructure_hook(enum_class, _enum_value)
        conv.register_structure_hook(enum_class, _enum_member(enum_class))

    conv.register_unstructure_hook(Task, _task_to_wire)
    conv.register_unstructure_hook(SourceFlowConfig, _source_flow_config_to_wire(conv))
    conv.register_structure_hook(SourceFlowConfig, _source_flow_config_from_wire(conv))
    return conv


def _source_flow_config_to_wire(conv: cattrs.Converter) -> Any:
    def unstructure(config: SourceFlowConfig[Any]) -> dict[str, Any]:
        properties = config.source_connector_properties
        connector = _wire.CONNECTOR_BY_CLASS[type(properties)]
        wire: dict[str, Any] = {}
        if config.connector_profile_name is not None:
            wire["ConnectorProfileName"] = config.connector_profile_name
        wire["ConnectorType"] = connector.connector_type.value
        if config.incremental_pull_config is not None:
            wire["IncrementalPullConfig"] = conv.unstructure(config.incremental_pull_config)
        wire["SourceConnectorProperties"] = {
            connector.key: conv.unstructure(properties, connector.properties_class)
        }
        return wire

    return unstructure


def _source_flow_config_from_wire(conv: cattrs.Converter) -> Any:
    from customer_profiles_typed.models.integrations import IncrementalPullConfig

    def structure(wire: Mapping[str, Any], _: Any) -> SourceFlowConfig[Any]:
        raw: object = wire["ConnectorType"]
        connector_type = str(raw.value) if isinstance(raw, Enum) else str(raw)
        connector_type = _wire.CONNECTOR_TYPE_ALIASES.get(connector_type, connector_type)
        connector = _wire.CONNECTOR_BY_TYPE[connector_type]
        incremental = wire.get("IncrementalPullConfig")
        return SourceFlowConfig(
            source_connector_properties=conv.structure(
                wire["SourceConnectorProperties"][connector.key], connector.properties_class
            ),
            connector_profile_name=wire.get("ConnectorProfileName"),
            incremental_pull_config=None
            if incremental is None
            else conv.structure(incremental, IncrementalPullConfig),
        )

    return structure


@functools.cache
def converter() -> cattrs.Converter:
    """The converter, built on first use."""
    return make_converter()


def unstructure_request(request: object) -> dict[str, Any]:
    """The boto3 keyword arguments of a request, as a new plain ``dict``.

    The request classes' ``to_boto3`` give it the ``TypedDict`` of their operation.
    Written by the compiled writer of the class (``_fast.wire_writer``, held to
    this converter's output by the tests), or by the converter where it has none.
    """
    write = _fast.wire_writer(type(request))
    if write is not None:
        return write(request)
    wire: dict[str, Any] = converter().unstructure(request, type(request))
    return wire


def structure_request(cls: type[T], wire: Mapping[str, Any]) -> T:
    """A request object from a wire dict already checked against the AWS model."""
    return converter().structure(wire, cls)


# --- Responses ---------------------------------------------------------------

_INTEGRATION_FIELDS = _wire.FIELDS["PutIntegrationResponse"]
_INTEGRATION_WIRE = {wire: python for python, wire in _INTEGRATION_FIELDS.items()}
_IGNORED_RESPONSE_KEYS = frozenset({"ResponseMetadata"})


def _scope(value: Any) -> Scope | str:
    try:
        return Scope(value)
    except ValueError:
        return str(value)


def structure_integration(cls: type[IntegrationT], response: Mapping[str, Any]) -> IntegrationT:
    """An ``Integration`` from a response, leniently (see the module docstring).

    The caller has checked the response against the model already
    (``validation.check_response``): this layer sits below validation.
    """
    known: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in response.items():
        python = _INTEGRATION_WIRE.get(key)
        if python is None:
            if key not in _IGNORED_RESPONSE_KEYS:
                unknown[key] = value
        elif value is not None:
            known[python] = value
    if "scope" in known:
        known["scope"] = _scope(known["scope"])
    for name in ("created_at", "last_updated_at"):
        if name in known:
            known[name] = parse_timestamp(known[name])
    return cls(**known, unknown_fields=unknown, request_id=_request_id(response))


def _request_id(response: Mapping[str, Any]) -> str | None:
    """The AWS request id of a boto3 response, from its ``ResponseMetadata``."""
    meta: object = response.get("ResponseMetadata")
    if isinstance(meta, Mapping):
        metadata = cast("Mapping[str, object]", meta)
        found = metadata.get("RequestId")
        return found if isinstance(found, str) else None
    return None


def unstructure_integration(integration: Integration) -> dict[str, Any]:
    """The wire dict of an ``Integration``, unknown fields included."""
    wire: dict[str, Any] = {}
    for python, key in _INTEGRATION_FIELDS.items():
        value: Any = getattr(integration, python)
        if value is None:
            continue
        if isinstance(value, Scope):
            value = value.value
        elif isinstance(value, Mapping):
            value = dict(cast("Mapping[str, Any]", value))
        elif isinstance(value, tuple):
            value = list(cast("tuple[object, ...]", value))
        wire[key] = value
    wire.update(integration.unknown_fields)
    return wire


# --- Generated response classes -----------------------------------------------

ResponseT = TypeVar("ResponseT")

Reader = Callable[[Any], Any]


def _lenient_enum(enum_class: type[Enum]) -> Reader:
    members: dict[Any, Enum] = dict(enum_class._value2member_map_)

    def read(value: Any) -> Any:
        member = members.get(value)
        return member if member is not None else value

    return read


def _utc_timestamp(value: Any) -> datetime:
    return as_utc(parse_timestamp(value))


def _reader(shape: Shape) -> Reader | None:
    """How to read one response value of a shape; ``None``: kept as sent."""
    kind = shape.type_name
    if kind == "structure":
        cls: type[object] = _wire.RESPONSE_CLASS_OF_SHAPE[shape.name]

        def read_structure(value: Any) -> object:
            return _structure_response(cls, value)

        return read_structure
    if kind == "list":
        inner = _reader(_model.list_member(shape))
        if inner is None:
            return tuple
        return lambda values: tuple([inner(item) for item in values])
    if kind == "map":
        key_shape, value_shape = _model.map_key_value(shape)
        read_key = _reader(key_shape)
        read_value = _reader(value_shape)
        if read_key is None and read_value is None:
            return lambda entries: MappingProxyType(dict(entries))
        key = read_key or _same
        item = read_value or _same
        return lambda entries: MappingProxyType({key(k): item(v) for k, v in entries.items()})
    if kind == "string" and _model.enum_values(shape):
        return _lenient_enum(getattr(enums, shape.name))
    if kind == "timestamp":
        return _utc_timestamp
    return None


_Plan = tuple[dict[str, tuple[str, "Reader | None"]], bool]
_PLANS: dict[type, _Plan] = {}


def _response_plan(cls: type) -> _Plan:
    """Wire member -> (Python field, reader) of a response class, and whether it keeps a request id."""
    found = _PLANS.get(cls)
    if found is None:
        found = _PLANS[cls] = _make_plan(cls)
    return found


def _make_plan(cls: type) -> _Plan:
    shape_name = _wire.RESPONSE_CLASSES[cls][0]
    members = _model.members(_model.shape(shape_name))
    plan = {
        wire: (python, _reader(members[wire])) for python, wire in _wire.FIELDS[shape_name].items()
    }
    import attrs

    has_request_id = any(field.name == "request_id" for field in attrs.fields(cls))
    return plan, has_request_id


def _structure_response(cls: type[ResponseT], response: Mapping[str, Any]) -> ResponseT:
    plan, has_request_id = _response_plan(cls)
    known: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in response.items():
        entry = plan.get(key)
        if entry is None:
            if key not in _IGNORED_RESPONSE_KEYS:
                unknown[key] = value
        elif value is not None:
            python, read = entry
            known[python] = value if read is None else read(value)
    if has_request_id:
        known["request_id"] = _request_id(response)
    factory: Any = cls
    built: ResponseT = factory(**known, unknown_fields=unknown)
    return built


def structure_response(cls: type[ResponseT], response: Mapping[str, Any]) -> ResponseT:
    """A generated response object from a boto3 response, leniently.

    The caller has checked the response against the model already
    (``validation.check_response``): this layer sits below validation.
    """
    return _structure_response(cls, response)


def _unstructure_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        items = cast("tuple[object, ...]", value)
        return [_unstructure_value(item) for item in items]
    if isinstance(value, Mapping):
        entries = cast("Mapping[object, object]", value)
        return {_unstructure_value(k): _unstructure_value(v) for k, v in entries.items()}
    if type(value) in _wire.RESPONSE_CLASSES:
        return unstructure_response(value)
    return value


def unstructure_response(response: object) -> dict[str, Any]:
    """The wire dict of a generated response object, unknown fields included."""
    plan, _ = _response_plan(type(response))
    wire: dict[str, Any] = {}
    for key, (python, _reader_unused) in plan.items():
        value: Any = getattr(response, python)
        if value is not None:
            wire[key] = _unstructure_value(value)
    unknown: Mapping[str, Any] = getattr(response, "unknown_fields")
    wire.update(unknown)
    return wire
