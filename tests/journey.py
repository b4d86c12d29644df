"""Walk the wizard with Django's test client, the way a browser without JavaScript does."""

from __future__ import annotations

from typing import Any

from django.test import Client

PREFIX = "intake_wizard"

# A typical employee: 30 weeks sick, bedrijfsarts says partial work is possible, employer offers
# no work, talked without result.
TYPICAL_EMPLOYEE: dict[str, dict[str, Any]] = {
    "role": {"role": "employee"},
    "employment": {"employment": "permanent"},
    "still_sick": {"still_sick": "yes"},
    "sick_since": {"sick_since": "weeks_ago:30"},
    "disputes": {"disputes": ["suitable_work_available"]},
    "first_opinion": {"first_opinion": "bedrijfsarts"},
    "first_opinion_date": {"first_opinion_date": "weeks_ago:4"},
    "talked": {"talked": "yes"},
    "relationship": {"relationship": "good"},
    "expert_opinion": {"expert_opinion": "none"},
    "wage": {"wage": "paid"},
    "employer_passive": {"employer_passive": "no"},
    "legal_help": {"union_member": "yes", "legal_insurance": "no"},
    "cao_expert": {"cao_expert": "no"},
    "review": {},
    "advice": {},
    "details": {
        "requester_name": "Anouk de Vries-Çelik",
        "requester_address": "Lindelaan 12\n1234 AB Utrecht",
        "employer_name": "Bakkerij Brood & Zo B.V.",
        "bedrijfsarts_name": "Arbodienst Gezond Werk",
        "own_view": "De bedrijfsarts zegt dat ik 4 uur per dag aangepast werk kan doen. "
        "Mijn werkgever zegt dat er geen passend werk is.",
    },
}


def _value(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("weeks_ago:"):
        from datetime import timedelta

        from django.utils import timezone

        weeks = int(value.split(":")[1])
        return (timezone.localdate() - timedelta(weeks=weeks)).strftime("%d-%m-%Y")
    return value


def typical_answers_resolved() -> dict[str, dict[str, Any]]:
    """TYPICAL_EMPLOYEE with its relative dates written out (for clients outside Django's)."""
    return {
        step: {name: _value(value) for name, value in data.items()}
        for step, data in TYPICAL_EMPLOYEE.items()
    }


def step_of(response) -> str:  # noqa: ANN001
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


def post_step(client: Client, step: str, data: dict[str, Any], *, lang: str = "", **extra):  # noqa: ANN003, ANN201
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
):  # noqa: ANN201
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


def add_attachment(client: Client, response, upload):  # noqa: ANN001, ANN201
    """On the attachments page: add one file."""
    return client.post(response.request["PATH_INFO"], {"file": upload}, follow=True)
