"""Hypothesis profiles for the property tests.

The default ("ci") keeps the whole folder under a minute; BYLINE_HYPOTHESIS=long runs
many more examples for a search on demand:

    BYLINE_HYPOTHESIS=long .venv/bin/pytest -q tests/property
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]

# in CI (CI set) the same examples every run, so a run fails only for a change in the code
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True, derandomize=bool(os.environ.get("CI")),
                          database=None if os.environ.get("CI") else settings.default.database)
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True)
settings.load_profile(os.environ.get("BYLINE_HYPOTHESIS", "ci"))
