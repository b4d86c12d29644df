from django.shortcuts import render
from django.utils.translation import get_language
from django.views.generic import TemplateView

from decision_aid.content import all_sources


class HomeView(TemplateView):
    template_name = "pages/home.html"


class PrivacyView(TemplateView):
    template_name = "pages/privacy.html"


class SourcesView(TemplateView):
    template_name = "pages/sources.html"

    def get_context_data(self, **kwargs):  # noqa: ANN003, ANN201
        from decision_aid.wizard.presenter import _source_view

        context = super().get_context_data(**kwargs)
        context["sources"] = [_source_view(s.id) for s in all_sources()]
        context["english"] = (get_language() or "nl").startswith("en")
        return context


def error_404(request, exception=None):  # noqa: ANN001, ANN201, ARG001
    return render(request, "404.html", status=404)


def error_500(request):  # noqa: ANN001, ANN201
    return render(request, "500.html", status=500)
