"""python manage.py purge_expired: delete expired cases and their files (idempotent).

Runs as the `purge` service in docker-compose (every hour); safe to run as often as you like.
"""

from django.core.management.base import BaseCommand

from decision_aid.cases.services import cases_purge_expired


class Command(BaseCommand):
    help = "Delete cases past their expiry date, with their uploaded files."

    def handle(self, *args: object, **options: object) -> None:
        from decision_aid.cases import throttle

        count = cases_purge_expired()
        counters = throttle.purge_old()
        self.stdout.write(f"deleted {count} expired case(s), {counters} old limit counter(s)")
