"""MkDocs hooks of the documentation site: the rule catalogue page and the optional pages.

``on_page_markdown`` replaces the marker of ``rules.md`` with the catalogue that
``customer_profiles_typed._catalogue`` assembles from the rules themselves, so the
page cannot fall behind them. ``on_config`` adds the pages other changes may add
to the navigation when they exist (``OPTIONAL_PAGES``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MARKER = "<!-- rule catalogue -->"
"""The line of ``rules.md`` that the catalogue replaces."""

OPTIONAL_PAGES = {"reliability.md": "Reliability"}
"""Pages listed in the navigation only when the file exists."""


def on_config(config: Any) -> Any:
    """Add the optional pages that exist to the end of the navigation."""
    docs = Path(config["docs_dir"])
    for page, title in OPTIONAL_PAGES.items():
        if (docs / page).is_file():
            config["nav"].append({title: page})
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Put the rule catalogue into ``rules.md``; fail the build when its marker is missing."""
    if page.file.src_uri != "rules.md":
        return markdown
    if MARKER not in markdown:
        raise ValueError(f"docs/rules.md has no {MARKER!r} line for the rule catalogue")
    from customer_profiles_typed import _catalogue

    return markdown.replace(MARKER, _catalogue.markdown())
