from collections.abc import Mapping
from typing import Any, Literal, overload

from botocore.model import OperationModel
from botocore.validate import ParamValidationDecorator

_TimestampPrecision = Literal["default", "millisecond", "legacy"]

class Serializer:
    def __init__(self, timestamp_precision: _TimestampPrecision = "default") -> None: ...
    # Returns the request dict: ``url_path``, ``query_string``, ``method``,
    # ``headers``, ``body``, ... (contents depend on the protocol).
    def serialize_to_request(self, parameters: Mapping[str, Any], operation_model: OperationModel) -> dict[str, Any]: ...

# ``protocol_name`` is a service model's protocol ("json", "rest-json", ...).
@overload
def create_serializer(
    protocol_name: str, include_validation: Literal[True] = True, timestamp_precision: _TimestampPrecision = "default"
) -> ParamValidationDecorator: ...
@overload
def create_serializer(
    protocol_name: str, include_validation: Literal[False], timestamp_precision: _TimestampPrecision = "default"
) -> Serializer: ...
@overload
def create_serializer(
    protocol_name: str, include_validation: bool = True, timestamp_precision: _TimestampPrecision = "default"
) -> Serializer | ParamValidationDecorator: ...
