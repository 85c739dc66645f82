"""Fixture ``explain``: the shipped catalog's matcher, ``explain(question, context=None)``.

load_catalog() reads the catalog once per process; the helpers that read its
decisions are in tests/support/matching.py.
"""

import pytest

from catalog import load_catalog

# the helpers' asserts say what differed, as a test's own would
pytest.register_assert_rewrite("tests.support.matching")


@pytest.fixture(scope="session")
def explain():
    return load_catalog().explain
