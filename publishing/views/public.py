"""Public pages (no sign-in): the published plans of a partnership, served byte for byte.

The public exception to the access kernel: these read only *published* versions, through
`publishing.selectors.published_*`, for anyone. Photographs reach the public only inside them.
"""

import base64
import hashlib
import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.views import gone
from publishing import selectors, selectors_strategy
from publishing.models import PlanPublication
from publishing.public_links import public_links

_STYLE = re.compile(rb"<style>(.*?)</style>", re.DOTALL)


def html_page(body: bytes) -> HttpResponse:
    """A plan page as it was rendered. Its policy allows no scripts at all, its own stylesheet (by
    hash) and only inline images."""
    match = _STYLE.search(body)
    style_hash = base64.b64encode(hashlib.sha256(match.group(1)).digest()).decode() if match else ""
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = (
        f"default-src 'none'; style-src 'sha256-{style_hash}'; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return response


def _file(publication: PlanPublication, kind: str) -> HttpResponse:
    name = f"{publication.partnership.slug}-plan-{publication.plan_year.slug}-v{publication.number}.{kind}"
    if kind == "pdf":
        response = HttpResponse(bytes(publication.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{name}"'
    else:
        response = HttpResponse(
            bytes(publication.docx),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def partnership_plans(request: HttpRequest, partnership: str) -> HttpResponse:
    found = selectors.published_partnership(partnership)
    return render(
        request,
        "publishing/public/partnership.html",
        {
            "public_partnership": found,
            "years": selectors.published_years(found),
            "strategies": selectors_strategy.published_strategies(found.slug),
            "more": public_links(found),
            "page_title": f"{found.name}: published plans",
        },
    )


@require_GET
def plan(request: HttpRequest, partnership: str, year: str, number: int | None = None) -> HttpResponse:
    """The numbered version, or the year's newest version not withdrawn; 410 Gone when withdrawn."""
    try:
        publication = selectors.published_version(partnership, year, number)
    except selectors.Withdrawn as withdrawn:
        return gone(request, withdrawn.notice)
    return html_page(bytes(publication.html))


@require_GET
def plan_file(
    request: HttpRequest, partnership: str, year: str, kind: str, number: int | None = None
) -> HttpResponse:
    try:
        publication = selectors.published_version(partnership, year, number)
    except selectors.Withdrawn as withdrawn:
        return gone(request, withdrawn.notice)
    return _file(publication, kind)
