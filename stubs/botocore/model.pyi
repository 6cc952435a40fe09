from collections.abc import Mapping
from typing import Any

# Model dictionaries (``metadata``, ``serialization``, ``http``) are parsed
# JSON from the service description, hence ``dict[str, Any]``.
#
# Most attributes below are botocore ``CachedProperty`` descriptors at run
# time. They are non-data descriptors (an instance attribute of the same name
# wins), so they are stubbed as plain attributes rather than properties.

class ShapeResolver:
    def __init__(self, shape_map: Mapping[str, Any]) -> None: ...
    def get_shape_by_name(self, shape_name: str, member_traits: Mapping[str, Any] | None = None) -> Shape: ...

class Shape:
    SERIALIZED_ATTRS: list[str]
    METADATA_ATTRS: list[str]
    name: str
    # "structure", "list", "map", "string", "integer", "timestamp", ...: the
    # model decides, so it stays ``str``.
    type_name: str
    documentation: str
    serialization: dict[str, Any]
    metadata: dict[str, Any]
    def __init__(
        self, shape_name: str, shape_model: Mapping[str, Any], shape_resolver: ShapeResolver | None = None
    ) -> None: ...

class StructureShape(Shape):
    # Defined on ``Shape`` at run time, but only meaningful for structures.
    required_members: list[str]
    members: dict[str, Shape]

class ListShape(Shape):
    member: Shape

class MapShape(Shape):
    key: Shape
    value: Shape

class StringShape(Shape):
    enum: list[str]

class ServiceModel:
    metadata: dict[str, Any]
    operation_names: list[str]
    shape_names: list[str]
    service_name: str
    protocol: str
    api_version: str
    def __init__(self, service_description: Mapping[str, Any], service_name: str | None = None) -> None: ...
    def shape_for(self, shape_name: str, member_traits: Mapping[str, Any] | None = None) -> Shape: ...
    def operation_model(self, operation_name: str) -> OperationModel: ...

class OperationModel:
    metadata: dict[str, Any]
    http: dict[str, Any]
    name: str
    documentation: str
    input_shape: StructureShape | None
    output_shape: StructureShape | None
    error_shapes: list[StructureShape]
    def __init__(
        self, operation_model: Mapping[str, Any], service_model: ServiceModel, name: str | None = None
    ) -> None: ...
    @property
    def service_model(self) -> ServiceModel: ...
