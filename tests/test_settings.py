"""Settings come from the environment; the production flags pass Django's deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True
    )


def test_deploy_check_passes_with_production_environment():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "k" * 20 + "Q7x!pL9#mZ2@vB5$nC8%wE1^rT4&yU6*",
            "DJANGO_ALLOWED_HOSTS": "aid.example.nl",
            "DJANGO_ENCRYPTION_KEYS": "pxg2nS8vZtqBwHT9JYgkhvq1GuzHtEP1iPHFfEq0tZQ=",
            "DJANGO_SEARCH_INDEX_KEY": "bV3q-8rT_kLm2nP4sX6zA9cD1fG5hJ7w",
            "DJANGO_KEK_DIR": "/data/keys",
            "DJANGO_SECURE_SSL_REDIRECT": "1",
            "DJANGO_SECURE_COOKIES": "1",
            "DJANGO_HSTS_SECONDS": "31536000",
            "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
            "DJANGO_HSTS_PRELOAD": "1",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_without_https_flags():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "a.nl",
            "DJANGO_ENCRYPTION_KEYS": "pxg2nS8vZtqBwHT9JYgkhvq1GuzHtEP1iPHFfEq0tZQ=",
            "DJANGO_SEARCH_INDEX_KEY": "bV3q-8rT_kLm2nP4sX6zA9cD1fG5hJ7w",
            "DJANGO_KEK_DIR": "/data/keys",
        },
    )
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret():
    result = _manage("check", env={"DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "a.nl"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def _settings_value(expression: str, env: dict[str, str]) -> str:
    """What our settings module makes of an environment (a fresh interpreter each time)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    full_env.update(env, DJANGO_SETTINGS_MODULE="decision_aid.settings")
    code = f"from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_postgresql_goes_through_our_backend_with_kept_connections():
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x", "DJANGO_CONN_MAX_AGE": "30"}
    db = "settings.DATABASES['default']"
    assert _settings_value(f"{db}['ENGINE']", env) == "decision_aid.db.postgresql"
    assert _settings_value(f"{db}['CONN_MAX_AGE'], {db}['CONN_HEALTH_CHECKS']", env) == ("30 True")


def test_sqlite_overwrites_deleted_rows():
    value = _settings_value("settings.DATABASES['default']['OPTIONS']['init_command']", {})
    assert "secure_delete=ON" in value


def test_behind_a_proxy_trusts_one_hop_and_the_forwarded_scheme():
    env = {"DJANGO_BEHIND_PROXY": "1"}
    assert _settings_value("settings.TRUSTED_PROXY_HOPS", env) == "1"
    assert _settings_value("settings.SECURE_PROXY_SSL_HEADER", env) == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )
    assert _settings_value("settings.TRUSTED_PROXY_HOPS, settings.SECURE_PROXY_SSL_HEADER", {}) == (
        "0 None"
    )


def test_production_refuses_to_start_without_encryption_keys():
    result = _manage(
        "check",
        env={"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "a.nl"},
    )
    assert result.returncode != 0
    assert "DJANGO_ENCRYPTION_KEYS" in result.stderr


def test_production_refuses_to_start_without_a_search_index_key():
    result = _manage(
        "check",
        env={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "a.nl",
            "DJANGO_ENCRYPTION_KEYS": "pxg2nS8vZtqBwHT9JYgkhvq1GuzHtEP1iPHFfEq0tZQ=",
        },
    )
    assert result.returncode != 0
    assert "DJANGO_SEARCH_INDEX_KEY" in result.stderr


def test_production_refuses_to_start_without_a_key_folder():
    """The key-encryption keys' folder (cases.crypto): a default inside the container would be
    lost with the container, and every case with it."""
    result = _manage(
        "check",
        env={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "a.nl",
            "DJANGO_ENCRYPTION_KEYS": "pxg2nS8vZtqBwHT9JYgkhvq1GuzHtEP1iPHFfEq0tZQ=",
            "DJANGO_SEARCH_INDEX_KEY": "bV3q-8rT_kLm2nP4sX6zA9cD1fG5hJ7w",
        },
    )
    assert result.returncode != 0
    assert "DJANGO_KEK_DIR" in result.stderr
