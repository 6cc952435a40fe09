"""Shared pytest configuration.

Hypothesis: no test may fail because of how long it took (CI machines are slow
and shared), so the per-example ``deadline`` and the ``too_slow`` health check
are off everywhere. On CI (``CI`` set) examples are also derandomized and the
example database is not written.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
    print_blob=True,
)
settings.load_profile(
    "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false", "no") else "dev"
)
