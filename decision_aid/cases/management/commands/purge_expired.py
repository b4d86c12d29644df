"""python manage.py purge_expired: delete expired cases and their files (idempotent).

Also deletes feedback texts older than the retention of cases, expired sessions and ended
limit counters, erases deleted data keys, and rotates the key-encryption key (a new one every
KEK_ROTATE_HOURS, retired ones destroyed: cases.services.kek_rotate). Runs as the `purge`
service in docker-compose (every hour); safe to run as often as you like.
"""

from django.core.management.base import BaseCommand

from decision_aid.cases.services import cases_purge_expired, kek_rotate


class Command(BaseCommand):
    help = "Delete cases past their expiry date, with their uploaded files."

    def handle(self, *args: object, **options: object) -> None:
        from importlib import import_module

        from django.conf import settings

        from decision_aid.cases import throttle
        from decision_aid.cases.signals import retention_due

        count = cases_purge_expired()
        others = [str(line) for _receiver, line in retention_due.send(sender=self.__class__)]
        counters = throttle.purge_old()
        # Expired sessions (which case ids a browser had, waiting messages) go too.
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        self.stdout.write(
            ", ".join([f"deleted {count} expired case(s)", *others])
            + f", {counters} old limit counter(s) and the expired sessions"
        )
        rotated = kek_rotate()
        self.stdout.write(_kek_report(rotated))


def _kek_report(rotated: dict) -> str:
    made = f"made key-encryption key {rotated['made']}, " if rotated["made"] else ""
    gone = ", ".join(str(v) for v in rotated["destroyed"]) or "none"
    return (
        f"{made}current key-encryption key {rotated['current']}, "
        f"{rotated['rewrapped']} data key(s) rewrapped, destroyed: {gone}"
    )
