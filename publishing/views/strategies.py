"""Strategy documents: the signed-in page (draft, publish, versions, withdraw) and the public pages.

The public pages are the same exception as the plans' (`publishing.views.public`): they serve only
*published* versions, byte for byte, through `publishing.selectors_strategy.published_*`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.access import Purpose
from core.views import gone, run_service
from planning.models import Strategy
from planning.selectors import strategies as strategy_selectors
from publishing import access, selectors_strategy, services_strategy
from publishing.checks_strategy import strategy_checklist
from publishing.forms import PublishForm, WithdrawForm
from publishing.models import StrategyPublication
from publishing.render import strategy as render_strategy
from publishing.selectors import Withdrawn
from publishing.views.documents import CONTENT_TYPES, download
from publishing.views.public import html_page


def _document_url(strategy: Strategy) -> str:
    return reverse(
        "publishing:strategy_document",
        kwargs={"partnership": strategy.partnership.slug, "span": strategy.slug},
    )


def _breadcrumbs(strategy: Strategy, label: str = "") -> list[dict[str, str]]:
    slug = strategy.partnership.slug
    crumbs = [
        {"label": "Strategies", "url": reverse("planning:strategies", kwargs={"partnership": slug})},
        {
            "label": strategy.label,
            "url": reverse("planning:strategy", kwargs={"partnership": slug, "span": strategy.slug}),
        },
        {"label": "Strategy document", "url": _document_url(strategy) if label else ""},
    ]
    return crumbs + ([{"label": label, "url": ""}] if label else [])


@login_required
@require_GET
def strategy_document(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    strategy = strategy_selectors.access_strategy(request.user, partnership, span)
    withdrawals = selectors_strategy.strategy_withdrawals(request.user, strategy)
    return render(
        request,
        "publishing/strategy_year.html",
        {
            "partnership": strategy.partnership,
            "strategy": strategy,
            "versions": [
                (v, withdrawals.get(v.pk))
                for v in selectors_strategy.strategy_publications(request.user, strategy)
            ],
            "can_edit": access.can_edit_strategy_documents(request.user, strategy),
            "page_title": f"Strategy document {strategy}",
            "breadcrumbs": _breadcrumbs(strategy),
        },
    )


@login_required
@require_GET
def strategy_preview(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    """The current data as the web page, watermarked "Draft"."""
    strategy = strategy_selectors.access_strategy(request.user, partnership, span)
    base = _document_url(strategy)
    html = render_strategy.strategy_html(
        render_strategy.build_strategy(strategy, draft=True),
        downloads=[("Draft PDF", base + "draft.pdf"), ("Draft Word document", base + "draft.docx")],
        back_url=base,
    )
    return html_page(html.encode("utf-8"))


@login_required
@require_GET
def strategy_draft_file(request: HttpRequest, partnership: str, span: str, kind: str) -> HttpResponse:
    strategy = strategy_selectors.access_strategy(request.user, partnership, span)
    doc = render_strategy.build_strategy(strategy, draft=True)
    data = render_strategy.strategy_pdf(doc) if kind == "pdf" else render_strategy.strategy_docx(doc)
    return download(data, kind, f"{partnership}-strategy-{span}-draft.{kind}")


@login_required
def strategy_publish(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    """The checklist, then publishing once the coordinator confirms it."""
    strategy = strategy_selectors.access_strategy(request.user, partnership, span, for_=Purpose.MANAGE)
    form = PublishForm(request.POST if request.method == "POST" else None)
    form.fields["confirm"].label = "I have read the checklist and want to publish this strategy now"
    if request.method == "POST" and form.is_valid():
        publication, done = run_service(
            form, services_strategy.strategy_publish, strategy=strategy, actor=request.user, confirmed=True
        )
        if done and publication is not None:
            messages.success(
                request, f"Published the {strategy} as version {publication.number}. It is now public."
            )
            return redirect(_document_url(strategy))
    return render(
        request,
        "publishing/strategy_publish.html",
        {
            "partnership": strategy.partnership,
            "strategy": strategy,
            "checklist": strategy_checklist(strategy),
            "form": form,
            "page_title": f"Publish the {strategy}",
            "breadcrumbs": _breadcrumbs(strategy, "Publish"),
        },
    )


@login_required
def strategy_withdraw(request: HttpRequest, partnership: str, span: str, number: int) -> HttpResponse:
    strategy = strategy_selectors.access_strategy(request.user, partnership, span, for_=Purpose.MANAGE)
    publication = selectors_strategy.strategy_publication(request.user, strategy, number)
    withdrawn = selectors_strategy.strategy_withdrawals(request.user, strategy).get(publication.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and withdrawn is None and form.is_valid():
        _, done = run_service(
            form,
            services_strategy.strategy_withdraw,
            publication=publication,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        if done:
            messages.success(
                request,
                f"Withdrew version {publication.number} of the {strategy}. Its public pages now say it was withdrawn.",
            )
            return redirect(_document_url(strategy))
    return render(
        request,
        "publishing/strategy_withdraw.html",
        {
            "partnership": strategy.partnership,
            "strategy": strategy,
            "publication": publication,
            "withdrawn": withdrawn,
            "form": form,
            "page_title": f"Withdraw version {publication.number} of the {strategy}",
            "breadcrumbs": _breadcrumbs(strategy, f"Withdraw version {publication.number}"),
        },
    )


# --- Public pages (no sign-in) ---------------------------------------------------------------


def _file(publication: StrategyPublication, kind: str) -> HttpResponse:
    name = f"{publication.partnership.slug}-strategy-{publication.strategy.slug}-v{publication.number}.{kind}"
    data = bytes(publication.pdf) if kind == "pdf" else bytes(publication.docx)
    response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
    disposition = "inline" if kind == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@require_GET
def public_strategy(
    request: HttpRequest, partnership: str, span: str, number: int | None = None
) -> HttpResponse:
    """The numbered version, or the strategy's newest version not withdrawn; 410 Gone when withdrawn."""
    try:
        publication = selectors_strategy.published_strategy_version(partnership, span, number)
    except Withdrawn as withdrawn:
        return gone(request, withdrawn.notice)
    return html_page(bytes(publication.html))


@require_GET
def public_strategy_file(
    request: HttpRequest, partnership: str, span: str, kind: str, number: int | None = None
) -> HttpResponse:
    try:
        publication = selectors_strategy.published_strategy_version(partnership, span, number)
    except Withdrawn as withdrawn:
        return gone(request, withdrawn.notice)
    return _file(publication, kind)


@require_GET
def public_strategy_versions(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    versions = selectors_strategy.published_strategy_versions(partnership, span)
    strategy = versions[0].strategy
    return render(
        request,
        "publishing/public/strategy_versions.html",
        {
            "public_partnership": versions[0].partnership,
            "strategy": strategy,
            "versions": versions,
            "latest": next((v for v in versions if v.withdrawal_or_none is None), None),
            "page_title": f"{versions[0].partnership.name}: {strategy}, published versions",
        },
    )
