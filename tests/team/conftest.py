"""A real PostgreSQL for the team tests: a throwaway cluster started here, never a mock.

In CI (``CI`` set) a server that cannot be started, or PostgreSQL missing, FAILS the tests;
elsewhere missing binaries skip them with the reason shown (``pytest -rs``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tipreader.userdata.pg_local import ClusterError, LocalCluster, find_bindir


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available here: {reason}")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[LocalCluster]:
    """One cluster for the session (each test gets its own database: :func:`pg_db`)."""
    if find_bindir() is None:
        _unavailable("no initdb/pg_ctl found (Debian: apt-get install postgresql-15)")
    try:
        cluster = LocalCluster.create()
    except ClusterError as err:
        pytest.fail(f"cannot create a PostgreSQL cluster: {err}", pytrace=False)
    try:
        cluster.start()
    except ClusterError as err:
        cluster.destroy()
        pytest.fail(f"cannot start PostgreSQL: {err}", pytrace=False)
    yield cluster
    cluster.destroy()
