"""Encryption at rest for answers and uploads (Fernet: AES-128-CBC + HMAC-SHA256).

App keys come from DJANGO_ENCRYPTION_KEYS (comma-separated Fernet keys; the first encrypts, all
decrypt, so keys can be rotated). See docs/decisions/0004-encryption-at-rest.md.

Crypto-shredding (docs/decisions/0007-crypto-shredding.md): every case and every upload has its
own random data key. Its data is encrypted with that key (``DataBox``); the key itself is stored
only wrapped (encrypted) by the app key, in its own small table (cases.models.DataKey) that is
rewritten on deletion, so a deleted case's leftover bytes have no key anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = [
    "DataBox",
    "InvalidToken",
    "decrypt",
    "decrypt_json",
    "digest",
    "encrypt",
    "encrypt_json",
    "new_data_key",
    "unwrap_key",
    "wrap_key",
]


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


# --- per-case and per-upload data keys ----------------------------------------------------
def new_data_key() -> bytes:
    return Fernet.generate_key()


def wrap_key(key: bytes) -> bytes:
    """A data key encrypted with the app key (what is stored)."""
    return encrypt(key)


def unwrap_key(wrapped: bytes) -> bytes:
    return decrypt(wrapped)


class DataBox:
    """Encrypts and decrypts one case's (or one upload's) data with its own key."""

    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)

    def encrypt(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        return self._fernet.decrypt(bytes(token))

    def encrypt_json(self, value: Any) -> bytes:
        return self.encrypt(json.dumps(value, separators=(",", ":")).encode())

    def decrypt_json(self, token: bytes | None, default: Any = None) -> Any:
        if not token:
            return default
        return json.loads(self.decrypt(token))
