from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.server import (
    BIN,
    PG_BIN,
    ROOT,
    AppServer,
    PgCluster,
    free_port,
    production_env,
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "faults: real fault injection (stopped PostgreSQL, killed worker); ~20 s"
    )


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[tuple[PgCluster, AppServer]]:
    """A private PostgreSQL cluster and the app under gunicorn on it (DJANGO_DEBUG=0)."""
    if not (PG_BIN / "initdb").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL server binaries missing in {PG_BIN}")
        pytest.skip(f"PostgreSQL server binaries missing in {PG_BIN}")
    tmp = tmp_path_factory.mktemp("faults")
    # Outside pytest's own (root-only) folder: the cluster runs as the postgres user.
    pg_base = Path(tempfile.mkdtemp(prefix="aid-faults-pg-"))
    cluster = PgCluster.create(pg_base)
    server = None
    try:
        import psycopg

        with psycopg.connect(cluster.url, autocommit=True) as conn:
            conn.execute("CREATE DATABASE decision_aid")
        env = production_env(database_url=cluster.url.rsplit("/", 1)[0] + "/decision_aid", tmp=tmp)
        manage = [str(BIN / "python"), str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT
        )
        server = AppServer(port=free_port(), env=env, log=tmp / "gunicorn.log")
        server.start()
        yield cluster, server
    finally:
        if server is not None:
            server.stop()
        try:
            cluster.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(pg_base, ignore_errors=True)
