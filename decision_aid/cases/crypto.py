"""Encryption at rest for answers and uploads (Fernet: AES-128-CBC + HMAC-SHA256).

App keys come from DJANGO_ENCRYPTION_KEYS (comma-separated Fernet keys; the first encrypts, all
decrypt, so keys can be rotated). See docs/decisions/0004-encryption-at-rest.md.

Crypto-shredding (docs/decisions/0007-crypto-shredding.md): every case and every upload has its
own random data key. Its data is encrypted with that key (``DataBox``); the key itself is stored
only wrapped (encrypted) by the app key, in its own small table (cases.models.DataKey) that is
rewritten on deletion, so a deleted case's leftover bytes have no key anywhere.

Key-encryption keys (docs/decisions/0010-rotating-key-encryption-keys.md): the app-wrapped data
key is wrapped once more by a key-encryption key (KEK) kept outside PostgreSQL, one file per
version in KEK_DIR. The KEK rotates (cases.services.kek_rotate, hourly from purge_expired, a new
version every KEK_ROTATE_HOURS), live data keys are rewrapped to the new version, and a retired
version's file is destroyed KEK_GRACE_MINUTES after its retirement. A wrapped key that survives
in PostgreSQL's WAL or a disk copy after its case was deleted then has no KEK left to open it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = [
    "DataBox",
    "KeyDestroyed",
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


# --- key-encryption keys (outside the database) -------------------------------------------
class KeyDestroyed(InvalidToken):
    """The key-encryption key this data key was wrapped with no longer exists."""


_KEK_FILE = re.compile(r"^kek-(\d{6})\.key$")
_KEK_PREFIX = re.compile(rb"^kek(\d{6}):")
_kek_lock = threading.Lock()
_kek_cache: dict[tuple[str, int], Fernet] = {}


def kek_dir() -> Path:
    """Where the KEK files are (KEK_DIR: outside the database, shared by every container)."""
    return Path(settings.KEK_DIR)


def kek_versions() -> dict[int, Path]:
    """Every KEK version on disk, oldest first."""
    folder = kek_dir()
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return {}
    found = {int(m[1]): folder / n for n in names if (m := _KEK_FILE.match(n))}
    return dict(sorted(found.items()))


def kek_new() -> int:
    """Make the next KEK version (the current one from now on); its number."""
    folder = kek_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    while True:
        version = max(kek_versions(), default=0) + 1
        path = folder / f"kek-{version:06d}.key"
        try:  # two processes at once: one makes it, the other takes the next number
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as fh:
            fh.write(Fernet.generate_key() + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        return version


def kek_current() -> int:
    """The version new data keys are wrapped with (the newest file; made on first use).
    Read from the folder every time: after a rotation no process wraps with the old one."""
    versions = kek_versions()
    return max(versions) if versions else kek_new()


def kek_created(version: int) -> float | None:
    path = kek_versions().get(version)
    return path.stat().st_mtime if path else None


def _kek(version: int) -> Fernet:
    folder = str(kek_dir())
    with _kek_lock:
        cached = _kek_cache.get((folder, version))
    if cached is not None:
        return cached
    path = kek_versions().get(version)
    if path is None:
        raise KeyDestroyed(f"key-encryption key {version} is destroyed")
    fernet = Fernet(path.read_bytes().strip())
    with _kek_lock:
        _kek_cache[(folder, version)] = fernet
    return fernet


def kek_destroy(version: int) -> bool:
    """Overwrite the KEK file with random bytes, then remove it (and forget it here)."""
    path = kek_versions().get(version)
    with _kek_lock:
        for key in [k for k in _kek_cache if k[1] == version]:
            del _kek_cache[key]
    if path is None:
        return False
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.write(secrets.token_bytes(size))
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()
    return True


def wrapped_version(wrapped: bytes) -> int | None:
    """The KEK version a stored data key is wrapped with; None: the app key only (stored before
    KEKs, until the next rotation rewraps it)."""
    match = _KEK_PREFIX.match(bytes(wrapped[:10]))
    return int(match[1]) if match else None


# --- per-case and per-upload data keys ----------------------------------------------------
def new_data_key() -> bytes:
    return Fernet.generate_key()


def wrap_key(key: bytes, *, version: int | None = None) -> bytes:
    """A data key encrypted with the app key, then with the current KEK (what is stored)."""
    version = kek_current() if version is None else version
    return b"kek%06d:" % version + _kek(version).encrypt(encrypt(key))


def unwrap_key(wrapped: bytes) -> bytes:
    """The data key; KeyDestroyed when its KEK is gone, InvalidToken when it does not open."""
    wrapped = bytes(wrapped)
    version = wrapped_version(wrapped)
    if version is None:
        return decrypt(wrapped)  # wrapped by the app key alone (before KEKs)
    return decrypt(_kek(version).decrypt(wrapped[10:]))


def kek_age_seconds(version: int, *, now: float | None = None) -> float:
    created = kek_created(version)
    return 0.0 if created is None else (time.time() if now is None else now) - created


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
