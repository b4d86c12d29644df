"""Thin django-formtools glue: forms validate fields, the routing engine gives the advice.

What this view adds to formtools, and why:
- Answers live in the case row (storage.CaseStorage), saved after every request; the case id is
  in the URL, so two tabs never mix and a timed-out session loses nothing.
- "Back", "Change" and the language switch first save what is on the page (valid or not), so
  going back never loses typed answers.
- Page conditions read raw stored answers once per request (see steps.py) and the cached form
  list is dropped whenever answers change, so the next page always fits the latest answers.
- Nobody can skip ahead by URL: review, advice and later pages first check that every earlier
  page is answered and valid, and send the person to the first one that is not.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from formtools.wizard.views import NamedUrlWizardView

from decision_aid import counting as insight
from decision_aid.advice.presenter import advice_context
from decision_aid.casefile import live
from decision_aid.casefile.answers import build_case_file
from decision_aid.cases.access import Action, CaseState, access_for, case_state
from decision_aid.cases.leave import LEAVE, TYPED_BACK, same_site
from decision_aid.cases.limits import TooManyCases, case_create_limited, too_many_cases_response
from decision_aid.cases.models import Case
from decision_aid.cases.selectors import session_add_case
from decision_aid.cases.services import case_finish, case_merge_state, case_save_state
from decision_aid.counting import advice_counts
from decision_aid.routing.weeks import sick_week
from decision_aid.wizard import steps as s
from decision_aid.wizard.dates import parse_date
from decision_aid.wizard.forms import DutchDateField
from decision_aid.wizard.review import review_rows

logger = logging.getLogger(__name__)

SWITCH_LANGUAGE = "switch_language"
# The share panel's buttons on a question page ("Together with my advisor", "Stop sharing",
# "keep with the union"): the page is saved first, then the request goes on (307, the same
# POST) to the share view, so nothing typed is lost at that seam
SHARE_ACTION = "share_action"
SHARE_URLS = {"start": "share:start", "stop": "share:stop", "keep": "share:keep"}

#: session key: text typed when the session ended, to put back after the resume code
# A shared call: the page's answers as they were shown, so a save writes only what
# this person changed and never puts back an answer the other side changed meanwhile.
LIVE_BASE = "live_base"
# shared live or kept with the union (also while a new share code of the member waits)
SHARED = frozenset({CaseState.LIVE, CaseState.KEPT})
# set when "Change" on the check page was pressed: after the changed page (and any page the
# change newly opens), the person returns to the check page
RETURN_TO_REVIEW = "return_to_review"
DATE_ECHO = "date_echo"
# Caps on what one page stores: characters of a field without its own max_length (dates,
# choices), and values of one field (the longest choice list is far shorter).
FIELD_CAP_CHARS = 200
FIELD_CAP_VALUES = 30
# Which pages of this case were already counted as reached and answered: kept with
# the answers (encrypted, deleted with the case), so a page is counted once per case and the
# counts themselves hold nothing about the case.
COUNTED = "counted"


def _condition(step: s.Step):
    def check(wizard: IntakeWizard) -> bool:
        return step.condition(wizard.raw_answers())  # type: ignore[misc]

    return check


def _typed_texts(request: HttpRequest, step: str | None) -> list[tuple[str, str, str]]:
    """The free text a POST to a wizard page carried (label, text): what a person whose session
    ended had just typed. Only text fields of that page's form, never choices or other keys."""
    if request.method != "POST" or step not in s.STEP_BY_NAME:
        return []
    typed = []
    for name, field in s.STEP_BY_NAME[step].form.base_fields.items():
        if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            continue
        value = request.POST.get(f"{step}-{name}", "").strip()
        if value:
            typed.append((f"{step}-{name}", str(field.label or name), value[:5000]))
    return typed


def _typed_texts_fields(step: str) -> list[tuple[str, str, str]]:
    """(stored key, label, "") of the text fields of a page: those typed text may go back into."""
    return [
        (f"{step}-{name}", str(field.label or name), "")
        for name, field in s.STEP_BY_NAME[step].form.base_fields.items()
        if not isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
    ]


