"""python manage.py rotate_keys [--force]: rotate the key-encryption key now.

purge_expired (hourly) does the same when the current key is KEK_ROTATE_HOURS old; --force
makes a new version at once (after a suspected leak of the key folder, say). Rewraps every
data key with the new version and destroys versions retired KEK_GRACE_MINUTES ago or more.
"""

from django.core.management.base import BaseCommand, CommandParser

from decision_aid.cases.management.commands.purge_expired import _kek_report
from decision_aid.cases.services import kek_rotate


class Command(BaseCommand):
    help = "Rotate the key-encryption key; rewrap the data keys; destroy retired versions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="a new version now")

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(_kek_report(kek_rotate(force=bool(options["force"]))))
