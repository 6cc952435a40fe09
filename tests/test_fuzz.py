"""Fuzz tests: whatever goes in, only this library's exceptions come out.

Garbage (recursive data of any Python type, including the values that break
naive code: huge integers, instants at the ends of ``datetime``, lone
surrogates, foreign enums, NaN) and mutations of valid requests
(``model_strategies``) are fed to:

- every request class's ``from_boto3`` and every response class's ``from_boto3``;
- every request-side model constructor (each checks itself when built), each
  required field given, some optional ones, any of them of the wrong type;
- ``parse_spec_text`` as JSON and YAML: random text, random bytes decoded,
  garbage documents dumped, valid specs with bytes flipped;
- the command line's ``validate`` on random files.

A refusal must be a ``CustomerProfilesError`` (the spec parsers and the
command line refuse by reporting, never by raising). ``TypeError`` is Python's
answer to a call that leaves out a required keyword; every call here passes them
all, so no ``TypeError`` is allowed either. Examples are bounded so that each
test takes a few seconds.
"""

from __future__ import annotations

import contextlib
import enum
import io
import json
import os
import tempfile
import warnings
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import model_strategies
import strategies
from customer_profiles_typed import CustomerProfilesError, ValidationWarning
from customer_profiles_typed._wire import CLASS_SHAPES, RESPONSE_CLASSES, SHAPE_CLASSES
from customer_profiles_typed.cli import main
from customer_profiles_typed.cloudformation._intrinsics import yaml_module
from customer_profiles_typed.models._base import Checked
from customer_profiles_typed.specs import SpecFile, parse_spec_text
from support import canonical_request

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
"""Bounded: each test a few seconds; the property is the exception type, not coverage of a shape."""
SPECS = settings(FUZZ, max_examples=150)


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    """WARN rules fire on random input; they are tested one by one elsewhere."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidationWarning)
        yield


class ForeignEnum(enum.Enum):
    """An enum of the caller's, not a ``str``, carrying an API value."""

    MAP = "Map"


class ForeignIntEnum(enum.IntEnum):
    """An ``int`` enum of the caller's."""

    ONE = 1


WEST, EAST = timezone(timedelta(hours=-5)), timezone(timedelta(hours=5))

AWKWARD = st.sampled_from(
    [
        datetime.max.replace(tzinfo=WEST),
        datetime.min.replace(tzinfo=EAST),
        datetime.max,
        datetime.min,
        float("nan"),
        float("inf"),
        -float("inf"),
        Decimal("1e999"),
        ForeignEnum.MAP,
        ForeignIntEnum.ONE,
        "\ud800",
        "",
        " ",
        "\x00",
        b"\xff",
        complex(1, 2),
        Ellipsis,
        object(),
        2**63,
        -(2**63) - 1,
    ]
) | st.builds(lambda: 10**5_000)
"""Values that break naive code; the 5,000-digit integer is built, as ``repr`` of it raises."""

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.binary(max_size=6)
    | st.datetimes(timezones=st.none() | st.timezones())
    | st.dates()
    | AWKWARD
)

def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


GARBAGE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=10) | SCALARS.filter(_hashable), inner, max_size=3)
    | st.frozensets(st.integers(), max_size=2),
    max_leaves=8,
)
"""Any Python data, nested."""


def garbage_for(names: list[str]) -> st.SearchStrategy[Any]:
    """Garbage, or a mapping of the given member names (and others) to garbage."""
    keys = st.sampled_from(names) | st.text(max_size=10) if names else st.text(max_size=10)
    return GARBAGE | st.dictionaries(keys, GARBAGE, max_size=len(names) + 1)


def only_ours(call: Any, *args: Any) -> None:
    """Run ``call``; anything it raises must be a ``CustomerProfilesError``."""
    try:
        call(*args)
    except CustomerProfilesError:
        pass


OPERATIONS = model_strategies.operations()
"""The generated operations: their request classes are named after the input shape."""

REQUEST_CLASSES = [SHAPE_CLASSES["PutIntegrationRequest"]] + [
    SHAPE_CLASSES[model_strategies.input_shape(operation).name] for operation in OPERATIONS
]
RESPONSE_TYPES = [SHAPE_CLASSES["PutIntegrationResponse"], *RESPONSE_CLASSES]
CHECKED_CLASSES = sorted(
    (cls for cls in CLASS_SHAPES if issubclass(cls, Checked) or cls.__module__.endswith(".integrations")),
    key=lambda cls: cls.__name__,
)
"""The request-side classes: each checks itself when built (response classes are built from checked answers)."""
CHECKED_CLASSES.remove(SHAPE_CLASSES["PutIntegrationResponse"])


def _wire_members(cls: type) -> list[str]:
    shape = CLASS_SHAPES.get(cls) or RESPONSE_CLASSES[cls][0]
    return sorted(strategies.shape(shape).members)