class IntakeWizard(NamedUrlWizardView):
    form_list = [(step.name, step.form) for step in s.STEPS]
    condition_dict = {step.name: _condition(step) for step in s.STEPS if step.condition}
    storage_name = "decision_aid.wizard.storage.CaseStorage"
    url_name = "wizard:step"
    done_step_name = "klaar"

    # --- the case behind the answers --------------------------------------------------------
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        case_id = kwargs.pop("case_id", None)
        request.wizard_case = None  # type: ignore[attr-defined]
        if case_id is not None:
            case = Case.objects.filter(pk=case_id, expires_at__gt=timezone.now()).first()
            if case is None:
                raise Http404
            # The member's own pages: an advisor changes answers on the call page (cases.access)
            if not access_for(request, case).allows(Action.CHANGE_ANSWERS):
                # e.g. the session timed out: the answers are safe, the resume code opens them;
                # what was just sent could not be saved, so the person gets it back to copy
                typed = _typed_texts(request, kwargs.get("step"))
                if typed:
                    from decision_aid.cases.views import resume_after_expiry

                    return resume_after_expiry(request, typed, step=kwargs["step"])
                return redirect(reverse("cases:resume") + "?expired=1")
            request.wizard_case = case  # type: ignore[attr-defined]
        try:
            response = super().dispatch(request, *args, **kwargs)
            self._persist()
        except TooManyCases:
            return too_many_cases_response(request)
        return response

    @property
    def case(self) -> Case | None:
        return self.request.wizard_case  # type: ignore[attr-defined]

    def _ensure_case(self) -> Case:
        if self.case is None:
            case = case_create_limited(request=self.request)
            session_add_case(self.request, case)
            self.request.wizard_case = case  # type: ignore[attr-defined]
        return self.case  # type: ignore[return-value]

    def _persist(self) -> None:
        storage = self.storage
        if not storage.changed() or not storage.has_answers():
            return
        case = self._ensure_case()
        if case_state(case) in SHARED and storage.loaded_state() is not None:
            # Shared with an advisor: answer by answer onto what is stored now (the later
            # save of the same answer wins), stamped with who changed it.
            case_merge_state(
                case=case,
                base=storage.loaded_state(),
                state=storage.data,
                language=self.request.LANGUAGE_CODE,
                by=live.MEMBER,
                keep=self._unchanged_on_page(),
            )
        else:
            case_save_state(case=case, state=storage.data, language=self.request.LANGUAGE_CODE)
        storage.mark_saved()

    def _unchanged_on_page(self) -> frozenset[tuple[str, str]]:
        """The answers of the posted page that are as they were shown (LIVE_BASE): not
        changed by this person, so they must not overwrite a newer answer of the other side."""
        if self.request.method != "POST" or LIVE_BASE not in self.request.POST:
            return frozenset()
        try:
            shown = json.loads(self.request.POST[LIVE_BASE])
        except ValueError:
            return frozenset()
        step = self.request.POST.get(f"{self.prefix}-current_step", "")
        if not isinstance(shown, dict) or step not in self.get_form_list():
            return frozenset()
        stored = (self.storage.data.get("step_data") or {}).get(step) or {}

        def value(answers: dict[str, Any], key: str) -> list[Any]:
            # a field left empty posts "" (text) or nothing (choices): the same as not shown
            return [v for v in answers.get(key) or [] if v != ""]

        return frozenset(
            (step, key)
            for key in set(shown) | set(stored)
            if value(shown, key) == value(stored, key)
        )

    def get_step_url(self, step: str) -> str:
        if self.case is None:
            return reverse("wizard:start")
        return reverse(self.url_name, kwargs={"case_id": self.case.id, "step": step})

    def get_form_list(self):
        """formtools' list of the pages that apply, without its per-call signature and copy
        (called ~6 times per request); formtools and _answers_changed drop it on every change."""
        cached = self.__dict__.get("_resolved_form_list")
        if cached is not None and not self.__dict__.get("_check_cond_started"):
            return cached
        return super().get_form_list()

    # --- answers -------------------------------------------------------------------------
    def raw_answers(self) -> dict[str, Any]:
        """Every stored answer by field name, unvalidated; cached until answers change."""
        cached = getattr(self, "_raw_answers", None)
        if cached is not None:
            return cached
        raw = s.raw_answers(self.storage.get_step_data, today=timezone.localdate())
        self._raw_answers = raw
        return raw

    def _answers_changed(self) -> None:
        self._raw_answers = None
        self._cleaned_before = None
        self.__dict__.pop("_resolved_form_list", None)

    def _save_current_page(self) -> None:
        """Store what is on the page now, even if it is not valid yet (never lose typing)."""
        step = self.steps.current
        form = self.get_form(data=self.request.POST)
        self.storage.set_step_data(step, self.process_step(form))
        self._answers_changed()
        self._ensure_case()

    def get_form_step_data(self, form: Any) -> dict[str, list[str]]:
        """Only the page's own answers are stored (no CSRF token, no management form), and
        only its own fields, each capped: the Back/Change path stores a page unvalidated, so
        without caps it stored whatever size was sent (2.5 MB per page was seen)."""
        stored: dict[str, list[str]] = {}
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            if key not in form.data:
                continue
            # Twice the field's limit: an over-long text is kept for the person to shorten
            # (the form says how long it is), an attack is cut off.
            cap = 2 * (getattr(field, "max_length", None) or FIELD_CAP_CHARS)
            values = form.data.getlist(key)[:FIELD_CAP_VALUES]
            stored[key] = [str(value)[:cap] for value in values]
        return stored

    def first_unfinished_step(self, before: str) -> str | None:
        """The first earlier page that is missing or not valid, or None. On the way, keeps the
        earlier pages' cleaned answers, so the page being shown does not validate them again."""
        cleaned: dict[str, Any] = {}
        for name in self.get_form_list():
            if name == before:
                self._cleaned_before = cleaned
                return None
            data = self.storage.get_step_data(name)
            form = self.get_form(step=name, data=data, files=self.storage.get_step_files(name))
            if data is None or not form.is_valid():
                return name
            cleaned.update(form.cleaned_data)
        return None

    def cleaned_answers(self) -> dict[str, Any]:
        cached = getattr(self, "_cleaned_before", None)
        return cached if cached is not None else self.get_all_cleaned_data()

    # --- request handling ----------------------------------------------------------------
    def _current_step_gone(self) -> HttpResponse | None:
        """The page stored as the current one no longer applies: an earlier answer changed
        elsewhere (the advisor on a shared call). formtools looked up its form: a 500. Go to
        the first page that still needs an answer, else the last page."""
        if self.steps.current in self.get_form_list():
            return None
        target = self.first_unfinished_step(before="") or self.steps.last
        self.storage.current_step = target
        return redirect(self.get_step_url(target))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        if step == self.steps.current and (gone := self._current_step_gone()):
            return gone
        if step in self.get_form_list() and s.STEP_BY_NAME[step].section >= 5:
            missing = self.first_unfinished_step(before=step)
            if missing:
                self.storage.current_step = missing
                return redirect(self.get_step_url(missing))
        self._put_back_typed(step)
        response = super().get(request, *args, **kwargs)
        if self.case is None and step == "role" and response.status_code == 200:
            insight.count(request, insight.PAGE_REACHED, "role")  # a new journey's first page
        return response

    def _page_has_answers(self) -> bool:
        """The POST carries an answer of the page shown (a link followed from an empty first
        page makes no case)."""
        prefix = f"{self.steps.current}-"
        return any(
            k.startswith(prefix) and any(self.request.POST.getlist(k)) for k in self.request.POST
        )

    def _put_back_typed(self, step: str | None) -> None:
        """What the person typed when the session ended, carried through the resume page with
        the code (cases.leave.TYPED_BACK): back in this page's text fields, saved."""
        typed = self.request.session.get(TYPED_BACK)
        if not typed or self.case is None or typed.get("case") != str(self.case.pk):
            return
        if typed.get("step") != step or step not in self.get_form_list():
            return
        self.request.session.pop(TYPED_BACK, None)
        fields = {key for key, _label, _text in _typed_texts_fields(step)}
        data = dict(self.storage.get_step_data(step) or {})
        for key, text in (typed.get("values") or {}).items():
            if key in fields:
                data[key] = [str(text)[:5000]]
        self.storage.set_step_data(step, data)
        self._answers_changed()

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        step = self.steps.current
        if step not in self.get_form_list():
            # What the person typed on a page that no longer applies is kept (it is back
            # should the earlier answer change back), then on to a page that applies.
            form_class = self.form_list.get(step)
            if form_class is not None:
                prefix = self.get_form_prefix(step, form_class)
                form = form_class(data=self.request.POST, prefix=prefix)
                self.storage.set_step_data(step, self.get_form_step_data(form))
            return self._current_step_gone()  # type: ignore[return-value]
        # A posted current_step that is no page of this wizard ("klaar", made up, too long)
        # made formtools look up a form that does not exist: a 500. Take it as the page shown.
        key = f"{self.prefix}-current_step"
        if self.request.POST.get(key) not in self.get_form_list():
            data = self.request.POST.copy()
            data[key] = self.steps.current
            self.request.POST = data
        language = self.request.POST.get(SWITCH_LANGUAGE)
        goto = self.request.POST.get("wizard_goto_step")
        if language in dict(settings.LANGUAGES) or goto in self.get_form_list():
            self._save_current_page()
        share_action = self.request.POST.get(SHARE_ACTION)
        leave = self.request.POST.get(LEAVE, "")
        if (share_action or leave) and (self.case is not None or self._page_has_answers()):
            self._save_current_page()
        if share_action in SHARE_URLS and self.case is not None:
            response = redirect(reverse(SHARE_URLS[share_action], kwargs={"case_id": self.case.id}))
            response.status_code = 307
            return response
        if share_action == "refresh":
            return redirect(self.get_step_url(self.steps.current) + "#share-panel")
        if leave:
            return redirect(same_site(self.request, leave) or self.get_step_url(self.steps.current))
        if (
            goto in self.get_form_list()
            and self.request.POST.get(f"{self.prefix}-current_step") == "review"
        ):
            self.storage.extra_data = {**self.storage.extra_data, RETURN_TO_REVIEW: True}
        if language in dict(settings.LANGUAGES):
            url = translate_url(self.get_step_url(self.steps.current), language)
            return redirect(url)
        return super().post(*args, **kwargs)

    def render_next_step(self, form: Any, **kwargs: Any) -> HttpResponse:
        self._answers_changed()
        self._ensure_case()
        answered = self.steps.current
        target = None
        if self.storage.extra_data.get(RETURN_TO_REVIEW):
            if "review" in self.get_form_list():
                # a page the change opened (never answered) first, then the check page
                target = self.first_unfinished_step(before="review") or "review"
                if target == "review":
                    self._stop_returning_to_review()
            else:
                self._stop_returning_to_review()  # now out of scope: the result comes next
        self._remember_date_echo(form, on=target or self.get_next_step())
        self._count_progress(answered, reached=target or self.get_next_step())
        if target is not None:
            self.storage.current_step = target
            return redirect(self.get_step_url(target))
        return super().render_next_step(form, **kwargs)

    def _remember_date_echo(self, form: Any, *, on: str | None) -> None:
        """Keep what a typed date was understood as, to say it on the next page ("Begrepen:
        maandag 4 mei 2026, nu week 31"), so a misread date is seen at once.
        Kept with the answers (saved anyway), not in the session: no extra write per page."""
        extra = {k: v for k, v in self.storage.extra_data.items() if k != DATE_ECHO}
        for name, field in form.fields.items():
            value = form.cleaned_data.get(name)
            if isinstance(field, DutchDateField) and value is not None and on:
                typed = str(form.data.get(form.add_prefix(name), ""))
                parsed = parse_date(typed, today=timezone.localdate())
                extra[DATE_ECHO] = {
                    "on": on,
                    "field": name,
                    "date": value.isoformat(),
                    "approximate": bool(parsed and parsed.approximate),
                }
        self.storage.extra_data = extra

    def _date_echo_text(self, step: str) -> str:
        echo = self.storage.extra_data.get(DATE_ECHO)
        if not echo or echo.get("on") != step:
            return ""
        value = date.fromisoformat(echo["date"])
        day = date_format(value, "l j F Y")
        if echo["field"] == "sick_since":
            text = gettext("Understood: %(date)s, now week %(week)s.") % {
                "date": day,
                "week": sick_week(value, timezone.localdate()),
            }
        else:
            text = gettext("Understood: %(date)s.") % {"date": day}
        if echo.get("approximate"):
            text += " " + gettext("That is an estimate: change it if you know the exact day.")
        return text

    def _count_progress(self, answered: str, *, reached: str | None) -> None:
        """Count a page answered and the next page reached, each the first time for this case
        (insight.counters); on first reaching the advice, what it advises. Nothing is written
        here: the counts go out in one statement after the response, the list of counted pages
        with the answers that this request saves anyway."""
        counted = self.storage.extra_data.get(COUNTED) or {}
        done_r, done_a = list(counted.get("r", ["role"])), list(counted.get("a", []))
        role = self.raw_answers().get("role")
        if answered not in done_a:
            if answered not in done_r:  # e.g. a case made from an uploaded answers file
                insight.count(self.request, insight.PAGE_REACHED, answered, role=role)
                done_r.append(answered)
            insight.count(self.request, insight.PAGE_ANSWERED, answered, role=role)
            done_a.append(answered)
        if reached and reached not in done_r:
            insight.count(self.request, insight.PAGE_REACHED, reached, role=role)
            done_r.append(reached)
            if reached == "advice":
                try:
                    found = advice_counts(self._case_file())
                except Exception:
                    logger.warning("Could not count the advice of a case")
                    found = []
                for metric, key in found:
                    insight.count(self.request, metric, key, role=role)
        if [done_r, done_a] != [counted.get("r", ["role"]), counted.get("a", [])]:
            self.storage.extra_data = {
                **self.storage.extra_data,
                COUNTED: {"r": done_r, "a": done_a},
            }

    def _stop_returning_to_review(self) -> None:
        extra = dict(self.storage.extra_data)
        extra.pop(RETURN_TO_REVIEW, None)
        self.storage.extra_data = extra

    def render_done(self, form: Any, **kwargs: Any) -> HttpResponse:
        """Like formtools, but answers stay stored, so the person can still change them."""
        self._answers_changed()
        if kwargs.get("step") != self.done_step_name:
            self._count_progress(self.steps.current, reached=None)
            return redirect(self.get_step_url(self.done_step_name))
        final = {}
        for name in self.get_form_list():
            form_obj = self.get_form(
                step=name,
                data=self.storage.get_step_data(name),
                files=self.storage.get_step_files(name),
            )
            if not form_obj.is_valid():
                return self.render_revalidation_failure(name, form_obj, **kwargs)
            final[name] = form_obj
        return self.done(list(final.values()), form_dict=final, **kwargs)

    # --- rendering -----------------------------------------------------------------------
    def render(self, form: Any = None, **kwargs: Any) -> HttpResponse:
        form = form or self.get_form()
        if form.is_bound and not self._page_sent():
            # Shown again with what was typed (after Back, a language switch, a time-out), not
            # sent: no "There is a problem" before the person pressed Next (phone review).
            form.full_clean()
            form._errors = ErrorDict()
        return super().render(form, **kwargs)

    def _page_sent(self) -> bool:
        """This request sent the page now shown with Next (not Back, Change or a language)."""
        post = self.request.POST
        return (
            self.request.method == "POST"
            and post.get(f"{self.prefix}-current_step") == self.steps.current
            and not post.get("wizard_goto_step")
            and not post.get(SWITCH_LANGUAGE)
        )

    def get_template_names(self) -> list[str]:
        return [f"wizard/{self.steps.current}.html", "wizard/question.html"]

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        step = s.STEP_BY_NAME[self.steps.current]
        context.update(
            section=s.SECTIONS[step.section - 1],
            progress=s.page_progress(step.name, self.raw_answers()),
            date_echo=self._date_echo_text(step.name),
            page_title=form.title,
            prev_step=self.steps.prev,
            language_switch_form="wizard-form",
            case=self.case,
            person_role=self.raw_answers().get("role"),
        )
        if self.case is not None and case_state(self.case) in SHARED:
            context["live"] = self._live_context(form)
        if step.name == "review":
            context["review_rows"] = review_rows(
                self.cleaned_answers(), self.get_form_list(), role=self.raw_answers().get("role")
            )
        elif step.name == "advice":
            context["advice"] = advice_context(self._case_file())
            context["feedback_role"] = self.raw_answers().get("role")
            if self.case is not None and context["advice"].get("this_week"):
                context["calendar_url"] = reverse(
                    "wizard:calendar", kwargs={"case_id": self.case.id}
                )
        return context

    def _live_context(self, form: Any) -> dict[str, Any]:
        """For a shared case: the page's answers as shown, and which of them the other side
        changed last ("changed by your advisor")."""
        stored = (self.storage.data.get("step_data") or {}).get(self.steps.current) or {}
        changes = live.last_changes(self.storage.data, by=live.ADVISOR)
        on_page = [
            {"label": str(field.label), "at": changes[name]["at"]}
            for name, field in form.fields.items()
            if name in changes
        ]
        return {"base": json.dumps(stored, sort_keys=True), "changed_here": on_page}

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(step)
        kwargs["role"] = self.raw_answers().get("role")
        if step == "details" or (step is None and self.steps.current == "details"):
            kwargs["answers"] = self.raw_answers()
        return kwargs

    def _case_file(self) -> dict[str, Any]:
        case_file = build_case_file(
            self.cleaned_answers(),
            as_of=timezone.localdate(),
            language=self.request.LANGUAGE_CODE,
        )
        # Shared with a union advisor: the member stays the requester, the advisor
        # is the contact person in the letter.
        contact = self.storage.extra_data.get(live.CONTACT)
        if contact and self.case is not None and case_state(self.case) in SHARED:
            parties = case_file.get("parties")
            if parties is not None and case_file.get("role") == "employee":
                parties["advisor"] = {"name": str(contact)[:200]}
        return case_file

    def done(self, form_list: Any, form_dict: dict[str, Any], **kwargs: Any) -> HttpResponse:
        case = self._ensure_case()
        if not case.finished:  # the attachments page, reached for the first time
            role = self.raw_answers().get("role")
            insight.count(self.request, insight.PAGE_REACHED, "attachments", role=role)
        case_finish(case=case, case_file=self._case_file())
        return redirect(reverse("documents:attachments", kwargs={"case_id": case.id}))
