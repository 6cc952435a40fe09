"""Every Python example of README.md and docs/*.md runs, as a reader would paste it.

The ```python blocks of one document run in order in one namespace, so a block
may use the names of the blocks above it (the README's lifecycle section uses
the quick start's client). A block deliberately not runnable (a fragment, a
type error shown on purpose) is marked by an HTML comment on the line before
it, ``<!-- not run: why -->``, invisible where the Markdown is rendered; every
such block needs its reason, and ``NOT_RUN`` counts them per document, so one
that turns up or goes away shows in this file's diff.

Blocks that call AWS reach the embedded emulator instead: boto3 finds it through
``AWS_ENDPOINT_URL`` and the emulator's default credentials in the environment,
in region us-east-1, and the domain the README's examples use exists. A
``ValidationWarning`` fails the block: an example that warns misleads.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from customer_profiles_typed import ValidationWarning
from customer_profiles_typed.testing import Emulator

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))

NOT_RUN: dict[str, int] = {
    "README.md": 4,
    "docs/validation-rules.md": 1,
}
"""Document -> how many of its Python blocks are marked not run (absent: none)."""

DEMO_DOMAIN = "demo-domain"
"""The domain the README's examples put their integrations into."""

_FENCE = re.compile(r"^```(\S*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_NOT_RUN = re.compile(r"<!--\s*not run:(.*?)-->\s*$")
_SNIPPET = re.compile(r'^--8<--\s+"([^"]+)"\s*$', re.MULTILINE)


@attrs.frozen
class Block:
    """One ```python block of a document."""

    document: str
    line: int
    code: str
    not_run: str | None
    """The reason given in its ``<!-- not run: ... -->`` comment, if it has one."""


def _included(code: str, root: Path) -> str:
    """The block with its snippet lines (``--8<-- "path"``) replaced by the file named, as the site shows it."""
    return _SNIPPET.sub(lambda found: (root / found.group(1)).read_text(encoding="utf-8"), code)


def python_blocks(path: Path, root: Path = ROOT) -> list[Block]:
    """The Python blocks of a Markdown file under ``root``, in order."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    found: list[Block] = []
    for fence in _FENCE.finditer(text):
        if fence.group(1) not in ("python", "py"):
            continue
        before = text[: fence.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = _NOT_RUN.search(before)
        line = text.count("\n", 0, fence.start()) + 1
        reason = marker.group(1).strip() if marker else None
        found.append(Block(name, line, _included(fence.group(2), root), reason))
    return found


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator() as running:
        running.client().create_domain(DomainName=DEMO_DOMAIN, DefaultExpirationDays=30)
        yield running


@pytest.fixture
def aws_is_the_emulator(emulator: Emulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    key = emulator.default_credentials
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL", emulator.endpoint_url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key.secret_access_key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
@pytest.mark.usefixtures("aws_is_the_emulator")
def test_every_python_block_runs(path: Path) -> None:
    blocks = python_blocks(path)
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        for block in blocks:
            if block.not_run is not None:
                continue
            try:
                exec(compile(block.code, f"{block.document}:{block.line}", "exec"), namespace)
            except Exception as error:  # the document and line say which example broke
                pytest.fail(f"{block.document}, the block at line {block.line}: {error!r}")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_blocks_not_run_are_marked_with_a_reason_and_counted(path: Path) -> None:
    blocks = python_blocks(path)
    skipped = [block for block in blocks if block.not_run is not None]
    assert all(block.not_run for block in skipped), [block.line for block in skipped if not block.not_run]
    name = path.relative_to(ROOT).as_posix()
    assert len(skipped) == NOT_RUN.get(name, 0), [(block.line, block.not_run) for block in skipped]


def test_the_documents_hold_examples_that_run() -> None:
    runnable = [block for path in DOCUMENTS for block in python_blocks(path) if block.not_run is None]
    assert {block.document for block in runnable} >= {"README.md", "docs/index.md", "docs/emulator.md"}


def test_a_marker_is_read_only_on_the_line_before_a_block(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- not run: a fragment -->\n```python\nx(...)\n```\n\n"
        "<!-- not run: far away -->\n\ntext\n```python\nprint(1)\n```\n```text\nnot python\n```\n",
        encoding="utf-8",
    )
    blocks = python_blocks(page, root=tmp_path)
    assert [(block.line, block.not_run) for block in blocks] == [(2, "a fragment"), (9, None)]
