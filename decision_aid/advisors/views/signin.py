"""Advisor sign-in: password, then the authenticator app (first set up through a one-time
link), and sign-out."""

from __future__ import annotations

import base64
import io
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from decision_aid.advisors import (
    two_factor,
)
from decision_aid.advisors.forms import (
    TokenForm,
)
from decision_aid.advisors.signed_in import needs_second_factor


class LoginView(auth_views.LoginView):
    template_name = "advisors/login.html"
    redirect_authenticated_user = True
    extra_context = {"page_title": gettext_lazy("Sign in for union advisors")}

    def get_success_url(self) -> str:
        if needs_second_factor(self.request):
            # get_redirect_url() gives only a safe next= (same host), or "".
            target = self.get_redirect_url()
            setup = reverse("advisors:two_factor_setup", kwargs={"token": "x"}).rsplit("x", 1)[0]
            if target.startswith(setup):
                return target  # the one-time set-up link this advisor came with
            url = reverse("advisors:two_factor")
            return f"{url}?{urlencode({'next': target})}" if target else url
        return super().get_success_url()


def _safe_next(request: HttpRequest) -> str:
    """The next= page if it is on this site, else the case list (no open redirect)."""
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("advisors:cases")


class LogoutView(auth_views.LogoutView):
    """Signing out is a POST (the menu's button). A typed or bookmarked /adviseur/uitloggen/
    got Django's blank 405 page; it now asks, with the button."""

    next_page = "advisors:login"
    http_method_names = ["get", "post", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, "advisors/logout.html", {"page_title": _("Sign out?")})


def _second_step_done(request: HttpRequest, device: TOTPDevice) -> None:
    """Signed in fully: a new session key, as at the password step (django_otp's login kept
    the key the half-signed-in session had; whoever knew that key was then fully signed in)."""
    otp_login(request, device)
    request.session.cycle_key()


def _wrong_code_message(device: TOTPDevice | None) -> str:
    """After a few wrong codes django-otp refuses even the right one for a while (1 s, then
    twice as long after each wrong one): say so, rather than "not right" for a right code."""
    allowed, info = device.verify_is_allowed() if device is not None else (True, None)
    if not allowed and (info or {}).get("locked_until"):
        until = timezone.localtime(info["locked_until"]) + timedelta(seconds=1)
        return _(
            "Too many wrong codes. Wait until %(time)s, then type the newest code from your app."
        ) % {"time": until.strftime("%H:%M:%S")}
    return _("This code is not right. Try the newest code from your app.")


class TwoFactorView(View):
    """Verify a TOTP code. Without a set-up device: say to ask for a set-up link (no key)."""

    template_name = "advisors/two_factor.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def _device(self, request: HttpRequest) -> TOTPDevice | None:
        return TOTPDevice.objects.filter(user=request.user, confirmed=True).first()

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, TokenForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TokenForm(request.POST)
        device = self._device(request)
        if (
            device is not None
            and form.is_valid()
            and device.verify_token(form.cleaned_data["token"].replace(" ", ""))
        ):
            _second_step_done(request, device)
            return redirect(_safe_next(request))
        form.add_error("token", _wrong_code_message(device))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
        context: dict[str, Any] = {
            "form": form,
            "not_set_up": self._device(request) is None,
            "page_title": _("Two-step sign-in"),
        }
        return render(request, self.template_name, context, status=status)


class TwoFactorSetupView(View):
    """Set up the authenticator app through the one-time link from create_advisor."""

    template_name = "advisors/two_factor.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.device = two_factor.device_for_link(kwargs["token"], request.user)
        if self.device is None:
            return render(
                request,
                "limited.html",
                {
                    "page_title": _("This link does not work"),
                    "message": _(
                        "This set-up link has expired, was already used, or is for someone "
                        "else. Ask your administrator for a new link."
                    ),
                },
                status=404,
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return self._render(request, TokenForm())

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = TokenForm(request.POST)
        if form.is_valid() and self.device.verify_token(
            form.cleaned_data["token"].replace(" ", "")
        ):
            two_factor.device_confirm(self.device)
            _second_step_done(request, self.device)
            return redirect(reverse("advisors:cases"))
        form.add_error("token", _wrong_code_message(self.device))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
        import qrcode
        import qrcode.image.svg

        secret = base64.b32encode(self.device.bin_key).decode()
        image = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        buffer = io.BytesIO()
        image.save(buffer)
        context: dict[str, Any] = {
            "form": form,
            "setting_up": True,
            "page_title": _("Two-step sign-in"),
            "qr_data_uri": "data:image/svg+xml;base64,"
            + base64.b64encode(buffer.getvalue()).decode(),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        }
        response = render(request, self.template_name, context, status=status)
        response["Cache-Control"] = "no-store"
        return response
