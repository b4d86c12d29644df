"""The advisor's live intake on a shared case: the one-page intake's questions read
from and written to the member's stored wizard pages, answer by answer.

The intake's field names are the wizard's, except the member's name and address (the wizard's
requester on its details page). A save writes only the answers the advisor changed since the
page showed them (``base``), onto what is stored now (cases.services.case_merge_state).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from django.utils.translation import gettext

from decision_aid.advice.presenter import advice_context
from decision_aid.advisors.forms import IntakeForm, WeeksOrDateField
from decision_aid.casefile import live
from decision_aid.casefile.state import case_file_from_state
from decision_aid.cases.models import Case
from decision_aid.cases.services import case_merge_state
from decision_aid.routing.casefile import CaseFileError, load_case
from decision_aid.wizard import steps as s

#: intake name -> the wizard's answer name, where they differ
_WIZARD_NAME = {"member_name": "requester_name", "member_address": "requester_address"}
#: intake fields that are not wizard answers (the advisor's own reference stays on AdvisorCase)
_NOT_SHARED = {"reference"}


@cache
def _pages() -> dict[str, tuple[str, str]]:
    """intake name -> (wizard page, stored key)."""
    page_of: dict[str, str] = {}
    for step in s.STEPS:
        for name in step.form.base_fields:
            page_of.setdefault(name, step.name)
    mapping = {}
    for name in IntakeForm.base_fields:
        if name in _NOT_SHARED:
            continue
        wizard_name = _WIZARD_NAME.get(name, name)
        if wizard_name in page_of:
            page = page_of[wizard_name]
            mapping[name] = (page, f"{page}-{wizard_name}")
    return mapping


def _intake_name(wizard_name: str) -> str:
    return {v: k for k, v in _WIZARD_NAME.items()}.get(wizard_name, wizard_name)


def shared_values(state: dict[str, Any] | None) -> dict[str, list[str]]:
    """The intake's answers as stored (value lists, as a form posts them)."""
    pages = (state or {}).get("step_data") or {}
    values: dict[str, list[str]] = {}
    for name, (page, key) in _pages().items():
        stored = (pages.get(page) or {}).get(key)
        values[name] = [str(v) for v in stored] if stored else []
    return values


def form_for(state: dict[str, Any] | None) -> IntakeForm:
    """An unbound intake showing the stored answers (nothing pre-selected that is not)."""
    initial: dict[str, Any] = {}
    for name, value in shared_values(state).items():
        if not value:
            continue
        initial[name] = value if name == "disputes" else value[0]
    form = IntakeForm(initial=initial)
    form.fields.pop("reference", None)
    form.fields["member_name"].widget.attrs.pop("autofocus", None)
    return form


def _stored_value(name: str, posted: list[str]) -> list[str]:
    field = IntakeForm.base_fields[name]
    choices = getattr(field, "choices", None)
    if choices is not None:  # only real answers of a choice question are stored
        valid = {str(value) for value, _label in choices}
        return [value for value in posted if value in valid]
    if isinstance(IntakeForm.base_fields[name], WeeksOrDateField) and posted and posted[0]:
        try:  # "30w" becomes the date it means, as the wizard stores dates
            value = IntakeForm.base_fields[name].to_python(posted[0])
        except Exception:
            return posted
        return [value.strftime("%d-%m-%Y")] if value else posted
    return posted


def save(*, case: Case, posted: Any, language: str) -> list[str]:
    """Write the answers the advisor changed since the page showed them. ``posted``: the
    request's POST (a QueryDict with ``base``, the values as shown). The names written."""
    try:
        shown = json.loads(posted.get("base", "") or "{}")
    except ValueError:
        shown = {}
    if not isinstance(shown, dict):
        shown = {}
    loaded = case.wizard_state or {"step": "role", "step_data": {}, "step_files": {}}
    loaded.setdefault("extra_data", {})
    mine = copy.deepcopy(loaded)
    pages = mine.setdefault("step_data", {})
    for name, (page, key) in _pages().items():
        new = [v[:2000] for v in posted.getlist(name)[:30]]
        if new == shown.get(name, []):
            continue  # not changed by the advisor: whatever is stored now stays
        value = _stored_value(name, new)
        if value and value != [""] or key in (pages.get(page) or {}):
            pages.setdefault(page, {})[key] = value
    return case_merge_state(case=case, base=loaded, state=mine, language=language, by=live.ADVISOR)


def advice_for(state: dict[str, Any] | None, *, language: str) -> dict[str, Any] | None:
    """The advice for the stored answers as they are now, or None while too much is missing."""
    if not state:
        return None
    try:
        case_file = case_file_from_state(state, language=language)
        load_case(case_file)
        return advice_context(case_file)
    except (CaseFileError, KeyError, TypeError, ValueError):
        return None


def member_changes(state: dict[str, Any] | None, *, limit: int = 5) -> list[dict[str, str]]:
    """The answers the member changed last, newest first, with the intake's question."""
    fields = IntakeForm.base_fields
    rows = []
    for name, stamp in list(live.last_changes(state, by=live.MEMBER).items())[:limit]:
        intake = _intake_name(name)
        field = fields.get(intake) or _wizard_fields().get(name)
        label = str(field.label) if field is not None else gettext("another answer")
        rows.append({"name": intake, "label": label, "at": stamp.get("at", "")})
    return rows


@cache
def _wizard_fields() -> dict[str, Any]:
    return {name: field for step in s.STEPS for name, field in step.form.base_fields.items()}
