"""Recording that the ASB Case Review was explained to the victim (the second-report prompt)."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from casework import access
from casework.services_prompts import review_explanation_record
from casework.views.common import case_url, case_work_view, crumbs
from core.access import Purpose
from core.dates import GovukDateField
from core.views import run_service
from partnership.models import Partnership


class ExplainedForm(forms.Form):
    explained_on = GovukDateField(label="Date explained", help_text="For example, 27 3 2020")


@case_work_view
def review_explained(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
    case = access.access_case_by_id(request.user, pk, for_=Purpose.REPORT, partnership=p)
    form = ExplainedForm(request.POST or None, initial={"explained_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            review_explanation_record,
            actor=request.user,
            case=case,
            explained_on=form.cleaned_data["explained_on"],
        )
        if ok:
            messages.success(request, "Recorded: the ASB Case Review was explained to the victim.")
            return redirect(case_url(p, case.pk))
    return render(
        request,
        "casework/form.html",
        {
            "partnership": p,
            "form": form,
            "case": case,
            "caption": f"Case {case.reference}",
            "page_title": "Record that the ASB Case Review was explained to the victim",
            "breadcrumbs": crumbs(p, (f"Case {case.reference}", case_url(p, case.pk))),
            "submit": "Record",
            "cancel": case_url(p, case.pk),
        },
    )
