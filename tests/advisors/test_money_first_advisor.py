"""The advisor's view of a money dispute: 'Deze week' with its date above the advice, the
advice about 'the member' (never 'uw loon'), and the first letter is the member's written claim
to the employer with the advisor as contact."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.advisors.conftest import INTAKE, client_for

pytestmark = pytest.mark.django_db


def test_advisor_sees_this_week_and_the_member(advisors):
    client = client_for(advisors["a1"])
    posted = {**INTAKE, "wage": "cut", "unfitness_disputed": "no", "disputes": ["wage_stopped"]}
    response = client.post("/adviseur/nieuw/", {**posted, "save": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(response["Location"]).content.decode()
    pay_by = (timezone.localdate() + timedelta(days=7)).strftime("%d-%m-%Y")
    assert "Deze week" in html and pay_by in html
    assert html.index("Deze week") < html.index('class="advice-title"')
    assert "Niemand betwist dat het lid ziek is" in html
    assert "uw loon" not in html.lower()
    # the letters: the member's written claim first, with the advisor as the contact
    from decision_aid.advisors.models import AdvisorCase
    from decision_aid.documents.presenter import build_document_context, documents_for

    case_file = AdvisorCase.objects.get().case.case_file
    docs = documents_for(case_file)
    assert docs[0].kind == "wage_protest"
    context = build_document_context(case_file, docs[0])
    assert context["requester"]["name"] == INTAKE["member_name"]
    assert context["contact"]["role"] and context["other_party"]["name"] == "Transport Snel B.V."
