"""An assessment: create, read as a web page, edit its narrative, community views, PDF and Word."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from assessment import access, community_links, report, selectors, services
from assessment.documents.pdf import assessment_pdf
from assessment.documents.word import assessment_docx
from assessment.forms import AssessmentCreateForm, AssessmentEditForm, CommunityViewForm
from assessment.models import NARRATIVE_SECTIONS
from assessment.views.analysis_choices import assessment_query, assessment_type_links
from assessment.views.common import assessment_crumbs, cached_page, crumbs
from core.access import Purpose
from core.errors import ServiceError
from core.middleware import private_response
from planning import selectors as planning_selectors


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership, for_=Purpose.MANAGE)
    form = AssessmentCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(
                partnership=csp,
                slug=form.cleaned_data["slug"],
                data_from=form.cleaned_data["data_from"],
                data_to=form.cleaned_data["data_to"],
                actor=request.user,
            )
        except (ServiceError, ValueError) as error:
            form.add_error("slug", str(error))
        else:
            messages.success(request, f"{assessment.title} created.")
            return redirect("assessment:detail", partnership=csp.slug, slug=assessment.slug)
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": csp,
            "page_title": "New strategic assessment",
            "button": "Create assessment",
            "breadcrumbs": crumbs(csp, ("New", "")),
        },
    )


@login_required
def detail(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug)

    def content() -> dict[str, Any]:
        document = report.build_document(assessment)
        return {
            "d": document,
            # Engagement entries linked to each community view, that the viewer may see (governance).
            "community_links": community_links.links_for(request.user, [v.pk for v in document["community"]]),
            "download_query": assessment_query(assessment),
            "type_links": assessment_type_links(assessment, document),
            "assessment": assessment,
            "can_manage": access.can_manage(request.user, assessment.partnership),
            "can_score": access.can_score(request.user, assessment.partnership),
        }

    return cached_page(
        request,
        name=f"assessment:{assessment.pk}",
        partnership=assessment.partnership,
        template="assessment/detail.html",
        content=content,
        page_title=assessment.title,
        breadcrumbs=assessment_crumbs(assessment),
    )


@login_required
def document_pdf(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug)
    response = HttpResponse(assessment_pdf(report.build_document(assessment)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="strategic-assessment-{assessment.slug}.pdf"'
    return private_response(response)


@login_required
def document_docx(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug)
    response = HttpResponse(
        assessment_docx(report.build_document(assessment)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="strategic-assessment-{assessment.slug}.docx"'
    return private_response(response)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=Purpose.MANAGE)
    initial = {name: getattr(assessment, name) for name, _ in NARRATIVE_SECTIONS}
    initial.update(
        data_from=assessment.data_from,
        data_to=assessment.data_to,
        population_table=assessment.population_table,
        weight_set=assessment.weight_set,
        reviewed_plan_year=assessment.reviewed_plan_year,
    )
    form = AssessmentEditForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        plan_years=planning_selectors.plan_years(assessment.partnership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_edit(assessment=assessment, actor=request.user, **form.cleaned_data)
        except (ServiceError, ValueError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Assessment saved.")
            return redirect("assessment:detail", partnership=partnership, slug=slug)
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": assessment.partnership,
            "page_title": f"Edit {assessment.title}",
            "button": "Save",
            "breadcrumbs": assessment_crumbs(assessment, "Edit"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def community_add(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=Purpose.MANAGE)
    form = CommunityViewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.community_view_create(
                assessment=assessment,
                actor=request.user,
                theme=data.pop("theme"),
                source=data.pop("source"),
                **data,
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Community view added.")
            return redirect(reverse("assessment:detail", args=[partnership, slug]) + "#community")
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": assessment.partnership,
            "page_title": "Add a community view",
            "button": "Add community view",
            "breadcrumbs": assessment_crumbs(assessment, "Add a community view"),
        },
    )
