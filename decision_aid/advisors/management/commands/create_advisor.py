"""python manage.py create_advisor USERNAME --organisation NAME [--lead] [--email E] [--name N]

Creates the organisation if needed and the advisor's account. The password is read from the
DJANGO_ADVISOR_PASSWORD environment variable, or asked for; the second factor is set up at the
first sign-in.
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