def _mutated(cls: type) -> st.SearchStrategy[Any]:
    """Valid requests of the class's operation with one constraint broken, or loose ones."""
    operation = cls.__name__.removesuffix("Request")
    if operation not in OPERATIONS:  # PutIntegration: its own strategies know its rules
        kinds = strategies.BOTOCORE_KINDS + strategies.OUR_KINDS
        return strategies.mutations(kinds).map(lambda mutation: mutation.kwargs)
    mutated = model_strategies.mutations(operation).map(lambda mutation: mutation.kwargs)
    return mutated | model_strategies.loose_requests(operation)


@pytest.mark.parametrize("cls", REQUEST_CLASSES, ids=lambda cls: cls.__name__)
@FUZZ
@given(data=st.data())
def test_every_request_from_boto3_raises_only_ours(cls: Any, data: Any) -> None:
    kwargs = data.draw(garbage_for(_wire_members(cls)) | _mutated(cls), label="kwargs")
    only_ours(cls.from_boto3, kwargs)


@pytest.mark.parametrize("cls", RESPONSE_TYPES, ids=lambda cls: cls.__name__)
@FUZZ
@given(data=st.data())
def test_every_response_from_boto3_raises_only_ours(cls: Any, data: Any) -> None:
    response = data.draw(garbage_for(_wire_members(cls)), label="response")
    only_ours(cls.from_boto3, response)


@pytest.mark.parametrize("cls", CHECKED_CLASSES, ids=lambda cls: cls.__name__)
@FUZZ
@given(data=st.data())
def test_every_model_constructor_raises_only_ours(cls: Any, data: Any) -> None:
    fields = attrs.fields(cls)
    required = [field.name for field in fields if field.default is attrs.NOTHING and field.init]
    optional = [field.name for field in fields if field.default is not attrs.NOTHING and field.init]
    chosen = data.draw(st.lists(st.sampled_from(optional), unique=True), label="optional") if optional else []
    values = st.fixed_dictionaries({name: GARBAGE for name in [*required, *chosen]})
    only_ours(lambda kwargs: cls(**kwargs), data.draw(values, label="fields"))


# --- spec text ---------------------------------------------------------------------------

JSON_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=10,
)
VALID = json.dumps(canonical_request())


@st.composite
def flipped(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few characters replaced, inserted or removed."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 4))):
        place = draw(st.integers(0, len(chars)))
        edit = draw(st.sampled_from(["replace", "insert", "remove"]))
        char = draw(st.characters() | st.sampled_from(list('{}[]":,&*!|>-#\n ')))
        if edit == "insert" or place == len(chars):
            chars.insert(place, char)
        elif edit == "replace":
            chars[place] = char
        else:
            del chars[place]
    return "".join(chars)


def _yaml_text(document: Any) -> str:
    return str(yaml_module().safe_dump(document, allow_unicode=True))


SPEC_TEXTS = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda data: data.decode("utf-8", "surrogateescape")),
    st.binary(max_size=200).map(lambda data: data.decode("latin-1")),
    JSON_DATA.map(json.dumps),
    JSON_DATA.map(_yaml_text),
    flipped(VALID),
    flipped(_yaml_text(canonical_request())),
    st.sampled_from(["[" * 3_000, "a: " + "- " * 3_000, "1" * 5_000, "!!int abc", "&a [*a]", "? [a]\n: b"]),
)


@pytest.mark.parametrize("format", ["json", "yaml"])
@SPECS
@given(text=SPEC_TEXTS)
def test_parse_spec_text_never_raises(format: Any, text: str) -> None:
    assert isinstance(parse_spec_text(text, format=format), SpecFile)


# --- the command line ------------------------------------------------------------------------


@contextlib.contextmanager
def _spec_file(data: bytes, suffix: str) -> Iterator[str]:
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, f"spec{suffix}")
    with open(path, "wb") as stream:
        stream.write(data)
    try:
        yield path
    finally:
        os.remove(path)
        os.rmdir(folder)


FILE_CONTENTS = st.one_of(
    st.binary(max_size=300),
    SPEC_TEXTS.map(lambda text: text.encode("utf-8", "surrogatepass")),
)


@FUZZ
@given(data=FILE_CONTENTS, suffix=st.sampled_from([".json", ".yaml", ".yml"]), output=st.sampled_from(["text", "json"]))
def test_validate_on_random_files_reports_without_a_traceback(data: bytes, suffix: str, output: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with _spec_file(data, suffix) as path, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", "--output", output, path])
    assert code in (0, 1), (code, err.getvalue())  # a file's content is never a usage error (2)
    assert "Traceback" not in err.getvalue()
    if output == "json":
        assert isinstance(json.loads(out.getvalue()), dict)
