"""python manage.py rebuild_name_index

Recomputes the blind index of every member name (keyed hashes for search, blind_index.py).
Run it after changing DJANGO_SEARCH_INDEX_KEY: until then, searching a name finds nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from decision_aid.advisors.services import rebuild_name_index


class Command(BaseCommand):
    help = "Recompute the search index of member names (after changing DJANGO_SEARCH_INDEX_KEY)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_name_index()
        self.stdout.write(f"Search index rebuilt for {count} cases.")
