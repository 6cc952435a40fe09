"""The README reads well on PyPI, where the repository's other files are not beside it."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"

_LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_every_link_of_the_readme_is_absolute_or_an_anchor() -> None:
    relative = [
        target
        for target in _LINK.findall(README.read_text(encoding="utf-8"))
        if not target.startswith(("http://", "https://", "#", "mailto:"))
    ]
    assert relative == [], f"links that break on PyPI (name the file as text instead): {relative}"
