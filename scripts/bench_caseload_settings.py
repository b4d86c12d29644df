"""Settings for `make bench-caseload` only: the app's settings, one PostgreSQL database per
caseload size (each holding one organisation), and a router that sends every query to the
database of the size being measured. So the sizes can be measured in turns, request by request,
and a busy moment on this shared machine falls on all of them alike."""

from __future__ import annotations

import os

from decision_aid.settings import *  # noqa: F403
from decision_aid.settings import DATABASES

SIZES = [int(n) for n in os.environ.get("BENCH_CASES", "1000,10000,100000").split(",")]
DB_NAME = os.environ.get("BENCH_DB_NAME", "decision_aid_caseload")
_BASE = dict(DATABASES["default"])
for _size in SIZES:
    DATABASES[f"cases_{_size}"] = {**_BASE, "NAME": f"{DB_NAME}_{_size}"}
DATABASES["default"] = DATABASES[f"cases_{SIZES[0]}"]
DATABASE_ROUTERS = ["bench_caseload_settings.SizeRouter"]


class SizeRouter:
    """Every read and write goes to `SizeRouter.alias`, set by the bench before each request."""

    alias = "default"

    def db_for_read(self, model, **hints):
        return SizeRouter.alias

    def db_for_write(self, model, **hints):
        return SizeRouter.alias

    def allow_relation(self, obj1, obj2, **hints):
        return True
