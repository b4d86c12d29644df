"""Walk the wizard with Django's test client, the way a browser without JavaScript does."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.journey_data import TYPICAL_EMPLOYEE, _resolve, resolve_dates

PREFIX = "intake_wizard"


def _value(value: Any) -> Any:
    from django.utils import timezone

    return _resolve(value, timezone.localdate())


def typical_answers_resolved() -> dict[str, dict[str, Any]]:
    """TYPICAL_EMPLOYEE with its relative dates written out (for clients outside Django's)."""
    from django.utils import timezone

    return resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())


def step_of(response) -> str:
    last = response.request["PATH_INFO"].rstrip("/").split("/")[-1]
    return "role" if last == "vragen" else last


def current_case_id(client: Client) -> str | None:
    cases = client.session.get("cases", [])
    return cases[-1] if cases else None


def step_url(client: Client, step: str, *, lang: str = "") -> str:
    case_id = current_case_id(client)
    if case_id is None:
        return f"{lang}/vragen/"
    return f"{lang}/vragen/{case_id}/{step}/"


def post_step(client: Client, step: str, data: dict[str, Any], *, lang: str = "", **extra):
    payload: dict[str, Any] = {f"{PREFIX}-current_step": step}
    for name, value in data.items():
        payload[f"{step}-{name}"] = _value(value)
    payload.update(extra)
    return client.post(step_url(client, step, lang=lang), payload, follow=True)


def walk(
    client: Client,
    answers: dict[str, dict[str, Any]],
    *,
    lang: str = "",
    stop_at: str | None = None,
):
    """Answer every page the wizard shows until the attachments page (or `stop_at`)."""
    response = client.get(f"{lang}/vragen/", follow=True)
    seen = []
    for _ in range(40):
        step = step_of(response)
        if step == stop_at or "/brief/" in response.request["PATH_INFO"]:
            return response
        assert step in answers, f"wizard asked {step!r}, not in the answers (seen {seen})"
        data = dict(answers[step])
        seen.append(step)
        response = post_step(client, step, data, lang=lang)
        assert response.status_code == 200, (step, response.status_code)
        finished = "/brief/" in response.request["PATH_INFO"]
        if not finished and step_of(response) == step:
            raise AssertionError(f"step {step} did not advance: {response.context['form'].errors}")
    raise AssertionError("wizard did not finish")


def add_attachment(client: Client, response, upload):
    """On the attachments page: add one file."""
    return client.post(response.request["PATH_INFO"], {"file": upload}, follow=True)
