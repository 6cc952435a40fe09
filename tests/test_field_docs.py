"""``help()`` and pydoc show the docstring of every field of a model class (``_field_docs``)."""

from __future__ import annotations

import pydoc

import attrs

from customer_profiles_typed import (
    Integration,
    ListProfileObjectTypesResponse,
    PutProfileObjectTypeRequest,
    S3ConnectorOperator,
    Task,
    TaskType,
)
from customer_profiles_typed._field_docs import FieldDocs


def test_help_of_a_hand_written_model_lists_its_fields_with_their_docstrings() -> None:
    text = pydoc.plain(pydoc.render_doc(Task))
    assert "Attributes:" in text
    assert "task_type: The kind of task, e.g. ``TaskType.MAP``. Wire ``TaskType``." in text
    assert "destination_field: A field in the destination" in text


def test_the_class_docstring_comes_first_then_every_field_in_order() -> None:
    doc = Task.__doc__
    assert doc is not None
    own, section = doc.split("\n\nAttributes:\n")
    assert own.startswith("One transformation applied to source fields")
    names = [line.split(":")[0].strip() for line in section.splitlines() if not line.startswith(" " * 8)]
    assert names == [field.name for field in attrs.fields(Task)]


def test_generated_requests_and_responses_have_the_section_too() -> None:
    request_doc = PutProfileObjectTypeRequest.__doc__ or ""
    assert "    domain_name: The unique name of the domain." in request_doc
    assert "    keys: " in request_doc
    response_doc = ListProfileObjectTypesResponse.__doc__ or ""
    assert "\nAttributes:\n" in response_doc
    assert "Attributes:" in (Integration.__doc__ or "")


def test_an_instance_shows_the_same_doc_and_nothing_else_changes() -> None:
    task = Task(
        task_type=TaskType.MAP,
        source_fields=["a"],
        destination_field="a",
        connector_operator=S3ConnectorOperator.NO_OP,
    )
    assert task.__doc__ == Task.__doc__
    assert repr(task) == "Task(<sensitive>)"


def test_inherited_fields_are_documented_and_a_field_without_docstring_is_left_out() -> None:
    @attrs.frozen
    class Base(FieldDocs):
        """A base."""

        first: int
        """The first field."""

    @attrs.frozen
    class Child(Base):
        """A child."""

        second: int
        third: int = 0
        """The third field,
        over two lines."""

    assert Child.__doc__ == (
        "A child.\n\nAttributes:\n    first: The first field.\n    third: The third field,\n        over two lines."
    )


def test_a_class_whose_fields_have_no_docstrings_keeps_its_own() -> None:
    @attrs.frozen
    class Plain(FieldDocs):
        """Only this."""

        value: int

    assert Plain.__doc__ == "Only this."
