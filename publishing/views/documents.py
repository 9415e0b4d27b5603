"""Signed-in pages: plan documents, previews, publishing, narrative editing and progress reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.access import Purpose
from core.history import history_rows
from core.middleware import private_response
from core.views import run_service
from planning import selectors as planning_selectors
from planning import year_notices
from planning.models import PlanYear
from publishing import access, selectors, services
from publishing.checks import publish_checklist
from publishing.forms import NarrativeForm, PublishForm, WithdrawForm
from publishing.progress import build_progress
from publishing.render import html as html_render
from publishing.render import pdf as pdf_render
from publishing.render import progress as progress_render
from publishing.render import word as word_render
from publishing.render.document import build_plan
from publishing.views.public import html_page

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(data: bytes, kind: str, filename: str) -> HttpResponse:
    """A draft or a progress report: never public, so never cached."""
    response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
    disposition = "inline" if kind == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


def _year_url(plan_year: PlanYear) -> str:
    return reverse(
        "publishing:year", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )


@login_required
@require_GET
def documents(request: HttpRequest, partnership: str) -> HttpResponse:
    """The plan years, each with its published versions."""
    found = selectors.partnership(request.user, partnership)
    years = []
    for plan_year in selectors.plan_years(request.user, found):
        versions = list(selectors.publications(request.user, plan_year))
        withdrawn = selectors.withdrawals(request.user, plan_year)
        standing = next((v for v in versions if v.pk not in withdrawn), None)
        years.append((plan_year, versions, standing))
    return render(
        request,
        "publishing/documents.html",
        {"partnership": found, "years": years, "page_title": "Plan documents"},
    )


@login_required
@require_GET
def year(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = selectors.plan_year(request.user, partnership, year)
    withdrawals = selectors.withdrawals(request.user, plan_year)
    context = {
        "partnership": plan_year.partnership,
        "plan_year": plan_year,
        "versions": [(v, withdrawals.get(v.pk)) for v in selectors.publications(request.user, plan_year)],
        "can_edit": access.can_edit_documents(request.user, plan_year),
        "reviews": selectors.project_reviews(request.user, plan_year),
        "themes": planning_selectors.themes(request.user, plan_year.partnership),
        "year_notices": year_notices.collect(
            year_notices.PLAN_DOCUMENTS, request.user, plan_year, timezone.localdate()
        ),
        "page_title": f"Plan document {plan_year.label}",
        "breadcrumbs": [
            {"label": "Plan documents", "url": reverse("publishing:documents", args=[partnership])},
            {"label": plan_year.label, "url": ""},
        ],
    }
    return render(request, "publishing/year.html", context)


@login_required
@require_GET
def preview(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    """The current data as the web page, watermarked "Draft"; served like a published page."""
    plan_year = selectors.plan_year(request.user, partnership, year)
    base = _year_url(plan_year)
    html = html_render.plan_html(
        build_plan(plan_year, draft=True),
        downloads=[("Draft PDF", base + "draft.pdf"), ("Draft Word document", base + "draft.docx")],
        back_url=base,
    )
    return html_page(html.encode("utf-8"))


@login_required
@require_GET
def draft_file(request: HttpRequest, partnership: str, year: str, kind: str) -> HttpResponse:
    plan_year = selectors.plan_year(request.user, partnership, year)
    doc = build_plan(plan_year, draft=True)
    data = pdf_render.plan_pdf(doc) if kind == "pdf" else word_render.plan_docx(doc)
    return download(data, kind, f"{partnership}-plan-{year}-draft.{kind}")


def _breadcrumbs(plan_year: PlanYear, label: str) -> list[dict[str, str]]:
    return [
        {
            "label": "Plan documents",
            "url": reverse("publishing:documents", args=[plan_year.partnership.slug]),
        },
        {"label": plan_year.label, "url": _year_url(plan_year)},
        {"label": label, "url": ""},
    ]


@login_required
def publish(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    """The checklist, then publishing once the coordinator confirms it (a draft year never publishes)."""
    plan_year = selectors.plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        publication, done = run_service(
            form, services.plan_publish, plan_year=plan_year, actor=request.user, confirmed=True
        )
        if done and publication is not None:
            messages.success(
                request,
                f"Published the {plan_year.label} plan as version {publication.number}. It is now public.",
            )
            return redirect(_year_url(plan_year))
    return render(
        request,
        "publishing/publish.html",
        {
            "partnership": plan_year.partnership,
            "plan_year": plan_year,
            "checklist": publish_checklist(plan_year),
            "form": form,
            "page_title": f"Publish the {plan_year.label} plan",
            "breadcrumbs": _breadcrumbs(plan_year, "Publish"),
        },
    )


@login_required
def withdraw(request: HttpRequest, partnership: str, year: str, number: int) -> HttpResponse:
    """Withdraw a published version with a reason: its public pages then answer 410 Gone."""
    plan_year = selectors.plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    publication = selectors.publication(request.user, plan_year, number)
    withdrawn = selectors.withdrawals(request.user, plan_year).get(publication.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and withdrawn is None and form.is_valid():
        _, done = run_service(
            form,
            services.plan_withdraw,
            publication=publication,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        if done:
            messages.success(
                request,
                f"Withdrew version {publication.number} of the {plan_year.label} plan. "
                "Its public pages now say it was withdrawn.",
            )
            return redirect(_year_url(plan_year))
    return render(
        request,
        "publishing/withdraw.html",
        {
            "partnership": plan_year.partnership,
            "plan_year": plan_year,
            "publication": publication,
            "withdrawn": withdrawn,
            "form": form,
            "page_title": f"Withdraw version {publication.number} of the {plan_year.label} plan",
            "breadcrumbs": _breadcrumbs(plan_year, f"Withdraw version {publication.number}"),
        },
    )


@login_required
@require_GET
def progress(request: HttpRequest, partnership: str, year: str, kind: str) -> HttpResponse:
    plan_year = selectors.plan_year(request.user, partnership, year)
    chosen = request.GET.get("theme", "")
    theme = planning_selectors.theme_for(request.user, plan_year.partnership, chosen) if chosen else None
    report = build_progress(plan_year, theme)
    render_file = {
        "pdf": pdf_render.progress_pdf,
        "docx": progress_render.progress_docx,
        "xlsx": progress_render.progress_xlsx,
    }[kind]
    suffix = f"-theme-{theme.pk}" if theme else ""
    return download(render_file(report), kind, f"{partnership}-progress-{year}{suffix}.{kind}")


@login_required
def narrative(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = selectors.plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    current = selectors.narrative(request.user, plan_year)
    form = NarrativeForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        _, saved = run_service(
            form, services.narrative_save, plan_year=plan_year, actor=request.user, **form.cleaned_data
        )
        if saved:
            messages.success(request, "Saved the narrative.")
            return redirect(_year_url(plan_year))
    return render(
        request,
        "publishing/narrative_form.html",
        {
            "partnership": plan_year.partnership,
            "plan_year": plan_year,
            "form": form,
            "history": history_rows(current) if current else [],
            "page_title": f"Edit the narrative of the {plan_year.label} plan",
            "breadcrumbs": [
                {"label": "Plan documents", "url": reverse("publishing:documents", args=[partnership])},
                {"label": plan_year.label, "url": _year_url(plan_year)},
                {"label": "Narrative", "url": ""},
            ],
        },
    )
