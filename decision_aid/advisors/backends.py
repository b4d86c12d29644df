"""Sign-in backend: Django's ModelBackend, but the signed-in user is read together with their
advisor record and its organisation, in one query (a LEFT JOIN: a user who is no advisor reads
the same). Every advisor page needs all three; before, they were two queries on every request
(docs/benchmarks.md, bench-caseload)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AdvisorBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("advisor__organisation").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
