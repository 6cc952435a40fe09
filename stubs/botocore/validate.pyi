from collections.abc import Mapping
from typing import Any

from botocore.model import OperationModel, Shape
from botocore.serialize import Serializer

class ValidationErrors:
    def has_errors(self) -> bool: ...
    def generate_report(self) -> str: ...

class ParamValidator:
    # ``params`` are the (dynamic) request parameters checked against ``shape``.
    def validate(self, params: Mapping[str, Any], shape: Shape) -> ValidationErrors: ...

class ParamValidationDecorator:
    def __init__(self, param_validator: ParamValidator, serializer: Serializer) -> None: ...
    def serialize_to_request(self, parameters: Mapping[str, Any], operation_model: OperationModel) -> dict[str, Any]: ...
