"""Setting up two-step sign-in through a one-time link, never after a password alone.

``manage.py create_advisor`` (or ``--new-2fa`` for a lost phone) makes a fresh, unconfirmed
authenticator device and prints a link to set it up. The link is signed with the secret key,
names the device and a fingerprint of its key, and expires after SETUP_LINK_HOURS; it works
only for the advisor it was made for, after they signed in with their password, and only until
the device is confirmed with a first code (then it is dead). Signing in with a password while
no device is set up shows no key: it says to ask for a link.
"""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_LINK_HOURS = 72
_SALT = "advisors.two_factor.setup"


def _fingerprint(device: TOTPDevice) -> str:
    return hashlib.sha256(device.key.encode()).hexdigest()[:16]


def new_setup_link(user: AbstractBaseUser) -> str:
    """Replace the user's authenticator devices by a fresh one; the path of its set-up link."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, confirmed=False, name="authenticator")
    token = signing.dumps({"d": device.pk, "f": _fingerprint(device)}, salt=_SALT)
    return reverse("advisors:two_factor_setup", kwargs={"token": token})


def device_for_link(token: str, user: AbstractBaseUser) -> TOTPDevice | None:
    """The unconfirmed device the link sets up, if the link is valid for this user now."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=SETUP_LINK_HOURS * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    device = TOTPDevice.objects.filter(pk=data.get("d"), user=user, confirmed=False).first()
    if device is None or _fingerprint(device) != data.get("f"):
        return None
    return device


def device_confirm(device: TOTPDevice) -> None:
    """The first right code from the app: the device is set up (its link is dead from now)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def has_device(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
