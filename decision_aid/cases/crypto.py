"""Encryption at rest for answers and uploads (Fernet: AES-128-CBC + HMAC-SHA256).

Keys come from DJANGO_ENCRYPTION_KEYS (comma-separated Fernet keys; the first encrypts, all
decrypt, so keys can be rotated). See docs/decisions/0004-encryption-at-rest.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["InvalidToken", "decrypt", "decrypt_json", "digest", "encrypt", "encrypt_json"]


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys])


def _box() -> MultiFernet:
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def encrypt(data: bytes) -> bytes:
    return _box().encrypt(data)


def decrypt(token: bytes) -> bytes:
    return _box().decrypt(bytes(token))


def encrypt_json(value: Any) -> bytes:
    return encrypt(json.dumps(value, separators=(",", ":")).encode())


def decrypt_json(token: bytes | None, default: Any = None) -> Any:
    if not token:
        return default
    return json.loads(decrypt(token))


def digest(value: str) -> str:
    """A keyed hash for looking up secrets (resume codes) without storing them readable."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()
