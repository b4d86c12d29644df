"""python manage.py create_advisor USERNAME --organisation NAME [--lead] [--email E] [--name N]

Creates the organisation if needed and the advisor's account. The password is read from the
DJANGO_ADVISOR_PASSWORD environment variable, or asked for, and must pass the password rules
(AUTH_PASSWORD_VALIDATORS: at least 12 characters, not a common password). For a new advisor (or
with --new-2fa, for a lost phone) it prints a one-time link to set up two-step sign-in
(advisors.two_factor); hand it to the advisor yourself.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from decision_aid.advisors import two_factor
from decision_aid.advisors.models import Advisor, Organisation


class Command(BaseCommand):
    help = "Create (or update) a union advisor and their organisation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--organisation", required=True)
        parser.add_argument(
            "--lead", action="store_true", help="sees all cases of the organisation"
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="full name, shown as contact person")
        parser.add_argument(
            "--new-2fa",
            action="store_true",
            help="replace the advisor's authenticator (lost phone): prints a new set-up link",
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DJANGO_ADVISOR_PASSWORD") or getpass.getpass("Password: ")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=options["username"])
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        first, _, last = options["name"].partition(" ")
        user.first_name, user.last_name, user.email = first, last, options["email"]
        user.set_password(password)
        user.save()
        organisation, _ = Organisation.objects.get_or_create(name=options["organisation"])
        Advisor.objects.update_or_create(
            user=user, defaults={"organisation": organisation, "is_lead": options["lead"]}
        )
        verb = "created" if created else "updated"
        self.stdout.write(f"{verb} advisor {user.username} in {organisation.name}")
        if options["new_2fa"] or not two_factor.has_device(user):
            link = two_factor.new_setup_link(user)
            self.stdout.write(
                f"two-step sign-in set-up link (valid {two_factor.SETUP_LINK_HOURS} hours, "
                f"until first use; open it on this site after signing in): {link}"
            )
