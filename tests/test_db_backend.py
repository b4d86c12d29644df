"""The PostgreSQL backend pings only connections that have been idle (no database needed)."""

from __future__ import annotations

import time

from django.db import connections

from decision_aid.db.postgresql.base import DatabaseWrapper


def _wrapper(monkeypatch) -> tuple[DatabaseWrapper, list[int]]:
    wrapper = DatabaseWrapper(dict(connections["default"].settings_dict), alias="probe")
    pings: list[int] = []
    wrapper.connection = object()  # a connection that is "open"; never used for real
    wrapper.health_check_enabled = True
    wrapper.health_check_done = False
    monkeypatch.setattr(wrapper, "is_usable", lambda: pings.append(1) or True)
    return wrapper, pings


def test_a_connection_that_just_served_a_request_is_not_pinged(monkeypatch, settings):
    settings.DB_HEALTH_CHECK_IDLE_SECONDS = 5
    wrapper, pings = _wrapper(monkeypatch)
    wrapper.last_good = time.monotonic()
    wrapper.close_if_health_check_failed()
    assert pings == []
    assert wrapper.health_check_done


def test_an_idle_connection_is_pinged_and_a_dead_one_closed(monkeypatch, settings):
    settings.DB_HEALTH_CHECK_IDLE_SECONDS = 5
    wrapper, pings = _wrapper(monkeypatch)
    wrapper.last_good = time.monotonic() - 6
    wrapper.close_if_health_check_failed()
    assert pings == [1]

    wrapper.health_check_done = False
    closed = []
    monkeypatch.setattr(wrapper, "is_usable", lambda: False)
    monkeypatch.setattr(wrapper, "close", lambda: closed.append(1))
    wrapper.close_if_health_check_failed()
    assert closed == [1]
