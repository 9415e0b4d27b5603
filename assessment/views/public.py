"""Public pages (no sign-in): a published summary of a Strategic Assessment, served byte for byte.

Reads only published versions (`assessment.selectors.summary.published_summary`); 404 before the
first publication, 410 Gone after a withdrawal. The page's policy allows no script at all.
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from assessment.selectors.summary import published_summary
from core.views import gone
from publishing.selectors import Withdrawn
from publishing.views.public import html_page


@require_GET
def summary(request: HttpRequest, partnership: str, slug: str, number: int | None = None) -> HttpResponse:
    try:
        publication = published_summary(partnership, slug, number)
    except Withdrawn as withdrawn:
        return gone(request, withdrawn.notice)
    return html_page(bytes(publication.html))


@require_GET
def summary_pdf(request: HttpRequest, partnership: str, slug: str, number: int | None = None) -> HttpResponse:
    try:
        publication = published_summary(partnership, slug, number)
    except Withdrawn as withdrawn:
        return gone(request, withdrawn.notice)
    name = f"{publication.partnership.slug}-strategic-assessment-{slug}-summary-v{publication.number}.pdf"
    response = HttpResponse(bytes(publication.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
