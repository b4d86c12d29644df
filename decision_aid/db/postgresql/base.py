"""PostgreSQL with a cheaper connection health check.

Django's CONN_HEALTH_CHECKS pings a persistent connection (an extra round trip) at the start of
every request. Under load that ping was a fifth of a wizard step's time (py-spy, docs/
benchmarks-log.md). Here a connection that finished a request without errors less than
``DB_HEALTH_CHECK_IDLE_SECONDS`` ago is trusted without the ping; one idle for longer is still
pinged, so the first request after a quiet night with a database restart does not fail.

If the database restarts in the middle of busy traffic, each busy connection can fail once:
that request gets the friendly 503 page (pages.resilience), Django closes the broken
connection, and the next request reconnects. Nothing saved is lost.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.signals import request_finished
from django.db import connections
from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    last_good: float = 0.0  # time.monotonic() when a request last finished cleanly on it

    def close_if_health_check_failed(self) -> None:
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and time.monotonic() - self.last_good < settings.DB_HEALTH_CHECK_IDLE_SECONDS
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()


def _mark_good(**_kwargs: object) -> None:
    """After Django's own end-of-request check (which closes broken connections)."""
    now = time.monotonic()
    for connection in connections.all(initialized_only=True):
        if (
            isinstance(connection, DatabaseWrapper)
            and connection.connection is not None
            and not connection.errors_occurred
        ):
            connection.last_good = now


request_finished.connect(_mark_good, dispatch_uid="decision_aid.db.postgresql")
